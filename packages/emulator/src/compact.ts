/** Drops the keys whose value is undefined, keeping the order of the others. */
export function compact(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));
}
