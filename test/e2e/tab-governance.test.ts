/**
 * A plan lead at a committee-system council, in the tab in Chromium: creates the plan in the council's
 * format (the dialog offers no key decision), sees a timeline with the council's own steps and no
 * portfolio holder, forward plan or call-in, and records the Committee's decision choosing from the
 * outcomes its decision stage allows. axe-core checks each view.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople, managementTeamGroup } from '../../src/local/demo/people.js';
import type { PlanViewDto } from '../../src/shared/api.js';
import {
  launchChromium,
  openAs,
  screenshot,
  seriousViolations,
  type TabPage,
} from '../support/tab-browser.js';
import { builtTab } from '../support/tab-build.js';
import { acceptEverySection } from '../support/tab-plans.js';
import { startTabServer, type TabServer } from '../support/tab-server.js';

let tab: TabServer;
let browser: Browser;
const opened: TabPage[] = [];

beforeAll(async () => {
  const tabDir = await builtTab();
  [tab, browser] = await Promise.all([startTabServer({ tabDir }), launchChromium()]);
}, 120_000);

afterAll(async () => {
  for (const page of opened) await page.close().catch(() => undefined);
  await browser?.close();
  await tab?.close();
});

const lead = demoPeople.planLead.id;
const FENMARSH = 'fenmarsh-governance-and-resources';

async function ok<T>(answer: Promise<{ status: number; body: T }>, what: string): Promise<T> {
  const done = await answer;
  if (done.status >= 300) throw new Error(`${what}: ${done.status} ${JSON.stringify(done.body)}`);
  return done.body;
}

const FENMARSH_ROLES: Readonly<Record<string, readonly string[]>> = {
  'report-author': [lead],
  'lead-head-of-service': [demoPeople.director.id],
  'chief-finance-officer': [demoPeople.financeOfficer.id],
  'monitoring-officer': [demoPeople.monitoringOfficer.id],
  'chief-executive': [demoPeople.chiefExecutive.id],
  'management-team': managementTeamGroup.memberIds,
  'committee-chair': [demoPeople.portfolioHolder.id],
};

const ASHCOMBE_ROLES: Readonly<Record<string, readonly string[]>> = {
  'report-author': [lead],
  'chief-executive': [demoPeople.chiefExecutive.id],
  'chief-finance-officer': [demoPeople.financeOfficer.id],
  'monitoring-officer': [demoPeople.monitoringOfficer.id],
  'management-team': managementTeamGroup.memberIds,
  'portfolio-holder': [demoPeople.portfolioHolder.id],
};

/** Names the council's people and takes every stage before the decision through the API, as they would. */
async function toTheDecision(
  planId: string,
  roles: Readonly<Record<string, readonly string[]>>,
): Promise<void> {
  await acceptEverySection(tab, planId, lead);
  const as = tab.as(lead);
  for (const [role, personIds] of Object.entries(roles))
    await ok(as('PUT', `/api/plans/${planId}/roles/${role}`, { personIds }), `bind ${role}`);
  for (let guard = 0; guard < 20; guard++) {
    let plan = await ok(as<PlanViewDto>('GET', `/api/plans/${planId}`), 'read');
    let open = plan.stages.find((s) => s.state === 'open');
    if (!open) {
      plan = await ok(
        as<PlanViewDto>('POST', `/api/plans/${planId}/approvals/start`, { delivery: { kind: 'one-to-one' } }),
        'start',
      );
      open = plan.stages.find((s) => s.state === 'open');
    }
    if (!open) throw new Error('no stage opened');
    if (open.kind === 'decision') return;
    for (const approverId of open.approverIds) {
      const current = await ok(as<PlanViewDto>('GET', `/api/plans/${planId}`), 'read');
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
  throw new Error('the chain did not reach the decision');
}

async function expectAccessible(page: TabPage, view: string): Promise<void> {
  await screenshot(page.page, view);
  expect(await seriousViolations(page.page), view).toEqual([]);
}

describe('a committee-system council in the tab', () => {
  it('creates the plan in its format, shows its own route to the decision, and records the Committee’s decision', async () => {
    const leadPage = await openAs(browser, tab.url, lead, '#/');
    opened.push(leadPage);
    const page = leadPage.page;

    // The new-plan dialog follows the format: the Committee decides, so there is no key decision to tick.
    await page.getByRole('button', { name: 'New plan from template' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel("Report format (your council's cover report)").selectOption(FENMARSH);
    await dialog.getByTestId('governance-note').waitFor();
    expect(await dialog.getByTestId('governance-note').innerText()).toContain(
      'Decided by the Governance and Resources Committee (committee system)',
    );
    expect(await dialog.getByRole('checkbox', { name: /key decision/ }).count()).toBe(0);
    expect(await dialog.getByLabel('Decision meeting', { exact: true }).getAttribute('placeholder')).toBe(
      'Governance and Resources Committee',
    );
    await dialog.getByLabel('Title').fill('Productivity Plan 2027');
    await dialog.getByLabel('Submission deadline').fill('2027-07-23');
    await dialog.getByLabel('Decision meeting date').fill('2027-07-13');
    await expectAccessible(leadPage, 'governance-new-plan-dialog');
    await dialog.getByRole('button', { name: 'Create plan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Productivity Plan 2027' }).waitFor();
    const planId = decodeURIComponent(/#\/plans\/([^/?]+)/.exec(page.url())?.[1] ?? '');
    expect(planId).not.toBe('');

    // The timeline has the council's own steps, and none a committee system does not have.
    const timeline = page.getByRole('list', { name: 'Timeline' });
    await timeline.waitFor();
    const steps = await timeline.locator('li').allInnerTexts();
    expect(steps.join('\n')).toContain('Corporate Leadership Team');
    expect(steps.join('\n')).toContain('Chair’s briefing');
    expect(steps.join('\n')).toContain('Governance and Resources Committee meeting');
    expect(steps.join('\n')).not.toMatch(
      /portfolio holder|call-in|forward plan|decision notice|key decision/i,
    );
    await expectAccessible(leadPage, 'governance-committee-timeline');

    // Every stage before the Committee is done (as its members would, through the API); the lead records
    // the decision choosing from the outcomes the Committee's stage allows.
    await toTheDecision(planId, FENMARSH_ROLES);
    await page.reload();
    const form = page.getByRole('form', { name: 'Record the decision' });
    await form.waitFor();
    expect(await form.getByLabel(/^Meeting\W*$/).inputValue()).toBe('Governance and Resources Committee');
    expect(await form.getByLabel(/Call-in/).count()).toBe(0);
    const outcome = form.getByLabel('Outcome');
    expect(await outcome.locator('option').allInnerTexts()).toEqual([
      'Approved',
      'Approved with amendments',
      'Deferred',
      'Rejected',
    ]);
    await outcome.selectOption('approved-with-amendments');
    // Every problem shows at once, beside its field, and nothing is recorded.
    const meeting = form.getByLabel(/^Meeting\W*$/);
    await meeting.fill('');
    await form.getByRole('button', { name: 'Record the decision' }).click();
    await form.getByText('Meeting: name the meeting that took the decision.').waitFor();
    await form.getByText('Minute reference: give the minute that records the decision.').waitFor();
    expect(await meeting.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('decision-recorded').count()).toBe(0);
    await meeting.fill('Governance and Resources Committee');
    await form.getByLabel('Minute reference').fill('GR/27/14');
    await expectAccessible(leadPage, 'governance-decision-form');
    await form.getByRole('button', { name: 'Record the decision' }).click();
    const recorded = page.getByTestId('decision-recorded');
    await recorded.waitFor();
    expect(await recorded.innerText()).toMatch(
      /^Approved with amendments by Governance and Resources Committee on 13 July 2027 \(minute GR\/27\/14\)\.$/,
    );
    // No call-in: the plan can be published straight away.
    await page.getByRole('button', { name: 'Publish the plan' }).waitFor();
    expect(await page.getByTestId('call-in').count()).toBe(0);
    const plan = await ok(tab.as(lead)<PlanViewDto>('GET', `/api/plans/${planId}`), 'read');
    expect(plan).toMatchObject({
      status: 'decided',
      decision: { outcome: 'approved-with-amendments', callInEndsOn: null },
    });
  }, 180_000);
});

describe('an executive council whose decisions can be called in, with an urgency rule (Ashcombe)', () => {
  it('shows when call-in ends, offers no ordinary publication until then, and publishes as urgent with a reason', async () => {
    const created = await ok(
      tab.as(lead)<{ planId: string }>('POST', '/api/plans', {
        templateId: 'dluhc-productivity-plan-2024',
        reportFormatId: 'ashcombe-borough-cabinet',
        title: 'Productivity Plan (Ashcombe)',
      }),
      'create',
    );
    const planId = created.planId;
    await toTheDecision(planId, ASHCOMBE_ROLES);
    const before = await ok(tab.as(lead)<PlanViewDto>('GET', `/api/plans/${planId}`), 'read');
    // Cabinet met today; the lead leaves the end of call-in for the council's rules to work out.
    const today = new Date().toISOString().slice(0, 10);
    const decided = await ok(
      tab.as(lead)<PlanViewDto>('POST', `/api/plans/${planId}/decision`, {
        meetingBody: 'Cabinet',
        meetingDate: today,
        minuteReference: 'CAB 27/08',
        callInEndsOn: null,
        outcome: 'noted-and-approved-for-publication',
        versionHash: before.versionHash,
      }),
      'decision',
    );
    const ends = decided.decision?.callInEndsOn ?? '';
    expect(ends > today).toBe(true);
    const endsInWords = new Date(`${ends}T12:00:00Z`).toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });

    const leadPage = await openAs(browser, tab.url, lead, `#/plans/${planId}`);
    opened.push(leadPage);
    const page = leadPage.page;
    const notice = page.getByTestId('call-in');
    await notice.waitFor();
    expect(await notice.innerText()).toBe(
      `The decision is open to call-in until the end of ${endsInWords}: publication and submission wait until then.`,
    );
    const waiting = page.getByTestId('call-in-open');
    await waiting.waitFor();
    expect(await page.getByRole('button', { name: 'Publish the plan' }).count()).toBe(0);
    const urgent = page.getByRole('form', { name: 'Publish now as urgent' });
    const submit = urgent.getByRole('button', { name: 'Publish now as urgent' });
    expect(await submit.isDisabled()).toBe(true);
    await expectAccessible(leadPage, 'governance-call-in-open');

    const reason = 'The Chair of Overview and Scrutiny agreed the submission deadline cannot wait';
    await urgent.getByLabel('Why the decision cannot wait').fill(reason);
    await submit.click();
    const links = page.getByRole('list', { name: 'Published plan' });
    await links.waitFor({ timeout: 60_000 });
    const plan = await ok(tab.as(lead)<PlanViewDto>('GET', `/api/plans/${planId}`), 'read');
    expect(plan.status).toBe('published');
    expect(plan.publication?.callInOverride).toMatchObject({
      reason,
      agreedBy: 'the Chair of the Overview and Scrutiny Committee',
      callInEndsOn: ends,
      recordedBy: lead,
    });
  }, 180_000);
});
