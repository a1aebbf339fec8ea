/**
 * Drops the keys whose value is undefined, so a mapped entity has no `key: undefined` entries
 * (they would show in `Object.keys`, `in` checks and equality against the model). For adapters'
 * mappers.
 */
export function definedOnly<T extends object>(value: T): T {
  // A plain loop: mappers call this for every entity and component, and building entry pairs
  // with Object.entries/fromEntries costs several times more (Object.keys, an array per call).
  const result: Record<string, unknown> = {};
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const item = (value as Record<string, unknown>)[key];
    if (item !== undefined) result[key] = item;
  }
  return result as T;
}
