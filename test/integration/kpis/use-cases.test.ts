/** The KPI use cases against the local SharePoint emulator: authorisation, validation, idempotency, audit. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SharePointKpiStore } from '../../../src/adapters/sharepoint/kpi-store.js';
import { SharePointOutbox } from '../../../src/adapters/sharepoint/outbox-store.js';
import { correctCheckIn, recordCheckIn } from '../../../src/app/kpis/check-ins.js';
import { defineKpi, retireKpi, updateKpi } from '../../../src/app/kpis/kpi-definitions.js';
import { defineMilestone, setMilestoneProgress } from '../../../src/app/kpis/milestones.js';
import { kpiOverview } from '../../../src/app/kpis/kpi-overview.js';
import { scheduleCheckIns } from '../../../src/app/kpis/check-in-schedule.js';
import type { KpiDeps } from '../../../src/app/kpis/kit.js';
import type { CheckInsDue } from '../../../src/domain/kpis/check-ins.js';
import type { Kpi } from '../../../src/domain/kpis/kpi.js';
import type { Plan } from '../../../src/domain/plan/plan.js';
import type { KpiNotificationComposer } from '../../../src/ports/kpi-notifications.js';
import type { OutgoingMessage } from '../../../src/ports/outbox.js';
import { loadCalendar } from '../../../src/templates/calendar-load.js';
import { agencyShareDraft, onlineDraft, publishedPlan, testPeople } from '../../support/fixtures/index.js';
import { startTestSite, type TestSite } from '../../support/sharepoint.js';

let site: TestSite;
let deps: KpiDeps;
let plan: Plan;
let now = '2024-07-03T09:00:00Z';
let n = 0;
const lead = { id: testPeople.lead };
const owner = { id: testPeople.owner };
const stranger = { id: testPeople.chiefExecutive };

beforeAll(async () => {
  site = await startTestSite();
  deps = {
    plans: site.store,
    kpis: new SharePointKpiStore(site.client, site.site),
    clock: { now: () => now },
    ids: { newId: () => `generated-id-${++n}` },
  };
  plan = publishedPlan();
  const created = await site.store.create(plan, {
    at: plan.createdAt,
    planId: plan.id,
    actorId: plan.leadId,
    command: 'createPlan',
    version: plan.contentVersion,
    hash: plan.versionHash,
    summary: 'created',
  });
  if (!created.ok) throw new Error(created.error.message);
});
afterAll(async () => {
  await site.close();
});

async function define(draft = agencyShareDraft(), id?: string): Promise<Kpi> {
  const result = await defineKpi(deps, plan.id, draft, lead, id);
  if (!result.ok) throw new Error(result.error.message);
  return result.value.item;
}

describe('defining KPIs', () => {
  it('lets the plan lead define one, audited, and refuses anyone else', async () => {
    const kpi = await define();
    expect(kpi).toMatchObject({ planId: plan.id, revision: 1, updatedBy: lead.id, baseline: { value: 4.2 } });
    expect((await deps.kpis.kpi(kpi.id))?.item).toEqual(kpi);
    const log = await site.store.auditLog(plan.id);
    expect(log.at(-1)).toMatchObject({ command: 'defineKpi', actorId: lead.id });
    expect(await defineKpi(deps, plan.id, agencyShareDraft(), stranger)).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED' },
    });
    expect(await defineKpi(deps, 'no-such-plan', agencyShareDraft(), lead)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('names every problem of an invalid definition, storing nothing', async () => {
    const before = (await deps.kpis.forPlan(plan.id)).kpis.length;
    const result = await defineKpi(
      deps,
      plan.id,
      agencyShareDraft({
        baseline: { part: 5, date: '2024-03-31' },
        target: { value: 3, date: '2023-01-01' },
      }),
      lead,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await deps.kpis.forPlan(plan.id)).kpis).toHaveLength(before);
  });

  it('is idempotent under a client-chosen id: a retried create stores one KPI', async () => {
    const id = 'client-chosen-kpi-1';
    const first = await defineKpi(deps, plan.id, onlineDraft(), lead, id);
    const again = await defineKpi(deps, plan.id, onlineDraft(), lead, id);
    expect(first).toMatchObject({ ok: true, value: { changed: true } });
    expect(again).toMatchObject({ ok: true, value: { changed: false, item: { id } } });
    expect(await defineKpi(deps, plan.id, onlineDraft({ name: 'Else' }), lead, id)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect((await deps.kpis.forPlan(plan.id)).kpis.filter((k) => k.item.id === id)).toHaveLength(1);
  });

  it('changes a KPI from the revision read, and keeps its unit and frequency once values exist', async () => {
    const kpi = await define(onlineDraft());
    expect(await updateKpi(deps, plan.id, kpi.id, 7, onlineDraft({ source: 'CRM' }), lead)).toMatchObject({
      ok: false,
      error: { code: 'STALE_VERSION' },
    });
    const changed = await updateKpi(deps, plan.id, kpi.id, 1, onlineDraft({ source: 'CRM' }), lead);
    expect(changed).toMatchObject({
      ok: true,
      value: { changed: true, item: { source: 'CRM', revision: 2 } },
    });
    expect(await updateKpi(deps, plan.id, kpi.id, 2, onlineDraft({ source: 'CRM' }), lead)).toMatchObject({
      ok: true,
      value: { changed: false },
    });
    await recordCheckIn(
      deps,
      { kpiId: kpi.id, periodKey: '2024-06', reading: { value: 11_000 }, commentary: null },
      owner,
    );
    expect(
      await updateKpi(deps, plan.id, kpi.id, 2, onlineDraft({ source: 'CRM', frequency: 'quarterly' }), lead),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: /retire it/ } });
    expect(await retireKpi(deps, plan.id, kpi.id, 2, lead)).toMatchObject({
      ok: true,
      value: { item: { retired: true, revision: 3 } },
    });
  });
});

describe('recording a check-in', () => {
  it('records the owner’s value once; the same answer again changes nothing; a different one is refused', async () => {
    const kpi = await define();
    const request = {
      kpiId: kpi.id,
      periodKey: 'FY2024-25-Q1',
      reading: { part: 1_000_000, whole: 25_000_000 },
      commentary: 'Fewer locums.',
    };
    const first = await recordCheckIn(deps, request, owner, plan.id);
    expect(first).toMatchObject({ ok: true, value: { changed: true, value: { measurement: { value: 4 } } } });
    now = '2024-07-03T09:05:00Z';
    const twice = await recordCheckIn(deps, request, owner, plan.id);
    expect(twice).toMatchObject({
      ok: true,
      value: { changed: false, value: { recordedAt: '2024-07-03T09:00:00Z' } },
    });
    const other = await recordCheckIn(deps, { ...request, reading: { part: 2, whole: 25 } }, owner, plan.id);
    expect(other).toMatchObject({
      ok: false,
      error: { code: 'ALREADY_RESPONDED', message: /Q1 2024\/25 was already recorded/ },
    });
    const stored = (await deps.kpis.forPlan(plan.id)).values.filter((v) => v.item.kpiId === kpi.id);
    expect(stored.map((v) => v.item.measurement.value)).toEqual([4]);
    expect(
      (await site.store.auditLog(plan.id)).filter(
        (e) => e.command === 'recordCheckIn' && e.summary.includes(kpi.name),
      ),
    ).toHaveLength(1);
  });

  it('refuses strangers, other plans, retired KPIs and bad values', async () => {
    const kpi = await define();
    const request = {
      kpiId: kpi.id,
      periodKey: 'FY2024-25-Q1',
      reading: { part: 1, whole: 2 },
      commentary: null,
    };
    expect(await recordCheckIn(deps, request, stranger)).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED' },
    });
    expect(await recordCheckIn(deps, request, owner, 'another-plan')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await recordCheckIn(deps, { ...request, kpiId: 'no-such-kpi' }, owner)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await recordCheckIn(deps, { ...request, reading: { part: 3, whole: 2 } }, owner)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: /over 100%/ },
    });
    // The plan lead may record for the owner.
    expect(await recordCheckIn(deps, request, lead)).toMatchObject({
      ok: true,
      value: { value: { recordedBy: lead.id } },
    });
    await retireKpi(deps, plan.id, kpi.id, 1, lead);
    expect(await recordCheckIn(deps, { ...request, periodKey: 'FY2024-25-Q2' }, owner)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
  });

  it('lets the owner or lead correct a value in the tab, recording who corrected it', async () => {
    const kpi = await define(onlineDraft());
    await recordCheckIn(
      deps,
      { kpiId: kpi.id, periodKey: '2024-06', reading: { value: 11_000 }, commentary: null },
      owner,
    );
    const corrected = await correctCheckIn(
      deps,
      plan.id,
      { kpiId: kpi.id, periodKey: '2024-06', reading: { value: 11_500 }, commentary: 'Late returns added.' },
      lead,
    );
    expect(corrected).toMatchObject({
      ok: true,
      value: {
        changed: true,
        item: { measurement: { value: 11_500 }, recordedBy: owner.id, correctedBy: lead.id },
      },
    });
    expect(
      await correctCheckIn(
        deps,
        plan.id,
        { kpiId: kpi.id, periodKey: '2024-05', reading: { value: 1 }, commentary: null },
        lead,
      ),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('milestones', () => {
  it('are defined by the plan lead and progressed by their owner, with checked dates', async () => {
    const defined = await defineMilestone(
      deps,
      plan.id,
      { title: 'Agency framework re-let', ownerId: owner.id, dueDate: '2024-12-31', theme: 3 },
      lead,
    );
    if (!defined.ok) throw new Error(defined.error.message);
    const id = defined.value.item.id;
    expect(
      await defineMilestone(deps, plan.id, { title: '', ownerId: owner.id, dueDate: 'soon', theme: 8 }, lead),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(
      await setMilestoneProgress(
        deps,
        plan.id,
        id,
        1,
        { status: 'in-progress', completedOn: null, note: null },
        stranger,
      ),
    ).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect(
      await setMilestoneProgress(
        deps,
        plan.id,
        id,
        1,
        { status: 'complete', completedOn: null, note: null },
        owner,
      ),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: /date it was completed/ } });
    const done = await setMilestoneProgress(
      deps,
      plan.id,
      id,
      1,
      { status: 'complete', completedOn: '2024-07-02', note: ' Done early. ' },
      owner,
    );
    expect(done).toMatchObject({
      ok: true,
      value: { item: { status: 'complete', note: 'Done early.', revision: 2 } },
    });
    expect(
      await setMilestoneProgress(
        deps,
        plan.id,
        id,
        1,
        { status: 'at-risk', completedOn: null, note: null },
        owner,
      ),
    ).toMatchObject({ ok: false, error: { code: 'STALE_VERSION' } });
  });
});

describe('the check-in schedule pass', () => {
  it('enqueues each request once, however many passes run', async () => {
    const outbox = new SharePointOutbox(site.client, site.site);
    const seen: CheckInsDue[] = [];
    const composer: KpiNotificationComposer = {
      forCheckIns: async (p, _kpis, _values, due, at) => {
        seen.push(due);
        const messages: OutgoingMessage[] = due.requests.map((r) => ({
          key: r.key,
          planId: p.id,
          recipient: { kind: 'user', userId: r.ownerId },
          text: `${r.kpiId} ${r.period.key}`,
          card: null,
          replacesKey: null,
          notBefore: at,
          live: null,
        }));
        return messages;
      },
    };
    now = '2024-07-20T09:00:00Z';
    const scheduleDeps = { ...deps, outbox, composer, calendar: loadCalendar() };
    const first = await scheduleCheckIns(scheduleDeps);
    const second = await scheduleCheckIns(scheduleDeps);
    expect(first.enqueued).toBeGreaterThan(0);
    expect(second.enqueued).toBe(0);
    const requests = seen[0]!.requests;
    expect(first.enqueued).toBe(requests.length);
    expect(seen[0]!.escalation?.leadId).toBe(lead.id);
    // Only KPIs of the published plan that are live and unanswered for their latest period.
    const live = (await deps.kpis.forPlan(plan.id)).kpis.filter((k) => !k.item.retired);
    expect(requests.length).toBeLessThanOrEqual(live.length);
    for (const request of requests) expect(await outbox.get(request.key)).toMatchObject({ state: 'pending' });
  });
});

describe('the overview for the dashboard', () => {
  it('shows every live KPI of the plan with its status, and every milestone', async () => {
    const overview = await kpiOverview({ ...deps, calendar: loadCalendar() }, plan.id);
    if (!overview.ok) throw new Error(overview.error.message);
    const stored = await deps.kpis.forPlan(plan.id);
    expect(overview.value.kpis.map((k) => k.kpi.id).sort()).toEqual(
      stored.kpis
        .filter((k) => !k.item.retired)
        .map((k) => k.item.id)
        .sort(),
    );
    expect(overview.value.milestones).toHaveLength(stored.milestones.length);
    expect(await kpiOverview({ ...deps, calendar: loadCalendar() }, 'no-such-plan')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
