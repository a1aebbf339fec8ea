import {
  AuthenticationError,
  type BspError,
  type BspErrorOptions,
  ConflictError,
  InvalidRequestError,
  NotFoundError,
  PermissionError,
  ProviderUnavailableError,
  RateLimitError,
  type RequestOutcome,
  ResponseFormatError,
} from '@whatsapp-bsp/core';
import { isRecord, redactSecrets } from '@whatsapp-bsp/core/adapter';

const PROVIDER = 'cams';

type ErrorClass = new (message: string, options?: BspErrorOptions) => BspError;

const PERMISSION_CODES = [
  'Ram.PermissionDeny',
  'Product.Unsubscript',
  'Unknown.ResourceOwnerId',
  'Forbidden.RAM',
];
const AUTHENTICATION_CODES = ['SignatureDoesNotMatch', 'IncompleteSignature', 'Authentication.NoAuth'];

/**
 * CAMS codes and Alibaba Cloud gateway codes, first match wins: the four every flow operation's
 * API page lists (Product.Unsubscript, Ram.PermissionDeny, System.LimitControl,
 * Unknown.ResourceOwnerId), the business codes of the product's "API error codes" page, and the
 * gateway's own (Throttling.*, InvalidAccessKeyId.*, SignatureDoesNotMatch, Forbidden.RAM). The
 * same table serves HTTP 4xx/5xx answers and HTTP 200 answers whose `Code` is not `"OK"`.
 */
const CODE_RULES: readonly (readonly [(code: string) => boolean, ErrorClass])[] = [
  [(code) => code === 'System.LimitControl' || code.startsWith('Throttling'), RateLimitError],
  [(code) => PERMISSION_CODES.includes(code), PermissionError],
  [
    (code) =>
      AUTHENTICATION_CODES.includes(code) ||
      code.startsWith('InvalidAccessKeyId') ||
      code.startsWith('InvalidSecurityToken') ||
      code.startsWith('InvalidTimeStamp'),
    AuthenticationError,
  ],
  // CreateChatappTemplate: the name is taken in that language.
  [(code) => code === 'InvalidParameter.TemplateNameExist', ConflictError],
  // `DetailError.TemplateNotExist`, `DelError.TemplateNotExist`, …
  [(code) => code.endsWith('NotExist'), NotFoundError],
  [(code) => code.startsWith('InvalidParameter') || code.startsWith('MissingParameter'), InvalidRequestError],
  [
    (code) => code.startsWith('ServiceUnavailable') || code.startsWith('InternalError'),
    ProviderUnavailableError,
  ],
];

const HINTS: Readonly<Record<string, string>> = {
  'System.LimitControl':
    'CAMS allows 5 requests per second per account for each flow operation and template read',
  'InvalidParameter.FileUrlError':
    'CAMS could not fetch the file at the URL it was given: it must be reachable from the internet when the call is made',
  SignatureDoesNotMatch: 'check the access key secret',
  'InvalidTimeStamp.Expired': 'check the system clock: CAMS refuses requests dated more than 15 minutes off',
};

/** The first of two keys that holds text (trimmed, not empty) or a number. */
function textField(body: Record<string, unknown>, key: string, otherKey: string): string | undefined {
  return textOf(body[key]) ?? textOf(body[otherKey]);
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** The vendor's request id, trimmed: the documented example ends in a newline. */
export function requestIdOf(body: unknown): string | undefined {
  return isRecord(body) ? textField(body, 'RequestId', 'requestId') : undefined;
}

/**
 * An error answer from CAMS (any HTTP status, `Code` other than `"OK"`) as a core error. A code
 * is CAMS saying it refused the request, so nothing was applied: `failed`, whatever the class. So
 * is an error status without one, but for a 5xx, which may come after the work was done.
 */
export function camsVendorError(
  body: Record<string, unknown>,
  httpStatusCode: number | undefined,
  secrets: readonly string[],
  retryAfterMs?: number,
): BspError {
  const vendorCode = textField(body, 'Code', 'code');
  const vendorMessage = textField(body, 'Message', 'message');
  const requestId = requestIdOf(body);
  const rule = vendorCode === undefined ? undefined : CODE_RULES.find(([matches]) => matches(vendorCode));
  const ErrorType = rule?.[1] ?? classForStatus(httpStatusCode);
  const outcome: RequestOutcome =
    vendorCode === undefined && httpStatusCode !== undefined && httpStatusCode >= 500 ? 'unknown' : 'failed';
  const hint = vendorCode === undefined ? undefined : HINTS[vendorCode];
  const summary = [vendorCode ?? `HTTP ${httpStatusCode ?? '200'}`, vendorMessage].filter(Boolean).join(': ');
  const message = redactSecrets(`CAMS answered ${summary}${hint ? ` (${hint})` : ''}`, secrets);
  // Only these fields of the body are kept: gateway bodies can echo request details.
  const raw = Object.fromEntries(
    [
      ['Code', vendorCode],
      ['Message', vendorMessage && redactSecrets(vendorMessage, secrets)],
      ['RequestId', requestId],
    ].filter(([, value]) => value !== undefined),
  );
  return new ErrorType(message, {
    provider: PROVIDER,
    ...(vendorCode !== undefined && { vendorCode }),
    ...(httpStatusCode !== undefined && { httpStatusCode }),
    ...(requestId !== undefined && { requestId }),
    ...(retryAfterMs !== undefined && { retryAfterMs }),
    outcome,
    raw,
  });
}

function classForStatus(httpStatusCode: number | undefined): ErrorClass {
  if (httpStatusCode === 429) return RateLimitError;
  if (httpStatusCode !== undefined && httpStatusCode >= 500) return ProviderUnavailableError;
  // A refusal with a code this table does not know yet; its vendorCode says which.
  return InvalidRequestError;
}

/**
 * An error status (4xx, 5xx) whose body is not a JSON object: an HTML page from a proxy or a
 * load balancer, or nothing. Throttled by its status alone (429) is a refusal, as with a code;
 * any other such answer may have come after the work was done.
 */
export function camsUnreadableError(
  httpStatusCode: number,
  requestId: string | undefined,
  retryAfterMs: number | undefined,
): BspError {
  const message = `CAMS answered HTTP ${httpStatusCode} with a body that is not a JSON object`;
  const options = {
    provider: PROVIDER,
    httpStatusCode,
    ...(requestId !== undefined && { requestId }),
    ...(retryAfterMs !== undefined && { retryAfterMs }),
  };
  if (httpStatusCode === 429) return new RateLimitError(message, { ...options, outcome: 'failed' });
  const unknown = { ...options, outcome: 'unknown' } as const;
  return httpStatusCode >= 500
    ? new ProviderUnavailableError(message, unknown)
    : new ResponseFormatError(message, unknown);
}

/**
 * A body that is not what the API documents, with the status it came with. That status was not
 * an error one: whatever was asked may have been done, so the outcome is `unknown`.
 */
export function camsBadResponse(
  message: string,
  details: { httpStatusCode: number; requestId?: string | undefined; raw?: unknown },
): ResponseFormatError {
  return new ResponseFormatError(message, {
    provider: PROVIDER,
    outcome: 'unknown',
    httpStatusCode: details.httpStatusCode,
    ...(details.requestId !== undefined && { requestId: details.requestId }),
    ...(details.raw !== undefined && { raw: details.raw }),
  });
}
