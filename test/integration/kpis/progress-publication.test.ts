/**
 * The end-to-end run in local mode, on the SharePoint emulator: a quarter's check-ins, the
 * progress update assembled, approved through its shorter chain and published like the plan; the
 * published HTML, read back from the document library, passes axe-core (WCAG 2.2 AA) in Chromium.
 */
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProgressUpdateRenderer } from '../../../src/adapters/documents/progress-renderer.js';
import { SharePointDocumentStore } from '../../../src/adapters/sharepoint/document-store.js';
import { SharePointKpiStore } from '../../../src/adapters/sharepoint/kpi-store.js';
import { SharePointSitePages } from '../../../src/adapters/sharepoint/site-pages.js';
import { correctCheckIn, recordCheckIn } from '../../../src/app/kpis/check-ins.js';
import { defineKpi } from '../../../src/app/kpis/kpi-definitions.js';
import { defineMilestone } from '../../../src/app/kpis/milestones.js';
import type { KpiDeps } from '../../../src/app/kpis/kit.js';
import {
  previewProgressUpdate,
  progressFolder,
  publishProgressUpdate,
  respondToProgress,
  startProgressUpdate,
  submitProgressUpdate,
  writeProgressSummary,
  type ProgressPublishDeps,
} from '../../../src/app/progress/progress-updates.js';
import type { Kpi } from '../../../src/domain/kpis/kpi.js';
import type { Plan } from '../../../src/domain/plan/plan.js';
import { agencyShareDraft, onlineDraft, publishedPlan, testPeople } from '../../support/fixtures/index.js';
import { startTestSite, type TestSite } from '../../support/sharepoint.js';

const AXE = fileURLToPath(new URL('../../../node_modules/axe-core/axe.min.js', import.meta.url));
const lead = { id: testPeople.lead };
const owner = { id: testPeople.owner };
const portfolio = { id: testPeople.portfolio };
const Q = 'FY2024-25-Q2';

let site: TestSite;
let browser: Browser;
let now = '2024-07-01T09:00:00Z';
let plan: Plan;
let deps: ProgressPublishDeps;
let kpiDeps: KpiDeps;
let agency: Kpi;
let online: Kpi;

beforeAll(async () => {
  site = await startTestSite();
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  const store = new SharePointKpiStore(site.client, site.site);
  let ids = 0;
  kpiDeps = {
    plans: site.store,
    kpis: store,
    clock: { now: () => now },
    ids: { newId: () => `e2e-id-${++ids}` },
  };
  deps = {
    plans: site.store,
    kpis: store,
    updates: store,
    clock: { now: () => now },
    names: async (list) =>
      Object.fromEntries(
        list.map((id) => [id, id === owner.id ? 'Sam Owner' : id === lead.id ? 'Alex Lead' : id]),
      ),
    documents: new SharePointDocumentStore(site.client, site.site.siteId),
    renderer: new ProgressUpdateRenderer(),
    pages: new SharePointSitePages(site.client, site.site.siteId),
  };
  plan = publishedPlan({ on: '2024-06-28' });
  const created = await site.store.create(plan, {
    at: plan.createdAt,
    planId: plan.id,
    actorId: lead.id,
    command: 'createPlan',
    version: plan.contentVersion,
    hash: plan.versionHash,
    summary: 'created',
  });
  if (!created.ok) throw new Error(created.error.message);
  const a = await defineKpi(kpiDeps, plan.id, agencyShareDraft(), lead);
  const o = await defineKpi(kpiDeps, plan.id, onlineDraft(), lead);
  if (!a.ok || !o.ok) throw new Error('KPIs');
  agency = a.value.item;
  online = o.value.item;
  await defineMilestone(
    kpiDeps,
    plan.id,
    { title: 'Agency framework re-let', ownerId: owner.id, dueDate: '2024-09-30', theme: 3 },
    lead,
  );
});
afterAll(async () => {
  await browser?.close();
  await site.close();
});

async function checkIn(
  kpi: Kpi,
  periodKey: string,
  reading: Record<string, number>,
  commentary: string | null = null,
) {
  const result = await recordCheckIn(
    kpiDeps,
    { kpiId: kpi.id, periodKey, reading, commentary },
    owner,
    plan.id,
  );
  if (!result.ok) throw new Error(result.error.message);
}

describe('a quarter, end to end', () => {
  it('records the quarter’s check-ins as their periods end', async () => {
    now = '2024-07-02T09:00:00Z';
    await checkIn(agency, 'FY2024-25-Q1', { part: 1_000_000, whole: 25_000_000 });
    await checkIn(online, '2024-06', { value: 12_000 });
    for (const [month, value, day] of [
      ['2024-07', 12_500, '2024-08-01'],
      ['2024-08', 13_000, '2024-09-02'],
      ['2024-09', 13_400, '2024-10-01'],
    ] as const) {
      now = `${day}T09:00:00Z`;
      await checkIn(online, month, { value });
    }
    await checkIn(agency, Q, { part: 960_000, whole: 25_000_000 }, 'Fewer locums; the framework is re-let.');
    expect((await kpiDeps.kpis.forPlan(plan.id)).values).toHaveLength(6);
  });

  it('assembles the update for the quarter, which the plan lead writes a summary for and submits', async () => {
    now = '2024-10-03T09:00:00Z';
    expect(await startProgressUpdate(deps, plan.id, 'FY2024-25-Q3', lead)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await startProgressUpdate(deps, plan.id, Q, owner)).toMatchObject({
      ok: false,
      error: { code: 'NOT_ALLOWED' },
    });
    expect(await startProgressUpdate(deps, plan.id, Q, lead)).toMatchObject({
      ok: true,
      value: { changed: true },
    });
    expect(await startProgressUpdate(deps, plan.id, Q, lead)).toMatchObject({
      ok: true,
      value: { changed: false },
    });
    await writeProgressSummary(deps, plan.id, Q, 'Both KPIs are on track; one milestone is complete.', lead);
    const submitted = await submitProgressUpdate(deps, plan.id, Q, lead);
    expect(submitted).toMatchObject({ ok: true, value: { update: { status: 'in-approval', version: 1 } } });
    const preview = await previewProgressUpdate(deps, plan.id, Q);
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.hash).toBe(preview.value.update.hash);
    expect(JSON.stringify(preview.value.model)).toContain('Fewer locums; the framework is re-let.');
  });

  it('goes round again when a value changes after it was submitted', async () => {
    const before = await previewProgressUpdate(deps, plan.id, Q);
    if (!before.ok) throw new Error(before.error.message);
    await correctCheckIn(
      kpiDeps,
      plan.id,
      { kpiId: online.id, periodKey: '2024-09', reading: { value: 13_450 }, commentary: null },
      owner,
    );
    const stale = await respondToProgress(
      deps,
      plan.id,
      Q,
      { stageKey: 'portfolio-holder-sign-off', decision: 'approve', comment: null, hash: before.value.hash },
      portfolio,
    );
    expect(stale).toMatchObject({ ok: false, error: { code: 'STALE_VERSION' } });
    expect(await submitProgressUpdate(deps, plan.id, Q, lead)).toMatchObject({
      ok: true,
      value: { update: { version: 2 } },
    });
  });

  it('is approved by the portfolio holder and published like the plan, once', async () => {
    expect(await publishProgressUpdate(deps, plan.id, Q, lead)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
    const current = await previewProgressUpdate(deps, plan.id, Q);
    if (!current.ok) throw new Error(current.error.message);
    const approved = await respondToProgress(
      deps,
      plan.id,
      Q,
      { stageKey: 'portfolio-holder-sign-off', decision: 'approve', comment: null, hash: current.value.hash },
      portfolio,
    );
    expect(approved).toMatchObject({ ok: true, value: { update: { status: 'approved' } } });
    now = '2024-10-04T09:00:00Z';
    const published = await publishProgressUpdate(deps, plan.id, Q, lead);
    expect(published).toMatchObject({ ok: true, value: { changed: true, update: { status: 'published' } } });
    if (!published.ok) return;
    expect(published.value.update.publication?.links.map((l) => l.label)).toEqual([
      'Web page',
      'Accessible HTML',
      'Word document',
    ]);
    expect(await publishProgressUpdate(deps, plan.id, Q, lead)).toMatchObject({
      ok: true,
      value: { changed: false },
    });
    const log = await site.store.auditLog(plan.id);
    expect(log.map((e) => e.command)).toEqual(
      expect.arrayContaining([
        'startProgressUpdate',
        'submitProgressUpdate',
        'respondToProgressUpdate',
        'publishProgressUpdate',
      ]),
    );
  });

  it('publishes HTML that passes axe-core with zero violations, charts and all', async () => {
    const folder = progressFolder(plan.id, Q, 2);
    const stem = 'durham-county-council-productivity-plan-2024-progress-fy2024-25-q2';
    const stored = await deps.documents.find(`${folder}/${stem}.html`);
    expect(stored).not.toBeNull();
    const file = await deps.documents.get(stored!.id);
    const html = new TextDecoder().decode(file!.bytes);
    expect(html).toContain('<svg role="img"');
    expect(html).toContain('Both KPIs are on track; one milestone is complete.');
    expect(html).toContain('13,450');
    expect(await deps.documents.find(`${folder}/${stem}.docx`)).not.toBeNull();
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    await page.addScriptTag({ path: AXE });
    const result = await page.evaluate(async () => {
      const inPage = globalThis as unknown as {
        document: unknown;
        axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string }[] }> };
      };
      return inPage.axe.run(inPage.document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
        resultTypes: ['violations'],
      });
    });
    await context.close();
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });
});
