import { setTimeout as sleep } from 'node:timers/promises';
import {
  BspError,
  type CallOptions,
  type ImplementedOperation as ClientOperation,
  type ClientSettings,
  type RequestOutcome,
  type RetryEvent,
  type WhatsAppClient,
} from '@whatsapp-bsp/core';
import { DEFAULT_MAX_RESPONSE_BYTES } from '@whatsapp-bsp/core/adapter';
import {
  type Emulator,
  type FaultRule,
  NXCLOUD_EXAMPLE_FLOW,
  NXCLOUD_EXAMPLE_TEMPLATE,
  startEmulator,
  type Vendor,
} from '@whatsapp-bsp/emulator';
import { afterAll, describe, expect, it } from 'vitest';
import { clientFor, VENDORS } from './emulator-clients.js';
import { formatTable } from './format-table.js';
import { countOpenHandles, settledOpenHandles } from './open-handles.js';

/**
 * The operations this file covers: the reads a call can make without creating anything first.
 * The writes' faults are in write-faults.test.ts.
 */
type ReadOperation = Extract<
  ClientOperation,
  'flows.get' | 'flows.list' | 'flows.preview' | 'templates.list' | 'templates.get'
>;

/*
 * Every fault the emulator can inject, against every read operation of both adapters, through
 * the client a user builds, over real loopback sockets. Each (vendor, operation) pair gets an
 * emulator of its own (a "lane"), so the lanes run side by side without sharing fault rules,
 * counters or quota clocks. The expected outcome of each cell is data below; the test prints the
 * table of what happened and fails if any cell differs.
 */

const RETRY = { initialDelayMs: 1, maxDelayMs: 5, maxAttempts: 3, maxRetryAfterMs: 2_000 };
/** Long enough that an abort always lands while the client is waiting. */
const LONG_BACK_OFF = { initialDelayMs: 60_000, maxDelayMs: 60_000, maxAttempts: 3 };
/**
 * Per-attempt budget in the slow-server cells; the server takes far longer. Generous, because an
 * attempt that follows a timeout must still finish within it on a loaded machine (all the lanes
 * run at once), while the slow answer must not.
 */
const SHORT_TIMEOUT_MS = 600;
const SLOW_SERVER_MS = 3_000;
/** A quota the vendor refills only every 20 s of its clock, so nothing refills during a cell. */
const SLOW_QUOTA = { kind: 'quota', requestsPerSecond: 0.05, burst: 1 } as const;
/** How far the emulator's clock jumps when a throttling window is over: a token's worth, within NXCloud's ±60 s signing window. */
const QUOTA_WINDOW_MS = 30_000;
/**
 * The response size limit the clients here have: the adapters' default, what a user gets without
 * setting one. The bodies past it are a few times over, enough that a client reading them whole
 * is caught, and small enough that one doing so (an adapter without a limit) still ends its cells
 * in bounded memory and shows what it does instead.
 */
const LIMIT = DEFAULT_MAX_RESPONSE_BYTES;

/** Each read operation, as a user calls it; a list call fetches its first page. */
const CALLS: Record<ReadOperation, (client: WhatsAppClient, options: CallOptions) => Promise<object>> = {
  'flows.get': (client, options) => client.flows.get(NXCLOUD_EXAMPLE_FLOW.id, options),
  'flows.list': (client, options) => firstPage(client.flows.list({ pageSize: 5, ...options }).pages()),
  'flows.preview': (client, options) => client.flows.preview(NXCLOUD_EXAMPLE_FLOW.id, options),
  'templates.list': (client, options) =>
    firstPage(client.templates.list({ pageSize: 5, ...options }).pages()),
  'templates.get': (client, options) =>
    client.templates.get(
      { name: NXCLOUD_EXAMPLE_TEMPLATE.name, language: NXCLOUD_EXAMPLE_TEMPLATE.language },
      options,
    ),
};

/** The operations of the matrix: every one the client offers. */
const OPERATIONS = Object.keys(CALLS) as ReadOperation[];

async function firstPage(pages: AsyncGenerator<object>): Promise<object> {
  const first = await pages.next();
  if (first.done) throw new Error('a list yielded no page at all');
  return first.value;
}

/** `OK`, the error's code (`UNAVAILABLE`, `RATE_LIMITED`, ...), or `ABORTED` for the caller's own abort. */
type Outcome = 'OK' | BspError['code'] | 'ABORTED';

interface Expected {
  outcome: Outcome;
  attempts: number;
  /** What the error says became of the request, where the row is about that. */
  requestOutcome?: RequestOutcome;
  /** Text the error message must hold, where the outcome alone could come about by chance. */
  messageHolds?: string;
  /** The total back-off when the vendor's `Retry-After` decides it; otherwise each delay is at most `RETRY.maxDelayMs`. */
  waitedMs?: number;
}

interface FaultCase {
  name: string;
  rules: (vendor: Vendor) => FaultRule[];
  expected: Expected;
  /** Take the quota's only token first, so the measured call starts throttled. */
  drainQuota?: boolean;
  /** The throttling window passes (the emulator's clock jumps) once this attempt has failed. */
  windowPassesAfterAttempt?: number;
  timeoutMs?: number;
  retry?: ClientSettings['retry'];
  abort?: 'during back-off' | 'during a request';
}

const ok = (attempts: number, waitedMs?: number): Expected => ({
  outcome: 'OK',
  attempts,
  ...(waitedMs === undefined ? {} : { waitedMs }),
});
const fails = (outcome: Outcome, attempts: number, requestOutcome?: RequestOutcome): Expected => ({
  outcome,
  attempts,
  ...(requestOutcome === undefined ? {} : { requestOutcome }),
});
/**
 * A body the client must stop reading: refused at once, the vendor may have acted on the request,
 * and the message names the option to raise. A client that cannot decode the body at all would
 * refuse it too, but with no word of the limit.
 */
const tooLarge: Expected = { ...fails('BAD_RESPONSE', 1, 'unknown'), messageHolds: 'maxResponseBytes' };

const FAULTS: FaultCase[] = [
  { name: 'HTTP 500 ×2', rules: () => [{ kind: 'http-error', status: 500, times: 2 }], expected: ok(3) },
  { name: 'HTTP 502 ×2', rules: () => [{ kind: 'http-error', status: 502, times: 2 }], expected: ok(3) },
  { name: 'HTTP 503 ×2', rules: () => [{ kind: 'http-error', status: 503, times: 2 }], expected: ok(3) },
  {
    name: 'HTTP 503 sustained',
    rules: () => [{ kind: 'http-error', status: 503 }],
    expected: fails('UNAVAILABLE', 3),
  },
  { name: 'connection reset ×2', rules: () => [{ kind: 'reset', times: 2 }], expected: ok(3) },
  {
    name: 'connection reset sustained',
    rules: () => [{ kind: 'reset' }],
    expected: fails('UNAVAILABLE', 3),
  },
  {
    name: 'slower than the timeout ×1',
    rules: () => [{ kind: 'latency', ms: SLOW_SERVER_MS, times: 1 }],
    timeoutMs: SHORT_TIMEOUT_MS,
    expected: ok(2),
  },
  {
    name: 'slower than the timeout sustained',
    rules: () => [{ kind: 'latency', ms: SLOW_SERVER_MS }],
    timeoutMs: SHORT_TIMEOUT_MS,
    expected: fails('UNAVAILABLE', 3),
  },
  { name: 'truncated JSON', rules: () => [{ kind: 'malformed-json' }], expected: fails('BAD_RESPONSE', 1) },
  { name: 'HTML page, HTTP 502 ×2', rules: () => [{ kind: 'html', times: 2 }], expected: ok(3) },
  {
    name: 'HTML page, HTTP 502 sustained',
    rules: () => [{ kind: 'html' }],
    expected: fails('UNAVAILABLE', 3),
  },
  {
    name: 'HTML page, HTTP 403',
    rules: () => [{ kind: 'html', status: 403 }],
    expected: fails('BAD_RESPONSE', 1),
  },
  {
    name: 'HTTP 200, failure code ×1',
    rules: () => [{ kind: 'vendor-error', times: 1 }],
    expected: ok(2),
  },
  {
    name: 'HTTP 200, failure code sustained',
    rules: () => [{ kind: 'vendor-error' }],
    expected: fails('UNAVAILABLE', 3),
  },
  {
    name: 'HTTP 200, signature refused',
    rules: (vendor) => [
      { kind: 'vendor-error', code: vendor === 'nxcloud' ? 1003 : 'SignatureDoesNotMatch' },
    ],
    expected: fails('AUTHENTICATION', 1),
  },
  {
    name: 'throttled, no Retry-After, lifts',
    rules: () => [SLOW_QUOTA],
    drainQuota: true,
    windowPassesAfterAttempt: 1,
    expected: ok(2),
  },
  {
    name: 'throttled, no Retry-After, sustained',
    rules: () => [SLOW_QUOTA],
    drainQuota: true,
    expected: fails('RATE_LIMITED', 3),
  },
  {
    name: 'throttled, Retry-After 1 s, lifts',
    rules: () => [{ ...SLOW_QUOTA, retryAfterSeconds: 1 }],
    drainQuota: true,
    windowPassesAfterAttempt: 1,
    expected: ok(2, 1_000),
  },
  {
    name: 'throttled, Retry-After 1 h (cap 2 s)',
    rules: () => [{ ...SLOW_QUOTA, retryAfterSeconds: 3_600 }],
    drainQuota: true,
    expected: fails('RATE_LIMITED', 1),
  },
  {
    name: 'body over the limit, with its length',
    rules: () => [{ kind: 'oversized', bytes: 2 * LIMIT }],
    expected: tooLarge,
  },
  {
    name: 'body over the limit, chunked',
    rules: () => [{ kind: 'oversized', bytes: 2 * LIMIT, chunked: true }],
    expected: tooLarge,
  },
  {
    name: 'gzip bomb',
    rules: () => [{ kind: 'compression-bomb', bytes: 4 * LIMIT, encoding: 'gzip' }],
    expected: tooLarge,
  },
  {
    name: 'deflate bomb',
    rules: () => [{ kind: 'compression-bomb', bytes: 4 * LIMIT, encoding: 'deflate' }],
    expected: tooLarge,
  },
  {
    name: 'br bomb',
    rules: () => [{ kind: 'compression-bomb', bytes: 4 * LIMIT, encoding: 'br' }],
    expected: tooLarge,
  },
  {
    // The emulator drops the connection at its cap: a client that reads that far sees a
    // connection failure and retries, instead of refusing at the limit.
    name: 'endless body',
    rules: () => [{ kind: 'endless', capBytes: 4 * LIMIT }],
    expected: tooLarge,
  },
  {
    // The body is the real answer: a client that took it as data would succeed.
    name: 'redirect, HTTP 302',
    rules: () => [{ kind: 'redirect', status: 302 }],
    expected: fails('BAD_RESPONSE', 1, 'failed'),
  },
  {
    name: 'redirect, HTTP 308',
    rules: () => [{ kind: 'redirect', status: 308 }],
    expected: fails('BAD_RESPONSE', 1, 'failed'),
  },
  {
    // The body ends short of its length as the connection closes: like a reset, worth retrying.
    name: 'Content-Length over the body',
    rules: () => [{ kind: 'lying-length', declares: 'more' }],
    expected: fails('UNAVAILABLE', 3, 'unknown'),
  },
  {
    // Half the answer is all the client may read: truncated JSON, or bytes after the end refused.
    name: 'Content-Length under the body',
    rules: () => [{ kind: 'lying-length', declares: 'fewer' }],
    expected: fails('BAD_RESPONSE', 1, 'unknown'),
  },
  {
    name: 'abort during back-off',
    rules: () => [{ kind: 'http-error', status: 503 }],
    retry: LONG_BACK_OFF,
    abort: 'during back-off',
    expected: fails('ABORTED', 1),
  },
  {
    name: 'abort during a request',
    rules: () => [{ kind: 'latency', ms: SLOW_SERVER_MS }],
    abort: 'during a request',
    expected: fails('ABORTED', 1),
  },
];

interface Lane {
  vendor: Vendor;
  operation: ReadOperation;
  emulator: Emulator<Vendor>;
  /** Added to the emulator's clock, which its quotas (and signature windows) read. */
  clock: { offsetMs: number };
}

interface CellResult {
  outcome: Outcome | 'OTHER';
  attempts: number;
  /** The error's `outcome`, for a BspError. */
  requestOutcome?: RequestOutcome;
  /** Requests the emulator received for this cell. */
  requests: number;
  delays: number[];
  detail: string;
}

async function runCell(lane: Lane, fault: FaultCase): Promise<CellResult> {
  const { emulator } = lane;
  const delays: number[] = [];
  const controller = new AbortController();
  const abortReason = new Error('the caller gave up');
  const client = await clientFor(emulator, lane.vendor, {
    retry: { ...RETRY, ...fault.retry },
    // Pacing is not under test here; the CAMS budget would only slow the cells down.
    rateLimit: false,
    // Full jitter picks a delay up to the ceiling; the middle keeps the long back-off long.
    random: () => 0.5,
    hooks: {
      onRetry(event: RetryEvent) {
        delays.push(event.delayMs);
        if (event.attempt === fault.windowPassesAfterAttempt) lane.clock.offsetMs += QUOTA_WINDOW_MS;
        // The client is asleep once this hook returns; abort on the next turn.
        if (fault.abort === 'during back-off') setImmediate(() => controller.abort(abortReason));
      },
    },
  });
  const call = () =>
    CALLS[lane.operation](client, {
      signal: controller.signal,
      ...(fault.timeoutMs === undefined ? {} : { timeoutMs: fault.timeoutMs }),
    });

  emulator.faults.set(fault.rules(lane.vendor));
  if (fault.drainQuota) await call();
  emulator.requests.reset();
  try {
    const pending = call();
    if (fault.abort === 'during a request') {
      await untilTrue(() => emulator.requests.count(lane.vendor) > 0);
      controller.abort(abortReason);
    }
    const value = (await pending) as { $metadata: { attempts: number } };
    return result('OK', value.$metadata.attempts, '');
  } catch (error) {
    if (error === abortReason) return result('ABORTED', emulator.requests.count(lane.vendor), '');
    if (BspError.isInstance(error)) return result(error.code, error.attempts, error.message, error.outcome);
    return result('OTHER', 0, String(error));
  } finally {
    emulator.faults.clear();
    lane.clock.offsetMs = 0;
  }

  function result(
    outcome: CellResult['outcome'],
    attempts: number,
    detail: string,
    requestOutcome?: RequestOutcome,
  ): CellResult {
    return {
      outcome,
      attempts,
      ...(requestOutcome === undefined ? {} : { requestOutcome }),
      requests: emulator.requests.count(lane.vendor),
      delays,
      detail,
    };
  }
}

/** Resolves once `condition` holds, checking every few milliseconds; gives up after `patienceMs`. */
async function untilTrue(condition: () => boolean, patienceMs = 10_000): Promise<void> {
  for (let waited = 0; waited < patienceMs; waited += 5) {
    if (condition()) return;
    await sleep(5);
  }
  throw new Error(`condition still false after ${patienceMs} ms`);
}

/** Why a cell differs from what is expected, or undefined when it matches. */
function mismatch(cell: CellResult, fault: FaultCase): string | undefined {
  const { expected } = fault;
  if (cell.outcome !== expected.outcome || cell.attempts !== expected.attempts) {
    return `expected ${label(expected.outcome, expected.attempts)}`;
  }
  if (expected.requestOutcome !== undefined && cell.requestOutcome !== expected.requestOutcome) {
    return `outcome ${cell.requestOutcome}, not ${expected.requestOutcome}`;
  }
  if (expected.messageHolds !== undefined && !cell.detail.includes(expected.messageHolds)) {
    return `the message does not say ${expected.messageHolds}`;
  }
  // Every attempt the client counts reached the server once, and none more (a redirect followed
  // would be one more).
  if (cell.requests !== cell.attempts) return `${cell.requests} requests reached the server`;
  const waited = cell.delays.reduce((sum, delay) => sum + delay, 0);
  if (expected.waitedMs !== undefined) {
    return waited === expected.waitedMs ? undefined : `waited ${waited} ms, not ${expected.waitedMs} ms`;
  }
  // The back-off cap holds, so a persistent fault ends within a bounded time.
  const cap = fault.retry?.maxDelayMs ?? RETRY.maxDelayMs;
  return cell.delays.every((delay) => delay <= cap) ? undefined : `a delay above ${cap} ms: ${cell.delays}`;
}

const label = (outcome: string, attempts: number) => `${outcome}×${attempts}`;

describe('fault matrix: every injectable fault × both vendors × every read operation', () => {
  const lanes: Lane[] = [];
  afterAll(async () => {
    await Promise.all(lanes.map((lane) => lane.emulator.close()));
  });

  it('ends each cell as expected, with no unhandled rejection and no socket or timer left', async () => {
    const baseline = countOpenHandles();
    let unhandledRejections = 0;
    const onUnhandled = () => {
      unhandledRejections += 1;
    };
    process.on('unhandledRejection', onUnhandled);

    for (const vendor of VENDORS) {
      for (const operation of OPERATIONS) {
        const clock = { offsetMs: 0 };
        const emulator = await startEmulator({ vendors: [vendor], now: () => Date.now() + clock.offsetMs });
        lanes.push({ vendor, operation, emulator, clock });
      }
    }
    const results = new Map<string, CellResult>();
    await Promise.all(
      lanes.map(async (lane) => {
        for (const fault of FAULTS) {
          results.set(`${fault.name}|${lane.vendor}|${lane.operation}`, await runCell(lane, fault));
        }
      }),
    );
    await Promise.all(lanes.map((lane) => lane.emulator.close()));
    const handles = await settledOpenHandles(baseline);
    process.off('unhandledRejection', onUnhandled);

    const failures: string[] = [];
    const rows = FAULTS.flatMap((fault) =>
      VENDORS.map((vendor) => {
        const cells = OPERATIONS.map((operation) => {
          const cell = results.get(`${fault.name}|${vendor}|${operation}`)!;
          const problem = mismatch(cell, fault);
          const text = label(cell.outcome, cell.attempts);
          if (problem === undefined) return text;
          failures.push(`${fault.name} / ${vendor} / ${operation}: got ${text}, ${problem}. ${cell.detail}`);
          return `${text} ✗ ${problem}`;
        });
        const expected = label(fault.expected.outcome, fault.expected.attempts);
        return [fault.name, vendor, expected, ...cells];
      }),
    );
    const cellCount = FAULTS.length * VENDORS.length * OPERATIONS.length;
    console.log(
      `${formatTable(['fault', 'vendor', 'expected', ...OPERATIONS], rows)}\n\n` +
        `${cellCount} cells (${FAULTS.length} faults × ${VENDORS.length} vendors × ${OPERATIONS.length} operations), ` +
        `${failures.length} differing; ` +
        `unhandled rejections: ${unhandledRejections}; open handles after closing: ${JSON.stringify(handles)} (before: ${JSON.stringify(baseline)})`,
    );

    expect(failures).toEqual([]);
    expect(unhandledRejections).toBe(0);
    for (const kind of Object.keys(baseline) as (keyof typeof baseline)[]) {
      expect(handles[kind], kind).toBeLessThanOrEqual(baseline[kind]);
    }
  }, 60_000);
});
