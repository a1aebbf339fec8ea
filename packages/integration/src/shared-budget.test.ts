import { type Emulator, startEmulator } from '@whatsapp-bsp/emulator';
import { type RedisServer, startRedisServer } from '@whatsapp-bsp/redis/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { achievedRate, shortestSpanOverQuota } from './arrival-spacing.js';
import type { SharedBudgetWorkerConfig } from './shared-budget-messages.js';
import { runSharedBudgetWorkers } from './shared-budget-run.js';

// Worker processes, as a user's would be, sharing CAMS's budget through a real redis-server,
// against the emulator enforcing that budget as CAMS does.

/** CAMS: 5 requests/s per operation, the adapter's default budget. */
const QUOTA = 5;
const INTERVAL_MS = 1000 / QUOTA;

let emulator: Emulator<'cams'> | undefined;
let redis: RedisServer | undefined;
afterEach(async () => {
  await emulator?.close();
  await redis?.stop();
});

function workers(
  redisUrl: string,
  modes: readonly { redisClient: 'ioredis' | 'redis'; onUnavailable: 'error' | 'local' }[],
  concurrency: number,
): SharedBudgetWorkerConfig[] {
  const running = emulator!;
  return modes.map((mode) => ({
    ...mode,
    redisUrl,
    redisTimeoutMs: 250,
    retryRedisAfterMs: 1000,
    cams: running.cams.config,
    flowId: running.store.flows.slice(0, 1)[0]!.id,
    concurrency,
  }));
}

describe('worker processes sharing one CAMS budget through Redis', () => {
  it('four workers for 20 s: no throttled answer, at least 0.95 of the quota, no second over it', async () => {
    redis = await startRedisServer();
    emulator = await startEmulator({
      vendors: ['cams'],
      faults: [{ kind: 'quota', vendor: 'cams', operation: 'GetFlow', requestsPerSecond: QUOTA }],
    });
    const { reports, hung, startedAt } = await runSharedBudgetWorkers({
      // Two on each client library, three calls in flight in each: twelve callers for five a second.
      workers: workers(
        redis.url,
        [
          { redisClient: 'ioredis', onUnavailable: 'error' },
          { redisClient: 'redis', onUnavailable: 'error' },
          { redisClient: 'ioredis', onUnavailable: 'error' },
          { redisClient: 'redis', onUnavailable: 'error' },
        ],
        3,
      ),
      durationMs: 20_000,
    });

    expect(hung).toBe(0);
    expect(reports).toHaveLength(4);
    expect(reports.map((report) => report.failures)).toEqual([{}, {}, {}, {}]);
    expect(emulator.requests.throttled).toBe(0);
    // Each worker made one call before the start (see the worker); the run is judged from the start.
    const arrivals = emulator.requests
      .arrivals('cams', 'GetFlow')
      .map((arrival) => arrival.at)
      .filter((at) => at >= startedAt);
    expect(reports.reduce((sum, report) => sum + report.succeeded, 0)).toBe(arrivals.length);
    expect(achievedRate(arrivals) / QUOTA).toBeGreaterThanOrEqual(0.95);
    // Evenly spaced turns put quota + 1 requests one second apart. Arrival times add the varying
    // delay between a turn and its arrival (a timer firing late in a busy process, signing,
    // sockets); with that delay under one interval, quota + 1 requests never arrive within 800 ms.
    // A budget per process (20/s) or a burst at a window's edge would bring them far closer. That
    // no two processes ever get one turn is proven exactly, on Redis's clock, in packages/redis.
    expect(shortestSpanOverQuota(arrivals, QUOTA)).toBeGreaterThanOrEqual(1000 - INTERVAL_MS);
  }, 60_000);

  it('Redis killed mid-run: each mode does as documented, and every worker ends by itself', async () => {
    redis = await startRedisServer();
    emulator = await startEmulator({ vendors: ['cams'] });
    const server = redis;
    let killedAt = 0;
    const { reports, hung } = await runSharedBudgetWorkers({
      workers: workers(
        server.url,
        [
          { redisClient: 'ioredis', onUnavailable: 'error' },
          { redisClient: 'redis', onUnavailable: 'error' },
          { redisClient: 'ioredis', onUnavailable: 'local' },
          { redisClient: 'redis', onUnavailable: 'local' },
        ],
        2,
      ),
      durationMs: 6_000,
      midRun: {
        afterMs: 2_000,
        action: async () => {
          await server.kill();
          killedAt = Date.now();
        },
      },
    });

    expect(hung).toBe(0);
    expect(reports).toHaveLength(4);
    for (const report of reports) expect(report.succeeded).toBeGreaterThan(0);
    // 'error': every call after the kill is refused before it is sent, with the typed error.
    for (const report of reports.filter((each) => each.onUnavailable === 'error')) {
      expect(Object.keys(report.failures)).toEqual(['ProviderUnavailableError UNAVAILABLE not-sent']);
      expect(report.warnings).toBe(0);
    }
    // 'local': no call fails; one warning; calls carry on after the kill on the local budget.
    for (const report of reports.filter((each) => each.onUnavailable === 'local')) {
      expect(report.failures).toEqual({});
      expect(report.warnings).toBe(1);
      expect(report.lastSuccessAt).toBeGreaterThan(killedAt);
    }
  }, 60_000);
});
