import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQueryable, graphGet } from '@pnp/graph';
import type { IList } from '@pnp/graph/lists/index.js';
import { JSONParse } from '@pnp/queryable';
import { fields, startConformance } from './pnp-harness.js';
import type { Conformance } from './pnp-harness.js';

let c: Conformance;
let list: IList;

beforeAll(async () => {
  c = await startConformance();
  const site = c.graph.sites.getById(c.siteId);
  const created = await site.lists.add({ displayName: 'Changes', list: { template: 'genericList' } });
  list = site.lists.getById(String(created.id));
  for (const Title of ['a', 'b', 'c']) await list.items.add({ fields: fields({ Title }) });
});
afterAll(async () => {
  await c.close();
});

interface DeltaPage {
  value: { id: string; deleted?: { state: string }; fields?: Record<string, unknown> }[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

/** PnPjs has no listItem delta (reference §1): a GraphQueryable over `items/delta`, links followed verbatim. */
async function round(first: string): Promise<{ values: DeltaPage['value']; deltaLink: string }> {
  const values: DeltaPage['value'] = [];
  let page = await graphGet<DeltaPage>(GraphQueryable(list.items, first).using(JSONParse()));
  for (;;) {
    values.push(...page.value);
    const next = page['@odata.nextLink'];
    if (next === undefined) break;
    page = await graphGet<DeltaPage>(GraphQueryable([list.items, next]).using(JSONParse()));
  }
  return { values, deltaLink: String(page['@odata.deltaLink']) };
}

describe('PnPjs: list item delta', () => {
  it('enumerates, then reports changes and deletions through the deltaLink', async () => {
    const full = await round('delta?$top=2&$expand=fields');
    expect(full.values.map((v) => v.fields?.['Title'])).toEqual(['a', 'b', 'c']);
    await list.items.getById('2').update({ fields: fields({ Title: 'b2' }) });
    await list.items.getById('3').delete();
    let page = await graphGet<DeltaPage>(GraphQueryable([list.items, full.deltaLink]).using(JSONParse()));
    expect(page.value).toMatchObject([
      { id: '2', fields: { Title: 'b2' } },
      { id: '3', deleted: { state: 'deleted' } },
    ]);
    page = await graphGet<DeltaPage>(GraphQueryable(list.items, 'delta?token=latest').using(JSONParse()));
    expect(page.value).toEqual([]);
    expect(page['@odata.deltaLink']).toContain('/items/delta?token=');
  });
});
