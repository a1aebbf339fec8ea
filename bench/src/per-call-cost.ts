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
/** Nine rounds, as for throughput and the cold import: a round's ratio swings on a shared machine. */
const ROUNDS = 9;
/** Each round's calls, split into alternating blocks of the library and the baseline. */
const BLOCKS = 10;
const WARMUP_CALLS = 300;

/** Benchmark 1: what the library adds to one sequential `flows.get`, over the bare transport. */
export const perCallCost: Benchmark = {
  name: 'per-call-cost',
  title: `1. per-call cost of flows.get, ${CALLS} sequential calls per side × ${ROUNDS} rounds`,
  run: (log) => measureGetFlowPerVendor((vendor, calls) => measureVendor(vendor, calls, log)),
};

async function measureVendor(
  vendor: VendorName,
  { viaClient, viaBaseline }: GetFlowPair,
  log: (line: string) => void,
): Promise<ResultRow> {
  for (let call = 0; call < WARMUP_CALLS; call++) {
    await viaClient();
    await viaBaseline();
  }

  const totals = await interleavedRounds({
    rounds: ROUNDS,
    blocksPerRound: BLOCKS,
    figure: () => blockMs(viaClient),
    baseline: () => blockMs(viaBaseline),
    onRound: (round, clientMs, bareMs) =>
      log(
        `  ${VENDOR_TITLES[vendor]} round ${round}: client ${(clientMs / CALLS).toFixed(3)} ms, bare ${(bareMs / CALLS).toFixed(3)} ms per call`,
      ),
  });
  const figure = totals.figure.map((ms) => ms / CALLS);
  const baseline = totals.baseline.map((ms) => ms / CALLS);
  return ratioRow({
    benchmark: `1 per-call cost, ${VENDOR_TITLES[vendor]} flows.get`,
    figure: summarize(figure),
    baseline: summarize(baseline),
    ratio: summarize(pairedRatios(figure, baseline)),
    unit: ' ms',
    digits: 3,
    target: { atMost: 1.1 },
  });
}

/** The time one block of sequential calls took, summed over its calls. */
async function blockMs(call: () => Promise<unknown>): Promise<number> {
  const bench = new Bench({ iterations: CALLS / BLOCKS, time: 0, warmup: false, throws: true });
  bench.add('call', call);
  const [task] = await bench.run();
  const result = task!.result;
  if (result.state !== 'completed') throw new Error(`benchmark task ended as ${result.state}`);
  return result.totalTime;
}
