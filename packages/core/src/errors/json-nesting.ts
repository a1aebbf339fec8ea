/**
 * The deepest JSON an adapter accepts from a vendor. No vendor answer nests anywhere near this
 * deep (a carousel template is about a dozen levels); deeper JSON is refused as a bad response,
 * because whatever walks an entity's `raw` later (secret redaction, `JSON.stringify` in the
 * caller's code, a logger) would overflow the stack.
 */
export const MAX_RESPONSE_JSON_DEPTH = 64;

/** Whether arrays and objects nest more than `limit` levels deep; iterative, so any depth is safe. */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  const pending: [unknown, number][] = [[value, 1]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [item, depth] = next;
    if (typeof item !== 'object' || item === null) continue;
    if (depth > limit) return true;
    for (const child of Object.values(item)) pending.push([child, depth + 1]);
  }
  return false;
}
