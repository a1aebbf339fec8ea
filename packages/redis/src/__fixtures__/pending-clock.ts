import type { Clock } from '@whatsapp-bsp/core';

interface PendingSleep {
  readonly ms: number;
  readonly resolve: () => void;
}

/**
 * A clock whose sleeps stay pending until the test ends them, so a test sees each wait the
 * limiter asked for and decides when it is over. Aborting a sleep rejects it with the reason.
 */
export class PendingClock implements Clock {
  /** Every wait asked for, in milliseconds, in order. */
  readonly requested: number[] = [];
  private readonly sleeps = new Set<PendingSleep>();

  now(): number {
    return 0;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.requested.push(ms);
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const sleep = { ms, resolve };
      this.sleeps.add(sleep);
      signal?.addEventListener(
        'abort',
        () => {
          if (this.sleeps.delete(sleep)) reject(signal.reason);
        },
        { once: true },
      );
    });
  }

  /** The waits still pending, in milliseconds. */
  pending(): number[] {
    return [...this.sleeps].map((sleep) => sleep.ms);
  }

  endAll(): void {
    for (const sleep of this.sleeps) sleep.resolve();
    this.sleeps.clear();
  }
}
