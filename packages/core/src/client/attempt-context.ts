import type { ProviderCallContext } from '../provider.js';

/**
 * What an adapter receives for one attempt. The AbortSignal is made on first read: creating one
 * costs Node.js several microseconds (it is an EventTarget), which shows on every call, and an
 * adapter whose transport cannot be cancelled has no reason to read it. The runner races every
 * attempt against its timeout and the caller's signal whether or not the adapter listens.
 */
export class AttemptContext implements ProviderCallContext {
  #controller: AbortController | undefined;
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

  get aborted(): boolean {
    return this.#aborted;
  }

  get reason(): unknown {
    return this.#reason;
  }

  /** Aborts the attempt once; later calls keep the first reason. */
  abort(reason: unknown): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#reason = reason;
    this.#controller?.abort(reason);
  }
}
