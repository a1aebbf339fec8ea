import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../testing/fake-clock.js';
import { TokenBucketRateLimiter } from './rate-limiter.js';

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
});
