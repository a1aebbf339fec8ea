/*
 * Not a payload: the official Alibaba packages are CommonJS with `exports.default = Client`.
 * Node's ESM loader hands over the exports object (the class is its `default`); Vitest's loader
 * hands over the class itself.
 */
export function commonJsClass<T>(imported: { default: T }): T {
  return ((imported as { default?: T }).default ?? imported) as T;
}
