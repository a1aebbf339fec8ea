export interface RoundFigures {
  readonly figure: number[];
  readonly baseline: number[];
}

/**
 * Measures the library and its baseline in alternating order, round after round, so that
 * whatever the machine is doing meanwhile (another process, a frequency change, the page cache
 * warming up) falls on both sides alike instead of favouring whichever ran second.
 */
export async function interleavedRounds(
  rounds: number,
  measureFigure: () => Promise<number>,
  measureBaseline: () => Promise<number>,
  onRound: (round: number, figure: number, baseline: number) => void = () => {},
): Promise<RoundFigures> {
  const figure: number[] = [];
  const baseline: number[] = [];
  for (let round = 0; round < rounds; round++) {
    if (round % 2 === 0) {
      baseline.push(await measureBaseline());
      figure.push(await measureFigure());
    } else {
      figure.push(await measureFigure());
      baseline.push(await measureBaseline());
    }
    onRound(round + 1, figure[round]!, baseline[round]!);
  }
  return { figure, baseline };
}
