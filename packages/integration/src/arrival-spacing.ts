/** Requests per second between the first and the last of `times` (epoch milliseconds, ascending). */
export function achievedRate(times: readonly number[]): number {
  if (times.length < 2) return 0;
  return (times.length - 1) / ((times.at(-1)! - times[0]!) / 1000);
}

/**
 * The shortest time, in milliseconds, over which `quota + 1` consecutive requests arrived: the
 * quota is kept in every window of one second exactly when this is at least 1000 ms. Infinity
 * when there were not that many requests.
 */
export function shortestSpanOverQuota(times: readonly number[], quota: number): number {
  let shortest = Number.POSITIVE_INFINITY;
  for (let i = 0; i + quota < times.length; i++) {
    shortest = Math.min(shortest, times[i + quota]! - times[i]!);
  }
  return shortest;
}
