/**
 * The KPI cache a server instance runs: the KpiStore contract as two cached instances over one site, a
 * plan's KPIs served from memory, and another instance's check-in seen within one delta round.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRequestCounter } from '../../src/adapters/sharepoint/graph-client.js';
import { CachedKpiStore } from '../../src/adapters/sharepoint/kpi-cache.js';
import { SharePointKpiStore } from '../../src/adapters/sharepoint/kpi-store.js';
import { resetCounter, startTestSite, type TestSite } from '../support/sharepoint.js';
import { kpiStoreContract, sampleKpi, sampleValue } from './kpi-store.contract.js';

let site: TestSite;
beforeAll(async () => {
  site = await startTestSite();
});
afterAll(async () => {
  await site.close();
});

function instance(maxAgeMs = 60_000) {
  const counter = newRequestCounter();
  const cache = new CachedKpiStore(new SharePointKpiStore(site.newClient(counter), site.site), { maxAgeMs });
  return { cache, counter };
}

kpiStoreContract('the KPI cache over the SharePoint lists, against the local emulator', () => {
  const a = instance();
  return { stores: [a.cache, instance().cache], roundTrips: () => a.counter.requests };
});

describe('the KPI cache', () => {
  it('answers a plan’s KPIs from memory once read: fifty dashboards cost no Graph request', async () => {
    const a = instance();
    const planId = randomUUID();
    const kpi = sampleKpi(planId);
    await a.cache.createKpi(kpi);
    await a.cache.recordValue(sampleValue(kpi));
    const first = await a.cache.forPlan(planId);
    expect(first.kpis.map((k) => k.item)).toEqual([kpi]);
    resetCounter(a.counter);
    const again = await Promise.all(Array.from({ length: 50 }, () => a.cache.forPlan(planId)));
    expect(again.every((k) => k.values.length === 1)).toBe(true);
    expect(a.counter.requests).toBe(0);
  });

  it('sees a value recorded on another instance within one delta round, and its own writes at once', async () => {
    const a = instance();
    const b = instance();
    const planId = randomUUID();
    const kpi = sampleKpi(planId);
    await a.cache.createKpi(kpi);
    expect((await a.cache.forPlan(planId)).values).toHaveLength(0);
    await b.cache.recordValue(sampleValue(kpi));
    expect((await a.cache.forPlan(planId)).values).toHaveLength(0);
    await a.cache.mirror.current();
    expect((await a.cache.forPlan(planId)).values.map((v) => v.item)).toEqual([sampleValue(kpi)]);

    const second = sampleValue(kpi, { periodKey: 'FY2024-25-Q2', asOf: '2024-09-30' });
    await a.cache.recordValue(second);
    expect((await a.cache.forPlan(planId)).values.map((v) => v.item.periodKey).sort()).toEqual([
      'FY2024-25-Q1',
      'FY2024-25-Q2',
    ]);
  });
});
