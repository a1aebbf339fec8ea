import { BspError, type BspErrorOptions, type ErrorCode } from './bsp-error.js';

/** Checks by code, not `instanceof`, so it works across duplicate package copies too. */
function hasCode(value: unknown, code: ErrorCode): boolean {
  return BspError.isInstance(value) && value.code === code;
}

/** Credentials were refused (NXCloud 1001–1004, CAMS `InvalidAccessKeyId.*`, `SignatureDoesNotMatch`). */
export class AuthenticationError extends BspError {
  constructor(message: string, options?: BspErrorOptions) {
    super('AUTHENTICATION', message, options);
  }

  static override isInstance(value: unknown): value is AuthenticationError {
    return hasCode(value, 'AUTHENTICATION');
  }
}

/** The credentials are valid but may not do this (NXCloud 1005, CAMS `Ram.PermissionDeny`). */
export class PermissionError extends BspError {
  constructor(message: string, options?: BspErrorOptions) {
    super('PERMISSION', message, options);
  }

  static override isInstance(value: unknown): value is PermissionError {
    return hasCode(value, 'PERMISSION');
  }
}

/** The flow or template does not exist. */
export class NotFoundError extends BspError {
  constructor(message: string, options?: BspErrorOptions) {
    super('NOT_FOUND', message, options);
  }

  static override isInstance(value: unknown): value is NotFoundError {
    return hasCode(value, 'NOT_FOUND');
  }
}

/** Bad input, caught before sending or refused by the vendor (NXCloud 9000, 9002, 9006). */
export class InvalidRequestError extends BspError {
  constructor(message: string, options?: BspErrorOptions) {
    super('INVALID_REQUEST', message, options);
  }

  static override isInstance(value: unknown): value is InvalidRequestError {
    return hasCode(value, 'INVALID_REQUEST');
  }
}

/** The vendor throttled the call (CAMS `System.LimitControl`, `Throttling.*`, HTTP 429). */
export class RateLimitError extends BspError {
  constructor(message: string, options?: BspErrorOptions) {
    super('RATE_LIMITED', message, { retryable: true, ...options });
  }

  static override isInstance(value: unknown): value is RateLimitError {
    return hasCode(value, 'RATE_LIMITED');
  }
}

/** The vendor could not be reached or failed (5xx, NXCloud -1 and 9001, timeouts, resets). */
export class ProviderUnavailableError extends BspError {
  constructor(message: string, options?: BspErrorOptions) {
    super('UNAVAILABLE', message, { retryable: true, ...options });
  }

  static override isInstance(value: unknown): value is ProviderUnavailableError {
    return hasCode(value, 'UNAVAILABLE');
  }
}

/** The vendor answered with something that is not what its API documents (HTML, truncated JSON). */
export class ResponseFormatError extends BspError {
  constructor(message: string, options?: BspErrorOptions) {
    super('BAD_RESPONSE', message, options);
  }

  static override isInstance(value: unknown): value is ResponseFormatError {
    return hasCode(value, 'BAD_RESPONSE');
  }
}

/** The vendor cannot do what was asked (a filter it lacks, an operation it does not offer). */
export class UnsupportedOperationError extends BspError {
  constructor(message: string, options?: BspErrorOptions) {
    super('UNSUPPORTED', message, options);
  }

  static override isInstance(value: unknown): value is UnsupportedOperationError {
    return hasCode(value, 'UNSUPPORTED');
  }
}

/** Missing credentials, an unknown provider, a bad option. */
export class ConfigError extends BspError {
  constructor(message: string, options?: BspErrorOptions) {
    super('CONFIG', message, options);
  }

  static override isInstance(value: unknown): value is ConfigError {
    return hasCode(value, 'CONFIG');
  }
}

/**
 * The vendor refused a write because of the object's state: the name is already taken
 * (`InvalidParameter.TemplateNameExist`, Meta's duplicate-name subcodes), or the object is in the
 * wrong state for the operation (publishing a DEPRECATED flow, deleting a PUBLISHED one). `state`
 * carries the current state when it is known.
 */
export class ConflictError extends BspError {
  declare readonly state?: string;

  constructor(message: string, options?: BspErrorOptions & { state?: string }) {
    super('CONFLICT', message, options);
    if (options?.state !== undefined) this.state = options.state;
  }

  static override isInstance(value: unknown): value is ConflictError {
    return hasCode(value, 'CONFLICT');
  }

  override toJSON(): Record<string, unknown> {
    const json = super.toJSON();
    if (this.state !== undefined) json.state = this.state;
    return json;
  }
}

/**
 * A wait for a template or flow to reach a status ran out of time. `lastStatus` is the status
 * the object had when last read, and `lastSeen` the object itself.
 */
export class StatusWaitTimeoutError extends BspError {
  declare readonly lastStatus?: string;
  declare readonly lastSeen?: unknown;

  constructor(message: string, options?: BspErrorOptions & { lastStatus?: string; lastSeen?: unknown }) {
    super('WAIT_TIMEOUT', message, options);
    if (options?.lastStatus !== undefined) this.lastStatus = options.lastStatus;
    if (options?.lastSeen !== undefined) Object.defineProperty(this, 'lastSeen', { value: options.lastSeen });
  }

  static override isInstance(value: unknown): value is StatusWaitTimeoutError {
    return hasCode(value, 'WAIT_TIMEOUT');
  }

  override toJSON(): Record<string, unknown> {
    const json = super.toJSON();
    if (this.lastStatus !== undefined) json.lastStatus = this.lastStatus;
    return json;
  }
}
