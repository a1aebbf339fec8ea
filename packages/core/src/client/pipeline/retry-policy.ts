import { BspError } from '../../errors/bsp-error.js';
import type { OperationDefinition } from '../../provider/operations.js';

export interface RetryOptions {
  /** Attempts in all, the first included; 1 turns retries off. */
  maxAttempts?: number;
  /** The back-off ceiling before the first retry; it doubles on each retry. */
  initialDelayMs?: number;
  /** No single back-off delay exceeds this. */
  maxDelayMs?: number;
  /** The longest `Retry-After` honoured; a vendor asking for more ends the retries at once. */
  maxRetryAfterMs?: number;
}

export const DEFAULT_RETRY: Required<RetryOptions> = {
  maxAttempts: 3,
  initialDelayMs: 200,
  maxDelayMs: 5_000,
  maxRetryAfterMs: 30_000,
};

export type RetryDecision = { retry: true; delayMs: number } | { retry: false };

/**
 * Decides whether a failed attempt is tried again, and after how long: exponential back-off with
 * full jitter (a uniformly random delay up to the capped exponential ceiling), or the vendor's
 * `Retry-After` when it gave one within the cap.
 *
 * Reads and idempotent writes are retried on any retryable error. A non-idempotent write (a
 * create) is retried only when nothing can have been applied: the request was not sent, or the
 * vendor refused it (throttling, a busy code). After an `unknown` outcome it is not retried here:
 * the runner first looks for what the attempt may have created (DESIGN §12).
 */
export function decideRetry(
  error: unknown,
  attempt: number,
  options: Required<RetryOptions>,
  random: () => number,
  operation: Pick<OperationDefinition, 'idempotent'>,
): RetryDecision {
  if (attempt >= options.maxAttempts) return { retry: false };
  if (!BspError.isInstance(error) || !error.retryable) return { retry: false };
  if (!operation.idempotent && error.outcome === 'unknown') return { retry: false };
  if (error.retryAfterMs !== undefined) {
    // Waiting only the capped time would be throttled again; give the caller the error instead.
    if (error.retryAfterMs > options.maxRetryAfterMs) return { retry: false };
    return { retry: true, delayMs: error.retryAfterMs };
  }
  const ceiling = Math.min(options.maxDelayMs, options.initialDelayMs * 2 ** (attempt - 1));
  return { retry: true, delayMs: Math.floor(random() * ceiling) };
}
