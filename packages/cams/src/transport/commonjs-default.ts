import { createRequire } from 'node:module';

const requireFromHere = createRequire(import.meta.url);

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

/**
 * Loads a CommonJS package that `@alicloud/openapi-client` has already required, from the require
 * cache. An ES import of it would make Node read and scan its source once more for named exports,
 * about 10 ms at startup for `@alicloud/credentials`.
 */
export function requireLoaded<T>(id: string): T {
  return requireFromHere(id) as T;
}
