import type { Vendor } from './model.js';

export interface RequestCountsSnapshot {
  total: number;
  /** Answered by a fault or the quota instead of the vendor logic (throttled ones included). */
  rejected: number;
  /** Answered with the vendor's throttling error by a quota. */
  throttled: number;
  /** Requests received, per vendor and operation. */
  byOperation: Record<Vendor, Record<string, number>>;
}

/** One request as a vendor server received it. */
export interface RequestArrival {
  /** When it arrived, in epoch milliseconds on the emulator's clock (`now`). */
  readonly at: number;
  readonly vendor: Vendor;
  readonly operation: string;
}

/** Arrivals kept for `arrivals()`: enough for a long benchmark, bounded for a long-running server. */
const ARRIVALS_KEPT = 10_000;

/** How many requests each vendor server received, so tests and benchmarks can count calls. */
export class RequestCounters {
  private counts = emptyCounts();
  private recent: RequestArrival[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  get total(): number {
    return this.counts.total;
  }

  get rejected(): number {
    return this.counts.rejected;
  }

  get throttled(): number {
    return this.counts.throttled;
  }

  /** Requests received by one vendor, or by one of its operations. */
  count(vendor: Vendor, operation?: string): number {
    const operations = this.counts.byOperation[vendor];
    if (operation !== undefined) return operations[operation] ?? 0;
    return Object.values(operations).reduce((sum, count) => sum + count, 0);
  }

  /**
   * Of the latest 10,000 requests received, those of one vendor (and operation) if given, oldest
   * first: the times a quota or a rate limiter is judged by.
   */
  arrivals(vendor?: Vendor, operation?: string): RequestArrival[] {
    return this.recent
      .slice(-ARRIVALS_KEPT)
      .filter(
        (arrival) =>
          (vendor === undefined || arrival.vendor === vendor) &&
          (operation === undefined || arrival.operation === operation),
      );
  }

  snapshot(): RequestCountsSnapshot {
    return structuredClone(this.counts);
  }

  reset(): void {
    this.counts = emptyCounts();
    this.recent = [];
  }

  received(vendor: Vendor, operation: string): void {
    this.recent.push({ at: this.now(), vendor, operation });
    // Trimmed in batches, so keeping the window costs no copy per request.
    if (this.recent.length >= 2 * ARRIVALS_KEPT) this.recent = this.recent.slice(-ARRIVALS_KEPT);
    this.counts.total++;
    const operations = this.counts.byOperation[vendor];
    operations[operation] = (operations[operation] ?? 0) + 1;
  }

  rejectedByFault(throttled: boolean): void {
    this.counts.rejected++;
    if (throttled) this.counts.throttled++;
  }
}

function emptyCounts(): RequestCountsSnapshot {
  return { total: 0, rejected: 0, throttled: 0, byOperation: { nxcloud: {}, cams: {} } };
}
