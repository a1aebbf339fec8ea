export interface RoundTotals {
  /** Per round, the sum of the library's block measurements. */
  readonly figure: number[];
  /** Per round, the sum of the baseline's block measurements. */
  readonly baseline: number[];
}

export interface InterleavedRoundsOptions {
  readonly rounds: number;
  /** Blocks per side in each round; a round's figure is the sum over its blocks. */
  readonly blocksPerRound: number;
  /** Measures one block of the library, e.g. the milliseconds some calls took. */
  readonly figure: () => Promise<number>;
  /** Measures one block of the baseline, in the same unit. */
  readonly baseline: () => Promise<number>;
  readonly onRound?: (round: number, figure: number, baseline: number) => void;
}

/**
 * Measures the library and its baseline in short alternating blocks (A B B A A B ...), so that
 * whatever else the machine does meanwhile (another process, a frequency change, the page cache
 * warming up) falls on both sides alike instead of favouring whichever ran at a quiet moment.
 */
export async function interleavedRounds(options: InterleavedRoundsOptions): Promise<RoundTotals> {
  const figure: number[] = [];
  const baseline: number[] = [];
  let block = 0;
  for (let round = 0; round < options.rounds; round++) {
    let figureTotal = 0;
    let baselineTotal = 0;
    for (let step = 0; step < options.blocksPerRound; step++, block++) {
      if (block % 2 === 0) {
        figureTotal += await options.figure();
        baselineTotal += await options.baseline();
      } else {
        baselineTotal += await options.baseline();
        figureTotal += await options.figure();
      }
    }
    figure.push(figureTotal);
    baseline.push(baselineTotal);
    options.onRound?.(round + 1, figureTotal, baselineTotal);
  }
  return { figure, baseline };
}
