import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQueryable, graphPost } from '@pnp/graph';
import { body } from '@pnp/queryable';
import { asItem, fields, startConformance, statusOf } from './pnp-harness.js';
import type { Conformance } from './pnp-harness.js';

let c: Conformance;
let listId: string;

beforeAll(async () => {
  c = await startConformance();
  const created = await c.graph.sites
    .getById(c.siteId)
    .lists.add({ displayName: 'Batched', list: { template: 'genericList' } });
  listId = String(created.id);
});
afterAll(async () => {
  await c.close();
});

describe('PnPjs: $batch', () => {
  it('runs creates and reads in one round trip; an inner 404 rejects only its own promise', async () => {
    const [batched, execute] = c.graph.batched();
    const site = batched.sites.getById(c.siteId);
    const a = site.lists.getById(listId).items.add({ fields: fields({ Title: 'one' }) });
    const b = site.lists.getById(listId).items.add({ fields: fields({ Title: 'two' }) });
    const lists = site.lists();
    const missing = site.lists.getById(listId).items.getById('999')();
    const before = c.wire.length;
    await execute();
    expect(c.wire.slice(before)).toHaveLength(1);
    expect([asItem(await a).fields['Title'], asItem(await b).fields['Title']]).toEqual(['one', 'two']);
    expect((await lists).map((l) => l.id)).toContain(listId);
    await expect(missing).rejects.toSatisfy((e) => statusOf(e) === 404);
  });

  it('accepts an inner body given as base64 with a JSON Content-Type (documented as allowed)', async () => {
    const encoded = Buffer.from(JSON.stringify({ fields: { Title: 'from base64' } })).toString('base64');
    const answer = await graphPost<{ responses: { id: string; status: number; body: unknown }[] }>(
      GraphQueryable([c.graph.sites, `${c.emu.url}/v1.0/$batch`]),
      body({
        requests: [
          {
            id: '1',
            method: 'POST',
            url: `/sites/${c.siteId}/lists/${listId}/items`,
            headers: { 'Content-Type': 'application/json' },
            body: encoded,
          },
        ],
      }),
    );
    expect(answer.responses[0]).toMatchObject({
      status: 201,
      body: { fields: fields({ Title: 'from base64' }) },
    });
  });
});
