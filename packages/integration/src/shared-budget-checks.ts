/** Requests per second between the first and the last of `times` (epoch milliseconds, ascending). */
export function achievedRate(times: readonly number[]): number {
  if (times.length < 2) return 0;
  return (times.length - 1) / ((times.at(-1)! - times[0]!) / 1000);
}

/** The smallest difference between two of `values`; infinity when there are fewer than two. */
export function closestGap(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  let closest = Number.POSITIVE_INFINITY;
  for (let i = 1; i < sorted.length; i++) closest = Math.min(closest, sorted[i]! - sorted[i - 1]!);
  return closest;
}

/**
 * How many requests reached the vendor before their turn. Each request leaves only after a turn
 * of its own, so the k-th arrival can never precede the k-th turn, whatever the delays between
 * them. `arrivals` in epoch milliseconds (as `Date.now()` reads them, hence 1 ms of slack),
 * `turns` in epoch microseconds.
 */
export function arrivalsAheadOfTurns(arrivals: readonly number[], turns: readonly number[]): number {
  const sortedArrivals = [...arrivals].sort((a, b) => a - b);
  const sortedTurns = [...turns].sort((a, b) => a - b);
  return sortedArrivals.filter((arrival, k) => (arrival + 1) * 1000 < (sortedTurns[k] ?? 0)).length;
}

/**
 * The shortest time, in milliseconds, over which `quota + 1` consecutive requests arrived: one
 * second when they are evenly spaced at the quota, less the variation of their delays on the
 * way. Infinity when there were not that many requests.
 */
export function shortestSpanOverQuota(times: readonly number[], quota: number): number {
  let shortest = Number.POSITIVE_INFINITY;
  for (let i = 0; i + quota < times.length; i++) {
    shortest = Math.min(shortest, times[i + quota]! - times[i]!);
  }
  return shortest;
}
