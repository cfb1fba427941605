import { describe, expect, it } from 'vitest';
import { TokenBuckets } from '../../src/adapters/rate-limit/token-bucket.js';

describe('token buckets', () => {
  it('allows a burst, then one request per refill, per key, and says when to retry', () => {
    let now = 0;
    const limiter = new TokenBuckets({ burst: 3, perSecond: 0.5, now: () => now });
    expect([1, 2, 3].map(() => limiter.take('alice').allowed)).toEqual([true, true, true]);
    expect(limiter.take('alice')).toEqual({ allowed: false, retryAfterSeconds: 2 });
    expect(limiter.take('bob').allowed).toBe(true);
    now = 2_000;
    expect(limiter.take('alice').allowed).toBe(true);
    expect(limiter.take('alice').allowed).toBe(false);
  });

  it('forgets the idlest keys beyond its limit', () => {
    const limiter = new TokenBuckets({ burst: 1, perSecond: 0.001, maxKeys: 2, now: () => 0 });
    limiter.take('a');
    limiter.take('b');
    limiter.take('c');
    // "a" was forgotten, so it starts with a full bucket again; "c" was not.
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('c').allowed).toBe(false);
  });
});
