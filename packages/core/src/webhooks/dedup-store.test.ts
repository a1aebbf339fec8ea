import { describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fake-clock.js';
import { MemoryDedupStore } from './dedup-store.js';

describe('MemoryDedupStore', () => {
  it('claims an id once per window', () => {
    const clock = new FakeClock(1_000);
    const store = new MemoryDedupStore({ now: () => clock.now() });
    expect(store.claim('a', 100)).toBe(true);
    expect(store.claim('a', 100)).toBe(false);
    expect(store.claim('b', 100)).toBe(true);
    clock.advance(99);
    expect(store.claim('a', 100)).toBe(false);
    clock.advance(1);
    expect(store.claim('a', 100)).toBe(true);
    expect(store.size).toBe(1);
  });

  it('forgets a released id at once', () => {
    const store = new MemoryDedupStore();
    expect(store.claim('a', 60_000)).toBe(true);
    store.release('a');
    expect(store.claim('a', 60_000)).toBe(true);
  });

  it('holds at most maxEntries ids, forgetting the oldest first', () => {
    const store = new MemoryDedupStore({ maxEntries: 2, now: () => 0 });
    for (const id of ['a', 'b', 'c']) expect(store.claim(id, 1_000)).toBe(true);
    expect(store.size).toBe(2);
    expect(store.claim('a', 1_000)).toBe(true);
    expect(store.claim('c', 1_000)).toBe(false);
  });
});
