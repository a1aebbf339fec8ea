import { describe, expect, it } from 'vitest';
import { RequestCounters } from './request-counters.js';

describe('RequestCounters.arrivals', () => {
  it('keeps the latest 10,000 arrivals with their times, filtered by vendor and operation', () => {
    let time = 0;
    const counters = new RequestCounters(() => time);
    for (let i = 0; i < 25_000; i++) {
      time = i;
      counters.received(i % 2 === 0 ? 'cams' : 'nxcloud', i % 4 === 0 ? 'GetFlow' : 'ListFlow');
    }
    const all = counters.arrivals();
    expect(all).toHaveLength(10_000);
    expect(all[0]).toEqual({ at: 15_000, vendor: 'cams', operation: 'GetFlow' });
    expect(all.at(-1)).toEqual({ at: 24_999, vendor: 'nxcloud', operation: 'ListFlow' });
    expect(counters.arrivals('cams', 'GetFlow')).toHaveLength(2_500);
    expect(counters.count('cams')).toBe(12_500);

    counters.reset();
    expect(counters.arrivals()).toEqual([]);
  });
});
