/**
 * The class a CommonJS package exports as `exports.default`. Node hands an ES module the whole
 * exports object as the default import, while Vite-based loaders (and so vitest, when this
 * package is loaded from another workspace) hand over `exports.default` itself.
 */
export function commonJsDefault<T>(imported: { readonly default: T } | T): T {
  return typeof imported === 'object' && imported !== null && 'default' in imported
    ? (imported as { readonly default: T }).default
    : (imported as T);
}
