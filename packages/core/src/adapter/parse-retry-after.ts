const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const LONG_DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const TIME = '\\d{2}:\\d{2}:\\d{2}';

/**
 * The three forms of an HTTP date (RFC 9110 §5.6.7): IMF-fixdate, which senders must use, and the
 * obsolete RFC 850 and asctime forms, which recipients must accept.
 */
const HTTP_DATE = new RegExp(
  `^(?:${DAY}, \\d{2} ${MONTH} \\d{4} ${TIME} GMT|${LONG_DAY}, \\d{2}-${MONTH}-\\d{2} ${TIME} GMT|${DAY} ${MONTH} [ \\d]\\d ${TIME} \\d{4})$`,
);

/**
 * `Retry-After` in milliseconds from `nowMs`: delta-seconds or an HTTP date, as RFC 9110 §10.2.3
 * defines it, and nothing else. `Date.parse` alone would read `1.5` or `-1` as dates in 2001 and
 * retry at once. A date in the past means now (0). Undefined when absent or in any other form, so
 * the client falls back to its own back-off. For adapters.
 */
export function parseRetryAfter(header: string | undefined, nowMs: number): number | undefined {
  if (header === undefined) return undefined;
  const value = header.trim();
  if (/^\d{1,10}$/.test(value)) return Number(value) * 1000;
  if (!HTTP_DATE.test(value)) return undefined;
  // Every HTTP date is in GMT; the asctime form does not say so, and Date.parse would read local time.
  const date = Date.parse(value.endsWith('GMT') ? value : `${value} GMT`);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
