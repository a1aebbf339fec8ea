/**
 * The timers the emulator schedules its delayed work with: template reviews and callback retries.
 * A test passes its own to move time on without sleeping.
 */
export interface EmulatorTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const NODE_TIMERS: EmulatorTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Timers that can all be cancelled at once, so that closing the emulator leaves nothing behind. */
export class Scheduler {
  private readonly pending = new Set<unknown>();

  constructor(private readonly timers: EmulatorTimers) {}

  /** Runs `callback` after `ms`; returns a function that cancels it. */
  after(ms: number, callback: () => void): () => void {
    const handle = this.timers.setTimeout(() => {
      this.pending.delete(handle);
      callback();
    }, ms);
    this.pending.add(handle);
    return () => {
      if (this.pending.delete(handle)) this.timers.clearTimeout(handle);
    };
  }

  cancelAll(): void {
    for (const handle of this.pending) this.timers.clearTimeout(handle);
    this.pending.clear();
  }
}
