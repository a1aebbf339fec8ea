import { createServer, type IncomingHttpHeaders, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the proxy received it, for deciding what becomes of its answer. */
export interface ProxiedRequest {
  readonly method: string;
  /** The request target: path and query. */
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
}

/**
 * What becomes of the upstream's answer to one request, which the upstream has acted on either
 * way: passed on at once (`deliver`), lost as the connection drops (`drop`), or held for `holdMs`
 * milliseconds before it is passed on (a client that gives up sooner never sees it).
 */
export type AnswerFate = 'deliver' | 'drop' | { readonly holdMs: number };

export interface LossyProxy {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** `127.0.0.1:<port>`, as the CAMS adapter takes its endpoint. */
  readonly host: string;
  /** Decides each answer's fate as its request arrives; every answer is delivered while unset. */
  fate: ((request: ProxiedRequest) => AnswerFate) | undefined;
  /**
   * Resolves once no forwarded request is waiting for the upstream's answer: a request the
   * upstream was slow to act on (its client long gone) has then been acted on.
   */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A loopback proxy in front of one emulator server that can lose an answer after the vendor
 * logic has run: what a client sees when a write is applied and the answer does not come back
 * in time, or at all. The emulator's own faults act before its vendor logic (a reset, a delay) or
 * distort an answer as it is sent; this adds the lost answer of an applied write. Requests go
 * upstream byte for byte with their headers, `host` included, so signatures that cover the host
 * still verify; a client giving up never cancels a request already forwarded, as it cannot at a
 * real vendor.
 */
export async function startLossyProxy(upstream: string): Promise<LossyProxy> {
  const target = new URL(upstream);
  let inFlight = 0;
  let waiters: (() => void)[] = [];
  const held = new Set<NodeJS.Timeout>();
  const finished = () => {
    inFlight -= 1;
    if (inFlight > 0) return;
    const waiting = waiters;
    waiters = [];
    for (const resolve of waiting) resolve();
  };

  const server: Server = createServer((incoming, outgoing) => {
    const fate =
      proxy.fate?.({
        method: incoming.method ?? 'GET',
        path: incoming.url ?? '/',
        headers: incoming.headers,
      }) ?? 'deliver';
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      inFlight += 1;
      let answered = false;
      const finishedOnce = () => {
        if (answered) return;
        answered = true;
        finished();
      };
      const forwarded = request(
        {
          host: target.hostname,
          port: target.port,
          method: incoming.method,
          path: incoming.url,
          headers: incoming.headers,
          agent: false,
        },
        (answer) => {
          answer.on('error', () => {
            finishedOnce();
            incoming.socket.destroy();
          });
          if (fate === 'deliver') {
            // Streamed as it comes, so even an answer with no end passes through in bounded memory.
            answer.on('end', finishedOnce);
            outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(outgoing);
            // A client gone before the end: the rest is read and dropped, so the request ends.
            outgoing.on('close', () => answer.resume());
            return;
          }
          const body: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => body.push(chunk));
          answer.on('end', () => {
            finishedOnce();
            if (fate === 'drop') {
              incoming.socket.destroy();
              return;
            }
            const timer = setTimeout(() => {
              held.delete(timer);
              if (outgoing.destroyed) return;
              outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
              outgoing.end(Buffer.concat(body));
            }, fate.holdMs);
            held.add(timer);
            // The client gave up: there is no one left to hold the answer for.
            outgoing.on('close', () => {
              clearTimeout(timer);
              held.delete(timer);
            });
          });
        },
      );
      // The upstream reset or went away: pass that on as it is, a dropped connection.
      forwarded.on('error', () => {
        finishedOnce();
        incoming.socket.destroy();
      });
      forwarded.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const proxy: LossyProxy = {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    fate: undefined,
    settled: () =>
      inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve)),
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of held) clearTimeout(timer);
        held.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return proxy;
}
