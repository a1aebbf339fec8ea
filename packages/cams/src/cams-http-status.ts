import { subscribe } from 'node:diagnostics_channel';

/*
 * openapi-client parses every 4xx/5xx body as JSON and, when that fails (an HTML 502 from a
 * proxy, an empty 503), throws a bare SyntaxError that has lost the status code; and the error it
 * throws for a JSON body keeps no header, so a throttling answer's `Retry-After` is lost too.
 * Node publishes each HTTP response on a diagnostics channel before the library reads it, so we
 * keep the exchange of each of our own requests, recognised by the signature nonce we choose for
 * it. From it we read, only when a call fails, the status, `Retry-After`, and the request's
 * signature, which the library computes out of our sight, so that an answer echoing it cannot
 * carry it into an error.
 */

const NONCE_HEADER = 'x-acs-signature-nonce';

interface Exchange {
  readonly request?: { getHeader?(name: string): unknown };
  readonly response?: { statusCode?: unknown; headers?: Record<string, unknown> };
}

/** Our requests in flight, by nonce: `null` until the response arrives. */
const exchangeByNonce = new Map<string, Exchange | null>();
let subscribed = false;

function onResponse(message: unknown): void {
  const exchange = message as Exchange;
  const nonce = exchange.request?.getHeader?.(NONCE_HEADER);
  // Nothing is read here beyond the nonce: a successful call never needs the rest.
  if (typeof nonce === 'string' && exchangeByNonce.has(nonce)) exchangeByNonce.set(nonce, exchange);
}

/** What Node saw of the response to the request signed with one nonce. */
export class ResponseWatch {
  constructor(private readonly nonce: string) {
    if (!subscribed) {
      subscribe('http.client.response.finish', onResponse);
      subscribed = true;
    }
    exchangeByNonce.set(nonce, null);
  }

  /** The status of the response, once it has arrived. */
  status(): number | undefined {
    const status = this.exchange()?.response?.statusCode;
    return typeof status === 'number' ? status : undefined;
  }

  /** That response's `Retry-After` header, if it had one. */
  retryAfter(): string | undefined {
    const retryAfter = this.exchange()?.response?.headers?.['retry-after'];
    return typeof retryAfter === 'string' ? retryAfter : undefined;
  }

  /** `secrets` and, once the answer has arrived, the signature the request was sent with. */
  withSignature(secrets: readonly string[]): readonly string[] {
    const authorization = this.exchange()?.request?.getHeader?.('authorization');
    const signature =
      typeof authorization === 'string' ? /Signature=([^,\s]+)/.exec(authorization)?.[1] : undefined;
    return signature === undefined ? secrets : [...secrets, signature];
  }

  release(): void {
    exchangeByNonce.delete(this.nonce);
  }

  private exchange(): Exchange | undefined {
    return exchangeByNonce.get(this.nonce) ?? undefined;
  }
}

export { NONCE_HEADER };
