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

/** How many requests each vendor server received, so tests and benchmarks can count calls. */
export class RequestCounters {
  private counts = emptyCounts();

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

  snapshot(): RequestCountsSnapshot {
    return structuredClone(this.counts);
  }

  reset(): void {
    this.counts = emptyCounts();
  }

  received(vendor: Vendor, operation: string): void {
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
