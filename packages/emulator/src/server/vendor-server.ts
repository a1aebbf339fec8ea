import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
  STATUS_CODES,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { isStreamedFault, redirectAnswer, sendStreamed } from '../faults/distorted-answers.js';
import type { FaultController, FaultDecision } from '../faults/faults.js';
import type { RequestCounters } from './request-counters.js';
import type { VendorProtocol, VendorRequest, VendorResponse } from './vendor-protocol.js';

/** Bodies above this size get HTTP 413 unless the protocol says otherwise: the vendor APIs take small JSON or forms. */
const MAX_BODY_BYTES = 1024 * 1024;
/** The base for request targets in origin form (`/path`); the host is never read from it. */
const BASE_URL = 'http://emulator.invalid';
/** The counters' operation name for requests whose target is not a URL (answered with 400). */
export const MALFORMED_OPERATION = '(malformed)';

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
  // Requests Node's HTTP parser refuses (a bad request line, header or length) never get here: its
  // default 'clientError' handling answers them with 400 and closes the connection.
  const server = createServer((incoming, outgoing) => {
    serve(options, incoming, outgoing).catch(() => answerFailure(options, incoming, outgoing));
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
  const url = targetUrl(incoming);
  const limit =
    typeof protocol.maxBodyBytes === 'function'
      ? protocol.maxBodyBytes(url?.pathname ?? '/')
      : (protocol.maxBodyBytes ?? MAX_BODY_BYTES);
  const body = await readBody(incoming, limit);
  if (body === undefined) {
    send(outgoing, protocol.httpError(requestWithoutTarget(incoming), 413));
    return;
  }
  if (url === undefined) {
    counters.received(protocol.vendor, MALFORMED_OPERATION);
    send(outgoing, protocol.httpError(requestWithoutTarget(incoming), 400));
    return;
  }
  const request: VendorRequest = { method: incoming.method ?? 'GET', url, headers: incoming.headers, body };
  const operation = protocol.operationOf(request);
  counters.received(protocol.vendor, operation);

  const decision = faults.decide(protocol.vendor, operation);
  if (decision.latencyMs > 0) await sleep(decision.latencyMs, undefined, { signal: options.closing });
  if (decision.answer) counters.rejectedByFault(decision.answer.kind === 'quota');

  const fault = decision.answer;
  if (fault?.kind === 'reset') {
    incoming.socket.destroy();
    return;
  }
  if (fault !== undefined && isStreamedFault(fault)) {
    await sendStreamed(outgoing, await protocol.handle(request), fault);
    return;
  }
  send(outgoing, await answer(protocol, request, fault));
}

async function answer(
  protocol: VendorProtocol,
  request: VendorRequest,
  fault: FaultDecision['answer'],
): Promise<VendorResponse> {
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
      // The vendor logic runs, writes included: the client cannot tell whether they happened.
      const real = await protocol.handle(request);
      const bytes = Buffer.from(real.body);
      return { ...real, status: 200, body: bytes.subarray(0, Math.floor(bytes.length / 2)) };
    }
    case 'redirect':
      return redirectAnswer(await protocol.handle(request), request, fault);
    case 'reset':
    case 'oversized':
    case 'compression-bomb':
    case 'endless':
    case 'lying-length':
      throw new Error(`unreachable: ${fault.kind} is not answered with one buffer`);
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

/**
 * The request target as a URL, or undefined when it is not one. Node's parser lets through
 * targets that the URL parser refuses, such as `http://[/` or `//[`.
 */
function targetUrl(incoming: IncomingMessage): URL | undefined {
  try {
    return new URL(incoming.url ?? '/', BASE_URL);
  } catch {
    return undefined;
  }
}

/** The request as far as an error answer needs it, when its target or body cannot be used. */
function requestWithoutTarget(incoming: IncomingMessage): VendorRequest {
  return {
    method: incoming.method ?? 'GET',
    url: new URL('/', BASE_URL),
    headers: incoming.headers,
    body: Buffer.alloc(0),
  };
}

/**
 * The answer when serving a request failed: HTTP 500 if anyone is still there to read it. It
 * must not throw, or one bad request would take the whole emulator down.
 */
function answerFailure(
  options: VendorServerOptions,
  incoming: IncomingMessage,
  outgoing: ServerResponse,
): void {
  try {
    if (options.closing.aborted || outgoing.headersSent || incoming.socket.destroyed) {
      // The server is closing or the client is gone: nothing left to answer.
      outgoing.destroy();
    } else {
      send(outgoing, options.protocol.httpError(requestWithoutTarget(incoming), 500));
    }
  } catch {
    outgoing.destroy();
  }
}

/** The whole body, or undefined when it is too big (read to the end all the same, so the answer can be sent). */
async function readBody(incoming: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  }
  return size > limit ? undefined : Buffer.concat(chunks);
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
