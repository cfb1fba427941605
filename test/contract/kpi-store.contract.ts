/**
 * The KpiStore contract: one KPI per id, one value per KPI and period however often and from however
 * many instances it is recorded, and no update written over someone else's.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Kpi, KpiValue } from '../../src/domain/kpis/kpi.js';
import type { Milestone } from '../../src/domain/kpis/milestone.js';
import { progressUpdateId, type ProgressUpdate } from '../../src/domain/kpis/progress-update.js';
import type { KpiStore, ProgressUpdateStore } from '../../src/ports/kpi-store.js';

export interface KpiStoreUnderTest {
  /** Two independent instances over the same storage, as two servers would have. */
  readonly stores: readonly [KpiStore & ProgressUpdateStore, KpiStore & ProgressUpdateStore];
  /** Round trips made so far (requests on the wire), when the store can count them. */
  readonly roundTrips?: () => number;
}

const AT = '2024-07-10T09:00:00Z';
const OWNER = 'owner-1';

export function sampleKpi(planId: string, overrides: Partial<Kpi> = {}): Kpi {
  return {
    id: randomUUID(),
    planId,
    name: 'Agency spend as a share of the staff budget',
    definition: 'Agency spend over the staff budget, for the quarter.',
    unit: 'percent',
    share: { partLabel: 'Agency spend', wholeLabel: 'Staff budget', unit: 'currency-gbp' },
    direction: 'lower-is-better',
    ownerId: OWNER,
    frequency: 'quarterly',
    source: 'General ledger',
    theme: 3,
    baseline: { value: 4.2, part: 4_200_000, whole: 100_000_000, date: '2024-03-31' },
    target: { value: 3, date: '2026-03-31' },
    retired: false,
    revision: 1,
    updatedBy: 'lead-1',
    updatedAt: AT,
    ...overrides,
  };
}

export function sampleValue(kpi: Kpi, overrides: Partial<KpiValue> = {}): KpiValue {
  return {
    kpiId: kpi.id,
    planId: kpi.planId,
    periodKey: 'FY2024-25-Q1',
    asOf: '2024-06-30',
    measurement: { value: 4, part: 1_000_000, whole: 25_000_000 },
    commentary: 'Fewer locums in adult social care.',
    recordedBy: OWNER,
    recordedAt: AT,
    correctedBy: null,
    correctedAt: null,
    ...overrides,
  };
}

function sampleMilestone(planId: string): Milestone {
  return {
    id: randomUUID(),
    planId,
    title: 'Agency framework re-let',
    ownerId: OWNER,
    dueDate: '2024-12-31',
    theme: 3,
    status: 'not-started',
    completedOn: null,
    note: null,
    revision: 1,
    updatedBy: 'lead-1',
    updatedAt: AT,
  };
}

export function kpiStoreContract(name: string, open: () => KpiStoreUnderTest): void {
  describe(`KpiStore contract: ${name}`, () => {
    it('stores a KPI as given and reads it back with the plan’s values and milestones, and nothing of other plans', async () => {
      const { stores } = open();
      const planId = randomUUID();
      const kpi = sampleKpi(planId);
      const plain = sampleKpi(planId, {
        unit: 'count',
        share: null,
        direction: 'higher-is-better',
        theme: null,
        baseline: { value: 10_000, part: null, whole: null, date: '2024-03-31' },
        target: { value: 16_000, date: '2025-03-31' },
        frequency: 'monthly',
      });
      const milestone = sampleMilestone(planId);
      expect((await stores[0].createKpi(kpi)).created).toBe(true);
      await stores[0].createKpi(plain);
      await stores[0].recordValue(sampleValue(kpi));
      await stores[0].createMilestone(milestone);
      await stores[0].createKpi(sampleKpi(randomUUID()));
      const loaded = await stores[1].forPlan(planId);
      expect(loaded.kpis.map((k) => k.item).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
        [kpi, plain].sort((a, b) => a.id.localeCompare(b.id)),
      );
      expect(loaded.values.map((v) => v.item)).toEqual([sampleValue(kpi)]);
      expect(loaded.milestones.map((m) => m.item)).toEqual([milestone]);
      expect((await stores[1].kpi(kpi.id))?.item).toEqual(kpi);
      expect(await stores[1].kpi(randomUUID())).toBeNull();
      expect(await stores[1].forPlan(randomUUID())).toEqual({ kpis: [], values: [], milestones: [] });
    });

    it('keeps one KPI per id: a repeated create finds the first', async () => {
      const { stores } = open();
      const kpi = sampleKpi(randomUUID());
      const again = await Promise.all([
        stores[0].createKpi(kpi),
        stores[1].createKpi({ ...kpi, name: 'Other' }),
      ]);
      expect(again.filter((c) => c.created)).toHaveLength(1);
      const stored = (await stores[0].forPlan(kpi.planId)).kpis;
      expect(stored).toHaveLength(1);
      expect(again.map((c) => c.stored.item.id)).toEqual([kpi.id, kpi.id]);
    });

    it('records one value per KPI and period, whoever records it how often, and answers with the stored one', async () => {
      const { stores } = open();
      const kpi = sampleKpi(randomUUID());
      await stores[0].createKpi(kpi);
      const first = sampleValue(kpi);
      const results = await Promise.all([
        stores[0].recordValue(first),
        stores[1].recordValue(first),
        stores[0].recordValue({
          ...first,
          measurement: { value: 5, part: 5, whole: 100 },
          recordedBy: 'lead-1',
        }),
        stores[1].recordValue(first),
      ]);
      expect(results.filter((r) => r.created)).toHaveLength(1);
      const winner = results.find((r) => r.created)!.stored.item;
      for (const result of results) expect(result.stored.item).toEqual(winner);
      expect((await stores[1].forPlan(kpi.planId)).values).toHaveLength(1);
      expect((await stores[1].value(kpi.id, 'FY2024-25-Q1'))?.item).toEqual(winner);
      expect(await stores[1].value(kpi.id, 'FY2024-25-Q2')).toBeNull();
      // Another period is another value.
      expect(
        (await stores[0].recordValue(sampleValue(kpi, { periodKey: 'FY2024-25-Q2', asOf: '2024-09-30' })))
          .created,
      ).toBe(true);
    });

    it('updates a KPI from the version it read, and refuses a stale one, naming who changed it', async () => {
      const { stores } = open();
      const kpi = sampleKpi(randomUUID());
      const created = (await stores[0].createKpi(kpi)).stored;
      const renamed = {
        ...kpi,
        name: 'Agency share',
        revision: 2,
        updatedBy: 'editor-a',
        updatedAt: '2024-07-11T10:00:00Z',
      };
      const first = await stores[0].updateKpi(created, renamed);
      expect(first.ok).toBe(true);
      const stale = await stores[1].updateKpi(created, { ...kpi, source: 'Payroll', revision: 2 });
      expect(stale.ok).toBe(false);
      if (!stale.ok) {
        expect(stale.error.code).toBe('CONFLICT');
        expect(stale.error.message).toContain('editor-a');
        expect(stale.error.message).toContain('2024-07-11T10:00:00Z');
      }
      expect((await stores[1].kpi(kpi.id))?.item).toEqual(renamed);
      if (first.ok) {
        const retired = await stores[1].updateKpi(first.value, { ...renamed, retired: true, revision: 3 });
        expect(retired.ok).toBe(true);
        expect((await stores[0].kpi(kpi.id))?.item.retired).toBe(true);
      }
    });

    it('corrects a value from the version it read, keeping who first recorded it', async () => {
      const { stores } = open();
      const kpi = sampleKpi(randomUUID());
      await stores[0].createKpi(kpi);
      const { stored } = await stores[0].recordValue(sampleValue(kpi));
      const corrected = await stores[1].correctValue(
        stored,
        sampleValue(kpi, {
          measurement: { value: 3.9, part: 975_000, whole: 25_000_000 },
          recordedBy: 'lead-1',
          recordedAt: '2024-07-20T10:00:00Z',
          correctedBy: 'lead-1',
          correctedAt: '2024-07-20T10:00:00Z',
        }),
      );
      expect(corrected.ok).toBe(true);
      expect((await stores[0].value(kpi.id, 'FY2024-25-Q1'))?.item).toMatchObject({
        measurement: { value: 3.9, part: 975_000, whole: 25_000_000 },
        recordedBy: OWNER,
        recordedAt: AT,
        correctedBy: 'lead-1',
        correctedAt: '2024-07-20T10:00:00Z',
      });
      const stale = await stores[0].correctValue(stored, sampleValue(kpi, { commentary: 'x' }));
      expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    });

    it('creates milestones once and updates them from the version read', async () => {
      const { stores } = open();
      const milestone = sampleMilestone(randomUUID());
      const [a, b] = await Promise.all([
        stores[0].createMilestone(milestone),
        stores[1].createMilestone(milestone),
      ]);
      expect([a.created, b.created].filter(Boolean)).toHaveLength(1);
      const current = (await stores[0].milestone(milestone.id))!;
      const done = {
        ...milestone,
        status: 'complete' as const,
        completedOn: '2024-12-20',
        note: 'Re-let.',
        revision: 2,
      };
      expect((await stores[0].updateMilestone(current, done)).ok).toBe(true);
      expect((await stores[1].updateMilestone(current, { ...milestone, revision: 2 })).ok).toBe(false);
      expect((await stores[1].milestone(milestone.id))?.item).toEqual(done);
      // And back: a cleared completion date is cleared.
      const reopened = {
        ...done,
        status: 'in-progress' as const,
        completedOn: null,
        note: null,
        revision: 3,
      };
      expect((await stores[1].updateMilestone((await stores[1].milestone(milestone.id))!, reopened)).ok).toBe(
        true,
      );
      expect((await stores[0].milestone(milestone.id))?.item).toEqual(reopened);
    });

    it('answers nothing for ids that cannot be ids, without asking', async () => {
      const { stores, roundTrips } = open();
      const before = roundTrips?.() ?? 0;
      expect(await stores[0].kpi("x' or 1 eq 1 or KpiId eq '")).toBeNull();
      expect(await stores[0].value('kpi', 'not-a-period')).toBeNull();
      expect(await stores[0].forPlan('../other')).toEqual({ kpis: [], values: [], milestones: [] });
      if (roundTrips) expect(roundTrips()).toBe(before);
    });

    it('keeps one progress update per plan and period, with its approvals, updated from the version read', async () => {
      const { stores } = open();
      const planId = randomUUID();
      const update: ProgressUpdate = {
        id: progressUpdateId(planId, 'FY2024-25-Q2'),
        planId,
        periodKey: 'FY2024-25-Q2',
        summary: null,
        status: 'draft',
        version: 0,
        hash: null,
        stages: [],
        publication: null,
        revision: 1,
        updatedBy: 'lead-1',
        updatedAt: AT,
      };
      const [a, b] = await Promise.all([
        stores[0].createProgressUpdate(update),
        stores[1].createProgressUpdate(update),
      ]);
      expect([a.created, b.created].filter(Boolean)).toHaveLength(1);
      const read = (await stores[1].progressUpdate(update.id))!;
      expect(read.item).toEqual(update);
      const submitted: ProgressUpdate = {
        ...update,
        summary: 'A good quarter.',
        status: 'in-approval',
        version: 1,
        hash: 'a'.repeat(64),
        revision: 2,
        stages: [
          {
            key: 'portfolio-holder-sign-off',
            title: 'Portfolio holder sign-off',
            kind: 'sign-off',
            rule: { kind: 'all' },
            approverRoles: ['portfolio-holder'],
            mandatoryRoles: [],
            approverIds: ['p-1'],
            mandatoryIds: [],
            delegations: [],
            state: 'open',
            round: 1,
            boundHash: 'a'.repeat(64),
            boundVersion: 1,
            responses: [
              {
                round: 1,
                approverId: 'p-1',
                responderId: 'p-1',
                decision: 'approve',
                comment: null,
                at: AT,
                hash: 'a'.repeat(64),
              },
            ],
            openedAt: AT,
            closedAt: null,
          },
        ],
      };
      expect((await stores[0].updateProgressUpdate(read, submitted)).ok).toBe(true);
      expect(await stores[1].updateProgressUpdate(read, { ...submitted, summary: 'Other' })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT' },
      });
      expect((await stores[1].progressUpdate(update.id))?.item).toEqual(submitted);
      expect((await stores[0].progressUpdates(planId)).map((u) => u.item.id)).toEqual([update.id]);
      expect(await stores[0].progressUpdates(randomUUID())).toEqual([]);
    });
  });
}
