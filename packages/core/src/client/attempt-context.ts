import type { ProviderCallContext } from '../provider.js';

type AbortListener = (reason: unknown) => void;

/**
 * What an adapter receives for one attempt. The AbortSignal is made on first read: creating one
 * costs Node.js several microseconds (it is an EventTarget), which shows on every call, and an
 * adapter can learn of the abort through `onAbort` instead, or not at all when its transport
 * cannot be cancelled. The runner races every attempt against its timeout and the caller's
 * signal whether or not the adapter listens.
 */
export class AttemptContext implements ProviderCallContext {
  #controller: AbortController | undefined;
  #listeners: AbortListener[] | undefined;
  #aborted = false;
  #reason: unknown;

  constructor(
    readonly attempt: number,
    readonly timeoutMs: number,
  ) {}

  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController();
      // Read after the abort: the signal is born aborted, with the same reason.
      if (this.#aborted) this.#controller.abort(this.#reason);
    }
    return this.#controller.signal;
  }

  onAbort(listener: AbortListener): () => void {
    if (this.#aborted) {
      listener(this.#reason);
      return () => {};
    }
    this.#listeners ??= [];
    const listeners = this.#listeners;
    listeners.push(listener);
    return () => {
      const index = listeners.indexOf(listener);
      if (index !== -1) listeners.splice(index, 1);
    };
  }

  /** Aborts the attempt once; later calls keep the first reason. */
  abort(reason: unknown): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#reason = reason;
    this.#controller?.abort(reason);
    const listeners = this.#listeners ?? [];
    this.#listeners = undefined;
    for (const listener of listeners) {
      try {
        listener(reason);
      } catch (error) {
        // As an AbortSignal listener's would: reported, without keeping the others from running.
        process.nextTick(() => {
          throw error;
        });
      }
    }
  }
}
