/*
 * Servers and agents for the transport's tests. Everything listens on 127.0.0.1 and every host
 * name resolves there: no test reaches another machine, nor asks DNS.
 */
import { readFileSync } from 'node:fs';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, type LookupFunction, type Socket } from 'node:net';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { constants, createBrotliCompress, createDeflate, createDeflateRaw, createGzip } from 'node:zlib';
import { HttpAgents } from '../http-agents.js';

const fixture = (name: string) => readFileSync(new URL(`./tls/${name}`, import.meta.url), 'utf8');

/** The test CA, which signed the certificate of `api.vendor.test`, `localhost` and 127.0.0.1. */
export const TEST_CA = fixture('ca.pem');

export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export interface LocalServer {
  readonly port: number;
  /** Connections accepted so far. */
  readonly connections: () => number;
  /** Requests received so far. */
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
  const counted: Handler = (request, response) => {
    requests += 1;
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
  const sockets = new Set<Socket>();
  // Counted on TCP, before any TLS handshake: proves when nothing at all reached the server.
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
  readonly port: number;
  readonly url: string;
  /** The `host:port` of every CONNECT it received, in order. */
  readonly tunnels: string[];
  /** The Proxy-Authorization header of every CONNECT it received. */
  readonly authorizations: (string | undefined)[];
  close(): Promise<void>;
}

/**
 * A CONNECT proxy that tunnels to `targetPort` on 127.0.0.1, whatever host it is asked for, as a
 * corporate proxy would tunnel to the vendor. With `requireAuthorization`, it answers 407 to any
 * CONNECT without that Proxy-Authorization header.
 */
export async function startTunnelProxy(
  targetPort: number,
  { requireAuthorization }: { requireAuthorization?: string } = {},
): Promise<TunnelProxy> {
  const tunnels: string[] = [];
  const authorizations: (string | undefined)[] = [];
  const sockets = new Set<Socket>();
  const server = createHttpServer((_request, response) => {
    response.writeHead(405).end();
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (request: IncomingMessage, client: Socket, head: Buffer) => {
    client.on('error', () => {});
    tunnels.push(request.url ?? '');
    const authorization = request.headers['proxy-authorization'];
    authorizations.push(authorization);
    if (requireAuthorization !== undefined && authorization !== requireAuthorization) {
      client.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic\r\nContent-Length: 0\r\n\r\n',
      );
      return;
    }
    const upstream = connect(targetPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    tunnels,
    authorizations,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * A lookup that resolves `localhost` and every `*.vendor.test` name to 127.0.0.1 and refuses the
 * rest, counting its calls: tests reach no other machine and never ask DNS.
 */
export function localLookup(): LookupFunction & { readonly calls: string[] } {
  const calls: string[] = [];
  const lookup = ((hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    calls.push(hostname);
    if (hostname !== 'localhost' && !hostname.endsWith('.vendor.test')) {
      const error = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
      process.nextTick(callback, error);
      return;
    }
    if (options.all) process.nextTick(callback, null, [{ address: '127.0.0.1', family: 4 }]);
    else process.nextTick(callback, null, '127.0.0.1', 4);
  }) as LookupFunction & { calls: string[] };
  lookup.calls = calls;
  return lookup;
}

/** Agents that trust the test CA and resolve names with `localLookup`. */
export function testAgents(lookup = localLookup()): HttpAgents {
  return new HttpAgents({ ca: TEST_CA, lookup });
}

/** `bytes` zero bytes as a stream, made as they are read. */
export function zeros(bytes: number): Readable {
  return repeated(Buffer.alloc(1), bytes);
}

/** `bytes` bytes of `pattern` repeated, as a stream made as it is read. */
export function repeated(pattern: Buffer, bytes: number): Readable {
  // A block of whole patterns of about 64 KiB, so that every block continues where the last ended.
  const block = Buffer.alloc(Math.max(1, Math.floor((64 * 1024) / pattern.length)) * pattern.length, pattern);
  let left = bytes;
  return new Readable({
    read() {
      if (left <= 0) {
        this.push(null);
        return;
      }
      const size = Math.min(left, block.length);
      left -= size;
      this.push(size === block.length ? block : block.subarray(0, size));
    },
  });
}

export type Encoding = 'gzip' | 'deflate' | 'deflate-raw' | 'br';

/** A compressor for a Content-Encoding (`deflate-raw` is sent as `deflate`, as some servers do). */
function compressor(encoding: Encoding) {
  switch (encoding) {
    case 'gzip':
      return createGzip({ level: 9 });
    case 'deflate':
      return createDeflate({ level: 9 });
    case 'deflate-raw':
      return createDeflateRaw({ level: 9 });
    case 'br':
      return createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
  }
}

/** `bytes` zeros compressed, made as a stream so the zeros are never held in memory at once. */
export function compressedZeros(encoding: Encoding, bytes: number): Promise<Buffer> {
  return compressStream(encoding, zeros(bytes));
}

/** `data` compressed. */
export function compress(encoding: Encoding, data: Buffer): Promise<Buffer> {
  return compressStream(encoding, Readable.from([data]));
}

/** A stream's bytes compressed (`identity`: as they are). */
export async function compressStream(encoding: Encoding | 'identity', source: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const collect = async (compressed: AsyncIterable<Buffer>) => {
    for await (const chunk of compressed) chunks.push(chunk);
  };
  if (encoding === 'identity') await pipeline(source, collect);
  else await pipeline(source, compressor(encoding), collect);
  return Buffer.concat(chunks);
}

/** Writes `body` as the whole answer, chunked or with its length, and ignores a client that left. */
export function answer(
  response: ServerResponse,
  body: Buffer,
  {
    status = 200,
    headers = {},
    chunked = false,
  }: { status?: number; headers?: Record<string, string>; chunked?: boolean } = {},
): void {
  response.on('error', () => {});
  if (chunked) {
    response.writeHead(status, headers);
    const half = Math.floor(body.length / 2);
    response.write(body.subarray(0, half));
    response.end(body.subarray(half));
  } else {
    response.writeHead(status, { ...headers, 'content-length': String(body.length) });
    response.end(body);
  }
}
