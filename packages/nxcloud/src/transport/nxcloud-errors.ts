import {
  AuthenticationError,
  type BspError,
  type BspErrorOptions,
  ConfigError,
  InvalidRequestError,
  NotFoundError,
  PermissionError,
  ProviderUnavailableError,
  RateLimitError,
} from '@whatsapp-bsp/core';
import { isRecord, parseRetryAfter, redactSecrets } from '@whatsapp-bsp/core/adapter';
import { z } from 'zod';
import { NXCLOUD_PROVIDER_ID } from '../nxcloud-id.js';
import { lenientIntegerSchema } from '../wire/nxcloud-wire-values.js';

/**
 * Meta's Graph error, which NXCloud's flow endpoints relay in `data.error` with code 400. Built on
 * the first such error rather than at import, to keep importing the adapter cheap.
 */
const metaErrorSchema = z.lazy(() =>
  z.looseObject({
    message: z.string().nullish(),
    type: z.string().nullish(),
    code: lenientIntegerSchema().nullish(),
    error_subcode: lenientIntegerSchema().nullish(),
    is_transient: z.boolean().nullish(),
    error_user_msg: z.string().nullish(),
  }),
);
type MetaError = z.infer<typeof metaErrorSchema>;

export interface NxcloudFailure {
  /** NXCloud's result code from the body (`code` ≠ 0). */
  readonly code: number;
  readonly message: string | undefined;
  readonly data: unknown;
  /** The whole vendor body as received. */
  readonly body: unknown;
  readonly httpStatusCode: number;
}

/**
 * Turns a failure envelope into the core error its code stands for. The body code decides, not
 * the HTTP status: NXCloud answers most failures with HTTP 200. NXCloud answered with a failure,
 * so nothing was applied: every such error has the outcome `failed`, whatever its class (an
 * InvalidRequestError or a ConfigError would otherwise say `not-sent`, an UNAVAILABLE `unknown`).
 */
export function errorFromNxcloudFailure(failure: NxcloudFailure, secrets: readonly string[]): BspError {
  const { code, httpStatusCode } = failure;
  const vendorText = failure.message ? `: ${failure.message}` : '';
  const options = (extra: BspErrorOptions = {}): BspErrorOptions => ({
    provider: NXCLOUD_PROVIDER_ID,
    vendorCode: code,
    httpStatusCode,
    outcome: 'failed',
    raw: redactDeep(failure.body, secrets),
    ...extra,
  });
  const say = (text: string) => redactSecrets(`NXCloud ${text} (code ${code})${vendorText}`, secrets);

  if (code === 1004) {
    return new AuthenticationError(
      say('rejected the request timestamp: the local clock differs from NXCloud by more than ±60 s'),
      options(),
    );
  }
  if (code === 1005) {
    return new PermissionError(
      say('refused: insufficient permissions (wrong accessKey, or no access to the WhatsApp business line)'),
      options(),
    );
  }
  if (code >= 1000 && code <= 1009) {
    return new AuthenticationError(say(AUTHENTICATION_REASONS[code] ?? 'refused the credentials'), options());
  }
  switch (code) {
    case -1:
      return new ProviderUnavailableError(say('reported a failed request'), options());
    case 9001:
      return new ProviderUnavailableError(say('reported a system business error'), options());
    case 9007:
      return new ProviderUnavailableError(say('reported a downstream endpoint exception'), options());
    case 9000:
      return new InvalidRequestError(say('reported a missing required parameter'), options());
    case 9002:
      return new InvalidRequestError(
        say('says the business phone is not a WhatsApp number'),
        options({ field: 'businessPhone' }),
      );
    case 9006:
      return new InvalidRequestError(
        say('says the business phone is not bound to the application'),
        options({ field: 'businessPhone' }),
      );
    case 9003:
      // The application is named by the `appKey` option, not by anything in the call: no other
      // input and no retry can fix it, only a corrected configuration can.
      return new ConfigError(
        say('says the application (appKey) does not exist or is unavailable'),
        options({ field: 'appKey' }),
      );
    case 9099:
      // NXCloud puts Meta's own explanation in `message`, which `say` keeps.
      return new InvalidRequestError(say('relayed a WhatsApp (Meta) error'), options());
    case 400:
      return errorFromMetaFailure(failure, secrets);
    default:
      // A failure this adapter cannot attribute to the input or the credentials. It is not
      // retried, since nothing says it is transient; `vendorCode` and `raw` keep the details.
      return new ProviderUnavailableError(
        say('reported an undocumented failure'),
        options({ retryable: false }),
      );
  }
}

const AUTHENTICATION_REASONS: Readonly<Record<number, string>> = {
  1001: 'reported missing common parameters (headers)',
  1002: 'reported a parameter error (bizType or action header, or the body)',
  1003: 'rejected the signature (check accessKey, accessSecret and signAlgorithm)',
};

/** Meta's error codes that mean throttling (`4` app, `80007` WABA, `130429` throughput, ...). */
const META_RATE_LIMIT_CODES = new Set([4, 17, 32, 613, 80007, 130429, 131056]);
const META_AUTHENTICATION_CODES = new Set([102, 190]);
const META_TRANSIENT_CODES = new Set([1, 2, 131000]);

type ErrorClass = new (message: string, options?: BspErrorOptions) => BspError;

function metaErrorClass(meta: MetaError): ErrorClass {
  const code = meta.code ?? undefined;
  if (code !== undefined) {
    if (META_RATE_LIMIT_CODES.has(code)) return RateLimitError;
    if (META_AUTHENTICATION_CODES.has(code)) return AuthenticationError;
    if (code === 3 || code === 10 || (code >= 200 && code <= 299)) return PermissionError;
    // 100/33: "Object with ID ... does not exist"; 803: an alias that does not exist.
    if ((code === 100 && meta.error_subcode === 33) || code === 803) return NotFoundError;
    if (META_TRANSIENT_CODES.has(code)) return ProviderUnavailableError;
  }
  return meta.is_transient === true ? ProviderUnavailableError : InvalidRequestError;
}

/** Code 400: a Meta Graph error relayed in `data.error`, classified by Meta's own code. */
function errorFromMetaFailure(failure: NxcloudFailure, secrets: readonly string[]): BspError {
  const data = asRecord(failure.data);
  const parsed = metaErrorSchema.safeParse(data.error);
  const options: BspErrorOptions = {
    provider: NXCLOUD_PROVIDER_ID,
    vendorCode: failure.code,
    httpStatusCode: failure.httpStatusCode,
    outcome: 'failed',
    // Meta's integers arrive as floats (139001.0); `raw` carries the parsed integers.
    raw: redactDeep(
      parsed.success ? { ...asRecord(failure.body), data: { ...data, error: parsed.data } } : failure.body,
      secrets,
    ),
  };
  if (!parsed.success) {
    const text = failure.message ? `: ${failure.message}` : '';
    return new InvalidRequestError(
      redactSecrets(`NXCloud relayed a WhatsApp (Meta) error (code 400)${text}`, secrets),
      options,
    );
  }
  const ErrorType = metaErrorClass(parsed.data);
  return new ErrorType(redactSecrets(describeMetaError(parsed.data), secrets), options);
}

function describeMetaError(meta: MetaError): string {
  const codes = [
    meta.code != null ? `code ${meta.code}` : undefined,
    meta.error_subcode != null ? `subcode ${meta.error_subcode}` : undefined,
  ].filter(Boolean);
  const text = meta.error_user_msg ?? meta.message;
  return `NXCloud relayed a WhatsApp (Meta) error${codes.length > 0 ? ` (${codes.join(', ')})` : ''}${text ? `: ${text}` : ''}`;
}

export function rateLimitError(
  httpStatusCode: number,
  retryAfterHeader: string | undefined,
  nowMs: number,
  body: unknown,
  secrets: readonly string[],
): RateLimitError {
  const retryAfterMs = parseRetryAfter(retryAfterHeader, nowMs);
  return new RateLimitError(`NXCloud throttled the request (HTTP ${httpStatusCode})`, {
    provider: NXCLOUD_PROVIDER_ID,
    httpStatusCode,
    // Refused at the gateway: nothing was applied.
    outcome: 'failed',
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    ...(body !== undefined ? { raw: redactDeep(body, secrets) } : {}),
  });
}

/** A copy of a JSON value with every secret removed from every string (and key) in it. */
export function redactDeep(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') return redactSecrets(value, secrets);
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, secrets));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [redactSecrets(key, secrets), redactDeep(item, secrets)]),
    );
  }
  return value;
}

function asRecord(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}
