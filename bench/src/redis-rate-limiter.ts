import {
  achievedRate,
  arrivalsAheadOfTurns,
  closestGap,
  runSharedBudgetWorkers,
  type SharedBudgetWorkerConfig,
  shortestSpanOverQuota,
} from '@whatsapp-bsp/integration';
import { redisRateLimiter as createRedisRateLimiter } from '@whatsapp-bsp/redis';
import { startRedisServer } from '@whatsapp-bsp/redis/testing';
import type { Benchmark } from './benchmark.js';
import {
  connectRedis,
  REDIS_CLIENT_KINDS,
  REDIS_CLIENT_TITLES,
  type RedisClientKind,
} from './redis-connections.js';
import { withRemoteEmulator } from './remote-emulator.js';
import { type ResultRow, ratioRow } from './report.js';
import { median, pairedRatios, summarize } from './statistics.js';

const ROUNDS = 5;
const BLOCKS_PER_ROUND = 10;
const CALLS_PER_BLOCK = 200;
const WARMUP_CALLS = 500;
/** A rate no sequence of round trips can reach: every turn is due at once, the budget is free. */
const FREE_RATE = 1_000_000;

/** CAMS's budget per operation, enforced by the emulator. */
const QUOTA = 5;
const WORKERS = 4;
const CALLS_IN_FLIGHT_PER_WORKER = 3;
const RUN_MS = 20_000;

/**
 * Benchmark 7: `@whatsapp-bsp/redis`. What one `acquire` costs when the budget is free, against
 * the very EVALSHA it sends, sent straight through the same client; and four worker processes
 * sharing CAMS's 5/s through it for 20 s, judged by the emulator's arrival times.
 */
export const redisRateLimiter: Benchmark = {
  name: 'redis-rate-limiter',
  title: `10. Redis rate limiter: acquire at a free budget (${ROUNDS} rounds × ${BLOCKS_PER_ROUND * CALLS_PER_BLOCK} per side), and ${WORKERS} processes sharing ${QUOTA}/s for ${RUN_MS / 1000} s`,
  async run(log) {
    const server = await startRedisServer();
    try {
      const rows: ResultRow[] = [];
      for (const kind of REDIS_CLIENT_KINDS) rows.push(await acquireLatency(kind, server.url, log));
      rows.push(...(await sharedBudget(server.url, log)));
      return rows;
    } finally {
      await server.stop();
    }
  },
};

async function acquireLatency(
  kind: RedisClientKind,
  url: string,
  log: (line: string) => void,
): Promise<ResultRow> {
  const connection = await connectRedis(kind, url);
  try {
    const key = `bench:${kind}`;
    // The baseline is the EVALSHA the limiter sends for this key, recorded once, then replayed.
    const recorder = connection.recorder();
    await createRedisRateLimiter({ client: recorder.client }).acquire(key, FREE_RATE);
    const bare = recorder.replay;
    const limiter = createRedisRateLimiter({ client: connection.client });
    const acquire = () => limiter.acquire(key, FREE_RATE);

    for (let i = 0; i < WARMUP_CALLS; i++) {
      await acquire();
      await bare();
    }
    const figure: number[] = [];
    const baseline: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const viaLimiter: number[] = [];
      const viaBare: number[] = [];
      for (let block = 0; block < BLOCKS_PER_ROUND; block++) {
        // Alternating A B, B A: whatever else the machine does falls on both sides alike.
        const sides =
          block % 2 === 0
            ? ([
                [acquire, viaLimiter],
                [bare, viaBare],
              ] as const)
            : ([
                [bare, viaBare],
                [acquire, viaLimiter],
              ] as const);
        for (const [call, latencies] of sides) await timeCalls(call, latencies);
      }
      figure.push(median(viaLimiter) * 1000);
      baseline.push(median(viaBare) * 1000);
      log(
        `  ${REDIS_CLIENT_TITLES[kind]} round ${round}: acquire ${figure.at(-1)!.toFixed(1)} µs, bare EVALSHA ${baseline.at(-1)!.toFixed(1)} µs (medians)`,
      );
    }
    return ratioRow({
      benchmark: `10 Redis limiter, acquire at a free budget, ${REDIS_CLIENT_TITLES[kind]}`,
      figure: summarize(figure),
      baseline: summarize(baseline),
      ratio: summarize(pairedRatios(figure, baseline)),
      unit: ' µs',
      digits: 1,
      target: { atMost: 1.5 },
    });
  } finally {
    connection.close();
  }
}

async function timeCalls(call: () => Promise<unknown>, latencies: number[]): Promise<void> {
  for (let i = 0; i < CALLS_PER_BLOCK; i++) {
    const started = performance.now();
    await call();
    latencies.push(performance.now() - started);
  }
}

async function sharedBudget(redisUrl: string, log: (line: string) => void): Promise<ResultRow[]> {
  return withRemoteEmulator(
    { faults: [{ kind: 'quota', vendor: 'cams', operation: 'GetFlow', requestsPerSecond: QUOTA }] },
    async (emulator) => {
      const workers: SharedBudgetWorkerConfig[] = Array.from({ length: WORKERS }, (_, i) => ({
        redisUrl,
        redisClient: REDIS_CLIENT_KINDS[i % REDIS_CLIENT_KINDS.length]!,
        onUnavailable: 'error',
        redisTimeoutMs: 1000,
        retryRedisAfterMs: 5000,
        cams: emulator.cams,
        flowId: emulator.flowId,
        concurrency: CALLS_IN_FLIGHT_PER_WORKER,
      }));
      const { reports, hung, startedAt } = await runSharedBudgetWorkers({ workers, durationMs: RUN_MS });
      const failed = reports.reduce(
        (sum, report) => sum + Object.values(report.failures).reduce((a, b) => a + b, 0),
        0,
      );
      if (hung > 0 || reports.length !== WORKERS || failed > 0) {
        throw new Error(
          `${hung} workers hung, ${reports.length} of ${WORKERS} reported, ${failed} calls failed`,
        );
      }
      // Each worker makes one call before the start; the run is judged from the start.
      const arrivals = (await emulator.arrivals())
        .filter(
          (arrival) =>
            arrival.vendor === 'cams' && arrival.operation === 'GetFlow' && arrival.at >= startedAt,
        )
        .map((arrival) => arrival.at);
      const turns = reports.flatMap((report) => report.turns).filter((turn) => turn >= startedAt * 1000);
      const counts = await emulator.requests();
      const rate = achievedRate(arrivals);
      const closestTurns = closestGap(turns) / 1000;
      const early = arrivalsAheadOfTurns(arrivals, turns);
      log(
        `  ${WORKERS} processes: ${arrivals.length} requests, ${rate.toFixed(3)} requests/s, ${counts.throttled} throttled; ` +
          `turns at least ${closestTurns} ms apart, ${early} requests ahead of their turn; ` +
          `${QUOTA + 1} consecutive arrivals spanned at least ${shortestSpanOverQuota(arrivals, QUOTA)} ms`,
      );
      return [
        ratioRow({
          benchmark: `10 Redis limiter, ${WORKERS} processes, achieved rate`,
          figure: summarize([rate]),
          baseline: summarize([QUOTA]),
          ratio: summarize([rate / QUOTA]),
          unit: ' req/s',
          digits: 2,
          target: { atLeast: 0.95 },
        }),
        {
          benchmark: `10 Redis limiter, ${WORKERS} processes, throttled answers`,
          figure: `${counts.throttled} of ${counts.total} requests`,
          baseline: '—',
          ratio: '—',
          target: '0',
          pass: counts.throttled === 0,
        },
        // Turns one interval apart keep every second within the quota, on Redis's clock.
        ratioRow({
          benchmark: `10 Redis limiter, ${WORKERS} processes, closest turns`,
          figure: summarize([closestTurns]),
          baseline: summarize([1000 / QUOTA]),
          ratio: summarize([closestTurns / (1000 / QUOTA)]),
          unit: ' ms',
          digits: 1,
          target: { atLeast: 1 },
        }),
        {
          benchmark: `10 Redis limiter, ${WORKERS} processes, requests ahead of their turn`,
          figure: `${early} of ${arrivals.length}`,
          baseline: '—',
          ratio: '—',
          target: '0',
          pass: early === 0 && turns.length === arrivals.length,
        },
      ];
    },
  );
}
