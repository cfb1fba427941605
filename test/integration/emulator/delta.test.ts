/** List item delta with tokens, as `listitem-delta` documents it (shared/reference §4; notes/graph-fidelity §1). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { arr, createList, errorCode, errorMessage, obj, startHarness } from './harness.js';
import type { Harness, Reply } from './harness.js';

let h: Harness;
let clock: Date;
let listId: string;
let items: string;

beforeEach(async () => {
  clock = new Date('2026-03-02T09:00:00Z');
  h = await startHarness({ now: () => clock });
  listId = await createList(h, 'Sections', [{ name: 'Body', text: { allowMultipleLines: true } }]);
  items = `${h.site}/lists/${listId}/items`;
  for (let i = 1; i <= 5; i++) await h.call('POST', items, { fields: { Title: `S${i}`, Body: `b${i}` } });
});
afterEach(async () => {
  await h.close();
});

const get = (url: string): Promise<Reply> => h.follow(url);
const delta = (query = ''): Promise<Reply> => h.call('GET', `${items}/delta${query}`);

/** Follows nextLinks to the end of a round; returns what it saw and the round's deltaLink. */
async function round(first: Reply): Promise<{ pages: Record<string, unknown>[][]; deltaLink: string }> {
  const pages: Record<string, unknown>[][] = [];
  let r = first;
  for (;;) {
    expect(r.status).toBe(200);
    pages.push(arr(r.json['value']));
    const next = r.json['@odata.nextLink'];
    if (typeof next !== 'string') break;
    expect(r.json).not.toHaveProperty('@odata.deltaLink');
    r = await get(next);
  }
  return { pages, deltaLink: String(r.json['@odata.deltaLink']) };
}

const ids = (values: Record<string, unknown>[]): unknown[] => values.map((v) => v['id']);

describe('list item delta', () => {
  it('without a token enumerates every item, page by page, then gives a deltaLink on the emulator origin', async () => {
    const first = await delta('?$top=2&$expand=fields(select=Title)');
    const nextLink = String(first.json['@odata.nextLink']);
    expect(nextLink.startsWith(`${h.emu.url}/v1.0${items}/delta?`)).toBe(true);
    expect(nextLink).toMatch(/[?&]token=[A-Za-z0-9_-]+$/);
    const { pages, deltaLink } = await round(first);
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(ids(pages.flat())).toEqual(['1', '2', '3', '4', '5']);
    expect(obj(pages[0]?.[0]?.['fields'])).toEqual({ Title: 'S1', '@odata.etag': expect.any(String) });
    expect(deltaLink.startsWith(`${h.emu.url}/v1.0${items}/delta?`)).toBe(true);
    expect(deltaLink).toContain('token=');
  });

  it('with the deltaLink gives the latest state of each changed item once, and deletions as tombstones', async () => {
    const { deltaLink } = await round(await delta());
    const two = String((await h.call('GET', `${items}/2`)).json['eTag']);
    await h.call('PATCH', `${items}/2/fields`, { Body: 'first edit' }, { 'If-Match': two });
    await h.call('PATCH', `${items}/2/fields`, { Body: 'second edit' });
    await h.call('DELETE', `${items}/4`);
    await h.call('POST', items, { fields: { Title: 'S6' } });
    const changes = await round(await get(deltaLink));
    const seen = changes.pages.flat();
    expect(ids(seen)).toEqual(['2', '4', '6']);
    const edited = await h.call('GET', `${items}/2?expand=fields`);
    expect(seen[0]?.['eTag']).toBe(edited.json['eTag']);
    expect(seen[1]).toMatchObject({ id: '4', deleted: { state: 'deleted' } });
    expect(seen[1]).not.toHaveProperty('fields');
    // Nothing changed since: the next round is empty, with a fresh deltaLink.
    const quiet = await round(await get(changes.deltaLink));
    expect(quiet.pages.flat()).toEqual([]);
  });

  it('pages the changes too, and honours $expand on them', async () => {
    const { deltaLink } = await round(await delta('?$top=2&$expand=fields'));
    for (const id of [1, 3, 5]) await h.call('PATCH', `${items}/${id}/fields`, { Body: `new ${id}` });
    const changes = await round(await get(deltaLink));
    expect(changes.pages.map((p) => p.length)).toEqual([2, 1]);
    expect(changes.pages.flat().map((v) => obj(v['fields'])['Body'])).toEqual(['new 1', 'new 3', 'new 5']);
  });

  it('with token=latest answers no items and a deltaLink from which later changes show', async () => {
    const latest = await delta('?token=latest');
    expect(latest.status).toBe(200);
    expect(latest.json['value']).toEqual([]);
    expect(latest.json).not.toHaveProperty('@odata.nextLink');
    await h.call('PATCH', `${items}/3/fields`, { Body: 'after latest' });
    const changes = await round(await get(String(latest.json['@odata.deltaLink'])));
    expect(ids(changes.pages.flat())).toEqual(['3']);
  });

  it('answers 400 to an edited token and to a token of another list', async () => {
    const { deltaLink } = await round(await delta());
    const token = new URL(deltaLink).searchParams.get('token') ?? '';
    const edited = token.slice(0, 10) + (token[10] === 'A' ? 'B' : 'A') + token.slice(11);
    const bad = await delta(`?token=${edited}`);
    expect(bad.status).toBe(400);
    expect(errorCode(bad)).toBe('invalidRequest');
    expect((await delta('?token=made-up-token-0000000000000')).status).toBe(400);
    const other = await createList(h, 'Other', []);
    const foreign = await h.call('GET', `${h.site}/lists/${other}/items/delta?token=${token}`);
    expect(foreign.status).toBe(400);
    expect(errorMessage(foreign)).toContain('another list');
  });

  it('answers 410 resyncRequired with a Location that starts a fresh enumeration once the change log has moved on', async () => {
    const { deltaLink } = await round(await delta());
    await h.call('DELETE', `${items}/1`);
    clock = new Date(clock.getTime() + 61 * 86_400_000);
    await h.call('DELETE', `${items}/2`);
    const gone = await get(deltaLink);
    expect(gone.status).toBe(410);
    expect(errorCode(gone)).toBe('resyncRequired');
    expect(obj(obj(gone.json['error'])['innerError'])['code']).toBe('resyncChangesApplyDifferences');
    const location = gone.headers.get('location') ?? '';
    expect(location).toBe(`${h.emu.url}/v1.0/sites/${h.siteId}/lists/${listId}/items/delta`);
    const fresh = await round(await get(location));
    expect(ids(fresh.pages.flat())).toEqual(['3', '4', '5']);
    // A token taken after the forgotten changes is still good.
    await h.call('DELETE', `${items}/3`);
    const after = await round(await get(fresh.deltaLink));
    expect(after.pages.flat()).toMatchObject([{ id: '3', deleted: { state: 'deleted' } }]);
  });

  it('refuses the options delta does not take', async () => {
    const r = await delta("?$filter=fields/Title eq 'S1'");
    expect(r.status).toBe(400);
    expect(errorMessage(r)).toContain('not supported by the emulator');
  });

  it('costs 2 resource units without a token and 1 with one, as SharePoint charges', async () => {
    h.emu.stats.reset();
    const first = await delta();
    expect(h.emu.stats.snapshot().resourceUnits).toBe(2);
    await get(String(first.json['@odata.deltaLink']));
    expect(h.emu.stats.snapshot().resourceUnits).toBe(3);
    await delta('?token=latest');
    expect(h.emu.stats.snapshot().resourceUnits).toBe(4);
  });
});
