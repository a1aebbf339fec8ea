import type { Clock } from './clock.js';

/**
 * Admits requests at a rate. One instance serves a whole client; `key` separates budgets (the
 * client uses `<provider>:<operation>`). Implement it over a shared store to spread one budget
 * across processes.
 */
export interface RateLimiter {
  /**
   * Resolves when a request under `key` may be sent at `requestsPerSecond`. When `signal` aborts
   * first, rejects with its reason and gives the caller's turn back to later callers.
   */
  acquire(key: string, requestsPerSecond: number, signal?: AbortSignal): Promise<void>;
}

interface Schedule {
  /** When the turn after every one handed out so far is due (epoch ms). */
  nextDueAt: number;
  /** Turns given back by aborted waiters, earliest first. */
  freed: number[];
}

/**
 * A token bucket per key, kept as the time the next token is due (GCRA), so waiting callers are
 * served in order and timer lateness never accumulates into a lower rate. `burst` is the bucket's
 * size; the default of 1 spaces requests evenly, which is what a vendor's per-second quota
 * accepts without throttling.
 */
export class TokenBucketRateLimiter implements RateLimiter {
  private readonly schedules = new Map<string, Schedule>();

  constructor(
    private readonly clock: Clock,
    private readonly burst = 1,
  ) {}

  async acquire(key: string, requestsPerSecond: number, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    const interval = 1000 / requestsPerSecond;
    const now = this.clock.now();
    const schedule = this.schedules.get(key) ?? { nextDueAt: now, freed: [] };
    this.schedules.set(key, schedule);
    const due = takeTurn(schedule, now, interval);
    const wait = due - (this.burst - 1) * interval - now;
    if (wait <= 0) return;
    try {
      await this.clock.sleep(wait, signal);
    } catch (error) {
      // Without this, every caller queued behind an abandoned turn would wait for nothing.
      giveBack(schedule, due);
      throw error;
    }
  }
}

function takeTurn(schedule: Schedule, now: number, interval: number): number {
  // A turn given back is reused only while it is still ahead: sending in a turn already past
  // would crowd the request due next.
  while (schedule.freed.length > 0 && schedule.freed[0]! < now) schedule.freed.shift();
  const freed = schedule.freed.shift();
  if (freed !== undefined) return freed;
  const due = Math.max(schedule.nextDueAt, now);
  schedule.nextDueAt = due + interval;
  return due;
}

function giveBack(schedule: Schedule, due: number): void {
  const later = schedule.freed.findIndex((turn) => turn > due);
  schedule.freed.splice(later === -1 ? schedule.freed.length : later, 0, due);
}
