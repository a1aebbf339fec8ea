import { type BspErrorOptions, ProviderUnavailableError } from '@whatsapp-bsp/core';

/** What a call that failed because Redis could not be reached looks like to its caller. */
export type RedisUnavailableError = ProviderUnavailableError & { readonly outcome: 'not-sent' };

/**
 * The error an `acquire` rejects with when Redis cannot hand out a turn: a
 * `ProviderUnavailableError` from provider `'redis'` with `outcome: 'not-sent'`, since the
 * request never left the process, and `retryable: false`, since another attempt would wait on
 * the same Redis again. The Redis client's error (or the timeout) is its `cause`.
 */
export function redisUnavailableError(cause: unknown): RedisUnavailableError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  // Cast: `outcome` is not yet part of core's BspErrorOptions; until it is, it is also set below.
  const options = { provider: 'redis', retryable: false, cause, outcome: 'not-sent' } as BspErrorOptions;
  const error = new ProviderUnavailableError(
    `The shared rate limit in Redis could not be reached (${reason}); the request was not sent`,
    options,
  );
  if (!('outcome' in error)) Object.defineProperty(error, 'outcome', { value: 'not-sent', enumerable: true });
  return error as RedisUnavailableError;
}
