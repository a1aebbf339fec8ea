/**
 * `Retry-After` in milliseconds from `nowMs`: delta-seconds or an HTTP date. Undefined when
 * absent or unreadable, so the client falls back to its own back-off. For adapters.
 */
export function parseRetryAfter(header: string | undefined, nowMs: number): number | undefined {
  if (header === undefined) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}
