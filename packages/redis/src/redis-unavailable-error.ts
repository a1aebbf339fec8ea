import { ProviderUnavailableError } from '@whatsapp-bsp/core';

/**
 * The error an `acquire` rejects with when Redis cannot hand out a turn: a
 * `ProviderUnavailableError` from provider `'redis'` with `outcome: 'not-sent'`, since the
 * request never left the process, and `retryable: false`, since another attempt would wait on
 * the same Redis again. The Redis client's error (or the timeout) is its `cause`.
 */
export function redisUnavailableError(cause: unknown): ProviderUnavailableError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new ProviderUnavailableError(
    `The shared rate limit in Redis could not be reached (${reason}); the request was not sent`,
    { provider: 'redis', retryable: false, cause, outcome: 'not-sent' },
  );
}
