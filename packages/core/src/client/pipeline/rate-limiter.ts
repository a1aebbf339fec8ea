import type { Clock } from './clock.js';

/**
 * Admits requests at a rate. One instance serves a whole client; `key` separates budgets (the
 * client uses `<provider>:<operation>`). Implement it over a shared store to spread one budget
 * across processes.
 */
export interface RateLimiter {
  /** Resolves when a request under `key` may be sent at `requestsPerSecond`. */
  acquire(key: string, requestsPerSecond: number, signal?: AbortSignal): Promise<void>;
}

/**
 * A token bucket per key, kept as the time the next token is due (GCRA), so waiting callers are
 * served in order and timer lateness never accumulates into a lower rate. `burst` is the bucket's
 * size; the default of 1 spaces requests evenly, which is what a vendor's per-second quota
 * accepts without throttling.
 */
export class TokenBucketRateLimiter implements RateLimiter {
  private readonly nextDueAt = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly burst = 1,
  ) {}

  async acquire(key: string, requestsPerSecond: number, signal?: AbortSignal): Promise<void> {
    const interval = 1000 / requestsPerSecond;
    const now = this.clock.now();
    const due = Math.max(this.nextDueAt.get(key) ?? now, now);
    this.nextDueAt.set(key, due + interval);
    const wait = due - (this.burst - 1) * interval - now;
    if (wait > 0) await this.clock.sleep(wait, signal);
  }
}
