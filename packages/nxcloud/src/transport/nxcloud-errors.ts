import {
  AuthenticationError,
  type BspError,
  type BspErrorOptions,
  ConfigError,
  ConflictError,
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
    error_user_title: z.string().nullish(),
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
      return errorFromMetaText(failure, secrets);
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

/** A core error class: constructed here, and told apart with its `isInstance` (as tests do). */
type ErrorClass = (new (
  message: string,
  options?: BspErrorOptions,
) => BspError) & {
  isInstance(value: unknown): boolean;
};

/** One kind of Meta error: its codes, the subcode it needs if any, and the core error it is. */
export interface MetaErrorRule {
  readonly codes: readonly number[];
  /** When set, only errors with this `error_subcode` match. */
  readonly subcode?: number;
  readonly errorClass: ErrorClass;
}

const codesFrom = (first: number, last: number) =>
  Array.from({ length: last - first + 1 }, (_, index) => first + index);

/**
 * Meta's error codes that say more than "bad request", from Meta's Graph API and WhatsApp error
 * code pages: the one table both of NXCloud's relays are classified with (code 400 with Meta's
 * object in `data.error`, and code 9099 with Meta's text in `message`). The first rule that
 * matches decides; an error no rule matches is transient (`is_transient`) or a bad request.
 */
export const META_ERROR_RULES: readonly MetaErrorRule[] = [
  // Throttling: 4 application, 17 user, 32 page, 613 calls per hour, 80007 WABA,
  // 130429 throughput, 131056 pair rate limit.
  { codes: [4, 17, 32, 613, 80007, 130429, 131056], errorClass: RateLimitError },
  // 102 session, 190 access token (expired, revoked or invalid).
  { codes: [102, 190], errorClass: AuthenticationError },
  // 3 capability, 10 and 200-299 permissions.
  { codes: [3, 10, ...codesFrom(200, 299)], errorClass: PermissionError },
  // 100/33: "Object with ID ... does not exist"; 803: an alias that does not exist.
  { codes: [100], subcode: 33, errorClass: NotFoundError },
  { codes: [803], errorClass: NotFoundError },
  // A template create refused because the name is taken in that language: 100/2388024 ("Content
  // in This Language Already Exists"), and 100/2388023, which Meta answers while a template of that
  // name and language is being deleted. Meta's public error pages do not list these subcodes; they
  // are Meta's answers as other clients of its API record them.
  { codes: [100], subcode: 2388024, errorClass: ConflictError },
  { codes: [100], subcode: 2388023, errorClass: ConflictError },
  // 1 unknown, 2 service temporarily unavailable, 131000 something went wrong.
  { codes: [1, 2, 131000], errorClass: ProviderUnavailableError },
];

function metaErrorClass(meta: MetaError): ErrorClass {
  const code = meta.code ?? undefined;
  if (code !== undefined) {
    const rule = META_ERROR_RULES.find(
      (candidate) =>
        candidate.codes.includes(code) &&
        (candidate.subcode === undefined || candidate.subcode === meta.error_subcode),
    );
    if (rule !== undefined) return rule.errorClass;
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

/** Meta's code at the start of its error text, as Graph writes it: `(#190) Error validating ...`. */
const META_CODE_PREFIX = /^\s*\(#(\d{1,9})\)/;

/**
 * Code 9099: a Meta error relayed as text, `{"code":9099,"message":"(#190) Error validating
 * access token: Session has expired","data":null}`. Meta's code is read from the `(#<code>)`
 * prefix and its `error_subcode` from `data` when NXCloud sends one there (in Meta's error
 * object, `data.error`, or beside it), so that the same Meta error is the same core error
 * whichever way NXCloud relays it. Text without the prefix stays a bad request.
 */
function errorFromMetaText(failure: NxcloudFailure, secrets: readonly string[]): BspError {
  const meta = metaErrorFromText(failure.message, failure.data);
  const options: BspErrorOptions = {
    provider: NXCLOUD_PROVIDER_ID,
    vendorCode: failure.code,
    httpStatusCode: failure.httpStatusCode,
    outcome: 'failed',
    raw: redactDeep(failure.body, secrets),
  };
  const ErrorType = metaErrorClass(meta);
  if (meta.code == null) {
    // NXCloud puts Meta's own explanation in `message`, which is kept.
    const text = failure.message ? `: ${failure.message}` : '';
    return new ErrorType(
      redactSecrets(`NXCloud relayed a WhatsApp (Meta) error (code ${failure.code})${text}`, secrets),
      options,
    );
  }
  return new ErrorType(redactSecrets(describeMetaError(meta), secrets), options);
}

/** Meta's error as code 9099 relays it: its code from the `(#<code>)` prefix, the rest from `data`. */
function metaErrorFromText(message: string | undefined, data: unknown): MetaError {
  const record = asRecord(data);
  const inData = metaErrorSchema.safeParse(isRecord(record.error) ? record.error : record);
  const fromData: MetaError = inData.success ? inData.data : {};
  const prefix = message === undefined ? null : META_CODE_PREFIX.exec(message);
  return {
    ...fromData,
    code: prefix === null ? fromData.code : Number(prefix[1]),
    message: message ?? fromData.message,
  };
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

/** What a resource may read of a Meta error that NXCloud relayed, to classify it further. */
export interface RelayedMetaError {
  readonly code: number | undefined;
  readonly subcode: number | undefined;
  /** Meta's `message`, `error_user_title` and `error_user_msg`, those present, one per line. */
  readonly text: string;
}

/**
 * Meta's error inside an error this module made from code 400 or 9099, read back from its
 * secret-free `raw` body, so that a resource can tell apart what only it knows the meaning of
 * (a flow name taken, a flow in the wrong state) without this module knowing every operation.
 * `undefined` for any other error.
 */
export function relayedMetaError(error: BspError): RelayedMetaError | undefined {
  if (error.vendorCode !== 400 && error.vendorCode !== 9099) return undefined;
  const body = asRecord(error.raw);
  let meta: MetaError;
  if (error.vendorCode === 400) {
    const parsed = metaErrorSchema.safeParse(asRecord(body.data).error);
    if (!parsed.success) return undefined;
    meta = parsed.data;
  } else {
    meta = metaErrorFromText(typeof body.message === 'string' ? body.message : undefined, body.data);
  }
  const texts = [meta.message, meta.error_user_title, meta.error_user_msg].filter(
    (text): text is string => typeof text === 'string' && text !== '',
  );
  return { code: meta.code ?? undefined, subcode: meta.error_subcode ?? undefined, text: texts.join('\n') };
}
