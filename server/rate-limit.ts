// A token bucket per key (access token subject, or client address before sign-in). Kept in
// memory per instance: behind a load balancer each instance limits its share.

export interface RateLimit {
  /** Requests allowed in a burst. */
  readonly burst: number;
  /** Requests refilled per second. */
  readonly perSecond: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number,
  ) {}

  /** Takes one request from `key`'s bucket; returns the seconds to wait when it is empty. */
  take(key: string): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: this.limit.burst, at: now };
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + (Math.max(0, now - bucket.at) / 1000) * this.limit.perSecond);
    bucket.at = now;
    if (this.buckets.size > 100_000) this.prune(now);
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) return { ok: false, retryAfterSeconds: Math.ceil((1 - bucket.tokens) / this.limit.perSecond) };
    bucket.tokens -= 1;
    return { ok: true };
  }

  private prune(now: number): void {
    const full = (this.limit.burst / this.limit.perSecond) * 1000;
    for (const [key, bucket] of this.buckets) if (now - bucket.at > full) this.buckets.delete(key);
  }
}
