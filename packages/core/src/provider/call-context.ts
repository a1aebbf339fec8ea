/** What the client hands an adapter for one attempt. */
export interface ProviderCallContext {
  /**
   * Aborts on the caller's signal or when this attempt's timeout expires. Made on first read:
   * Node.js takes several microseconds to create an AbortSignal, so on a hot path prefer
   * `onAbort`, which tells of the same abort without one.
   */
  readonly signal: AbortSignal;
  /** 1 for the first attempt. */
  readonly attempt: number;
  /**
   * This attempt's time budget in milliseconds. The client enforces it with the attempt's own
   * timer and aborts the attempt when it expires; an adapter needs no timer of its own.
   */
  readonly timeoutMs: number;
  /**
   * Calls `listener` once with the reason when this attempt is aborted, as `signal` would, at
   * once if it already is. Returns the function that removes the listener. The core client races
   * every attempt against its timeout and the caller's signal anyway: an adapter listens only to
   * stop work in flight.
   */
  onAbort(listener: (reason: unknown) => void): () => void;
}

/** One vendor response: the mapped value and what the vendor said about the call. */
export interface ProviderResult<T> {
  readonly value: T;
  readonly requestId?: string;
  readonly httpStatusCode?: number;
}
