import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
  STATUS_CODES,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FaultController, FaultDecision } from '../faults/faults.js';
import type { RequestCounters } from './request-counters.js';
import type { VendorProtocol, VendorRequest, VendorResponse } from './vendor-protocol.js';

/** Bodies above this size get HTTP 413: the vendor APIs emulated here take small JSON or forms. */
const MAX_BODY_BYTES = 1024 * 1024;

export interface VendorServerOptions {
  protocol: VendorProtocol;
  host: string;
  port: number;
  faults: FaultController;
  counters: RequestCounters;
  /** Aborted on close: cuts short any added latency. */
  closing: AbortSignal;
}

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

/** Starts one vendor's HTTP server: counts each request, applies faults, then the vendor logic. */
export async function startVendorServer(options: VendorServerOptions): Promise<RunningServer> {
  const server = createServer((request, response) => {
    serve(options, request, response).catch(() => {
      if (options.closing.aborted || response.headersSent || request.socket.destroyed) {
        // The server is closing or the client is gone: nothing left to answer.
        response.destroy();
      } else {
        send(response, options.protocol.httpError(requestOf(request, Buffer.alloc(0)), 500));
      }
    });
  });
  await listen(server, options.host, options.port);
  return {
    port: (server.address() as AddressInfo).port,
    close: () => closeServer(server),
  };
}

async function serve(
  options: VendorServerOptions,
  incoming: IncomingMessage,
  outgoing: ServerResponse,
): Promise<void> {
  const { protocol, faults, counters } = options;
  const body = await readBody(incoming);
  if (body === undefined) {
    send(outgoing, protocol.httpError(requestOf(incoming, Buffer.alloc(0)), 413));
    return;
  }
  const request = requestOf(incoming, body);
  const operation = protocol.operationOf(request);
  counters.received(protocol.vendor, operation);

  const decision = faults.decide(protocol.vendor, operation);
  if (decision.latencyMs > 0) await sleep(decision.latencyMs, undefined, { signal: options.closing });
  if (decision.answer) counters.rejectedByFault(decision.answer.kind === 'quota');

  if (decision.answer?.kind === 'reset') {
    incoming.socket.destroy();
    return;
  }
  send(outgoing, answer(protocol, request, decision));
}

function answer(protocol: VendorProtocol, request: VendorRequest, decision: FaultDecision): VendorResponse {
  const fault = decision.answer;
  switch (fault?.kind) {
    case undefined:
      return protocol.handle(request);
    case 'http-error':
      return withRetryAfter(protocol.httpError(request, fault.status ?? 503), fault.retryAfterSeconds);
    case 'html':
      return htmlErrorPage(fault.status ?? 502, protocol.proxyName);
    case 'vendor-error':
      return protocol.failureCode(request, fault.code);
    case 'quota':
      return withRetryAfter(protocol.throttled(request, fault.code), fault.retryAfterSeconds);
    case 'malformed-json': {
      const real = protocol.handle(request);
      const bytes = Buffer.from(real.body);
      return { ...real, status: 200, body: bytes.subarray(0, Math.floor(bytes.length / 2)) };
    }
    case 'reset':
      throw new Error('unreachable: a reset has no answer');
  }
}

function withRetryAfter(response: VendorResponse, seconds: number | undefined): VendorResponse {
  if (seconds === undefined) return response;
  return { ...response, headers: { ...response.headers, 'retry-after': String(Math.ceil(seconds)) } };
}

/** The kind of page an nginx-style proxy in front of the vendor answers with. */
function htmlErrorPage(status: number, proxyName: string): VendorResponse {
  const title = `${status} ${STATUS_CODES[status] ?? 'Error'}`;
  return {
    status,
    headers: { 'content-type': 'text/html' },
    body: `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>${proxyName}</center>\r\n</body>\r\n</html>\r\n`,
  };
}

function requestOf(incoming: IncomingMessage, body: Buffer): VendorRequest {
  return {
    method: incoming.method ?? 'GET',
    url: new URL(incoming.url ?? '/', 'http://emulator.invalid'),
    headers: incoming.headers,
    body,
  };
}

/** The whole body, or undefined when it is too big (read to the end all the same, so the answer can be sent). */
async function readBody(incoming: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk);
  }
  return size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks);
}

function send(outgoing: ServerResponse, response: VendorResponse): void {
  const body = Buffer.from(response.body);
  outgoing.writeHead(response.status, { ...response.headers, 'content-length': String(body.length) });
  outgoing.end(body);
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

async function closeServer(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  // Keep-alive and in-flight connections would otherwise hold the process open.
  server.closeAllConnections();
  await closed;
}
