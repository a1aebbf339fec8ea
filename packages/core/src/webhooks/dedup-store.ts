/**
 * Where the receiver remembers the events it has handled, so that a vendor's redelivery is
 * dropped. The default is in memory, for one process; several processes behind one URL need a
 * shared store (for example Redis `SET id 1 NX PX windowMs` for `claim`, `DEL id` for `release`).
 */
export interface WebhookDedupStore {
  /**
   * Records `id` for `windowMs` milliseconds unless it is recorded already, as one atomic step.
   * Resolves to true when it was not (the event is new and is handled now), false when it was (a
   * duplicate, dropped).
   */
  claim(id: string, windowMs: number): boolean | Promise<boolean>;
  /** Forgets `id`: handling it failed, so the vendor's redelivery must be handled again. */
  release(id: string): void | Promise<void>;
}

/** The in-memory store's cap on remembered ids, so a flood of distinct events cannot exhaust memory. */
export const DEFAULT_DEDUP_MAX_ENTRIES = 100_000;

/**
 * Remembers ids in this process for their window, up to `maxEntries` of them (the oldest are
 * forgotten first). Time comes from `now`, so tests move it instead of waiting.
 */
export class MemoryDedupStore implements WebhookDedupStore {
  /** Id → when it may be claimed again; in claiming order, which is expiry order for one window. */
  private readonly expiries = new Map<string, number>();
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: { maxEntries?: number; now?: () => number } = {}) {
    this.maxEntries = options.maxEntries ?? DEFAULT_DEDUP_MAX_ENTRIES;
    this.now = options.now ?? Date.now;
  }

  claim(id: string, windowMs: number): boolean {
    const now = this.now();
    this.forgetExpired(now);
    const expiry = this.expiries.get(id);
    if (expiry !== undefined && expiry > now) return false;
    // Deleted first so that a re-claimed id moves to the end, keeping the map in expiry order.
    this.expiries.delete(id);
    this.expiries.set(id, now + windowMs);
    if (this.expiries.size > this.maxEntries) {
      const oldest = this.expiries.keys().next().value;
      if (oldest !== undefined) this.expiries.delete(oldest);
    }
    return true;
  }

  release(id: string): void {
    this.expiries.delete(id);
  }

  /** The number of ids remembered now. */
  get size(): number {
    this.forgetExpired(this.now());
    return this.expiries.size;
  }

  private forgetExpired(now: number): void {
    for (const [id, expiry] of this.expiries) {
      if (expiry > now) return;
      this.expiries.delete(id);
    }
  }
}
