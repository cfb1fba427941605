import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { arr, createList, obj, startHarness } from './harness.js';
import type { Harness } from './harness.js';

let h: Harness;
let items: string;

beforeEach(async () => {
  h = await startHarness();
  const listId = await createList(h, 'Docs', [
    { name: 'Key', text: {}, indexed: true, enforceUniqueValues: true },
  ]);
  items = `${h.site}/lists/${listId}/items`;
});
afterEach(async () => {
  await h.close();
});

const JSON_HEADERS = { 'Content-Type': 'application/json' };
const post = (id: string, fields: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  id,
  method: 'POST',
  url: items,
  headers: JSON_HEADERS,
  body: { fields },
  ...extra,
});
const batch = (requests: unknown[]) => h.call('POST', '/$batch', { requests });
const byId = (r: { json: Record<string, unknown> }) =>
  new Map(arr(r.json['responses']).map((x) => [x['id'], x]));

describe('$batch', () => {
  it('runs inner requests through the same routes; each has its own status and exact Content-Type key', async () => {
    const r = await batch([
      post('1', { Title: 'A', Key: 'k1' }),
      { id: '2', method: 'GET', url: `${items.slice(1)}/1?expand=fields` },
      { id: '3', method: 'GET', url: `${items}/99` },
      { id: '4', method: 'DELETE', url: `${items}/1`, dependsOn: ['2'] },
    ]);
    expect(r.status).toBe(200);
    const res = byId(r);
    expect(res.get('1')).toMatchObject({ status: 201, headers: { 'Content-Type': 'application/json' } });
    expect(obj(obj(res.get('1')?.['body'])['fields'])['Key']).toBe('k1');
    expect(obj(obj(res.get('2')?.['body'])['fields'])['Title']).toBe('A');
    expect(res.get('3')).toMatchObject({ status: 404, body: { error: { code: 'itemNotFound' } } });
    expect(res.get('4')?.['status']).toBe(204);
    expect(res.get('4')).not.toHaveProperty('body');
    expect(Object.keys(obj(res.get('1')?.['headers']))).toContain('Content-Type');
  });

  it('answers 424 to a request whose dependency failed, and does not run it', async () => {
    await h.call('POST', items, { fields: { Key: 'taken' } });
    const r = await batch([post('a', { Key: 'taken' }), post('b', { Key: 'fresh' }, { dependsOn: ['a'] })]);
    const res = byId(r);
    expect(res.get('a')?.['status']).toBe(409);
    expect(res.get('b')?.['status']).toBe(424);
    const all = await h.call('GET', `${items}?expand=fields`);
    expect(arr(all.json['value']).map((i) => obj(i['fields'])['Key'])).toEqual(['taken']);
  });

  it('runs a dependency chain in dependency order', async () => {
    const r = await batch([
      { id: 'read', method: 'GET', url: `${items}/1?expand=fields`, dependsOn: ['create'] },
      post('create', { Key: 'first' }),
    ]);
    expect(byId(r).get('read')?.['status']).toBe(200);
  });

  it.each([
    [
      'more than 20 requests',
      Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/users' })),
    ],
    [
      'duplicate ids differing only in case',
      [
        { id: 'A', method: 'GET', url: '/users' },
        { id: 'a', method: 'GET', url: '/users' },
      ],
    ],
    [
      'a body without Content-Type',
      [{ id: '1', method: 'POST', url: '/sites/x/lists', body: { displayName: 'X' } }],
    ],
    ['an absolute url', [{ id: '1', method: 'GET', url: 'https://graph.microsoft.com/v1.0/users' }]],
    ['an unknown dependsOn id', [{ id: '1', method: 'GET', url: '/users', dependsOn: ['9'] }]],
    ['no requests', []],
  ])('refuses the whole batch with 400 for %s', async (_label, requests) => {
    const r = await batch(requests);
    expect(r.status).toBe(400);
    expect(obj(r.json['error'])['code']).toBe('invalidRequest');
  });

  it('accepts exactly 20 requests', async () => {
    const r = await batch(Array.from({ length: 20 }, (_, i) => post(String(i), { Key: `k${i}` })));
    expect(arr(r.json['responses']).every((x) => x['status'] === 201)).toBe(true);
  });

  it('decodes a base64 body for a non-JSON inner request (file upload) and returns bytes as base64', async () => {
    const r = await batch([
      {
        id: 'up',
        method: 'PUT',
        url: `${h.site}/drive/root:/b.txt:/content`,
        headers: { 'Content-Type': 'text/plain' },
        body: Buffer.from('batched').toString('base64'),
      },
      { id: 'down', method: 'GET', url: `${h.site}/drive/root:/b.txt:/content`, dependsOn: ['up'] },
    ]);
    // An inner /content is a 302 to the download URL, as in Graph; the batch does not follow it.
    const down = byId(r).get('down');
    expect(down?.['status']).toBe(302);
    const file = await fetch(String(obj(down?.['headers'])['Location']));
    expect(file.headers.get('content-type')).toBe('text/plain');
    expect(await file.text()).toBe('batched');
  });

  it('counts each inner request in stats and resource units, and the batch as one HTTP request', async () => {
    h.emu.stats.reset();
    await batch([
      post('1', { Key: 'a' }),
      { id: '2', method: 'GET', url: `${items}/1` },
      { id: '3', method: 'GET', url: items },
    ]);
    const s = h.emu.stats.snapshot();
    expect(s.requests).toBe(1);
    expect(s.batchedRequests).toBe(3);
    expect(s.resourceUnits).toBe(2 + 1 + 2);
    expect(s.byRoute).toEqual({
      'POST /$batch': 1,
      'POST /sites/{}/lists/{}/items': 1,
      'GET /sites/{}/lists/{}/items/{}': 1,
      'GET /sites/{}/lists/{}/items': 1,
    });
  });

  it('gives an unsupported inner request a Graph-shaped 400 without failing the batch', async () => {
    const r = await batch([{ id: '1', method: 'GET', url: '/me/drive' }]);
    expect(r.status).toBe(200);
    const inner = byId(r).get('1');
    expect(inner?.['status']).toBe(400);
    expect(String(obj(obj(inner?.['body'])['error'])['message'])).toContain('not supported by the emulator');
  });
});
