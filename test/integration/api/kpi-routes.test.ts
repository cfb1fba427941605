/**
 * The tab API for KPIs, milestones, progress updates, the decision, publication and submission, over
 * HTTP in local mode: identity, validation (400 naming every problem), refusals (403, 404, 409) and the
 * happy paths, on a plan taken through its approvals and published by these routes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodOf, previousPeriod } from '../../../src/domain/kpis/periods.js';
import { demoPeople } from '../../../src/local/demo/people.js';
import { DEMO_PLAN_ID } from '../../../src/local/demo/seed.js';
import type { ApiErrorBody, PlanViewDto } from '../../../src/shared/api.js';
import type {
  KpiCardDto,
  KpiDraft,
  KpiOverviewDto,
  MilestoneCardDto,
  ProgressUpdateDto,
  ProgressUpdateListDto,
  SubmissionChecksDto,
} from '../../../src/shared/kpi-api.js';
import { awaitingDecision, DECISION, publishedPlanThroughApi } from '../../support/tab-published.js';
import { startTabServer, type TabServer } from '../../support/tab-server.js';

let tab: TabServer;
let planId: string;
let links: readonly { label: string; url: string }[];
const LEAD = demoPeople.planLead.id;
const OWNER = demoPeople.digitalLead.id;
const STRANGER = demoPeople.deputy.id;
const today = new Date().toISOString().slice(0, 10);
// The quarter before the one running now has ended, so it can be reported on (the app's clock is real).
const lastQuarter = previousPeriod(periodOf('quarterly', today));

beforeAll(async () => {
  tab = await startTabServer();
  ({ planId, links } = await publishedPlanThroughApi(tab, LEAD, 'Productivity Plan (KPIs)'));
}, 120_000);
afterAll(() => tab?.close());

const lead = () => tab.as(LEAD);
const errorOf = (body: unknown) => (body as ApiErrorBody).error;

function draft(overrides: Partial<KpiDraft> = {}): KpiDraft {
  return {
    name: 'Online transactions',
    definition: 'Transactions completed online without staff help, a quarter.',
    unit: 'count',
    share: null,
    direction: 'higher-is-better',
    ownerId: OWNER,
    frequency: 'quarterly',
    source: 'Web analytics',
    theme: null,
    baseline: { value: 10_000, date: '2025-03-31' },
    target: { value: 20_000, date: '2028-03-31' },
    ...overrides,
  };
}

describe('publication and submission routes', () => {
  it('published the decided plan and answered its links', async () => {
    expect(links.map((l) => l.label)).toEqual(['Web page', 'Accessible HTML', 'Word document']);
    const plan = await lead()<PlanViewDto>('GET', `/api/plans/${planId}`);
    expect(plan.body.status).toBe('published');
    expect(plan.body.publication?.links).toEqual(links);
    expect(plan.body.decision).toMatchObject({
      minuteReference: DECISION.minuteReference,
      outcome: 'approved',
    });
  });

  it('refuses to publish again or undecided (409), refuses a stranger (403) and a malformed decision (400)', async () => {
    const again = await lead()('POST', `/api/plans/${planId}/publish`);
    expect(again.status).toBe(409);
    expect(errorOf(again.body).code).toBe('INVALID_STATE');
    const other = await awaitingDecision(tab, LEAD, 'Plan awaiting its meeting');
    const stranger = await tab.as(STRANGER)('POST', `/api/plans/${other}/publish`);
    expect(stranger.status).toBe(403);
    const undecided = await lead()('POST', `/api/plans/${other}/publish`);
    expect(undecided.status).toBe(409);
    expect(errorOf(undecided.body).code).toBe('INVALID_STATE');
    const view = await lead()<PlanViewDto>('GET', `/api/plans/${other}`);
    const badDecision = await tab.as(STRANGER)('POST', `/api/plans/${other}/decision`, {
      ...DECISION,
      versionHash: view.body.versionHash,
    });
    expect(badDecision.status).toBe(403);
    const malformed = await lead()('POST', `/api/plans/${other}/decision`, {
      ...DECISION,
      meetingDate: '15/01/2026',
      versionHash: view.body.versionHash,
    });
    expect(malformed.status).toBe(400);
    expect(errorOf(malformed.body).message).toMatch(/meetingDate/);
  }, 120_000);

  it('shows the submission checks and records the submission once the plan is published', async () => {
    const checks = await lead()<SubmissionChecksDto>('GET', `/api/plans/${planId}/submission-checks`);
    expect(checks.status).toBe(200);
    const byKey = Object.fromEntries(checks.body.checks.map((c) => [c.key, c.passed]));
    expect(byKey['member-endorsement']).toBe(true);
    expect(byKey['web-publication']).toBe(true);
    expect(checks.body.submission).toBeNull();
    const noBody = await lead()('POST', `/api/plans/${planId}/submission`, { to: 'MHCLG' });
    expect(noBody.status).toBe(400);
    const recorded = await lead()<PlanViewDto>('POST', `/api/plans/${planId}/submission`, {
      to: 'MHCLG',
      submittedOn: today,
      reference: 'PP-2026-17',
    });
    expect(recorded.status).toBe(200);
    const after = await lead()<SubmissionChecksDto>('GET', `/api/plans/${planId}/submission-checks`);
    expect(after.body.submission).toMatchObject({ to: 'MHCLG', reference: 'PP-2026-17' });
  });
});

describe('KPI routes', () => {
  it('needs an identity', async () => {
    const none = await tab.call('GET', `/api/plans/${planId}/kpis`);
    expect(none.status).toBe(401);
    const post = await tab.call('POST', `/api/plans/${planId}/kpis`, { body: { draft: draft() } });
    expect(post.status).toBe(401);
  });

  it('defines a KPI, lists every validation problem, and refuses people who may not manage KPIs', async () => {
    const malformed = await lead()('POST', `/api/plans/${planId}/kpis`, {
      draft: { ...draft(), unit: 'miles' },
    });
    expect(malformed.status).toBe(400);
    expect(errorOf(malformed.body).message).toMatch(/draft\.unit/);
    const invalid = await lead()('POST', `/api/plans/${planId}/kpis`, {
      draft: draft({ name: '', source: '', target: { value: 20_000, date: '' } }),
    });
    expect(invalid.status).toBe(400);
    const problems = errorOf(invalid.body).details?.['problems'] as string[];
    expect(problems).toEqual(
      expect.arrayContaining([
        'Give the KPI a name',
        'Say where the figures come from',
        'Give the date of the target',
      ]),
    );
    const denied = await tab.as(STRANGER)('POST', `/api/plans/${planId}/kpis`, { draft: draft() });
    expect(denied.status).toBe(403);
    const made = await lead()<KpiCardDto>('POST', `/api/plans/${planId}/kpis`, {
      draft: draft(),
      id: 'kpi-online-0001',
    });
    expect(made.status).toBe(201);
    expect(made.body.kpi).toMatchObject({ id: 'kpi-online-0001', name: 'Online transactions', revision: 1 });
    expect(made.body.rag.status).toBe('none');
    const retried = await lead()<KpiCardDto>('POST', `/api/plans/${planId}/kpis`, {
      draft: draft(),
      id: 'kpi-online-0001',
    });
    expect(retried.status).toBe(200);
    const clash = await lead()('POST', `/api/plans/${planId}/kpis`, {
      draft: draft({ name: 'Something else' }),
      id: 'kpi-online-0001',
    });
    expect(clash.status).toBe(409);
  });

  it('records a value (once), derives RAG and trend, corrects it, and refuses a second different value', async () => {
    const route = `/api/plans/${planId}/kpis/kpi-online-0001/values`;
    const value = { periodKey: lastQuarter.key, reading: { value: 19_000 }, commentary: 'Ahead of plan.' };
    const byStranger = await tab.as(STRANGER)('POST', route, value);
    expect(byStranger.status).toBe(403);
    const noPeriod = await tab.as(OWNER)('POST', route, { reading: { value: 1 }, commentary: null });
    expect(noPeriod.status).toBe(400);
    const recorded = await tab.as(OWNER)<KpiCardDto>('POST', route, value);
    expect(recorded.status).toBe(201);
    expect(recorded.body.values).toHaveLength(1);
    expect(recorded.body.trend).toEqual([
      expect.objectContaining({ periodKey: lastQuarter.key, value: 19_000 }),
    ]);
    expect(recorded.body.rag.status).toBe('green');
    const twice = await tab.as(OWNER)<KpiCardDto>('POST', route, value);
    expect(twice.status).toBe(200);
    expect(twice.body.values).toHaveLength(1);
    const different = await tab.as(OWNER)('POST', route, { ...value, reading: { value: 9_000 } });
    expect(different.status).toBe(409);
    expect(errorOf(different.body).code).toBe('ALREADY_RESPONDED');
    const corrected = await tab.as(OWNER)<KpiCardDto>('PUT', `${route}/${lastQuarter.key}`, {
      reading: { value: 9_000 },
      commentary: 'Corrected from the return.',
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body.values[0]).toMatchObject({ commentary: 'Corrected from the return.' });
    expect(corrected.body.rag.status).toBe('red');
  });

  it('updates with the revision read (409 when stale) and retires a KPI', async () => {
    const route = `/api/plans/${planId}/kpis/kpi-online-0001`;
    const stale = await lead()('PUT', route, { baseRevision: 0, draft: draft({ name: 'Renamed' }) });
    expect(stale.status).toBe(409);
    expect(errorOf(stale.body).code).toBe('STALE_VERSION');
    const updated = await lead()<KpiCardDto>('PUT', route, {
      baseRevision: 1,
      draft: draft({ name: 'Renamed' }),
    });
    expect(updated.status).toBe(200);
    expect(updated.body.kpi).toMatchObject({ name: 'Renamed', revision: 2 });
    const overview = await tab.as(OWNER)<KpiOverviewDto>('GET', `/api/plans/${planId}/kpis`);
    expect(overview.body.kpis.map((k) => k.kpi.id)).toContain('kpi-online-0001');
    expect(overview.body.canManage).toBe(false);
    expect(overview.body.kpis[0]!.canRecord).toBe(true);
    const retired = await lead()<KpiOverviewDto>('POST', `${route}/retire`, { baseRevision: 2 });
    expect(retired.status).toBe(200);
    expect(retired.body.kpis.map((k) => k.kpi.id)).not.toContain('kpi-online-0001');
    const gone = await lead()('GET', route);
    expect(gone.status).toBe(404);
    const unknown = await lead()('PUT', `/api/plans/${planId}/kpis/nope-0000`, {
      baseRevision: 1,
      draft: draft(),
    });
    expect(unknown.status).toBe(404);
  });

  it('defines milestones, updates them and their progress', async () => {
    const made = await lead()<MilestoneCardDto>('POST', `/api/plans/${planId}/milestones`, {
      definition: { title: 'Agency framework re-let', ownerId: OWNER, dueDate: '2099-09-30', theme: null },
    });
    expect(made.status).toBe(201);
    expect(made.body.progress.label).toBe('Not started');
    const id = made.body.milestone.id;
    const invalid = await lead()('POST', `/api/plans/${planId}/milestones`, {
      definition: { title: ' ', ownerId: '', dueDate: '', theme: null },
    });
    expect(errorOf(invalid.body).details?.['problems']).toEqual([
      'Give the milestone a title',
      'Name an owner',
      'Give the due date',
    ]);
    const renamed = await lead()<MilestoneCardDto>('PUT', `/api/plans/${planId}/milestones/${id}`, {
      baseRevision: 1,
      definition: { title: 'Framework re-let', ownerId: OWNER, dueDate: '2099-09-30', theme: null },
    });
    expect(renamed.body.milestone).toMatchObject({ title: 'Framework re-let', revision: 2 });
    const denied = await tab.as(STRANGER)('POST', `/api/plans/${planId}/milestones/${id}/progress`, {
      baseRevision: 2,
      change: { status: 'at-risk', completedOn: null, note: null },
    });
    expect(denied.status).toBe(403);
    const atRisk = await tab.as(OWNER)<MilestoneCardDto>(
      'POST',
      `/api/plans/${planId}/milestones/${id}/progress`,
      {
        baseRevision: 2,
        change: { status: 'at-risk', completedOn: null, note: 'Supplier late.' },
      },
    );
    expect(atRisk.status).toBe(200);
    expect(atRisk.body.progress).toMatchObject({ state: 'at-risk', label: 'At risk' });
    const stale = await tab.as(OWNER)('POST', `/api/plans/${planId}/milestones/${id}/progress`, {
      baseRevision: 2,
      change: { status: 'in-progress', completedOn: null, note: null },
    });
    expect(stale.status).toBe(409);
  });
});

describe('progress update routes', () => {
  it('starts, previews, summarises, submits, is approved and is published', async () => {
    const base = `/api/plans/${planId}/progress-updates`;
    const notLead = await tab.as(OWNER)('POST', base, { periodKey: lastQuarter.key });
    expect(notLead.status).toBe(403);
    const badPeriod = await lead()('POST', base, { periodKey: '2026-13' });
    expect(badPeriod.status).toBe(400);
    const started = await lead()<ProgressUpdateDto>('POST', base, { periodKey: lastQuarter.key });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ status: 'draft', periodLabel: lastQuarter.label });
    expect(started.body.previewHtml).toContain('<h');
    const route = `${base}/${lastQuarter.key}`;
    const summary = await lead()<ProgressUpdateDto>('PUT', `${route}/summary`, {
      summary: 'A <script>alert(1)</script> quarter.',
    });
    expect(summary.status).toBe(200);
    expect(summary.body.previewHtml).toContain('&lt;script&gt;');
    expect(summary.body.previewHtml).not.toContain('<script>');
    const early = await lead()('POST', `${route}/publish`);
    expect(early.status).toBe(409);
    const submitted = await lead()<ProgressUpdateDto>('POST', `${route}/submit`);
    expect(submitted.body.status).toBe('in-approval');
    let update = submitted.body;
    for (let guard = 0; guard < 10 && update.status === 'in-approval'; guard++) {
      const open = update.stages.find((s) => s.state === 'open');
      if (!open) break;
      for (const approverId of open.approverIds) {
        const answered = await tab.as(approverId)<ProgressUpdateDto>('POST', `${route}/respond`, {
          stageKey: open.key,
          decision: 'approve',
          comment: null,
          hash: update.hash,
        });
        expect(answered.status).toBe(200);
        update = answered.body;
      }
    }
    expect(update.status).toBe('approved');
    const published = await lead()<ProgressUpdateDto>('POST', `${route}/publish`);
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');
    expect(published.body.publication?.links.map((l) => l.label)).toEqual([
      'Web page',
      'Accessible HTML',
      'Word document',
    ]);
    const list = await lead()<ProgressUpdateListDto>('GET', base);
    expect(list.body.updates).toEqual([
      expect.objectContaining({ periodKey: lastQuarter.key, status: 'published' }),
    ]);
    // The list offers the three quarters before, not the one that has its update.
    expect(list.body.planTitle).toBe('Productivity Plan (KPIs)');
    expect(list.body.cannotStart).toBeNull();
    const earlier = [previousPeriod(lastQuarter)];
    while (earlier.length < 3) earlier.push(previousPeriod(earlier.at(-1)!));
    expect(list.body.periodsToStart).toEqual(earlier.map(({ key, label }) => ({ key, label })));
    const asOwner = await tab.as(OWNER)<ProgressUpdateListDto>('GET', base);
    expect(asOwner.body).toMatchObject({
      periodsToStart: [],
      cannotStart: 'Only the plan lead can start a progress update.',
    });
    const unpublished = await lead()<ProgressUpdateListDto>(
      'GET',
      `/api/plans/${DEMO_PLAN_ID}/progress-updates`,
    );
    expect(unpublished.body.cannotStart).toMatch(/publish the plan first/);
    expect(unpublished.body.periodsToStart).toEqual([]);
    const missing = await lead()('GET', `${base}/FY2001-02-Q1`);
    expect(missing.status).toBe(404);
  }, 60_000);
});
