/** One page of a list as an adapter returns it. */
export interface Page<T> {
  readonly items: readonly T[];
  /** Opaque; absent on the last page. */
  readonly nextCursor?: string;
  /** Total number of items across all pages, where the vendor reports it. */
  readonly total?: number;
}
