import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../testing/fake-clock.js';
import type { Clock } from './clock.js';
import { TokenBucketRateLimiter } from './rate-limiter.js';

/** A clock whose sleeps stay pending until the test moves time past them. */
class ManualClock implements Clock {
  private time = 0;
  readonly sleeps: { until: number; resolve: () => void }[] = [];

  now(): number {
    return this.time;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const entry = { until: this.time + ms, resolve };
      this.sleeps.push(entry);
      signal?.addEventListener(
        'abort',
        () => {
          const index = this.sleeps.indexOf(entry);
          if (index === -1) return;
          this.sleeps.splice(index, 1);
          reject(signal.reason);
        },
        { once: true },
      );
    });
  }

  /** The times the pending sleeps end at, in the order they were asked for. */
  pending(): number[] {
    return this.sleeps.map((sleep) => sleep.until);
  }

  advanceTo(time: number): void {
    this.time = time;
    for (const sleep of this.sleeps.filter((entry) => entry.until <= time)) {
      this.sleeps.splice(this.sleeps.indexOf(sleep), 1);
      sleep.resolve();
    }
  }
}

describe('TokenBucketRateLimiter', () => {
  it('spaces requests evenly at the rate, serving waiting callers in order', async () => {
    const clock = new FakeClock(0);
    const limiter = new TokenBucketRateLimiter(clock);
    const started: number[] = [];
    // FakeClock.sleep advances time itself, so sequential acquires observe the schedule.
    for (let i = 0; i < 5; i += 1) {
      await limiter.acquire('cams:flows.get', 50);
      started.push(clock.now());
    }
    expect(started).toEqual([0, 20, 40, 60, 80]);
  });

  it('keeps separate budgets per key', async () => {
    const clock = new FakeClock(0);
    const limiter = new TokenBucketRateLimiter(clock);
    await limiter.acquire('a', 1);
    await limiter.acquire('b', 1);
    expect(clock.sleeps).toEqual([]);
  });

  it('lets a burst through at once, then paces', async () => {
    const clock = new FakeClock(0);
    const limiter = new TokenBucketRateLimiter(clock, 3);
    for (let i = 0; i < 4; i += 1) await limiter.acquire('k', 10);
    expect(clock.sleeps).toEqual([100]);
  });

  it('does not let idle time pile up into a larger burst', async () => {
    const clock = new FakeClock(0);
    const limiter = new TokenBucketRateLimiter(clock);
    await limiter.acquire('k', 10);
    clock.advance(10_000);
    await limiter.acquire('k', 10);
    await limiter.acquire('k', 10);
    expect(clock.sleeps).toEqual([100]);
  });

  it('stops waiting when the signal aborts', async () => {
    const clock = new FakeClock(0);
    const limiter = new TokenBucketRateLimiter(clock);
    await limiter.acquire('k', 1);
    await expect(limiter.acquire('k', 1, AbortSignal.abort(new Error('stop')))).rejects.toThrow('stop');
  });

  it('gives the turn of an aborted waiter to the next caller, so nobody waits behind it', async () => {
    const clock = new ManualClock();
    const limiter = new TokenBucketRateLimiter(clock);
    await limiter.acquire('k', 10);
    const controllers = Array.from({ length: 20 }, () => new AbortController());
    const queued = controllers.map((controller) => limiter.acquire('k', 10, controller.signal));
    expect(clock.pending()).toEqual(Array.from({ length: 20 }, (_, i) => (i + 1) * 100));

    for (const controller of controllers.slice(0, 19)) controller.abort(new Error('gave up'));
    const outcomes = await Promise.allSettled(queued.slice(0, 19));
    expect(outcomes.every((outcome) => outcome.status === 'rejected')).toBe(true);
    expect(clock.pending()).toEqual([2000]);

    // The next caller takes the first turn given back, ahead of the waiter still due at 2000.
    let admitted = false;
    const next = limiter.acquire('k', 10).then(() => {
      admitted = true;
    });
    expect(clock.pending()).toEqual([2000, 100]);
    clock.advanceTo(100);
    await next;
    expect(admitted).toBe(true);
    expect(clock.pending()).toEqual([2000]);
    clock.advanceTo(2000);
    await queued[19];
  });

  it('drops turns given back once they are past, instead of crowding the next request', async () => {
    const clock = new ManualClock();
    const limiter = new TokenBucketRateLimiter(clock);
    await limiter.acquire('k', 10);
    const controller = new AbortController();
    const abandoned = limiter.acquire('k', 10, controller.signal);
    controller.abort(new Error('gave up'));
    await expect(abandoned).rejects.toThrow('gave up');
    clock.advanceTo(150);
    // The turn at 100 is gone; the next is due one interval after the last handed out (200).
    void limiter.acquire('k', 10);
    expect(clock.pending()).toEqual([200]);
  });
});
