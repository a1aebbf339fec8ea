import { Bench } from 'tinybench';
import type { Benchmark } from './benchmark.js';
import { interleavedRounds } from './interleaved-rounds.js';
import { type ResultRow, ratioRow } from './report.js';
import { pairedRatios, summarize } from './statistics.js';
import {
  type GetFlowPair,
  measureGetFlowPerVendor,
  VENDOR_TITLES,
  type VendorName,
} from './vendor-clients.js';

const CALLS = 2_000;
const CONCURRENCY = 32;
/**
 * Nine rounds, as for the cold import: with 32 calls in flight on a shared two-core machine one
 * round's ratio swings by ±0.1, and the median of five rounds still moved by ±0.05 between runs.
 */
const ROUNDS = 9;
/** Each round's calls, split into alternating blocks of the library and the baseline. */
const BLOCKS = 4;
const WARMUP_CALLS = 300;

/** Benchmark 2: requests per second with 32 calls in flight, against the bare transport. */
export const throughput: Benchmark = {
  name: 'throughput',
  title: `2. throughput of flows.get, ${CALLS} calls per side at concurrency ${CONCURRENCY} × ${ROUNDS} rounds`,
  run: (log) => measureGetFlowPerVendor((vendor, calls) => measureVendor(vendor, calls, log)),
};

async function measureVendor(
  vendor: VendorName,
  { viaClient, viaBaseline }: GetFlowPair,
  log: (line: string) => void,
): Promise<ResultRow> {
  // Warm up the code and fill both keep-alive pools to the concurrency used below.
  await concurrentCallsMs(viaClient, WARMUP_CALLS);
  await concurrentCallsMs(viaBaseline, WARMUP_CALLS);

  const perSecond = (ms: number) => (CALLS / ms) * 1000;
  const totals = await interleavedRounds({
    rounds: ROUNDS,
    blocksPerRound: BLOCKS,
    figure: () => concurrentCallsMs(viaClient, CALLS / BLOCKS),
    baseline: () => concurrentCallsMs(viaBaseline, CALLS / BLOCKS),
    onRound: (round, clientMs, bareMs) =>
      log(
        `  ${VENDOR_TITLES[vendor]} round ${round}: client ${perSecond(clientMs).toFixed(0)}/s, bare ${perSecond(bareMs).toFixed(0)}/s`,
      ),
  });
  const figure = totals.figure.map(perSecond);
  const baseline = totals.baseline.map(perSecond);
  return ratioRow({
    benchmark: `2 throughput, ${VENDOR_TITLES[vendor]} flows.get ×${CONCURRENCY}`,
    figure: summarize(figure),
    baseline: summarize(baseline),
    ratio: summarize(pairedRatios(figure, baseline)),
    unit: ' calls/s',
    digits: 0,
    target: { atLeast: 0.9 },
  });
}

/** Runs `calls` calls with CONCURRENCY of them in flight at any time; returns the time taken. */
async function concurrentCallsMs(call: () => Promise<unknown>, calls: number): Promise<number> {
  const bench = new Bench({
    concurrency: 'task',
    threshold: CONCURRENCY,
    iterations: calls,
    time: 0,
    warmup: false,
    throws: true,
  });
  bench.add('call', call);
  const started = performance.now();
  const [task] = await bench.run();
  const elapsedMs = performance.now() - started;
  const result = task!.result;
  if (result.state !== 'completed') throw new Error(`benchmark task ended as ${result.state}`);
  if (task!.runs !== calls) throw new Error(`expected ${calls} calls, tinybench ran ${task!.runs}`);
  return elapsedMs;
}
