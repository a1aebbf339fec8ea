import { describe, expect, it } from 'vitest';
import { MAX_RESPONSE_JSON_DEPTH, nestedDeeperThan } from './json-nesting.js';

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
