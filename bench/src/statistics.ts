/** The centre and the range of one figure measured over several rounds. */
export interface Summary {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly rounds: number;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export function summarize(values: readonly number[]): Summary {
  return {
    median: median(values),
    min: Math.min(...values),
    max: Math.max(...values),
    rounds: values.length,
  };
}

/** Each round's figure divided by the baseline measured in the same round. */
export function pairedRatios(figures: readonly number[], baselines: readonly number[]): number[] {
  if (figures.length !== baselines.length) throw new RangeError('figures and baselines differ in length');
  return figures.map((figure, round) => figure / baselines[round]!);
}
