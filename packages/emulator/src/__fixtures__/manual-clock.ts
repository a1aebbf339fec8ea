/*
 * Not a payload: a clock and timers that move only when a test says so, so that a review delay or
 * a retry back-off passes without sleeping.
 */
import type { EmulatorTimers } from '../timers.js';

interface Pending {
  at: number;
  order: number;
  callback: () => void;
}

export class ManualClock implements EmulatorTimers {
  private time: number;
  private order = 0;
  private readonly pending = new Map<object, Pending>();

  constructor(start = Date.parse('2025-10-24T08:00:00Z')) {
    this.time = start;
  }

  readonly now = (): number => this.time;

  setTimeout(callback: () => void, ms: number): unknown {
    const handle = {};
    this.pending.set(handle, { at: this.time + ms, order: this.order++, callback });
    return handle;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as object);
  }

  /** How many timers wait. */
  get waiting(): number {
    return this.pending.size;
  }

  /** Moves time on by `ms`, running every timer that falls due, earliest first. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const next = [...this.pending.entries()]
        .filter(([, timer]) => timer.at <= end)
        .sort(([, a], [, b]) => a.at - b.at || a.order - b.order)[0];
      if (!next) break;
      this.pending.delete(next[0]);
      this.time = Math.max(this.time, next[1].at);
      next[1].callback();
    }
    this.time = end;
  }
}
