/**
 * A token bucket per key, in memory. Each server instance limits what reaches it; with several instances
 * behind a load balancer a person gets at most N times the budget, which is still a bound — the point is
 * that one person (or one stolen token) cannot flood SharePoint on everyone else's behalf.
 */
import type { RateLimiter } from '../../ports/rate-limit.js';

export interface BucketOptions {
  /** Requests allowed at once. */
  readonly burst: number;
  /** Requests added back per second. */
  readonly perSecond: number;
  readonly now?: () => number;
  /** Buckets kept before the idlest are forgotten, so the map cannot grow without bound. */
  readonly maxKeys?: number;
}

export class TokenBuckets implements RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly options: BucketOptions) {}

  take(key: string): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const now = (this.options.now ?? Date.now)();
    const bucket = this.buckets.get(key) ?? { tokens: this.options.burst, at: now };
    const refilled = Math.min(
      this.options.burst,
      bucket.tokens + ((now - bucket.at) / 1000) * this.options.perSecond,
    );
    this.buckets.delete(key); // re-inserted below, so iteration order is least recently used first
    if (refilled < 1) {
      this.buckets.set(key, { tokens: refilled, at: now });
      return { allowed: false, retryAfterSeconds: Math.ceil((1 - refilled) / this.options.perSecond) };
    }
    this.buckets.set(key, { tokens: refilled - 1, at: now });
    const max = this.options.maxKeys ?? 10_000;
    while (this.buckets.size > max) this.buckets.delete(this.buckets.keys().next().value as string);
    return { allowed: true };
  }
}
