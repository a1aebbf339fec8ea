import { type Emulator, startEmulator } from '@whatsapp-bsp/emulator';
import { type RedisServer, startRedisServer } from '@whatsapp-bsp/redis/testing';
import { afterEach, describe, expect, it } from 'vitest';
import {
  achievedRate,
  arrivalsAheadOfTurns,
  closestGap,
  shortestSpanOverQuota,
} from './shared-budget-checks.js';
import type { SharedBudgetWorkerConfig } from './shared-budget-messages.js';
import { runSharedBudgetWorkers } from './shared-budget-run.js';

// Worker processes, as a user's would be, sharing CAMS's budget through a real redis-server,
// against the emulator enforcing that budget as CAMS does.

/** CAMS: 5 requests/s per operation, the adapter's default budget. */
const QUOTA = 5;
const INTERVAL_MICROS = 1_000_000 / QUOTA;

let emulator: Emulator<'cams'> | undefined;
let redis: RedisServer | undefined;
afterEach(async () => {
  await emulator?.close();
  await redis?.stop();
});

type Mode = { redisClient: 'ioredis' | 'redis'; onUnavailable: 'error' | 'local' };

function workers(
  redisUrl: string,
  modes: readonly Mode[],
  options: { concurrency: number; redisTimeoutMs: number },
): SharedBudgetWorkerConfig[] {
  const running = emulator!;
  return modes.map((mode) => ({
    ...mode,
    ...options,
    redisUrl,
    retryRedisAfterMs: 1000,
    cams: running.cams.config,
    flowId: running.store.flows.slice(0, 1)[0]!.id,
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
      // Redis gets the default second to answer: a busy machine must not fail a call here.
      workers: workers(
        redis.url,
        [
          { redisClient: 'ioredis', onUnavailable: 'error' },
          { redisClient: 'redis', onUnavailable: 'error' },
          { redisClient: 'ioredis', onUnavailable: 'error' },
          { redisClient: 'redis', onUnavailable: 'error' },
        ],
        { concurrency: 3, redisTimeoutMs: 1000 },
      ),
      durationMs: 20_000,
    });

    expect(hung).toBe(0);
    expect(reports).toHaveLength(4);
    expect(reports.map((report) => report.failures)).toEqual([{}, {}, {}, {}]);
    // Each worker made one call before the start (see the worker); the run is judged from the start.
    const arrivals = emulator.requests
      .arrivals('cams', 'GetFlow')
      .map((arrival) => arrival.at)
      .filter((at) => at >= startedAt);
    const turns = reports.flatMap((report) => report.turns).filter((turn) => turn >= startedAt * 1000);
    const rate = achievedRate(arrivals);
    console.log(
      `${arrivals.length} requests from 4 processes: ${rate.toFixed(3)} requests/s for a quota of ${QUOTA}, ` +
        `${emulator.requests.throttled} throttled; turns at least ${closestGap(turns) / 1000} ms apart; ` +
        `${QUOTA + 1} consecutive arrivals spanned at least ${shortestSpanOverQuota(arrivals, QUOTA)} ms`,
    );

    // The vendor's view: its quota never refused a request, and it received at least 0.95 of it.
    expect(emulator.requests.throttled).toBe(0);
    expect(rate / QUOTA).toBeGreaterThanOrEqual(0.95);
    // The schedule's view, on Redis's clock: every request had a turn of its own, no two turns of
    // any processes less than one interval apart, so no second holds more than the quota; and no
    // request reached the vendor before its turn. (Arrival times alone also carry the varying delay
    // from a turn to the vendor, larger on a busy machine, which says nothing of the limiter.)
    expect(turns).toHaveLength(arrivals.length);
    expect(reports.reduce((sum, report) => sum + report.succeeded, 0)).toBe(arrivals.length);
    expect(closestGap(turns)).toBeGreaterThanOrEqual(INTERVAL_MICROS);
    expect(arrivalsAheadOfTurns(arrivals, turns)).toBe(0);
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
        { concurrency: 2, redisTimeoutMs: 500 },
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

    for (const report of reports) {
      console.log(
        `${report.onUnavailable} mode, ${report.redisClient}: ${report.succeeded} calls succeeded, ` +
          `failed: ${JSON.stringify(report.failures)}, warnings: ${report.warnings}`,
      );
    }
    expect(hung).toBe(0);
    expect(reports).toHaveLength(4);
    for (const report of reports) expect(report.succeeded).toBeGreaterThan(0);
    // 'error': calls that cannot reach Redis are refused before they are sent, with the typed error.
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
