// Test harness, not a vendor payload: CAMS stand-ins on 127.0.0.1 (plain, TLS with the test CA's
// certificate, or self-signed), a CONNECT proxy, and a name resolver that keeps every test on this
// machine. Nothing here reaches the network or asks DNS.
import dns from 'node:dns';
import { readFileSync } from 'node:fs';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type Socket } from 'node:net';
import { vi } from 'vitest';

const fixture = (name: string) => readFileSync(new URL(`./tls/${name}`, import.meta.url), 'utf8');

/** The test CA, which signed the certificate of `api.vendor.test`, `localhost` and 127.0.0.1. */
export const TEST_CA = fixture('ca.pem');

export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export interface LocalServer {
  readonly port: number;
  /** Requests received so far. */
  readonly requests: () => number;
  /** Resolves when the socket of the request received at `index` (0 first) closes. */
  readonly closed: (index: number) => Promise<void>;
  close(): Promise<void>;
}

/** A local server: plain HTTP, TLS with the test CA's certificate, or a self-signed one. */
export async function startServer(
  handler: Handler,
  tls: 'none' | 'trusted' | 'self-signed' = 'none',
): Promise<LocalServer> {
  const closings: Promise<void>[] = [];
  const counted: Handler = (request, response) => {
    closings.push(new Promise((resolve) => request.socket.once('close', () => resolve())));
    handler(request, response);
  };
  let server: Server;
  if (tls === 'none') {
    server = createHttpServer(counted);
  } else {
    const [cert, key] =
      tls === 'trusted'
        ? [fixture('server.pem'), fixture('server-key.pem')]
        : [fixture('self-signed.pem'), fixture('self-signed-key.pem')];
    server = createHttpsServer({ cert, key }, counted);
  }
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    requests: () => closings.length,
    closed: (index) => closings[index] ?? Promise.reject(new Error(`no request ${index} was received`)),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers with a JSON body and status 200, or what is given. */
export function answerJson(response: ServerResponse, body: string | object, status = 200, headers = {}) {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(typeof body === 'string' ? body : JSON.stringify(body));
}

export interface TunnelProxy {
  readonly url: string;
  /** The `host:port` of every CONNECT it received, in order. */
  readonly tunnels: string[];
  close(): Promise<void>;
}

/**
 * A CONNECT proxy that tunnels to `targetPort` on 127.0.0.1 whatever host it is asked for, as a
 * corporate proxy would tunnel to CAMS.
 */
export async function startTunnelProxy(targetPort: number): Promise<TunnelProxy> {
  const tunnels: string[] = [];
  const sockets = new Set<Socket>();
  const server = createHttpServer((_request, response) => response.writeHead(405).end());
  server.on('connect', (request: IncomingMessage, client: Socket, head: Buffer) => {
    tunnels.push(request.url ?? '');
    client.on('error', () => {});
    const upstream = connect(targetPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    tunnels,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * Resolves every `*.vendor.test` name to 127.0.0.1 and refuses any other, noting each name asked:
 * this process's own look-ups (a proxy resolves the vendor's name itself). Undone by
 * `vi.restoreAllMocks()`.
 */
export function resolveVendorNamesLocally(): string[] {
  const asked: string[] = [];
  const lookup = (hostname: string, options: unknown, callback?: unknown) => {
    const done = (typeof options === 'function' ? options : callback) as (...args: unknown[]) => void;
    const all = typeof options === 'object' && options !== null && (options as { all?: boolean }).all;
    asked.push(hostname);
    if (!hostname.endsWith('.vendor.test')) {
      process.nextTick(
        done,
        Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }),
      );
    } else if (all) {
      process.nextTick(done, null, [{ address: '127.0.0.1', family: 4 }]);
    } else {
      process.nextTick(done, null, '127.0.0.1', 4);
    }
  };
  vi.spyOn(dns, 'lookup').mockImplementation(lookup as unknown as typeof dns.lookup);
  return asked;
}

/** Every variable a proxy can come from, cleared, so that the machine's own settings do not count. */
export function clearProxyEnvironment(): void {
  for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'ALL_PROXY', 'NO_PROXY']) {
    vi.stubEnv(name, '');
    vi.stubEnv(name.toLowerCase(), '');
  }
}
