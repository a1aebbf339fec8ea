import { Bench } from 'tinybench';
import { interleavedRounds } from './interleaved-rounds.js';
import { type RatioTarget, type ResultRow, ratioRow } from './report.js';
import { pairedRatios, summarize } from './statistics.js';
import { type GetFlowPair, VENDOR_TITLES, type VendorName } from './vendor-clients.js';

/** Calls per side in each round of the per-call and throughput benchmarks. */
export const GET_FLOW_CALLS = 2_000;
/**
 * Nine rounds, as for the cold import: on a shared two-core machine one round's ratio swings by
 * ±0.1, and the median of five rounds still moved by ±0.05 between runs.
 */
export const GET_FLOW_ROUNDS = 9;

export interface GetFlowComparison {
  /** Each round's calls, split into this many alternating blocks of the library and the baseline. */
  readonly blocks: number;
  /** Runs before measuring, e.g. to warm up the code and fill the keep-alive pools. */
  warmUp(viaClient: () => Promise<unknown>, viaBaseline: () => Promise<unknown>): Promise<void>;
  /** The milliseconds one block of `calls` calls took. */
  blockMs(call: () => Promise<unknown>, calls: number): Promise<number>;
  /** A round's figure from its total milliseconds, e.g. ms per call or calls per second. */
  figure(totalMs: number): number;
  /** How a round's figure is logged, e.g. `0.812 ms per call`. */
  describe(figure: number): string;
  readonly row: {
    readonly benchmark: string;
    readonly unit: string;
    readonly digits: number;
    readonly target: RatioTarget;
  };
}

/** The library's `flows.get` against its baseline, in interleaved rounds, as one result row. */
export async function compareGetFlow(
  vendor: VendorName,
  { viaClient, viaBaseline, baselineName }: GetFlowPair,
  comparison: GetFlowComparison,
  log: (line: string) => void,
): Promise<ResultRow> {
  await comparison.warmUp(viaClient, viaBaseline);
  const callsPerBlock = GET_FLOW_CALLS / comparison.blocks;
  const totals = await interleavedRounds({
    rounds: GET_FLOW_ROUNDS,
    blocksPerRound: comparison.blocks,
    figure: () => comparison.blockMs(viaClient, callsPerBlock),
    baseline: () => comparison.blockMs(viaBaseline, callsPerBlock),
    onRound: (round, clientMs, baselineMs) =>
      log(
        `  ${VENDOR_TITLES[vendor]} round ${round}: client ${comparison.describe(comparison.figure(clientMs))}, ${baselineName} ${comparison.describe(comparison.figure(baselineMs))}`,
      ),
  });
  const figure = totals.figure.map(comparison.figure);
  const baseline = totals.baseline.map(comparison.figure);
  return ratioRow({
    ...comparison.row,
    figure: summarize(figure),
    baseline: summarize(baseline),
    ratio: summarize(pairedRatios(figure, baseline)),
  });
}

/** Runs one tinybench task of exactly `calls` calls; returns its result once all have completed. */
export async function runTask(
  options: ConstructorParameters<typeof Bench>[0],
  call: () => Promise<unknown>,
  calls: number,
) {
  const bench = new Bench({ ...options, iterations: calls, time: 0, warmup: false, throws: true });
  bench.add('call', call);
  const [task] = await bench.run();
  const result = task?.result;
  if (result?.state !== 'completed') throw new Error(`benchmark task ended as ${result?.state}`);
  if (task?.runs !== calls) throw new Error(`expected ${calls} calls, tinybench ran ${task?.runs}`);
  return result;
}
