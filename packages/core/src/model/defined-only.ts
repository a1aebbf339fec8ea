/**
 * Drops the keys whose value is undefined, so a mapped entity has no `key: undefined` entries
 * (they would show in `Object.keys`, `in` checks and equality against the model). For adapters'
 * mappers.
 */
export function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}
