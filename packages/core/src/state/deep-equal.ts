/**
 * Equality of JSON-like values (primitives, arrays, plain objects): arrays in order, objects by
 * their keys whatever the order of the keys. A key set to `undefined` counts as absent. For the
 * normalized drafts of a plan, which hold nothing else.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let index = 0; index < a.length; index++) if (!deepEqual(a[index], b[index])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let leftKeys = 0;
  for (const key in left) {
    if (!Object.hasOwn(left, key) || left[key] === undefined) continue;
    leftKeys++;
    if (!deepEqual(left[key], right[key])) return false;
  }
  let rightKeys = 0;
  for (const key in right) {
    if (Object.hasOwn(right, key) && right[key] !== undefined) rightKeys++;
  }
  return leftKeys === rightKeys;
}
