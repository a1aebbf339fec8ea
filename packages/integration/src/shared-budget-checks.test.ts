import { describe, expect, it } from 'vitest';
import {
  achievedRate,
  arrivalsAheadOfTurns,
  closestGap,
  shortestSpanOverQuota,
} from './shared-budget-checks.js';

describe('shared-budget checks', () => {
  it('measure the rate between the first and the last request', () => {
    expect(achievedRate([1000, 1200, 1400, 1600, 1800, 2000])).toBe(5);
    expect(achievedRate([1000])).toBe(0);
  });

  it('find the closest two turns in any order', () => {
    expect(closestGap([600, 0, 200, 450])).toBe(150);
    expect(closestGap([7])).toBe(Number.POSITIVE_INFINITY);
  });

  it('count requests that arrived before their turn, pairing the k-th arrival with the k-th turn', () => {
    const turns = [1_000_000, 1_200_000, 1_400_000]; // microseconds
    expect(arrivalsAheadOfTurns([1450, 1003, 1250], turns)).toBe(0); // late, in another order: fine
    expect(arrivalsAheadOfTurns([1000, 1199, 1400], turns)).toBe(0); // within Date.now's millisecond
    expect(arrivalsAheadOfTurns([1000, 1100, 1400], turns)).toBe(1); // one left 100 ms early
    expect(arrivalsAheadOfTurns([1000, 1000, 1000], turns)).toBe(2);
  });

  it('find the shortest time over which quota + 1 requests arrived', () => {
    expect(shortestSpanOverQuota([0, 200, 400, 600, 800, 1000, 1150], 5)).toBe(950);
    expect(shortestSpanOverQuota([0, 200], 5)).toBe(Number.POSITIVE_INFINITY);
  });
});
