/**
 * Writes in a chain (a plan's save: its item updates, then its audit entry) run one after another inside
 * one $batch: a conflict stops everything after it, and throttled requests are sent again from the first
 * one throttled, so each write lands once and an audit entry never records a change that was not made.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GraphLists } from '../../../src/adapters/sharepoint/graph-lists.js';
import { auditList, kpisList } from '../../../src/adapters/sharepoint/list-schema.js';
import { kpiFields } from '../../../src/adapters/sharepoint/kpi-store.js';
import { sampleKpi } from '../../contract/kpi-store.contract.js';
import { startTestSite, type TestSite } from '../../support/sharepoint.js';

let site: TestSite;
let lists: GraphLists;
beforeAll(async () => {
  site = await startTestSite();
  lists = new GraphLists(site.client, site.site, { sleep: async () => undefined });
});
afterAll(async () => {
  await site.close();
});
afterEach(() => site.emulator.faults.clear());

const audit = (key: string) => ({
  op: 'create' as const,
  list: auditList,
  fields: {
    Title: 'editSection',
    EntryKey: key,
    PlanId: 'chain-plan',
    At: '2026-12-01T10:00:00Z',
    ActorId: 'someone',
    Command: 'editSection',
    Version: 0,
    Hash: 'h',
    Summary: 'An edit',
  },
});

describe('chained writes', () => {
  it('stop at a conflict: what follows it is not written', async () => {
    const kpi = sampleKpi('chain-plan');
    const [created] = await lists.writeAll([{ op: 'create', list: kpisList, fields: kpiFields(kpi) }]);
    if (!created?.ok || created.item === null) throw new Error('setup');
    const stale = { id: created.item.id, eTag: created.item.eTag };
    const [moved] = await lists.writeAll([
      { op: 'update', list: kpisList, ref: stale, fields: { Source: 'A' } },
    ]);
    expect(moved?.ok).toBe(true);
    const key = `chain/${Date.now()}/conflict`;
    const outcomes = await lists.writeAll(
      [{ op: 'update', list: kpisList, ref: stale, fields: { Source: 'B' } }, audit(key)],
      { chained: true },
    );
    expect(outcomes.map((o) => (o.ok ? 'ok' : o.reason))).toEqual(['conflict', 'not-run']);
    expect(await lists.byKey(auditList, key)).toBeNull();
    // Without the chain the audit entry would have been written beside the refused update.
    const loose = await lists.writeAll([
      { op: 'update', list: kpisList, ref: stale, fields: { Source: 'B' } },
      audit(`${key}/loose`),
    ]);
    expect(loose.map((o) => (o.ok ? 'ok' : o.reason))).toEqual(['conflict', 'ok']);
  });

  it('sends throttled requests again with what follows them, each landing once', async () => {
    const kpis = [sampleKpi('chain-plan'), sampleKpi('chain-plan'), sampleKpi('chain-plan')];
    // Every write is throttled until the store waits out Retry-After; then SharePoint takes them.
    let waits = 0;
    const lists = new GraphLists(site.client, site.site, {
      sleep: async () => {
        waits += 1;
        site.emulator.faults.clear();
      },
    });
    site.emulator.faults.set([{ method: 'POST', status: 429, share: 1, retryAfterSeconds: 0 }]);
    const outcomes = await lists.writeAll(
      kpis.map((kpi) => ({ op: 'create' as const, list: kpisList, fields: kpiFields(kpi) })),
      { chained: true },
    );
    expect(waits).toBe(1);
    expect(outcomes.every((o) => o.ok)).toBe(true);
    for (const kpi of kpis) {
      expect(await lists.query({ list: kpisList, where: { column: 'KpiId', value: kpi.id } })).toHaveLength(
        1,
      );
    }
  });
});
