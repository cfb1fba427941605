/**
 * The per-app resource-unit budget (shared/reference §6): RateLimit-* headers from 80 % of the minute's
 * budget, 429 + Retry-After past it, per app, every request (inner $batch ones too) charged.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { arr, createList, errorCode, startHarness } from './harness.js';
import type { Harness } from './harness.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** A bearer that names another app, as an app-only token's `appid` claim does. */
const appToken = (appid: string): string =>
  `x.${Buffer.from(JSON.stringify({ appid })).toString('base64url')}.y`;

async function setUp(budget: number | undefined, clock: { now: Date }) {
  const harness = await startHarness({
    now: () => clock.now,
    ...(budget === undefined ? {} : { resourceUnitsPerMinute: budget }),
  });
  h = harness;
  const listId = await createList(harness, 'Items', []);
  return { h: harness, items: `${harness.site}/lists/${listId}/items` };
}

describe('RU budget per app', () => {
  it('sends RateLimit-* from 80 % of the budget, then 429 with Retry-After equal to the reset', async () => {
    const clock = { now: new Date('2026-03-02T09:00:00Z') };
    const { h, items } = await setUp(20, clock);
    // The list create above cost 2 RU; single reads cost 1 each.
    await h.call('POST', items, { fields: { Title: 'a' } }); // 4
    for (let used = 5; used < 16; used++) {
      const r = await h.call('GET', `${items}/1`);
      expect(r.status).toBe(200);
      expect(r.headers.get('ratelimit-limit')).toBeNull();
    }
    clock.now = new Date(clock.now.getTime() + 15_000);
    const warned = await h.call('GET', `${items}/1`); // 16 of 20: 80 %
    expect(warned.status).toBe(200);
    expect(warned.headers.get('ratelimit-limit')).toBe('20');
    expect(warned.headers.get('ratelimit-remaining')).toBe('4');
    expect(warned.headers.get('ratelimit-reset')).toBe('45');
    for (let used = 17; used <= 20; used++) expect((await h.call('GET', `${items}/1`)).status).toBe(200);
    const throttled = await h.call('GET', `${items}/1`);
    expect(throttled.status).toBe(429);
    expect(errorCode(throttled)).toBe('activityLimitReached');
    expect(throttled.headers.get('retry-after')).toBe('45');
    expect(throttled.headers.get('ratelimit-remaining')).toBe('0');
    expect(throttled.headers.get('ratelimit-reset')).toBe('45');
    expect(h.emu.stats.snapshot().throttledRequests).toBe(1);
    // Another app has its own budget; the window refills after a minute.
    const other = await h.call('GET', `${items}/1`, undefined, {
      Authorization: `Bearer ${appToken('other-app')}`,
    });
    expect(other.status).toBe(200);
    expect(other.headers.get('ratelimit-limit')).toBeNull();
    clock.now = new Date(clock.now.getTime() + 45_000);
    const refilled = await h.call('GET', `${items}/1`);
    expect(refilled.status).toBe(200);
    expect(refilled.headers.get('ratelimit-limit')).toBeNull();
  });

  it('charges each request inside a $batch; each answer inside carries the budget, those past it their own 429', async () => {
    const clock = { now: new Date('2026-03-02T09:00:00Z') };
    const { h, items } = await setUp(10, clock); // 2 used by the list create
    const r = await h.call('POST', '/$batch', {
      requests: ['1', '2', '3', '4', '5'].map((id) => ({ id, method: 'GET', url: items })),
    });
    expect(r.status).toBe(200);
    const statuses = arr(r.json['responses']).map((x) => x['status']);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    const last = arr(r.json['responses'])[4];
    expect(last?.['headers']).toMatchObject({
      'Retry-After': '60',
      'RateLimit-Limit': '10',
      'RateLimit-Remaining': '0',
      'RateLimit-Reset': '60',
    });
    // From 80 % used, each inner answer carries the budget as it stood after that request.
    expect(arr(r.json['responses'])[3]?.['headers']).toMatchObject({ 'RateLimit-Remaining': '0' });
    expect(arr(r.json['responses'])[2]?.['headers']).toMatchObject({ 'RateLimit-Remaining': '2' });
    expect(arr(r.json['responses'])[1]?.['headers']).not.toHaveProperty('RateLimit-Limit');
    // The envelope is Graph's answer, not SharePoint's: the budget is only in the answers inside it.
    expect(r.headers.get('ratelimit-remaining')).toBeNull();
    expect(h.emu.stats.snapshot().resourceUnits).toBe(12);
  });

  it('meters nothing when no budget is set (the default)', async () => {
    const clock = { now: new Date('2026-03-02T09:00:00Z') };
    const { h, items } = await setUp(undefined, clock);
    const batch = {
      requests: Array.from({ length: 20 }, (_, i) => ({ id: String(i + 1), method: 'GET', url: items })),
    };
    for (let i = 0; i < 35; i++) {
      const r = await h.call('POST', '/$batch', batch);
      expect(r.headers.get('ratelimit-limit')).toBeNull();
      expect(arr(r.json['responses']).every((x) => x['status'] === 200)).toBe(true);
    }
    expect(h.emu.stats.snapshot().resourceUnits).toBe(2 + 35 * 20 * 2);
  });

  it('can be set, changed and lifted at run time, each time with fresh windows', async () => {
    const clock = { now: new Date('2026-03-02T09:00:00Z') };
    const { h, items } = await setUp(undefined, clock);
    h.emu.budget.set(3);
    expect((await h.call('GET', `${items}/1`)).status).toBe(404); // 1 RU
    expect((await h.call('GET', items)).status).toBe(200); // 3 RU: the limit, not past it
    expect((await h.call('GET', items)).status).toBe(429);
    h.emu.budget.set(100);
    expect((await h.call('GET', items)).status).toBe(200);
    h.emu.budget.set(undefined);
    for (let i = 0; i < 60; i++)
      expect((await h.call('GET', items)).headers.get('ratelimit-limit')).toBeNull();
  });

  it('counts resource units per route for the bench', async () => {
    const clock = { now: new Date('2026-03-02T09:00:00Z') };
    const { h, items } = await setUp(undefined, clock);
    h.emu.stats.reset();
    await h.call('POST', items, { fields: { Title: 'a' } });
    await h.call('GET', `${items}/1`);
    await h.call('GET', `${items}?$top=5`);
    await h.call('PATCH', `${items}/1/fields`, { Title: 'b' });
    await h.call('DELETE', `${items}/1`);
    const s = h.emu.stats.snapshot();
    expect(s.resourceUnits).toBe(2 + 1 + 2 + 2 + 2);
    expect(s.resourceUnitsByRoute).toMatchObject({
      'POST /sites/{}/lists/{}/items': 2,
      'GET /sites/{}/lists/{}/items/{}': 1,
      'GET /sites/{}/lists/{}/items': 2,
      'PATCH /sites/{}/lists/{}/items/{}/fields': 2,
      'DELETE /sites/{}/lists/{}/items/{}': 2,
    });
  });
});
