import type { ProviderCallContext } from '../provider/call-context.js';

export interface TestCallContextOptions {
  /** The attempt's abort; a signal that never aborts by default. */
  readonly signal?: AbortSignal;
  readonly attempt?: number;
  readonly timeoutMs?: number;
}

/**
 * A call context for driving an adapter's `do*` methods directly in its own tests, with
 * `onAbort` answering to the given signal as the core client's context does to its own.
 */
export function testCallContext({
  signal = new AbortController().signal,
  attempt = 1,
  timeoutMs = 5_000,
}: TestCallContextOptions = {}): ProviderCallContext {
  return {
    signal,
    attempt,
    timeoutMs,
    onAbort(listener) {
      if (signal.aborted) {
        listener(signal.reason);
        return () => {};
      }
      const onAbort = () => listener(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      return () => signal.removeEventListener('abort', onAbort);
    },
  };
}
