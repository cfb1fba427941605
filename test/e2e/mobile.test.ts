/**
 * The tab on a phone and in a narrow Teams panel, in Debian's Chromium with touch: at 320 × 640 and
 * 390 × 844 every view (plans, dashboard, section editor, approvals, version, KPIs, a KPI, plan settings,
 * the new-plan and assign dialogs) fits the width without sideways scrolling, has no serious or critical
 * axe issue (target size included), keeps every control at least 24 × 24 px, says nothing only on hover
 * (a title tooltip, which touch never shows), and is kept as a screenshot
 * in test-results/mobile. Then a portfolio holder on a phone opens the approval from the link a card
 * carries, reads the version, approves it with a comment and sees the approval recorded.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TabLinks } from '../../src/adapters/bot/links.js';
import { demoPeople, managementTeamGroup } from '../../src/local/demo/people.js';
import { DEMO_PLAN_ID } from '../../src/local/demo/seed.js';
import type { PlanViewDto } from '../../src/shared/api.js';
import type { KpiCardDto } from '../../src/shared/kpi-api.js';
import { builtTab } from '../support/tab-build.js';
import { launchChromium, openAs, seriousViolations, type TabPage } from '../support/tab-browser.js';
import {
  hoverOnlyTitles,
  pageOverflow,
  phoneScreenshot,
  PHONES,
  smallTargets,
} from '../support/tab-phone.js';
import { publishedPlanThroughApi } from '../support/tab-published.js';
import { acceptEverySection, createPlan } from '../support/tab-plans.js';
import { startTabServer, type TabServer } from '../support/tab-server.js';

let tab: TabServer;
let browser: Browser;
const opened: TabPage[] = [];
const LEAD = demoPeople.planLead.id;
// Each plan set up through the API has its own plan lead: one person's hundreds of calls in a row would
// meet the per-person rate limit (TOO_MANY_REQUESTS) on a loaded machine.
const READY_LEAD = demoPeople.transformationLead.id;
const PUBLISHED_LEAD = demoPeople.hrLead.id;
const HOLDER = demoPeople.portfolioHolder;
let inApproval: { planId: string; version: number };
/** Every section accepted, no approval started: the lead's "Start" asks how the team gets its card. */
let readyPlanId: string;
let published: { planId: string; kpiId: string };

async function ok<T>(answer: Promise<{ status: number; body: T }>, what: string): Promise<T> {
  const done = await answer;
  if (done.status >= 300) throw new Error(`${what}: ${done.status} ${JSON.stringify(done.body)}`);
  return done.body;
}

/** A plan whose open stage asks the portfolio holder, every stage before it approved through the API. */
async function waitingForPortfolioHolder(title: string): Promise<{ planId: string; version: number }> {
  const planId = await createPlan(tab, LEAD, title);
  await acceptEverySection(tab, planId, LEAD);
  const lead = tab.as(LEAD);
  const roles: Record<string, readonly string[]> = {
    'report-author': [LEAD],
    'accountable-director': [demoPeople.director.id],
    'chief-finance-officer': [demoPeople.financeOfficer.id],
    'monitoring-officer': [demoPeople.monitoringOfficer.id],
    'management-team': managementTeamGroup.memberIds,
    'portfolio-holder': [HOLDER.id],
  };
  for (const [role, personIds] of Object.entries(roles))
    await ok(lead('PUT', `/api/plans/${planId}/roles/${role}`, { personIds }), `bind ${role}`);
  for (let guard = 0; guard < 20; guard++) {
    let plan = await ok(lead<PlanViewDto>('GET', `/api/plans/${planId}`), 'read');
    let open = plan.stages.find((s) => s.state === 'open');
    if (!open) {
      plan = await ok(
        lead<PlanViewDto>('POST', `/api/plans/${planId}/approvals/start`, {
          delivery: { kind: 'one-to-one' },
        }),
        'start',
      );
      open = plan.stages.find((s) => s.state === 'open');
    }
    if (!open || open.kind === 'decision') throw new Error('the chain never asked the portfolio holder');
    if (open.approverIds.includes(HOLDER.id)) return { planId, version: plan.contentVersion };
    for (const approverId of open.approverIds) {
      const current = await ok(lead<PlanViewDto>('GET', `/api/plans/${planId}`), 'read');
      if (current.stages.find((s) => s.key === open.key)?.state !== 'open') break;
      await ok(
        tab.as(approverId)('POST', `/api/plans/${planId}/stages/${open.key}/respond`, {
          decision: 'approve',
          comment: null,
          versionHash: current.versionHash,
        }),
        `respond ${open.key}`,
      );
    }
  }
  throw new Error('the chain never asked the portfolio holder');
}

beforeAll(async () => {
  const tabDir = await builtTab();
  [tab, browser] = await Promise.all([startTabServer({ tabDir }), launchChromium()]);
  inApproval = await waitingForPortfolioHolder(
    'Productivity Plan 2026–27: transformation, technology and data, and reducing waste across the borough',
  );
  readyPlanId = await createPlan(tab, READY_LEAD, 'Plan ready for approval');
  await acceptEverySection(tab, readyPlanId, READY_LEAD);
  const { planId } = await publishedPlanThroughApi(tab, PUBLISHED_LEAD, 'Published plan, read on a phone');
  const kpi = await ok(
    tab.as(PUBLISHED_LEAD)<KpiCardDto>('POST', `/api/plans/${planId}/kpis`, {
      draft: {
        name: 'Council tax collected online, as a share of all council tax payments received',
        definition: 'Payments made through the website without staff help, a quarter.',
        unit: 'count',
        share: null,
        direction: 'higher-is-better',
        ownerId: demoPeople.digitalLead.id,
        frequency: 'quarterly',
        source: 'Web analytics',
        theme: null,
        baseline: { value: 10_000, date: '2025-03-31' },
        target: { value: 20_000, date: '2028-03-31' },
      },
    }),
    'define KPI',
  );
  published = { planId, kpiId: kpi.kpi.id };
}, 240_000);

afterAll(async () => {
  for (const page of opened) await page.close().catch(() => undefined);
  await browser?.close();
  await tab?.close();
});

async function openPhone(personId: string, hash: string, phone: { width: number; height: number }) {
  const page = await openAs(browser, tab.url, personId, hash, { phone });
  opened.push(page);
  return page;
}

interface ViewCase {
  readonly name: string;
  readonly person: string;
  readonly hash: () => string;
  /** Waits until the view has its content; may open a dialog. */
  readonly ready: (page: Page) => Promise<void>;
  /** A dialog: the screenshot is the screen as shown (a full-page one would place it mid-page). */
  readonly dialog?: true;
}

const heading = (name: string | RegExp) => (page: Page) =>
  page.getByRole('heading', { level: 1, name }).waitFor();

const VIEWS: readonly ViewCase[] = [
  {
    name: 'plans',
    person: LEAD,
    hash: () => '#/',
    ready: async (page) => {
      await page.getByRole('link', { name: 'Productivity Plan' }).first().waitFor();
    },
  },
  {
    name: 'new-plan-dialog',
    person: LEAD,
    hash: () => '#/',
    ready: async (page) => {
      await page.getByRole('link', { name: 'Productivity Plan' }).first().waitFor();
      await page.getByRole('button', { name: 'New plan from template' }).click();
      await page.getByRole('dialog').getByLabel('Title').waitFor();
    },
    dialog: true,
  },
  {
    name: 'dashboard',
    person: LEAD,
    hash: () => `#/plans/${DEMO_PLAN_ID}`,
    ready: async (page) => {
      await page.getByTestId('page-estimate').waitFor();
    },
  },
  {
    name: 'assign-dialog',
    person: LEAD,
    hash: () => `#/plans/${DEMO_PLAN_ID}`,
    ready: async (page) => {
      await page.getByTestId('page-estimate').waitFor();
      await page
        .locator('[data-section="theme-2-technology-and-data"]')
        .getByRole('button', { name: /^Assign/ })
        .click();
      await page.getByRole('dialog').getByLabel('Due date').waitFor();
    },
    dialog: true,
  },
  {
    name: 'section',
    person: demoPeople.digitalLead.id,
    hash: () => `#/plans/${DEMO_PLAN_ID}/sections/theme-2-technology-and-data`,
    ready: async (page) => {
      await page.getByTestId('section-editor').waitFor();
    },
  },
  {
    name: 'approvals',
    person: HOLDER.id,
    hash: () => `#/plans/${inApproval.planId}/approvals`,
    ready: async (page) => {
      await page.getByRole('button', { name: /^Approve version/ }).waitFor();
    },
  },
  {
    name: 'start-approvals-dialog',
    person: READY_LEAD,
    hash: () => `#/plans/${readyPlanId}/approvals`,
    ready: async (page) => {
      await page.getByRole('button', { name: 'Start the next approval stage' }).click();
      await page.getByRole('dialog').getByText('Send each member their own card 1:1').waitFor();
    },
    dialog: true,
  },
  {
    name: 'version',
    person: HOLDER.id,
    hash: () => `#/plans/${inApproval.planId}/versions/${inApproval.version}`,
    ready: heading(/, version \d+$/),
  },
  {
    name: 'kpis',
    person: PUBLISHED_LEAD,
    hash: () => `#/plans/${published.planId}/kpis`,
    ready: async (page) => {
      await heading('KPIs and milestones')(page);
      await page
        .getByRole('link', { name: /Council tax collected online/ })
        .first()
        .waitFor();
    },
  },
  {
    name: 'kpi',
    person: PUBLISHED_LEAD,
    hash: () => `#/plans/${published.planId}/kpis/${published.kpiId}`,
    ready: heading(/Council tax collected online/),
  },
  {
    name: 'settings',
    person: LEAD,
    hash: () => `#/plans/${DEMO_PLAN_ID}/settings`,
    ready: heading('Plan settings'),
  },
];

describe('the tab at phone and narrow-panel widths', () => {
  for (const phone of PHONES) {
    it(`fits every view in ${phone.width} px, with no serious axe issue and 24 px targets`, async () => {
      const problems: string[] = [];
      const figures: string[] = [];
      for (const view of VIEWS) {
        const opened = await openPhone(view.person, view.hash(), phone);
        const page = opened.page;
        try {
          await view.ready(page);
        } catch (failure) {
          problems.push(`${view.name}: never ready (${String(failure).split('\n')[0]})`);
          await phoneScreenshot(page, `${phone.width}-${view.name}`);
          await opened.close();
          continue;
        }
        await page.evaluate('document.fonts.ready');
        const overflow = await pageOverflow(page);
        figures.push(`${view.name}@${phone.width}: scrollWidth ${overflow.scrollWidth}`);
        if (overflow.viewport !== phone.width || overflow.scrollWidth > phone.width) {
          problems.push(
            `${view.name}: page ${overflow.scrollWidth} px wide in ${overflow.viewport} (${overflow.widest.join('; ')})`,
          );
        }
        // axe waits for the page to settle (a dialog's entrance, colours mid-fade); the screenshot follows.
        for (const v of await seriousViolations(page)) {
          problems.push(
            `${view.name}: axe ${v.id} (${v.impact}) ${v.help} at ${v.targets.slice(0, 3).join(', ')}`,
          );
        }
        await phoneScreenshot(page, `${phone.width}-${view.name}`, { fullPage: !view.dialog });
        for (const t of await hoverOnlyTitles(page)) problems.push(`${view.name}: only on hover: ${t}`);
        if (phone.width === 320) {
          const targets = await smallTargets(page);
          for (const t of targets.small) problems.push(`${view.name}: ${t.what} is ${t.width} × ${t.height}`);
        }
        if (opened.errors.length > 0) problems.push(`${view.name}: page errors ${opened.errors.join('; ')}`);
        await opened.close();
      }
      console.log(figures.join('\n'));
      expect(problems).toEqual([]);
    }, 180_000);
  }
});

describe('a portfolio holder approves on a phone', () => {
  it('opens the approval from the card’s link, reads the version, approves with a comment and sees it recorded', async () => {
    // The link the approval card carries: the exact version the portfolio holder is asked about.
    const cardLink = new TabLinks(tab.url).version(inApproval.planId, inApproval.version);
    const opened = await openPhone(HOLDER.id, cardLink.slice(tab.url.length + 1), {
      width: 390,
      height: 844,
    });
    const page = opened.page;
    await page
      .getByRole('heading', { level: 1, name: new RegExp(`version ${inApproval.version}$`) })
      .waitFor();
    // The version's text is there to read, and what is asked of them is said at the top.
    await page.getByRole('article').first().waitFor();
    const asked = page.getByTestId('version-asked');
    expect(await asked.innerText()).toContain(`You are asked to approve version ${inApproval.version}`);
    await asked.getByRole('link', { name: 'Approve or ask for changes' }).click();

    await page.getByRole('heading', { level: 1, name: 'Approvals' }).waitFor();
    const comment = 'Read on my phone on the train: approved, with thanks to the team.';
    await page.getByLabel(/^Comment/).fill(comment);
    await page.getByRole('button', { name: `Approve version ${inApproval.version}` }).click();
    const recorded = page
      .getByRole('table', { name: /^Responses, round/ })
      .getByRole('row', { name: /Approved/ });
    await expect.poll(() => recorded.filter({ hasText: HOLDER.displayName }).count()).toBe(1);
    expect(await recorded.filter({ hasText: HOLDER.displayName }).innerText()).toContain(comment);
    await phoneScreenshot(page, '390-approved');
    expect((await pageOverflow(page)).scrollWidth).toBeLessThanOrEqual(390);

    // The server holds it: the portfolio holder's approval, with the comment, on that version.
    const plan = await ok(tab.as(LEAD)<PlanViewDto>('GET', `/api/plans/${inApproval.planId}`), 'read');
    const responses = plan.stages.flatMap((s) => s.responses.filter((r) => r.approverId === HOLDER.id));
    expect(responses).toEqual([
      expect.objectContaining({ decision: 'approve', comment, responderId: HOLDER.id }),
    ]);
    expect(opened.errors).toEqual([]);
  }, 120_000);
});
