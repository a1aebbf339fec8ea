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
 * Loads one of Alibaba's CommonJS packages with `require`. An ES import of it would make Node
 * read and scan its source for named exports first, about 10 ms at startup for
 * `@alicloud/credentials`, for names this package does not use.
 */
export function requireCommonJs<T>(id: string): T {
  return requireFromHere(id) as T;
}
