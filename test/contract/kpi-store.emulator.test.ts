import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SharePointKpiStore } from '../../src/adapters/sharepoint/kpi-store.js';
import { kpisList } from '../../src/adapters/sharepoint/list-schema.js';
import { resetCounter, startTestSite, type TestSite } from '../support/sharepoint.js';
import { kpiStoreContract, sampleKpi, sampleValue } from './kpi-store.contract.js';

let site: TestSite;
beforeAll(async () => {
  site = await startTestSite();
});
afterAll(async () => {
  await site.close();
});

kpiStoreContract('SharePoint lists against the local emulator', () => ({
  stores: [
    new SharePointKpiStore(site.client, site.site),
    new SharePointKpiStore(site.newClient(), site.site),
  ],
  roundTrips: () => site.counter.requests,
}));

describe('the SharePoint KPI store', () => {
  it('loads a plan’s KPIs, values and milestones in one round trip, however many there are', async () => {
    const store = new SharePointKpiStore(site.client, site.site);
    const planId = randomUUID();
    for (let i = 0; i < 12; i++) {
      const kpi = sampleKpi(planId);
      await store.createKpi(kpi);
      await store.recordValue(sampleValue(kpi));
    }
    resetCounter(site.counter);
    const loaded = await store.forPlan(planId);
    expect(loaded.kpis).toHaveLength(12);
    expect(loaded.values).toHaveLength(12);
    expect(site.counter.requests).toBe(1);
  });

  it('refuses an item that does not fit the list, naming the list, item and column', async () => {
    const store = new SharePointKpiStore(site.client, site.site);
    const planId = randomUUID();
    const kpi = sampleKpi(planId);
    await store.createKpi(kpi);
    const [item] = (
      (await site.client
        .api(`/sites/${site.site.siteId}/lists/${site.site.listIds[kpisList.key]}/items`)
        .query({ $expand: 'fields', $filter: `fields/KpiId eq '${kpi.id}'` })
        .get()) as { value: { id: string }[] }
    ).value;
    // Someone edits the list by hand and removes the whole of a share.
    await site.client
      .api(`/sites/${site.site.siteId}/lists/${site.site.listIds[kpisList.key]}/items/${item!.id}/fields`)
      .patch({ WholeLabel: null });
    await expect(store.forPlan(planId)).rejects.toThrow(/PB KPIs", item \d+, column PartLabel/);
  });
});
