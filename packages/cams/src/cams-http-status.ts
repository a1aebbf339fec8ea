import { subscribe } from 'node:diagnostics_channel';

/*
 * openapi-client parses every 4xx/5xx body as JSON and, when that fails (an HTML 502 from a
 * proxy, an empty 503), throws a bare SyntaxError that has lost the status code. Node publishes
 * each HTTP response on a diagnostics channel before the library reads it, so we note the status
 * of our own requests there, recognised by the signature nonce we choose for each of them.
 */

const NONCE_HEADER = 'x-acs-signature-nonce';
const statusByNonce = new Map<string, number | undefined>();
let subscribed = false;

function onResponse(message: unknown): void {
  const { request, response } = message as {
    request?: { getHeader?(name: string): unknown };
    response?: { statusCode?: unknown };
  };
  const nonce = request?.getHeader?.(NONCE_HEADER);
  if (typeof nonce !== 'string' || !statusByNonce.has(nonce)) return;
  const status = response?.statusCode;
  if (typeof status === 'number') statusByNonce.set(nonce, status);
}

export interface StatusWatch {
  /** The status of the response to the request signed with this nonce, once it has arrived. */
  status(): number | undefined;
  release(): void;
}

/** Starts noting the status of the response to the request that carries `nonce`. */
export function watchStatus(nonce: string): StatusWatch {
  if (!subscribed) {
    subscribe('http.client.response.finish', onResponse);
    subscribed = true;
  }
  statusByNonce.set(nonce, undefined);
  return {
    status: () => statusByNonce.get(nonce),
    release: () => {
      statusByNonce.delete(nonce);
    },
  };
}

export { NONCE_HEADER };
