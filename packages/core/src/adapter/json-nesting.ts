/**
 * The deepest JSON an adapter accepts from a vendor. No vendor answer nests anywhere near this
 * deep (a carousel template is about a dozen levels); deeper JSON is refused as a bad response,
 * because whatever walks an entity's `raw` later (secret redaction, `JSON.stringify` in the
 * caller's code, a logger) would overflow the stack.
 */
export const MAX_RESPONSE_JSON_DEPTH = 64;

/**
 * Whether arrays and objects nest more than `limit` levels deep. It runs on every response, so
 * it walks without allocating; its recursion stops at `limit`, so any input is safe to check.
 */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (limit < 1) return true;
  if (Array.isArray(value)) {
    for (const item of value) if (nestedDeeperThan(item, limit - 1)) return true;
    return false;
  }
  for (const key in value) {
    if (nestedDeeperThan((value as Record<string, unknown>)[key], limit - 1)) return true;
  }
  return false;
}
