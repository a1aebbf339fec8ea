type Listener = (reason: unknown) => void;

/**
 * The callbacks waiting on one signal, behind a single 'abort' listener of the signal's own.
 * Node.js warns (MaxListenersExceededWarning) once an EventTarget has more than ten listeners of
 * one type, and a caller rightly shares one AbortSignal among many concurrent calls (a request's
 * signal, a shutdown signal): each call adding its own listener would warn of a leak that is not
 * there.
 */
class AbortFanOut {
  readonly listeners = new Set<Listener>();
  readonly onAbort = () => {
    fanOuts.delete(this.signal);
    for (const listener of [...this.listeners]) listener(this.signal.reason);
    this.listeners.clear();
  };

  constructor(private readonly signal: AbortSignal) {
    signal.addEventListener('abort', this.onAbort, { once: true });
  }

  remove(listener: Listener): void {
    this.listeners.delete(listener);
    if (this.listeners.size > 0) return;
    // The last call is done with the signal: leave nothing attached to the caller's object.
    this.signal.removeEventListener('abort', this.onAbort);
    fanOuts.delete(this.signal);
  }
}

const fanOuts = new WeakMap<AbortSignal, AbortFanOut>();

/**
 * Calls `listener` once with the signal's reason when it aborts, adding at most one listener to
 * the signal however many calls wait on it. Returns the function that stops listening. Each
 * registration must pass its own function. The signal must not be aborted yet.
 */
export function listenForAbort(signal: AbortSignal, listener: Listener): () => void {
  let fanOut = fanOuts.get(signal);
  if (fanOut === undefined) {
    fanOut = new AbortFanOut(signal);
    fanOuts.set(signal, fanOut);
  }
  fanOut.listeners.add(listener);
  const registered = fanOut;
  return () => registered.remove(listener);
}
