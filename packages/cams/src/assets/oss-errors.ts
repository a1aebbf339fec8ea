import {
  AuthenticationError,
  type BspError,
  type BspErrorOptions,
  InvalidRequestError,
  PermissionError,
  ProviderUnavailableError,
  RateLimitError,
} from '@whatsapp-bsp/core';
import { redactSecrets, safeCause } from '@whatsapp-bsp/core/adapter';

type ErrorClass = new (message: string, options?: BspErrorOptions) => BspError;

/**
 * OSS's codes for credentials it does not accept. Those of temporary credentials (expired early,
 * revoked) are retryable: the uploader forgets them, and the next attempt asks CAMS for new ones.
 * https://www.alibabacloud.com/help/en/oss/support/0002-00000003 and the neighbouring error pages.
 */
const STALE_CREDENTIAL_CODES = new Set([
  'InvalidAccessKeyId',
  'InvalidSecurityToken',
  'SecurityTokenExpired',
]);
const AUTHENTICATION_CODES = new Set([
  ...STALE_CREDENTIAL_CODES,
  'SignatureDoesNotMatch',
  'RequestTimeTooSkewed',
]);

const HINTS: Readonly<Record<string, string>> = {
  RequestTimeTooSkewed: 'check the system clock: OSS refuses requests dated more than 15 minutes off',
  AccessDenied: 'the upload credentials allow writing under their Dir only',
};

/** What ali-oss throws for an answer it reads as a failure (lib/client.js `requestError`). */
interface OssClientError {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly status?: unknown;
  readonly code?: unknown;
  readonly requestId?: unknown;
}

/** Whether OSS refused the upload's credentials themselves, so that new ones may succeed. */
export function isStaleCredentialError(error: BspError): boolean {
  return typeof error.vendorCode === 'string' && STALE_CREDENTIAL_CODES.has(error.vendorCode);
}

/**
 * An OSS failure as ali-oss reports it, as a core error. A status below 500 is OSS refusing the
 * upload (`failed`); a 5xx may come after the object was stored (`unknown`); an error without a
 * status is ali-oss failing before sending (`not-sent`). Only the code, the redacted message and the
 * request id are kept: ali-oss's errors also carry the request's headers, the token among them.
 */
export function ossUploadError(error: unknown, secrets: readonly string[]): BspError {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as OssClientError;
  const status = typeof failure.status === 'number' && failure.status > 0 ? failure.status : undefined;
  const code = typeof failure.code === 'string' && failure.code !== '' ? failure.code : undefined;
  const requestId = typeof failure.requestId === 'string' ? failure.requestId : undefined;
  const text = typeof failure.message === 'string' ? redactSecrets(failure.message, secrets) : '';
  const cause = safeCause(error, secrets);
  if (status === undefined) {
    return new InvalidRequestError(`The OSS client refused the upload before sending it: ${text}`, {
      provider: 'cams',
      outcome: 'not-sent',
      cause,
    });
  }
  const hint = code === undefined ? undefined : HINTS[code];
  // Without an OSS code the answer was not OSS's error document (a proxy's HTML page, say), and
  // ali-oss's message is its XML parser's dump of that page: not worth showing.
  const said = code === undefined ? 'an answer that is not an OSS error document' : firstLine(text);
  const message = `OSS answered the upload with HTTP ${status}${code ? ` ${code}` : ''}${said ? `: ${said}` : ''}${hint ? ` (${hint})` : ''}`;
  const options: BspErrorOptions = {
    provider: 'cams',
    httpStatusCode: status,
    ...(code !== undefined && { vendorCode: code }),
    ...(requestId !== undefined && { requestId }),
    outcome: status >= 500 && code !== 'SlowDown' ? 'unknown' : 'failed',
    cause,
  };
  const ErrorType = errorClass(status, code);
  if (code !== undefined && STALE_CREDENTIAL_CODES.has(code)) {
    return new ErrorType(message, { ...options, retryable: true });
  }
  return new ErrorType(message, options);
}

function errorClass(status: number, code: string | undefined): ErrorClass {
  if (status === 429 || code === 'SlowDown') return RateLimitError;
  if (status >= 500) return ProviderUnavailableError;
  if (code !== undefined && AUTHENTICATION_CODES.has(code)) return AuthenticationError;
  if (status === 403) return PermissionError;
  // A refusal with a code this table does not know; its vendorCode says which.
  return InvalidRequestError;
}

/** The first line of a message, at most 300 characters. */
function firstLine(text: string): string {
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
