import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeProvisionReport, provisionSite } from '../../src/adapters/sharepoint/provision.js';
import { allLists } from '../../src/adapters/sharepoint/list-schema.js';
import { startTestSite, TEST_SITE_URL, type TestSite } from '../support/sharepoint.js';

let site: TestSite;
beforeAll(async () => {
  site = await startTestSite();
});
afterAll(async () => {
  await site.close();
});

describe('provisioning', () => {
  it('created every list with its unique and indexed columns', async () => {
    for (const list of allLists) {
      const columns = (await site.client
        .api(`/sites/${site.site.siteId}/lists/${site.site.listIds[list.key]}/columns`)
        .select('name,indexed,enforceUniqueValues')
        .get()) as {
        value: { name: string; indexed?: boolean; enforceUniqueValues?: boolean }[];
      };
      for (const column of list.columns) {
        const found = columns.value.find((c) => c.name === column.name);
        expect(found, `${list.displayName}.${column.name}`).toBeDefined();
        if (column.indexed) expect(found?.indexed).toBe(true);
        if (column.unique) expect(found?.enforceUniqueValues).toBe(true);
      }
    }
  });

  it('running it again changes nothing and makes no writes', async () => {
    const before = site.emulator.stats.snapshot();
    const report = await provisionSite(site.client, TEST_SITE_URL);
    expect(report).toMatchObject({ createdLists: [], addedColumns: [], indexedColumns: [] });
    expect(describeProvisionReport(TEST_SITE_URL, report)).toContain('nothing changed');
    const after = site.emulator.stats.snapshot();
    const writes = Object.entries(after.byRoute)
      .filter(([route]) => /^(POST|PATCH|PUT|DELETE) /.test(route))
      .reduce((sum, [route, n]) => sum + n - (before.byRoute[route] ?? 0), 0);
    expect(writes).toBe(0);
  });
});
