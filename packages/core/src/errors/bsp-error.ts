import { inspect } from 'node:util';
import { redactSecrets } from './redact-secrets.js';

export type ErrorCode =
  | 'AUTHENTICATION'
  | 'PERMISSION'
  | 'NOT_FOUND'
  | 'INVALID_REQUEST'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE'
  | 'BAD_RESPONSE'
  | 'UNSUPPORTED'
  | 'CONFIG'
  | 'CONFLICT'
  | 'WAIT_TIMEOUT';

/**
 * What became of the request (DESIGN §12):
 * - `not-sent`: refused before it left the process (validation, configuration, connection
 *   refused, DNS, TLS setup); nothing reached the vendor.
 * - `failed`: the vendor answered with a failure; nothing was applied.
 * - `unknown`: it may have been applied (a timeout after sending, a reset, a 5xx without a
 *   failure code, a body too large or unreadable). A call of several requests whose first write
 *   was applied before a later step failed says `unknown` too, whatever that step's own outcome
 *   (`flows.create`; `details` says what was done).
 */
export type RequestOutcome = 'not-sent' | 'failed' | 'unknown';

/**
 * The outcome an error has unless its thrower says otherwise: refusals raised in the process are
 * `not-sent`, a vendor's classified refusals `failed`, and lost or unreadable answers `unknown`.
 * An adapter that maps a vendor's refusal to INVALID_REQUEST says `failed`; one whose connection
 * was refused says `not-sent`.
 */
const DEFAULT_OUTCOME: Readonly<Record<ErrorCode, RequestOutcome>> = {
  AUTHENTICATION: 'failed',
  PERMISSION: 'failed',
  NOT_FOUND: 'failed',
  INVALID_REQUEST: 'not-sent',
  RATE_LIMITED: 'failed',
  UNAVAILABLE: 'unknown',
  BAD_RESPONSE: 'unknown',
  UNSUPPORTED: 'not-sent',
  CONFIG: 'not-sent',
  CONFLICT: 'failed',
  // Waiting for a status sends only reads; none of them failed.
  WAIT_TIMEOUT: 'not-sent',
};

export interface BspErrorOptions {
  /** The adapter id, or `'core'` for errors raised before any adapter is involved. */
  provider?: string;
  /** The vendor's own code, e.g. `1003` or `'System.LimitControl'`. */
  vendorCode?: string | number;
  httpStatusCode?: number;
  requestId?: string;
  retryable?: boolean;
  /** What became of the request; by default, the usual outcome of the error's code. */
  outcome?: RequestOutcome;
  /** How long the vendor asked us to wait before retrying, from `Retry-After`. */
  retryAfterMs?: number;
  /** The vendor's error body, secret-free. */
  raw?: unknown;
  /** The underlying error; only its name, message and code are kept (see `safeCause`). */
  cause?: unknown;
  /** The input field at fault, for INVALID_REQUEST and CONFIG errors. */
  field?: string;
  /**
   * What the call had done before it failed, for the caller to carry on from there: e.g.
   * `{ flowId, created: true, step }` when `flows.create` made the flow and a later step failed.
   */
  details?: Readonly<Record<string, unknown>>;
}

const ERROR_MARKER = Symbol.for('whatsapp-bsp.error');

/**
 * The base of every error this library throws. Checkable across duplicate package copies with
 * `BspError.isInstance(err)` (a `Symbol.for` marker, not `instanceof`).
 */
export class BspError extends Error {
  readonly code: ErrorCode;
  readonly provider: string;
  declare readonly vendorCode?: string | number;
  declare readonly httpStatusCode?: number;
  declare readonly requestId?: string;
  readonly retryable: boolean;
  /** What became of the request: `not-sent`, `failed` (nothing applied) or `unknown`. */
  outcome: RequestOutcome;
  declare readonly retryAfterMs?: number;
  declare readonly raw?: unknown;
  declare readonly field?: string;
  /**
   * What the call had done before it failed (see `BspErrorOptions.details`); the client sets it
   * on an error of a later step of a call with several requests.
   */
  declare details?: Readonly<Record<string, unknown>>;
  /** Attempts made before this error was thrown; set by the client's retry loop. */
  attempts: number;

  constructor(code: ErrorCode, message: string, options: BspErrorOptions = {}) {
    super(message);
    Object.defineProperty(this, ERROR_MARKER, { value: true });
    this.name = new.target.name;
    this.code = code;
    this.provider = options.provider ?? 'core';
    this.retryable = options.retryable ?? false;
    this.outcome = options.outcome ?? DEFAULT_OUTCOME[code];
    this.attempts = 1;
    if (options.vendorCode !== undefined) this.vendorCode = options.vendorCode;
    if (options.httpStatusCode !== undefined) this.httpStatusCode = options.httpStatusCode;
    if (options.requestId !== undefined) this.requestId = options.requestId;
    if (options.retryAfterMs !== undefined) this.retryAfterMs = options.retryAfterMs;
    if (options.raw !== undefined) this.raw = options.raw;
    if (options.field !== undefined) this.field = options.field;
    if (options.details !== undefined) this.details = options.details;
    if (options.cause !== undefined) {
      Object.defineProperty(this, 'cause', {
        value: safeCause(options.cause),
        enumerable: false,
        writable: true,
        configurable: true,
      });
    }
  }

  static isInstance(value: unknown): value is BspError {
    return (
      typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[ERROR_MARKER] === true
    );
  }

  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = {
      name: this.name,
      code: this.code,
      message: this.message,
      provider: this.provider,
      retryable: this.retryable,
      outcome: this.outcome,
      attempts: this.attempts,
    };
    for (const key of [
      'vendorCode',
      'httpStatusCode',
      'requestId',
      'retryAfterMs',
      'field',
      'details',
      'raw',
    ] as const) {
      if (this[key] !== undefined) json[key] = this[key];
    }
    if (this.cause !== undefined) json.cause = describeCause(this.cause);
    return json;
  }

  /** `util.inspect` and `console.log` show the same fields as `toJSON`, plus the stack. */
  [inspect.custom](): string {
    const { name: _name, message: _message, ...fields } = this.toJSON();
    return `${this.stack ?? `${this.name}: ${this.message}`} ${inspect(fields, { depth: 4 })}`;
  }
}

/**
 * Keeps only what is safe to print of an underlying error: its name, code, and message with the
 * given secrets redacted. HTTP library errors carry the whole request (headers with signatures,
 * options with secrets); none of that survives here.
 */
export function safeCause(cause: unknown, secrets: readonly (string | undefined)[] = []): Error {
  if (BspError.isInstance(cause)) return cause;
  const source = cause instanceof Error ? cause : new Error(String(cause));
  const copy = new Error(redactSecrets(source.message, secrets));
  copy.name = source.name;
  const code = (source as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') {
    Object.defineProperty(copy, 'code', { value: code, enumerable: true });
  }
  copy.stack = `${copy.name}: ${copy.message}`;
  return copy;
}

function describeCause(cause: unknown): unknown {
  if (BspError.isInstance(cause)) return cause.toJSON();
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return code === undefined
      ? { name: cause.name, message: cause.message }
      : { name: cause.name, message: cause.message, code };
  }
  return String(cause);
}
