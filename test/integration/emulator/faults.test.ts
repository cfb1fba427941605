import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { arr, createList, errorCode, obj, startHarness } from './harness.js';
import type { Harness } from './harness.js';

let h: Harness;
let items: string;
let draws: number[];

beforeEach(async () => {
  draws = [];
  // A scripted random source: each fault decision takes the next value.
  h = await startHarness({ random: () => draws.shift() ?? 0.99 });
  const listId = await createList(h, 'Docs', [
    { name: 'Key', text: {}, indexed: true, enforceUniqueValues: true },
  ]);
  items = `${h.site}/lists/${listId}/items`;
});
afterEach(async () => {
  await h.close();
});

const count = async (): Promise<number> => arr((await h.call('GET', items)).json['value']).length;

describe('fault injection', () => {
  it('answers 429 with an integer Retry-After and the SharePoint throttling body, doing no work', async () => {
    h.emu.faults.set([{ method: 'POST', path: /\/items$/, status: 429, share: 1, retryAfterSeconds: 7 }]);
    const r = await h.call('POST', items, { fields: { Key: 'a' } });
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('7');
    expect(r.json).toMatchObject({
      error: {
        code: 'activityLimitReached',
        message: 'The request has been throttled',
        innerError: { code: 'throttledRequest' },
      },
    });
    expect(await count()).toBe(0);
  });

  it('answers 503 with Retry-After 0 by default', async () => {
    h.emu.faults.set([{ status: 503, share: 1 }]);
    const r = await h.call('GET', items);
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toBe('0');
  });

  it('matches method and path: other requests pass', async () => {
    h.emu.faults.set([{ method: 'PATCH', status: 429, share: 1 }]);
    expect((await h.call('POST', items, { fields: { Key: 'a' } })).status).toBe(201);
    expect((await h.call('PATCH', `${items}/1/fields`, { Key: 'b' })).status).toBe(429);
  });

  it('applies a share with the injected random source', async () => {
    h.emu.faults.set([{ method: 'GET', status: 429, share: 0.5 }]);
    draws = [0.1, 0.9, 0.49, 0.5];
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await h.call('GET', items)).status);
    expect(statuses).toEqual([429, 200, 429, 200]);
  });

  it('adds latency to matching requests, fault or not', async () => {
    h.emu.faults.set([{ method: 'GET', share: 0, latencyMs: 150 }]);
    const t0 = performance.now();
    expect((await h.call('GET', items)).status).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
    // Method matching is shown with a fault rule: a timed upper bound would be flaky on a busy machine.
    h.emu.faults.set([{ method: 'GET', share: 1, status: 503 }]);
    expect((await h.call('POST', items, { fields: { Key: 'fast' } })).status).toBe(201);
  });

  it('afterCommit: performs the write, then answers the fault (a 504 after the create happened)', async () => {
    h.emu.faults.set([{ method: 'POST', status: 504, share: 1, afterCommit: true }]);
    const r = await h.call('POST', items, { fields: { Key: 'once' } });
    expect(r.status).toBe(504);
    expect(r.headers.get('retry-after')).toBeNull();
    h.emu.faults.clear();
    expect(await count()).toBe(1);
    const retry = await h.call('POST', items, { fields: { Key: 'once' } });
    expect(retry.status).toBe(409);
  });

  it('faults inner $batch requests with their own Retry-After, unless inBatch is false', async () => {
    h.emu.faults.set([{ method: 'POST', path: /\/items$/, status: 429, share: 1, retryAfterSeconds: 3 }]);
    const requests = [
      {
        id: '1',
        method: 'POST',
        url: items,
        headers: { 'Content-Type': 'application/json' },
        body: { fields: { Key: 'x' } },
      },
      { id: '2', method: 'GET', url: items },
    ];
    const r = await h.call('POST', '/$batch', { requests });
    expect(r.status).toBe(200);
    const res = new Map(arr(r.json['responses']).map((x) => [x['id'], x]));
    expect(res.get('1')).toMatchObject({
      status: 429,
      headers: { 'Retry-After': '3', 'Content-Type': 'application/json' },
    });
    expect(obj(obj(res.get('1')?.['body'])['error'])['code']).toBe('activityLimitReached');
    expect(res.get('2')?.['status']).toBe(200);
    h.emu.faults.set([{ method: 'POST', path: /\/items$/, status: 429, share: 1, inBatch: false }]);
    const again = await h.call('POST', '/$batch', { requests });
    expect(arr(again.json['responses']).find((x) => x['id'] === '1')?.['status']).toBe(201);
  });

  it("faults only the requests inside a $batch with inBatch 'only', never a top-level one", async () => {
    h.emu.faults.set([{ method: 'GET', status: 429, share: 1, retryAfterSeconds: 4, inBatch: 'only' }]);
    const top = await h.call('GET', items);
    expect(top.status).toBe(200);
    const r = await h.call('POST', '/$batch', { requests: [{ id: '1', method: 'GET', url: items }] });
    expect(r.status).toBe(200);
    expect(arr(r.json['responses'])[0]).toMatchObject({ status: 429, headers: { 'Retry-After': '4' } });
  });

  it('faults the $batch envelope only through an explicit path rule', async () => {
    h.emu.faults.set([{ path: /^\/\$batch$/, status: 503, share: 1, retryAfterSeconds: 2 }]);
    const r = await h.call('POST', '/$batch', { requests: [{ id: '1', method: 'GET', url: items }] });
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toBe('2');
    expect(errorCode(r)).toBe('activityLimitReached');
  });

  it('afterCommit on the envelope runs the batch, then answers the fault', async () => {
    h.emu.faults.set([{ path: /^\/\$batch$/, status: 504, share: 1, afterCommit: true }]);
    const body = { fields: { Key: 'via-batch' } };
    const r = await h.call('POST', '/$batch', {
      requests: [
        { id: '1', method: 'POST', url: items, headers: { 'Content-Type': 'application/json' }, body },
      ],
    });
    expect(r.status).toBe(504);
    expect(await count()).toBe(1);
  });

  it('still counts throttled requests and their resource units', async () => {
    h.emu.stats.reset();
    h.emu.faults.set([{ status: 429, share: 1 }]);
    await h.call('GET', items);
    expect(h.emu.stats.snapshot()).toMatchObject({
      requests: 1,
      resourceUnits: 2,
      byRoute: { 'GET /sites/{}/lists/{}/items': 1 },
    });
  });

  it('rejects a share outside 0..1', () => {
    expect(() => h.emu.faults.set([{ status: 429, share: 1.5 }])).toThrow(RangeError);
  });
});
