import { setTimeout as sleep } from 'node:timers/promises';
import { cams } from '@whatsapp-bsp/cams';
import { BspError, createClient } from '@whatsapp-bsp/core';
import { redisRateLimiter } from '@whatsapp-bsp/redis';
import { Redis } from 'ioredis';
import { createClient as createRedisClient } from 'redis';
import type { SharedBudgetWorkerConfig, StartMessage, WorkerMessage } from './shared-budget-messages.js';
import { recordingTurns } from './turn-recorder.js';

/*
 * One of several processes sharing CAMS's budget through Redis, as a user's workers would: it
 * calls `flows.get` from `concurrency` loops until told to stop, then reports what became of
 * its calls and exits by itself. Started by `runSharedBudgetWorkers`.
 */

/** Ends a loop that fails at once on every call instead of running until `until`. */
const MAX_CALLS_PER_LOOP = 10_000;
/** A pause after a failed call, as a job queue would make before its next job. */
const PAUSE_AFTER_FAILURE_MS = 50;

const config = JSON.parse(process.argv[2] ?? '{}') as SharedBudgetWorkerConfig;
const send = (message: WorkerMessage) =>
  new Promise<void>((resolve, reject) =>
    process.send?.(message, (error: Error | null) => (error ? reject(error) : resolve())),
  );

const redis = await connectRedis();
const turns: number[] = [];
let warnings = 0;
const client = createClient({
  provider: cams(config.cams),
  rateLimit: {
    limiter: redisRateLimiter({
      client: recordingTurns(redis.client, turns),
      timeoutMs: config.redisTimeoutMs,
      onUnavailable: config.onUnavailable,
      retryRedisAfterMs: config.retryRedisAfterMs,
      onWarning: () => {
        warnings++;
      },
    }),
  },
});
// The limiter also emits its warning as a process warning; counted above, it need not fill the test's stderr.
process.removeAllListeners('warning');

const start = new Promise<StartMessage>((resolve) =>
  process.once('message', (message) => resolve(message as StartMessage)),
);
// One call first, through the limiter like the rest, so that loading code and opening connections
// fall before the start, as they would in a worker that has been running for a while.
await client.flows.get(config.flowId);
await send({ type: 'ready' });
const { until } = await start;

let succeeded = 0;
let lastSuccessAt = 0;
const failures: Record<string, number> = {};
async function loop(): Promise<void> {
  for (let calls = 0; calls < MAX_CALLS_PER_LOOP && Date.now() < until; calls++) {
    try {
      await client.flows.get(config.flowId);
      succeeded++;
      lastSuccessAt = Date.now();
    } catch (error) {
      const kind = kindOf(error);
      failures[kind] = (failures[kind] ?? 0) + 1;
      await sleep(PAUSE_AFTER_FAILURE_MS);
    }
  }
}
await Promise.all(Array.from({ length: config.concurrency }, loop));

await send({
  type: 'report',
  redisClient: config.redisClient,
  onUnavailable: config.onUnavailable,
  succeeded,
  failures,
  lastSuccessAt,
  warnings,
  turns,
});
redis.close();
process.disconnect();

function kindOf(error: unknown): string {
  if (!BspError.isInstance(error)) return error instanceof Error ? error.name : 'non-error';
  const outcome = (error as { outcome?: string }).outcome;
  return [error.name, error.code, outcome].filter(Boolean).join(' ');
}

async function connectRedis() {
  if (config.redisClient === 'ioredis') {
    const client = new Redis(config.redisUrl);
    client.on('error', () => {});
    return { client, close: () => client.disconnect() };
  }
  const client = createRedisClient({ url: config.redisUrl });
  client.on('error', () => {});
  await client.connect();
  return { client, close: () => client.destroy() };
}
