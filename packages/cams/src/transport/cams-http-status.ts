import { randomBytes } from 'node:crypto';
import { subscribe } from 'node:diagnostics_channel';

/*
 * openapi-client parses every 4xx/5xx body as JSON and, when that fails (an HTML 502 from a
 * proxy, an empty 503), throws a bare SyntaxError that has lost the status code; and the error it
 * throws for a JSON body keeps no header, so a throttling answer's `Retry-After` is lost too.
 * Node publishes each HTTP response on a diagnostics channel before the library reads it, so we
 * keep the exchange of each of our own requests, recognised by the signature nonce we choose for
 * it, until the call that sent it is over. Only a failing call reads it: the status,
 * `Retry-After`, and the request's signature, which the library computes out of our sight, so
 * that an answer echoing it cannot carry it into an error.
 */

const NONCE_HEADER = 'x-acs-signature-nonce';
/** Marks the nonces of this library's requests, so that other clients' responses are ignored. */
const NONCE_PREFIX = 'wabsp-';

interface Exchange {
  readonly request?: { getHeader?(name: string): unknown };
  readonly response?: { statusCode?: unknown; headers?: Record<string, unknown> };
}

const exchangeByNonce = new Map<string, Exchange>();
/**
 * A nonce only has to be unique per request: a random part chosen once per process and a
 * counter give that, at a fraction of the cost of a UUID per call.
 */
let noncePrefix: string | undefined;
let nonceCount = 0;

function onResponse(message: unknown): void {
  const exchange = message as Exchange;
  const nonce = exchange.request?.getHeader?.(NONCE_HEADER);
  if (typeof nonce === 'string' && nonce.startsWith(NONCE_PREFIX)) exchangeByNonce.set(nonce, exchange);
}

/** A fresh nonce for one request; its answer is kept until `forgetAnswer`. */
export function watchedNonce(): string {
  if (noncePrefix === undefined) {
    subscribe('http.client.response.finish', onResponse);
    noncePrefix = `${NONCE_PREFIX}${randomBytes(12).toString('hex')}-`;
  }
  nonceCount += 1;
  return `${noncePrefix}${nonceCount}`;
}

/** What Node saw of the answer to the request sent with one nonce. */
export interface AnswerHead {
  /** Absent when no answer came. */
  readonly status?: number;
  readonly retryAfter?: string;
  /** `secrets` and, once the answer has come, the signature the request was sent with. */
  withSignature(secrets: readonly string[]): readonly string[];
}

export function answerHead(nonce: string): AnswerHead {
  const exchange = exchangeByNonce.get(nonce);
  const status = exchange?.response?.statusCode;
  const retryAfter = exchange?.response?.headers?.['retry-after'];
  const authorization = exchange?.request?.getHeader?.('authorization');
  const signature =
    typeof authorization === 'string' ? /Signature=([^,\s]+)/.exec(authorization)?.[1] : undefined;
  return {
    ...(typeof status === 'number' && { status }),
    ...(typeof retryAfter === 'string' && { retryAfter }),
    withSignature: (secrets) => (signature === undefined ? secrets : [...secrets, signature]),
  };
}

/** Drops what was kept of the answer; every call that took a nonce does so when it ends. */
export function forgetAnswer(nonce: string): void {
  exchangeByNonce.delete(nonce);
}

export { NONCE_HEADER };
