import { MAX_RESPONSE_JSON_DEPTH, nestedDeeperThan } from '../adapter/json-nesting.js';
import { InvalidRequestError, ResponseFormatError } from '../errors/error-classes.js';
import type { WebhookEvent } from '../model/events.js';
import type { ProviderV1, WebhooksProvider } from '../provider/provider-v1.js';
import type { WebhookCall } from '../provider/webhook-request.js';
import { authenticateWebhook } from './authenticate-webhook.js';
import type { ReceiverSettings } from './receiver-options.js';

/** A vendor's call as a web framework gives it. */
export interface WebhookInput {
  /** As Node.js gives them (any case; arrays for repeated headers) or a Fetch `Headers`. */
  readonly headers: Headers | Readonly<Record<string, string | readonly string[] | undefined>>;
  /** The raw body: its bytes, or the exact text. A parsed object cannot be checked or read. */
  readonly body: string | Uint8Array;
  /** The request URL, or its path and query; needed only for a shared secret in the query. */
  readonly url?: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Reads one call: its size, its text (UTF-8), whether it comes from the vendor, its JSON, then the
 * adapter maps it to events. In this order, so nothing is parsed before the call is authenticated.
 *
 * @throws ResponseFormatError for a body that is too large (HTTP 413), not UTF-8, not JSON, nested
 *   too deep, or not a shape the vendor documents (HTTP 400); AuthenticationError (HTTP 401).
 *   None holds the body.
 */
export function readWebhook(
  input: WebhookInput,
  provider: ProviderV1,
  webhooks: WebhooksProvider,
  settings: ReceiverSettings,
): WebhookEvent[] {
  const receivedAt = new Date(settings.now());
  const { body: rawBody, headers: rawHeaders, url } = checkInput(input);
  const size = typeof rawBody === 'string' ? Buffer.byteLength(rawBody, 'utf8') : rawBody.byteLength;
  if (size > settings.maxBodyBytes) throw bodyTooLarge(provider.id, settings.maxBodyBytes);
  const call: WebhookCall = { headers: normalizeHeaders(rawHeaders), body: decode(rawBody, provider) };
  authenticateWebhook(call, url, settings.authentication, provider);
  let json: unknown;
  try {
    json = JSON.parse(call.body);
  } catch {
    // JSON.parse's message quotes the body: it is not kept.
    throw badBody(provider, 'The webhook body is not JSON');
  }
  if (nestedDeeperThan(json, MAX_RESPONSE_JSON_DEPTH)) {
    throw badBody(provider, `The webhook body nests deeper than ${MAX_RESPONSE_JSON_DEPTH} levels`);
  }
  return webhooks.doParse({ ...call, json, receivedAt });
}

function checkInput(input: WebhookInput): WebhookInput {
  if (typeof input !== 'object' || input === null) {
    throw new InvalidRequestError('parse expects `{ headers, body, url? }`', { field: 'request' });
  }
  if (typeof input.body !== 'string' && !(input.body instanceof Uint8Array)) {
    throw new InvalidRequestError(
      '`body` must be the raw body, as a string or bytes (read it before any JSON body parser)',
      { field: 'body' },
    );
  }
  if (typeof input.headers !== 'object' || input.headers === null) {
    throw new InvalidRequestError('`headers` must be an object or a Headers', { field: 'headers' });
  }
  if (input.url !== undefined && typeof input.url !== 'string') {
    throw new InvalidRequestError('`url` must be a string', { field: 'url' });
  }
  return input;
}

function decode(body: string | Uint8Array, provider: ProviderV1): string {
  if (typeof body === 'string') return body;
  try {
    // Strict: a signature covers bytes, and only valid UTF-8 decodes to one text and back.
    return utf8.decode(body);
  } catch {
    throw badBody(provider, 'The webhook body is not UTF-8 text');
  }
}

/** Lower-case names; a repeated header's values joined as HTTP joins them. */
function normalizeHeaders(headers: WebhookInput['headers']): Record<string, string> {
  const normalized: Record<string, string> = {};
  const entries = isFetchHeaders(headers) ? headers.entries() : Object.entries(headers);
  for (const [name, value] of entries) {
    if (value === undefined) continue;
    normalized[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return normalized;
}

function isFetchHeaders(headers: WebhookInput['headers']): headers is Headers {
  return typeof Headers !== 'undefined' && headers instanceof Headers;
}

function badBody(provider: ProviderV1, message: string): ResponseFormatError {
  return new ResponseFormatError(message, { provider: provider.id, httpStatusCode: 400 });
}

/** The error for a body over `maxBodyBytes`, answered 413. */
export function bodyTooLarge(providerId: string, maxBodyBytes: number): ResponseFormatError {
  return new ResponseFormatError(`The webhook body is larger than ${maxBodyBytes} bytes`, {
    provider: providerId,
    httpStatusCode: 413,
  });
}
