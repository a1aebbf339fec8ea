import { ConfigError, ProviderUnavailableError } from '@whatsapp-bsp/core';
import { FakeClock } from '@whatsapp-bsp/core/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PendingClock } from './__fixtures__/pending-clock.js';
import { CLIENT_KINDS, connect, type TestConnection } from './__fixtures__/redis-clients.js';
import { redisRateLimiter } from './redis-rate-limiter.js';
import { type RedisServer, startRedisServer } from './testing/redis-server.js';

let server: RedisServer;
const opened: TestConnection[] = [];
const restarted: RedisServer[] = [];

beforeAll(async () => {
  server = await startRedisServer();
});
afterEach(async () => {
  await Promise.all(opened.splice(0).map((connection) => connection.close()));
  await Promise.all(restarted.splice(0).map((other) => other.stop()));
});
afterAll(() => server?.stop());

let budget = 0;
const freshKey = () => `test:${++budget}`;
/** The key holding when a budget's next new turn is due, with the default prefix. */
const nextKeyOf = (key: string) => `whatsapp-bsp:rate:{${key}}:next`;
const freedKeyOf = (key: string) => `whatsapp-bsp:rate:{${key}}:freed`;

describe.each(CLIENT_KINDS)('redisRateLimiter with %s', (kind) => {
  async function open(url = server.url, wait = true): Promise<TestConnection> {
    const connection = await connect(kind, url, { wait });
    opened.push(connection);
    return connection;
  }

  it('admits the next caller promptly when 19 of 20 queued waiters abort: it takes a turn they gave back', async () => {
    const connection = await open();
    const clock = new PendingClock();
    const limiter = redisRateLimiter({ client: connection.client, clock });
    const key = freshKey();
    await limiter.acquire(key, 10);
    expect(clock.requested).toEqual([]);

    const controllers = Array.from({ length: 20 }, () => new AbortController());
    const queued = controllers.map((controller) => limiter.acquire(key, 10, controller.signal));
    await vi.waitFor(() => expect(clock.pending()).toHaveLength(20));
    const scheduleEnd = await connection.command('GET', nextKeyOf(key));

    const reason = new Error('gave up');
    for (const controller of controllers.slice(0, 19)) controller.abort(reason);
    const outcomes = await Promise.allSettled(queued.slice(0, 19));
    expect(outcomes.every((outcome) => outcome.status === 'rejected' && outcome.reason === reason)).toBe(
      true,
    );

    const next = limiter.acquire(key, 10);
    await vi.waitFor(() => expect(clock.pending()).toHaveLength(2));
    // Its wait is at most one interval, not the 2 s the queue was: it took the earliest turn given
    // back that was still ahead, before the waiter still queued, and the end of the schedule did
    // not move. (Time passing only shortens the wait; the turns given back stay ahead for 1.8 s.)
    expect(clock.requested.at(-1)).toBeLessThanOrEqual(100);
    expect(await connection.command('GET', nextKeyOf(key))).toBe(scheduleEnd);

    clock.endAll();
    await Promise.all([next, queued[19]]);
  });

  it('rejects with the reason of a signal that aborts while its turn is being reserved, and gives the turn back', async () => {
    const connection = await open();
    const limiter = redisRateLimiter({ client: connection.client, clock: new PendingClock() });
    const key = freshKey();
    // One every ten seconds: the turn is still ahead when it is given back, however busy the machine.
    await limiter.acquire(key, 0.1);
    const controller = new AbortController();
    const acquiring = limiter.acquire(key, 0.1, controller.signal);
    controller.abort(new Error('stop'));
    await expect(acquiring).rejects.toThrow('stop');
    expect(await connection.command('ZCARD', freedKeyOf(key))).toBe(1);
  });

  it("rejects with a ProviderUnavailableError, outcome 'not-sent', when Redis cannot be reached", async () => {
    const gone = await startRedisServer();
    await gone.kill();
    const connection = await open(gone.url, false);
    const limiter = redisRateLimiter({ client: connection.client, timeoutMs: 200 });

    const error = await limiter.acquire(freshKey(), 5).catch((caught: unknown) => caught);
    expect(ProviderUnavailableError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'UNAVAILABLE',
      provider: 'redis',
      outcome: 'not-sent',
      retryable: false,
    });
    expect((error as Error).message).toMatch(/not sent/);
  });

  it('when Redis is killed mid-run, rejects each call within timeoutMs, then works again once Redis is back', async () => {
    const own = await startRedisServer();
    restarted.push(own);
    const connection = await open(own.url);
    const limiter = redisRateLimiter({ client: connection.client, timeoutMs: 200, clock: new FakeClock() });
    const key = freshKey();
    await limiter.acquire(key, 50);

    await own.kill();
    for (let i = 0; i < 3; i++) {
      await expect(limiter.acquire(key, 50)).rejects.toMatchObject({
        code: 'UNAVAILABLE',
        outcome: 'not-sent',
      });
    }

    restarted.push(await startRedisServer({ port: own.port }));
    // The client reconnects on its own schedule; each try is bounded by timeoutMs.
    await vi.waitFor(() => limiter.acquire(key, 50), { timeout: 10_000, interval: 50 });
    expect(await connection.command('EXISTS', nextKeyOf(key))).toBe(1);
  });

  it("with onUnavailable: 'local', keeps to a budget of its own with one warning, and goes back to Redis once it answers", async () => {
    const own = await startRedisServer();
    restarted.push(own);
    const connection = await open(own.url);
    const clock = new FakeClock(0);
    const warnings: string[] = [];
    const processWarnings: Error[] = [];
    const onProcessWarning = (warning: Error) => {
      if (warning.name === 'WhatsappBspRedisWarning') processWarnings.push(warning);
    };
    process.on('warning', onProcessWarning);
    try {
      const limiter = redisRateLimiter({
        client: connection.client,
        timeoutMs: 200,
        onUnavailable: 'local',
        retryRedisAfterMs: 1000,
        onWarning: (message) => warnings.push(message),
        clock,
      });
      const key = freshKey();
      await limiter.acquire(key, 10);

      await own.kill();
      for (let i = 0; i < 4; i++) await limiter.acquire(key, 10);
      // One try of Redis, then the local budget paces the rest at 10/s on this process's clock.
      expect(clock.sleeps).toEqual([100, 100, 100]);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/could not be reached.*budget of its own/);

      restarted.push(await startRedisServer({ port: own.port }));
      const fresh = freshKey();
      // Every retryRedisAfterMs one call tries Redis again; the rest stay local meanwhile.
      await vi.waitFor(
        async () => {
          clock.advance(1000);
          await limiter.acquire(fresh, 10);
          expect(await connection.command('EXISTS', nextKeyOf(fresh))).toBe(1);
        },
        { timeout: 10_000, interval: 50 },
      );
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).toHaveLength(1);
      expect(processWarnings).toHaveLength(1);
    } finally {
      process.off('warning', onProcessWarning);
    }
  });
});

describe('redisRateLimiter options', () => {
  const client = { evalsha: async () => null, eval: async () => null };

  it('refuses bad options with a ConfigError naming the field', () => {
    const refused = (options: Record<string, unknown>) => {
      try {
        redisRateLimiter({ client, ...options });
      } catch (error) {
        return ConfigError.isInstance(error) ? error.field : 'not a ConfigError';
      }
      return undefined;
    };
    expect(refused({ timeoutMs: 0 })).toBe('timeoutMs');
    expect(refused({ timeoutMs: 1.5 })).toBe('timeoutMs');
    expect(refused({ retryRedisAfterMs: -1 })).toBe('retryRedisAfterMs');
    expect(refused({ onUnavailable: 'ignore' })).toBe('onUnavailable');
    expect(refused({ client: {} })).toBe('client');
    expect(refused({ client: undefined })).toBe('client');
    expect(refused({})).toBeUndefined();
  });

  it('refuses a rate that is not a positive number', async () => {
    const limiter = redisRateLimiter({ client });
    await expect(limiter.acquire('k', 0)).rejects.toThrow(RangeError);
    await expect(limiter.acquire('k', Number.NaN)).rejects.toThrow(RangeError);
  });
});
