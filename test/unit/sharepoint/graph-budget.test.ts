import { describe, expect, it } from 'vitest';
import { GraphBudget } from '../../../src/adapters/sharepoint/graph-budget.js';

function budget(): { budget: GraphBudget; advance(ms: number): void } {
  let now = 1_000_000;
  return {
    budget: new GraphBudget({ now: () => now, reserveShare: 0.15 }),
    advance: (ms) => void (now += ms),
  };
}

describe('GraphBudget: what SharePoint says about the minute’s resource units', () => {
  it('holds nothing back while SharePoint sends no RateLimit headers (under 80 % used)', () => {
    const { budget: b } = budget();
    b.observe(200, new Headers());
    expect(b.backgroundDelayMs()).toBe(0);
  });

  it('lets background work go on while more than the reserve is left, and stops it below', () => {
    const { budget: b } = budget();
    b.observe(
      200,
      new Headers({ 'RateLimit-Limit': '1250', 'RateLimit-Remaining': '250', 'RateLimit-Reset': '20' }),
    );
    expect(b.backgroundDelayMs()).toBe(0);
    b.observe(
      200,
      new Headers({ 'RateLimit-Limit': '1250', 'RateLimit-Remaining': '150', 'RateLimit-Reset': '12' }),
    );
    expect(b.backgroundDelayMs()).toBe(12_000);
  });

  it('says it is low (for the caches) exactly when background work would wait, and counts no wait for asking', () => {
    const { budget: b, advance } = budget();
    expect(b.low()).toBe(false);
    b.observe(
      200,
      new Headers({ 'RateLimit-Limit': '1000', 'RateLimit-Remaining': '151', 'RateLimit-Reset': '9' }),
    );
    expect(b.low()).toBe(false);
    b.observe(
      200,
      new Headers({ 'RateLimit-Limit': '1000', 'RateLimit-Remaining': '150', 'RateLimit-Reset': '9' }),
    );
    expect(b.low()).toBe(true);
    expect(b.counts.backgroundWaits).toBe(0);
    advance(9_001);
    expect(b.low()).toBe(false);
    b.observe(429, new Headers({ 'Retry-After': '3' }));
    expect(b.low()).toBe(true);
    advance(3_001);
    expect(b.low()).toBe(false);
  });

  it('after a 429 waits the greater of Retry-After and RateLimit-Reset, and a later 200 does not lift it early', () => {
    const { budget: b, advance } = budget();
    b.observe(
      429,
      new Headers({
        'Retry-After': '5',
        'RateLimit-Limit': '1250',
        'RateLimit-Remaining': '0',
        'RateLimit-Reset': '9',
      }),
    );
    expect(b.backgroundDelayMs()).toBe(9_000);
    advance(4_000);
    b.observe(
      200,
      new Headers({ 'RateLimit-Limit': '1250', 'RateLimit-Remaining': '900', 'RateLimit-Reset': '5' }),
    );
    expect(b.backgroundDelayMs()).toBe(5_000);
    advance(5_000);
    expect(b.backgroundDelayMs()).toBe(0);
  });

  it('reads the headers of a response inside a $batch, whatever their case', () => {
    const { budget: b } = budget();
    b.observe(429, { 'retry-after': '3' });
    expect(b.backgroundDelayMs()).toBe(3_000);
    expect(b.counts.throttled).toBe(1);
  });

  it('forgets a reading once its window has reset', () => {
    const { budget: b, advance } = budget();
    b.observe(
      200,
      new Headers({ 'RateLimit-Limit': '1250', 'RateLimit-Remaining': '10', 'RateLimit-Reset': '2' }),
    );
    expect(b.backgroundDelayMs()).toBe(2_000);
    advance(2_001);
    expect(b.backgroundDelayMs()).toBe(0);
    expect(b.current().limit).toBeNull();
  });

  it('keeps the least left within one window when answers arrive out of order, and takes a new window', () => {
    const { budget: b, advance } = budget();
    const rateLimit = (remaining: number, reset: number) => ({
      'RateLimit-Limit': '1000',
      'RateLimit-Remaining': String(remaining),
      'RateLimit-Reset': String(reset),
    });
    // Inside one batch (Graph keeps no order) or from requests at once: the later answer is older.
    b.observe(200, rateLimit(140, 20));
    b.observe(201, rateLimit(180, 20));
    expect(b.current().remaining).toBe(140);
    expect(b.backgroundDelayMs()).toBe(20_000);
    advance(500);
    b.observe(200, rateLimit(190, 21));
    expect(b.current().remaining).toBe(140);
    // Less left in the same window is newer.
    b.observe(200, rateLimit(120, 19));
    expect(b.current().remaining).toBe(120);
    // Past the reset a new window starts: its reading stands even with more left.
    advance(19_000);
    b.observe(200, rateLimit(190, 60));
    expect(b.current().remaining).toBe(190);
    expect(b.backgroundDelayMs()).toBe(0);
  });
});
