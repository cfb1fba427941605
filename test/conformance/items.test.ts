import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IList } from '@pnp/graph/lists/index.js';
import { InjectHeaders } from '@pnp/queryable';
import { asItem, asItems, fields, startConformance, statusOf } from './pnp-harness.js';
import type { Conformance } from './pnp-harness.js';

let c: Conformance;
let list: IList;

const PREFER = { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };

beforeAll(async () => {
  c = await startConformance();
  const site = c.graph.sites.getById(c.siteId);
  const created = await site.lists.add({
    displayName: 'Tasks',
    list: { template: 'genericList' },
    columns: [{ name: 'Priority', number: {}, indexed: true }],
  });
  list = site.lists.getById(String(created.id));
  for (let i = 1; i <= 7; i++)
    await list.items.add({ fields: fields({ Title: `Task ${i}`, Priority: i % 3 }) });
  await list.items.add({ fields: fields({ Title: 'A+B', Priority: 9 }) });
});
afterAll(async () => {
  await c.close();
});

const titles = (items: unknown): unknown[] => asItems(items).map((i) => i.fields['Title']);

describe('PnPjs: list item queries (form-encoded: + is a space, %2B a plus)', () => {
  it('filters, orders and limits with $filter, $orderby desc and $top', async () => {
    const ones = await list.items.expand('fields').filter('fields/Priority eq 1').top(2)();
    expect(titles(ones)).toEqual(['Task 1', 'Task 4']);
    const desc = await list.items.expand('fields').orderBy('fields/Priority', false).top(3)();
    expect(asItems(desc).map((i) => i.fields['Priority'])).toEqual([9, 2, 2]);
  });

  it('reads %2B in a filter value as a literal plus', async () => {
    const found = await list.items
      .using(InjectHeaders(PREFER))
      .expand('fields')
      .filter("fields/Title eq 'A+B'")();
    expect(titles(found)).toEqual(['A+B']);
  });

  it('pages to the end by following every @odata.nextLink', async () => {
    const pages: unknown[][] = [];
    for await (const page of list.items.expand('fields').top(3)) pages.push(titles(page));
    expect(pages.map((p) => p.length)).toEqual([3, 3, 2]);
    expect(pages.flat()).toHaveLength(8);
  });

  it('pages an ordered, filtered query to the end', async () => {
    const seen: unknown[] = [];
    for await (const page of list.items
      .expand('fields')
      .filter('fields/Priority lt 3')
      .orderBy('fields/Priority', false)
      .top(2)) {
      seen.push(...asItems(page).map((i) => i.fields['Priority']));
    }
    expect(seen).toEqual([2, 2, 1, 1, 1, 0, 0]);
  });
});

describe('PnPjs: list item writes', () => {
  it('creates an item: 201 listItem with an id, an eTag and its fields', async () => {
    const item = asItem(await list.items.add({ fields: fields({ Title: 'Created', Priority: 5 }) }));
    expect(item.id).toMatch(/^\d+$/);
    expect(item.eTag).toMatch(/^"[0-9a-f-]{36},1"$/);
    expect(item.fields['Title']).toBe('Created');
  });

  it('updates an item (PATCH …/items/{id} with {fields}) with a fresh eTag, and refuses a stale one with 412', async () => {
    const created = asItem(await list.items.add({ fields: fields({ Title: 'Draft', Priority: 5 }) }));
    const item = list.items.getById(String(created.id));
    const updated = asItem(
      await item
        .using(InjectHeaders({ 'If-Match': created.eTag }))
        .update({ fields: fields({ Title: 'Revised' }) }),
    );
    expect(updated.fields['Title']).toBe('Revised');
    expect(updated.eTag).not.toBe(created.eTag);
    const stale = list.items
      .getById(String(created.id))
      .using(InjectHeaders({ 'If-Match': created.eTag }))
      .update({ fields: fields({ Title: 'Lost update' }) });
    await expect(stale).rejects.toSatisfy((e) => statusOf(e) === 412);
    const now = asItem(await list.items.getById(String(created.id)).expand('fields')());
    expect(now.fields['Title']).toBe('Revised');
  });

  it('deletes an item: afterwards it is 404', async () => {
    const created = await list.items.add({ fields: fields({ Title: 'Doomed', Priority: 5 }) });
    await list.items.getById(String(created.id)).delete();
    const gone = list.items.getById(String(created.id))();
    await expect(gone).rejects.toSatisfy((e) => statusOf(e) === 404);
  });
});
