/**
 * Builds a value on the first call and returns that same value afterwards. Adapters build their
 * zod wire schemas this way, on first use rather than at import: building schemas is most of
 * what importing an adapter costs, which a process that never calls that vendor would pay for
 * nothing.
 */
export function once<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => {
    built ??= build();
    return built;
  };
}
