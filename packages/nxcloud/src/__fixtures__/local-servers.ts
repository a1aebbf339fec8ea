/*
 * Servers for the tests that need real sockets: an NXCloud stand-in and a CONNECT proxy. Each
 * listens on 127.0.0.1; no test reaches another machine.
 */
import { readFileSync } from 'node:fs';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type Socket } from 'node:net';

const fixture = (name: string) => readFileSync(new URL(`./tls/${name}`, import.meta.url), 'utf8');

/** The test CA, which signed `server.pem` (for `localhost`, 127.0.0.1 and ::1). See tls/README.md. */
export const TEST_CA = fixture('ca.pem');

export type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;

export interface LocalServer {
  readonly port: number;
  /** Connections accepted so far, counted on TCP, before any TLS handshake. */
  readonly connections: () => number;
  /** Requests received whole so far. */
  readonly requests: () => number;
  close(): Promise<void>;
}

/** A local server: plain HTTP, TLS with the test CA's certificate, or a self-signed one. */
export async function startServer(
  handler: Handler,
  tls: 'none' | 'trusted' | 'self-signed' = 'none',
): Promise<LocalServer> {
  let connections = 0;
  let requests = 0;
  const counted = (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      requests += 1;
      response.on('error', () => {});
      handler(request, Buffer.concat(chunks).toString('utf8'), response);
    });
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
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
  });
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    connections: () => connections,
    requests: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export interface TunnelProxy {
  readonly url: string;
  /** The `host:port` of every CONNECT it received, in order. */
  readonly tunnels: string[];
  close(): Promise<void>;
}

/**
 * A CONNECT proxy that tunnels to `targetPort` on 127.0.0.1 whatever host it is asked for, as a
 * corporate proxy would tunnel to NXCloud.
 */
export async function startTunnelProxy(targetPort: number): Promise<TunnelProxy> {
  const tunnels: string[] = [];
  const sockets = new Set<Socket>();
  const server = createHttpServer((_request, response) => {
    response.writeHead(405).end();
  });
  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
  };
  server.on('connection', track);
  server.on('connect', (request: IncomingMessage, client: Socket, head: Buffer) => {
    tunnels.push(request.url ?? '');
    const upstream = connect(targetPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    track(upstream);
    upstream.on('error', () => client.destroy());
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

/** Answers `body` (JSON text, or bytes) with its length. */
export function answerJson(
  response: ServerResponse,
  body: string | Buffer,
  status = 200,
  headers: Record<string, string> = {},
): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  response.writeHead(status, {
    'content-type': 'application/json',
    ...headers,
    'content-length': String(bytes.length),
  });
  response.end(bytes);
}
