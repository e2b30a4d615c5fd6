/**
 * Token bucket per ingest key, in this process's memory: each ingest process enforces the
 * limit on its own share of traffic (N processes behind a balancer admit up to N times it;
 * docs/scaling.md). Per key rather than per workspace so that one runaway integration cannot
 * starve the workspace's other sources, each of which has its own key. Capacity is one second
 * of the rate, so short bursts pass.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; updatedAt: number }>();

  constructor(
    private readonly ratePerSecond: (bucketId: string) => number,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Takes `cost` tokens from the bucket; returns 0 when allowed, else the whole seconds to wait. */
  take(bucketId: string, cost: number): number {
    const rate = this.ratePerSecond(bucketId);
    const now = this.now();
    const bucket = this.buckets.get(bucketId) ?? { tokens: rate, updatedAt: now };
    bucket.tokens = Math.min(rate, bucket.tokens + ((now - bucket.updatedAt) / 1000) * rate);
    bucket.updatedAt = now;
    this.buckets.set(bucketId, bucket);
    if (cost <= bucket.tokens || (cost > rate && bucket.tokens >= rate)) {
      bucket.tokens -= cost;
      return 0;
    }
    return Math.max(1, Math.ceil((cost - bucket.tokens) / rate));
  }
}
