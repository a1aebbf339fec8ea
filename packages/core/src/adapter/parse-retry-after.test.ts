import { describe, expect, it } from 'vitest';
import { MAX_RESPONSE_JSON_DEPTH, nestedDeeperThan } from './json-nesting.js';
import { parseRetryAfter } from './parse-retry-after.js';

const NOW = Date.UTC(2026, 0, 1);

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates, and gives up on anything else', () => {
    expect(parseRetryAfter('7', NOW)).toBe(7_000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
    expect(parseRetryAfter(new Date(NOW + 30_000).toUTCString(), NOW)).toBe(30_000);
    expect(parseRetryAfter(new Date(NOW - 5_000).toUTCString(), NOW)).toBe(0);
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
  });
});

describe('nestedDeeperThan', () => {
  it('measures nesting without recursion, so any depth is safe to check', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(nestedDeeperThan(deep, MAX_RESPONSE_JSON_DEPTH)).toBe(true);
    expect(nestedDeeperThan({ a: [{ b: 1 }] }, 3)).toBe(false);
    expect(nestedDeeperThan({ a: [{ b: {} }] }, 3)).toBe(true);
    expect(nestedDeeperThan('text', 0)).toBe(false);
  });
});
