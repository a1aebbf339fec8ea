import { ProviderUnavailableError } from '../../errors/error-classes.js';
import type { ProviderCallContext, ProviderResult } from '../../provider/call-context.js';
import type { Operation } from '../../provider/operations.js';
import { listenForAbort } from './abort-listeners.js';

type AbortListener = (reason: unknown) => void;

/**
 * One attempt of an operation: the context its adapter receives, and the race that bounds it.
 * Whichever settles first wins: the adapter's answer, the timeout (a retryable
 * ProviderUnavailableError) or the caller's abort (its reason, as is); an adapter's answer after
 * that is ignored, so the attempt is bounded even if the adapter ignores its signal.
 *
 * Built for the hot path, as every call makes one: the AbortSignal is made on first read
 * (creating one costs Node.js several microseconds: it is an EventTarget), adapters can learn of
 * the abort through `onAbort` instead, and the race allocates no closure it can do without.
 */
export class Attempt<T> implements ProviderCallContext {
  #controller: AbortController | undefined;
  #listeners: AbortListener[] | undefined;
  #aborted = false;
  #reason: unknown;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #stopListening: (() => void) | undefined;
  #resolve: (result: ProviderResult<T>) => void = () => {};
  #reject: (reason: unknown) => void = () => {};

  constructor(
    readonly attempt: number,
    readonly timeoutMs: number,
    private readonly operation: Operation,
    private readonly providerId: string,
    private readonly callerSignal: AbortSignal | undefined,
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

  /** Calls the adapter once and settles with the first of its answer, the timeout and the abort. */
  run(call: (context: ProviderCallContext) => Promise<ProviderResult<T>>): Promise<ProviderResult<T>> {
    return new Promise<ProviderResult<T>>((resolve, reject) => {
      this.#resolve = resolve;
      this.#reject = reject;
      this.#timer = setTimeout(Attempt.#onTimer, this.timeoutMs, this);
      const callerSignal = this.callerSignal;
      if (callerSignal !== undefined) {
        if (callerSignal.aborted) {
          this.#abort(callerSignal.reason);
          return;
        }
        this.#stopListening = listenForAbort(callerSignal, (reason) => this.#abort(reason));
      }
      let pending: Promise<ProviderResult<T>>;
      try {
        pending = call(this);
      } catch (error) {
        this.#fail(error);
        return;
      }
      pending.then(
        (result) => this.#succeed(result),
        (error: unknown) => this.#fail(error),
      );
    });
  }

  /** Aborts the attempt once; later calls keep the first reason. */
  #abort(reason: unknown): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#reason = reason;
    this.#fail(reason);
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

  /** A function of the class, not a closure per attempt: the timer passes the attempt along. */
  static #onTimer<R>(attempt: Attempt<R>): void {
    // The error is built only if the timer fires: capturing a stack on every call is slow.
    attempt.#abort(
      new ProviderUnavailableError(`${attempt.operation} timed out after ${attempt.timeoutMs} ms`, {
        provider: attempt.providerId,
      }),
    );
  }

  #succeed(result: ProviderResult<T>): void {
    this.#stopWatching();
    this.#resolve(result);
  }

  #fail(reason: unknown): void {
    this.#stopWatching();
    this.#reject(reason);
  }

  #stopWatching(): void {
    clearTimeout(this.#timer);
    if (this.#stopListening !== undefined) {
      this.#stopListening();
      this.#stopListening = undefined;
    }
  }
}
