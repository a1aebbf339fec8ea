import type { Vendor } from '../model.js';

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
  private totals = { total: 0, rejected: 0, throttled: 0 };
  private recent: RequestArrival[] = [];
  // Operation names come from the request (CAMS's `x-acs-action` header), so they are Map keys:
  // in a plain object, `constructor` or `__proto__` would read and write the prototype.
  private readonly byOperation = new Map<Vendor, Map<string, number>>();

  constructor(private readonly now: () => number = Date.now) {}

  get total(): number {
    return this.totals.total;
  }

  get rejected(): number {
    return this.totals.rejected;
  }

  get throttled(): number {
    return this.totals.throttled;
  }

  /** Requests received by one vendor, or by one of its operations. */
  count(vendor: Vendor, operation?: string): number {
    const operations = this.byOperation.get(vendor);
    if (operation !== undefined) return operations?.get(operation) ?? 0;
    let sum = 0;
    for (const count of operations?.values() ?? []) sum += count;
    return sum;
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
    // Object.fromEntries defines each name as an own property, `__proto__` included.
    const of = (vendor: Vendor) => Object.fromEntries(this.byOperation.get(vendor) ?? []);
    return {
      ...this.totals,
      byOperation: { nxcloud: of('nxcloud'), cams: of('cams') },
    };
  }

  reset(): void {
    this.totals = { total: 0, rejected: 0, throttled: 0 };
    this.byOperation.clear();
    this.recent = [];
  }

  received(vendor: Vendor, operation: string): void {
    this.recent.push({ at: this.now(), vendor, operation });
    // Trimmed in batches, so keeping the window costs no copy per request.
    if (this.recent.length >= 2 * ARRIVALS_KEPT) this.recent = this.recent.slice(-ARRIVALS_KEPT);
    this.totals.total++;
    let operations = this.byOperation.get(vendor);
    if (!operations) {
      operations = new Map();
      this.byOperation.set(vendor, operations);
    }
    operations.set(operation, (operations.get(operation) ?? 0) + 1);
  }

  rejectedByFault(throttled: boolean): void {
    this.totals.rejected++;
    if (throttled) this.totals.throttled++;
  }
}
