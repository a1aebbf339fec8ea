import { listenForAbort } from './abort-listeners.js';

/** Time as the client sees it; injectable so tests of back-off and rate limits never wait. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep(ms, signal) {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const stopListening = signal
        ? listenForAbort(signal, (reason) => {
            clearTimeout(timer);
            reject(reason);
          })
        : undefined;
      const timer = setTimeout(() => {
        stopListening?.();
        resolve();
      }, ms);
    });
  },
};
