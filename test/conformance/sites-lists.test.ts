import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQueryable, graphGet } from '@pnp/graph';
import { HOST, startConformance, statusOf } from './pnp-harness.js';
import type { Conformance } from './pnp-harness.js';

let c: Conformance;

beforeAll(async () => {
  c = await startConformance();
});
afterAll(async () => {
  await c.close();
});

describe('PnPjs: sites', () => {
  it('finds a site by hostname and server-relative path', async () => {
    const site = await c.graph.sites.getByUrl(HOST, '/sites/Plans');
    const info = await site();
    expect(info.id).toBe(c.siteId);
    expect(info.webUrl).toBe(`https://${HOST}/sites/Plans`);
  });

  it('finds a site by its id', async () => {
    const info = await c.graph.sites.getById(c.siteId)();
    expect(info.displayName).toBe('Plans');
  });

  it('reads the site by path with the colon-encoded segment a Kiota-style client sends', async () => {
    const segment = encodeURIComponent(`${HOST}:/sites/Plans:`);
    const info = await graphGet<{ id: string }>(GraphQueryable(c.graph.sites, segment));
    expect(info.id).toBe(c.siteId);
  });

  it('reads the tenant root site as /sites/root and /sites/{hostname}, marked root', async () => {
    const root = await c.graph.sites.root();
    expect(root.webUrl).toBe(`https://${HOST}`);
    expect(root.root).toEqual({});
    expect(root.siteCollection?.hostname).toBe(HOST);
    const byHost = await c.graph.sites.getById(HOST)();
    expect(byHost.id).toBe(root.id);
  });

  it('answers 404 for a path that is not a site', async () => {
    const missing = c.graph.sites.getByUrl(HOST, '/sites/Nowhere');
    await expect(missing).rejects.toSatisfy((e) => statusOf(e) === 404);
  });
});

describe('PnPjs: lists', () => {
  it('creates a list with columns, lists it and reads it by id', async () => {
    const site = c.graph.sites.getById(c.siteId);
    const created = await site.lists.add({
      displayName: 'Risks',
      list: { template: 'genericList' },
      columns: [{ name: 'Score', number: {}, indexed: true }],
    });
    expect(created.displayName).toBe('Risks');
    const all = await site.lists();
    expect(all.map((l) => l.displayName)).toContain('Risks');
    const one = await site.lists.getById(String(created.id))();
    expect(one.id).toBe(created.id);
    // PnPjs hands back a collection's `value` array.
    const columns = await graphGet<{ name: string }[]>(
      GraphQueryable(site.lists.getById(String(created.id)), 'columns'),
    );
    expect(columns.map((col) => col.name)).toContain('Score');
  });
});
