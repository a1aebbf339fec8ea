import type { Clock } from '../client/pipeline/clock.js';

/**
 * A clock whose `sleep` returns at once and moves virtual time forward, so tests of back-off
 * and rate limiting run without waiting. `sleeps` records every requested delay.
 */
export class FakeClock implements Clock {
  readonly sleeps: number[] = [];

  constructor(private time = 0) {}

  now(): number {
    return this.time;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    this.sleeps.push(ms);
    this.time += ms;
  }

  advance(ms: number): void {
    this.time += ms;
  }
}
