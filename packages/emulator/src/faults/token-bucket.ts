/**
 * A token bucket: `capacity` requests at once, refilled at `ratePerSecond`. Time comes from the
 * caller, so an injected clock drives it; a clock that goes backwards refills nothing.
 */
export class TokenBucket {
  private tokens: number;
  private lastRefill: number | undefined;

  constructor(
    private readonly ratePerSecond: number,
    private readonly capacity: number,
  ) {
    this.tokens = capacity;
  }

  /** Takes one token if there is one. */
  take(nowMs: number): boolean {
    const elapsed = this.lastRefill === undefined ? 0 : Math.max(0, nowMs - this.lastRefill);
    this.tokens = Math.min(this.capacity, this.tokens + (elapsed * this.ratePerSecond) / 1000);
    this.lastRefill = nowMs;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
