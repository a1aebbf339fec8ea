import { describe, expect, it } from 'vitest';
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

  it('accepts the obsolete RFC 850 and asctime date forms that HTTP recipients must accept', () => {
    expect(parseRetryAfter('Thursday, 01-Jan-26 00:00:30 GMT', NOW)).toBe(30_000);
    expect(parseRetryAfter('Thu Jan  1 00:00:30 2026', NOW)).toBe(30_000);
    // asctime dates are GMT too, whatever the machine's time zone.
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      expect(parseRetryAfter('Thu Jan  1 00:00:30 2026', NOW)).toBe(30_000);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('refuses what Date.parse would misread as a date: fractions, signs, exponents, bare words', () => {
    for (const header of ['1.5', '-1', '+3', '1e3', '0x10', '', '   ', '1.5 seconds', 'Infinity', 'NaN']) {
      expect(parseRetryAfter(header, NOW), header).toBeUndefined();
    }
  });

  it('refuses dates in other formats than HTTP dates', () => {
    for (const header of [
      '2026-01-01T00:00:30Z',
      '01/01/2026',
      'Jan 1 2026',
      'Thu, 01 Jan 2026 00:00:30 +0000',
    ]) {
      expect(parseRetryAfter(header, NOW), header).toBeUndefined();
    }
  });
});
