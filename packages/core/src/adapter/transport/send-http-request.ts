import http, {
  type ClientRequest,
  type IncomingHttpHeaders,
  validateHeaderName,
  validateHeaderValue,
} from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import type { BspError } from '../../errors/bsp-error.js';
import { ConfigError, InvalidRequestError, ResponseFormatError } from '../../errors/error-classes.js';
import { redactSecrets } from '../../errors/redact-secrets.js';
import { errorFromConnection } from './connection-errors.js';
import { defaultHttpAgents, type HttpAgents } from './http-agents.js';
import { type ProxySetting, proxyFor } from './proxy-for-url.js';
import { DEFAULT_MAX_RESPONSE_BYTES, readResponseBody } from './read-response-body.js';
import { checkRequestUrl } from './request-url-policy.js';
import { isWellFormedText } from './well-formed-text.js';

/** Something that tells of an abort as a ProviderCallContext does: the call context qualifies. */
export interface AbortSource {
  onAbort(listener: (reason: unknown) => void): () => void;
}

/** The settings of a transport that stay the same from request to request. */
export interface HttpTransportOptions {
  /**
   * The most a response body may hold, in bytes, counted both as received and as decoded
   * (gzip, deflate, br). Default `DEFAULT_MAX_RESPONSE_BYTES` (8 MiB). A larger answer is cut
   * off as it streams and fails with a ResponseFormatError (`outcome: 'unknown'`, not retried).
   */
  readonly maxResponseBytes?: number;
  /**
   * The proxy: an `http://` or `https://` URL (with `user:password@` if the proxy wants them), or
   * `false` for none. By default the environment's `HTTPS_PROXY`, `HTTP_PROXY`, `ALL_PROXY` and
   * `NO_PROXY` (and their lower-case forms) decide. Requests to this machine never use a proxy.
   */
  readonly proxy?: ProxySetting;
  /** Allows plain `http://` to hosts other than this machine. Default false: only https://. */
  readonly allowInsecureHttp?: boolean;
  /**
   * The keep-alive agents to send through: `new HttpAgents({ ca })` for extra certificate
   * authorities. By default one shared set, with Node's trust store.
   */
  readonly agents?: HttpAgents;
}

export interface HttpRequest extends HttpTransportOptions {
  /** `GET`, `POST`, ... */
  readonly method: string;
  /** An absolute `https://` URL (or `http://` to this machine, or with `allowInsecureHttp`). */
  readonly url: string | URL;
  /** Header values must be Latin-1 text without control characters, as HTTP requires. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as it is; a string is sent as UTF-8. `Content-Length` is set from it. */
  readonly body?: string | Uint8Array;
  /** Cancels the request: the attempt's call context (its `onAbort`; its `signal` is never read). */
  readonly context?: AbortSource;
  /** Cancels the request, as `context` does. */
  readonly signal?: AbortSignal;
  /** The adapter id for the errors' `provider`. Default `'core'`. */
  readonly provider?: string;
  /** Values to redact from every error message and cause (credentials, signatures, tokens). */
  readonly secrets?: readonly (string | undefined)[];
}

export interface HttpResponse {
  /** The HTTP status: never 3xx (a redirect is an error). */
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  /** The body, decoded from its Content-Encoding. */
  readonly body: Buffer;
}

/**
 * Sends one HTTP request on Node's own `http`/`https` and reads the whole answer, the transport
 * both adapters share (DESIGN §18). No retries (the core client retries) and no timer of its own
 * (the attempt's timer aborts it through `context` or `signal`, stalled body reads included).
 *
 * - Any status other than 3xx is returned, for the adapter to read the vendor's failure codes.
 * - A redirect (3xx) is never followed and never read as data: ResponseFormatError,
 *   `outcome: 'failed'`, not retryable.
 * - The body is bounded by `maxResponseBytes` (see `readResponseBody`).
 * - Refused before anything leaves the process (`outcome: 'not-sent'`, not retryable): a bad URL
 *   or proxy and plain http:// to another machine (ConfigError, before any DNS lookup), and header
 *   names or values HTTP does not allow or text that cannot be encoded (InvalidRequestError).
 * - Failures below HTTP are classified by `errorFromConnection`: connection refused and DNS are
 *   `not-sent` and retryable; a certificate that does not verify is `not-sent` and not retryable;
 *   a reset after connecting is `unknown` and retryable.
 * - An abort rejects with the abort's reason, as it is.
 *
 * Error messages name the host, never the headers, the body or the URL's path and query; causes
 * keep a name, a code and a message redacted of `secrets`.
 */
export function sendHttpRequest(request: HttpRequest): Promise<HttpResponse> {
  const provider = request.provider ?? 'core';
  const secrets = request.secrets ?? [];
  const { context, signal } = request;
  if (signal?.aborted) return Promise.reject(signal.reason);

  let prepared: PreparedRequest;
  try {
    prepared = prepare(request, provider);
  } catch (error) {
    return Promise.reject(error);
  }
  const { target, proxy, agents, headers, body, maxResponseBytes } = prepared;

  return new Promise<HttpResponse>((resolve, reject) => {
    let settled = false;
    let outgoing: ClientRequest | undefined;
    let connected = false;
    let stopListening = () => {};

    const settle = (error: unknown, response?: HttpResponse) => {
      if (settled) return;
      settled = true;
      stopListening();
      if (response !== undefined) {
        resolve(response);
        return;
      }
      outgoing?.destroy();
      reject(error);
    };
    // An abort's reason goes out as it is; anything else that went wrong is classified.
    const abort = (reason: unknown) => settle(reason);
    const fail = (error: unknown) => {
      if (!settled) settle(errorFromConnection(error, { target, proxy, connected, provider, secrets }));
    };

    if (context !== undefined) {
      const stop = context.onAbort(abort);
      stopListening = stop;
      if (settled) return;
    }
    if (signal !== undefined) {
      const onAbort = () => abort(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      const stopContext = stopListening;
      stopListening = () => {
        stopContext();
        signal.removeEventListener('abort', onAbort);
      };
    }

    try {
      // `request` is looked up on the module at each call: whatever patches Node's http and https
      // modules (request mocks such as nock, tracing instrumentation) then sees every request,
      // whichever was loaded first. A named import of a built-in would keep the function the
      // module held when ES modules first imported it.
      outgoing = (target.protocol === 'https:' ? https : http).request(target, {
        method: request.method,
        headers,
        agent: agents.agentFor(target, proxy),
        // Also set on the agents; here too so that no default of the process can weaken either.
        rejectUnauthorized: true,
        insecureHTTPParser: false,
      });
    } catch (error) {
      // Node validates the method and headers before it takes a socket: nothing was sent.
      settle(refusedByNode(error, provider));
      return;
    }
    // Kept after settling: a late 'error' with no listener would crash the process.
    outgoing.on('error', fail);
    outgoing.on('socket', (socket: Socket) => {
      // A kept-alive socket is connected already; a new one is once TCP (http) or the TLS
      // handshake (https) completes, which is when the vendor can first receive anything.
      if (outgoing?.reusedSocket) connected = true;
      else if (target.protocol === 'https:') socket.once('secureConnect', () => (connected = true));
      else if (!socket.connecting) connected = true;
      else socket.once('connect', () => (connected = true));
    });
    outgoing.on('response', (response) => {
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400) {
        response.on('error', () => {});
        settle(redirected(status, response.headers.location, target, provider, secrets));
        return;
      }
      readResponseBody(response, maxResponseBytes, { host: target.host, status, provider }).then(
        (data) => settle(undefined, { status, headers: response.headers, body: data }),
        fail,
      );
    });
    outgoing.end(body);
  });
}

interface PreparedRequest {
  readonly target: URL;
  readonly proxy: URL | undefined;
  readonly agents: HttpAgents;
  readonly headers: Record<string, string>;
  readonly body: Buffer | undefined;
  readonly maxResponseBytes: number;
}

/** Every check that can be made before a socket is taken. */
function prepare(request: HttpRequest, provider: string): PreparedRequest {
  const maxResponseBytes = request.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  if (!Number.isSafeInteger(maxResponseBytes) || maxResponseBytes < 0) {
    throw new ConfigError('maxResponseBytes must be a whole number of bytes, 0 or more', {
      provider,
      field: 'maxResponseBytes',
    });
  }
  const target = checkRequestUrl(request.url, request.allowInsecureHttp === true, provider);
  const headers: Record<string, string> = {};
  let acceptsEncoding = false;
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    checkHeader(name, value, provider, request.secrets ?? []);
    const lower = name.toLowerCase();
    // Set from the body below, whatever the caller said, so that the two cannot disagree.
    if (lower === 'content-length') continue;
    if (lower === 'accept-encoding') acceptsEncoding = true;
    headers[name] = value;
  }
  // The encodings readResponseBody decodes; a caller may ask for identity instead.
  if (!acceptsEncoding) headers['accept-encoding'] = 'gzip, deflate, br';
  let body: Buffer | undefined;
  if (typeof request.body === 'string') {
    if (!isWellFormedText(request.body)) {
      // UTF-8 has no encoding for it: Node would send U+FFFD in its place, not what was signed.
      throw new InvalidRequestError('The request body holds text that cannot be encoded (a lone surrogate)', {
        provider,
        field: 'body',
      });
    }
    body = Buffer.from(request.body, 'utf8');
  } else if (request.body !== undefined) {
    body = Buffer.from(request.body.buffer, request.body.byteOffset, request.body.byteLength);
  }
  if (body !== undefined) headers['content-length'] = String(body.length);
  const proxy = proxyFor(target, request.proxy, provider);
  return { target, proxy, agents: request.agents ?? defaultHttpAgents(), headers, body, maxResponseBytes };
}

/**
 * Refuses a header HTTP does not allow, naming the header but never its value: a credential with
 * a trailing line break is the usual culprit, and it must not reach the error either.
 */
function checkHeader(
  name: string,
  value: string,
  provider: string,
  secrets: readonly (string | undefined)[],
) {
  try {
    validateHeaderName(name);
  } catch (error) {
    throw new InvalidRequestError(
      redactSecrets(
        `The header name ${JSON.stringify(name.slice(0, 64))} is not a valid HTTP token; nothing was sent`,
        secrets,
      ),
      { provider, field: 'headers', cause: codeOnly(error) },
    );
  }
  try {
    validateHeaderValue(name, value);
  } catch (error) {
    throw new InvalidRequestError(
      redactSecrets(
        `The value of the header ${name} holds a character HTTP does not allow in a header (a line break, another control character, or one beyond Latin-1); nothing was sent`,
        secrets,
      ),
      { provider, field: `headers.${name}`, cause: codeOnly(error) },
    );
  }
}

/** An error raised by `http.request` itself, before it took a socket. */
function refusedByNode(error: unknown, provider: string): BspError {
  const code = codeOf(error);
  const message = `The request was refused before sending${code === '' ? '' : ` (${code})`}; nothing was sent`;
  const ErrorClass =
    code === 'ERR_INVALID_URL' || code === 'ERR_INVALID_PROTOCOL' ? ConfigError : InvalidRequestError;
  return new ErrorClass(message, { provider, cause: codeOnly(error) });
}

function redirected(
  status: number,
  location: string | undefined,
  target: URL,
  provider: string,
  secrets: readonly (string | undefined)[],
): ResponseFormatError {
  let toWhere = '';
  if (location !== undefined) {
    // Only where it points, never its query string, which could hold a signature.
    try {
      const next = new URL(location, target);
      toWhere = ` to ${next.origin}${next.pathname}`;
    } catch {
      toWhere = '';
    }
  }
  return new ResponseFormatError(
    redactSecrets(
      `${target.host} answered HTTP ${status}, a redirect${toWhere}; redirects are not followed, as a vendor's API does not redirect: check the endpoint`,
      secrets,
    ),
    { provider, httpStatusCode: status, outcome: 'failed' },
  );
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

/**
 * Node's header and URL errors quote the offending value in their message: only their name and
 * code are kept.
 */
function codeOnly(error: unknown): Error {
  const copy = new Error('refused by Node.js');
  copy.name = error instanceof Error ? error.name : 'Error';
  const code = codeOf(error);
  if (code !== '') Object.defineProperty(copy, 'code', { value: code, enumerable: true });
  copy.stack = `${copy.name}: ${copy.message}`;
  return copy;
}
