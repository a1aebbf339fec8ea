import { subscribe } from 'node:diagnostics_channel';

/*
 * openapi-client parses every 4xx/5xx body as JSON and, when that fails (an HTML 502 from a
 * proxy, an empty 503), throws a bare SyntaxError that has lost the status code; and the error it
 * throws for a JSON body keeps no header, so a throttling answer's `Retry-After` is lost too.
 * Node publishes each HTTP response on a diagnostics channel before the library reads it, so we
 * note the status and `Retry-After` of our own requests there, recognised by the signature nonce
 * we choose for each of them, and the request's signature, which the library computes out of our
 * sight, so that an answer echoing it cannot carry it into an error.
 */

const NONCE_HEADER = 'x-acs-signature-nonce';

interface ResponseHead {
  status?: number;
  retryAfter?: string;
  signature?: string;
}

const headByNonce = new Map<string, ResponseHead>();
let subscribed = false;

function onResponse(message: unknown): void {
  const { request, response } = message as {
    request?: { getHeader?(name: string): unknown };
    response?: { statusCode?: unknown; headers?: Record<string, unknown> };
  };
  const nonce = request?.getHeader?.(NONCE_HEADER);
  if (typeof nonce !== 'string' || !headByNonce.has(nonce)) return;
  const status = response?.statusCode;
  const retryAfter = response?.headers?.['retry-after'];
  const authorization = request?.getHeader?.('authorization');
  const signature =
    typeof authorization === 'string' ? /Signature=([^,\s]+)/.exec(authorization)?.[1] : undefined;
  headByNonce.set(nonce, {
    ...(typeof status === 'number' && { status }),
    ...(typeof retryAfter === 'string' && { retryAfter }),
    ...(signature !== undefined && { signature }),
  });
}

export interface StatusWatch {
  /** The status of the response to the request signed with this nonce, once it has arrived. */
  status(): number | undefined;
  /** That response's `Retry-After` header, if it had one. */
  retryAfter(): string | undefined;
  /** `secrets` and, once the answer has arrived, the signature the request was sent with. */
  withSignature(secrets: readonly string[]): readonly string[];
  release(): void;
}

/** Starts noting the status and `Retry-After` of the response to the request that carries `nonce`. */
export function watchStatus(nonce: string): StatusWatch {
  if (!subscribed) {
    subscribe('http.client.response.finish', onResponse);
    subscribed = true;
  }
  headByNonce.set(nonce, {});
  return {
    status: () => headByNonce.get(nonce)?.status,
    retryAfter: () => headByNonce.get(nonce)?.retryAfter,
    withSignature: (secrets) => {
      const signature = headByNonce.get(nonce)?.signature;
      return signature === undefined ? secrets : [...secrets, signature];
    },
    release: () => {
      headByNonce.delete(nonce);
    },
  };
}

export { NONCE_HEADER };
