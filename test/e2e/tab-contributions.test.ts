/**
 * Contributions through the tab in Debian's Chromium, as people do it: three implications officers each
 * complete their paragraph as "None" in one step from the section view, and the plan lead accepts the three
 * together from the dashboard. Then a section from outside the council and a joint foreword on the
 * dashboard, named as they are. axe-core checks each view.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople } from '../../src/local/demo/people.js';
import type { PlanViewDto, VersionDto } from '../../src/shared/api.js';
import { builtTab } from '../support/tab-build.js';
import {
  launchChromium,
  openAs,
  screenshot,
  seriousViolations,
  type TabPage,
} from '../support/tab-browser.js';
import { createPlan } from '../support/tab-plans.js';
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

async function open(personId: string, hash: string): Promise<TabPage> {
  const page = await openAs(browser, tab.url, personId, hash);
  opened.push(page);
  return page;
}

async function expectAccessible(page: TabPage, view: string): Promise<void> {
  await screenshot(page.page, view);
  const violations = await seriousViolations(page.page);
  expect(violations, `${view}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

const lead = demoPeople.planLead.id;
const NONE = 'There are no specific implications arising from this report.';
/** Three implications and who completes each. */
const implications: readonly [string, string][] = [
  ['implications.risk-management', demoPeople.director.id],
  ['implications.staffing', demoPeople.hrLead.id],
  ['implications.health', demoPeople.digitalLead.id],
];

describe('contributions in the tab (Chromium)', () => {
  it('three implications completed as "None" in one step each, accepted together from the dashboard', async () => {
    const planId = await createPlan(tab, lead, 'Productivity Plan: None in one step');
    const as = tab.as(lead);
    for (const [key, owner] of implications) {
      const assigned = await as('POST', `/api/plans/${planId}/sections/${encodeURIComponent(key)}/assign`, {
        ownerId: owner,
        contributorIds: [],
        dueDate: null,
      });
      expect(assigned.status).toBe(200);
    }

    // Each officer opens their paragraph and completes it as the council's standard wording, in one click.
    for (const [key, owner] of implications) {
      const officer = await open(owner, `#/plans/${encodeURIComponent(planId)}/sections/${key}`);
      const none = officer.page.getByRole('button', { name: `Complete as “${NONE}” and submit` });
      await none.waitFor();
      if (key === implications[0]![0]) await expectAccessible(officer, 'contrib-01-section-none');
      await none.click();
      await expect.poll(() => officer.page.getByTestId('section-status').innerText()).toBe('Submitted');
      await expect.poll(() => officer.page.getByTestId('section-editor').innerText()).toContain(NONE);
      await officer.page.close();
    }

    // The plan lead selects the three on the dashboard and accepts them in one action.
    const leadPage = await open(lead, `#/plans/${encodeURIComponent(planId)}`);
    const page = leadPage.page;
    const group = page.getByRole('group', { name: 'Accept submitted sections' });
    await group.waitFor();
    for (const [key] of implications) {
      await page.locator(`tr[data-section="${key}"]`).getByRole('checkbox').check();
    }
    await expectAccessible(leadPage, 'contrib-02-dashboard-selected');
    await group.getByRole('button', { name: 'Accept 3 selected' }).click();
    await expect.poll(() => page.getByTestId('accept-outcome').innerText()).toContain('Accepted 3.');
    for (const [key] of implications) {
      await expect
        .poll(() => page.locator(`tr[data-section="${key}"] [data-status]`).getAttribute('data-status'))
        .toBe('accepted');
    }

    const view = (await as<PlanViewDto>('GET', `/api/plans/${planId}`)).body;
    for (const [key] of implications) {
      expect(view.sections.find((s) => s.key === key)?.status).toBe('accepted');
    }
    // One audit entry per section accepted, each by the plan lead.
    const history = (await as<VersionDto>('GET', `/api/plans/${planId}/versions/0`)).body.history;
    const accepts = history.filter((e) => e.command === 'acceptSection');
    expect(accepts.map((e) => e.summary).sort()).toEqual(
      ['Health Issues', 'Risk Management', 'Staffing Issues'].map((t) => `Accepted "${t}"`),
    );
    expect(accepts.every((e) => e.actorId === lead)).toBe(true);
  }, 180_000);

  it('the dashboard names an outside party and its officer, joint authors and who is outstanding, and optional sections not included', async () => {
    const planId = await createPlan(tab, lead, 'Productivity Plan: who writes what');
    const as = tab.as(lead);
    const base = `/api/plans/${planId}/sections`;
    expect(
      (
        await as('POST', `${base}/context/assign`, {
          ownerId: demoPeople.director.id,
          contributorIds: [],
          dueDate: '2030-06-01',
          outsideParty: {
            organisation: 'County Chief Executives Group',
            contactName: 'Jane Smith',
            email: 'jane@county.example',
          },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await as('POST', `${base}/foreword/assign`, {
          ownerId: demoPeople.chiefExecutive.id,
          contributorIds: [demoPeople.portfolioHolder.id],
          dueDate: '2030-06-01',
          jointAuthors: true,
        })
      ).status,
    ).toBe(200);
    const leadPage = await open(lead, `#/plans/${encodeURIComponent(planId)}`);
    const page = leadPage.page;
    const context = page.locator('tr[data-section="context"] [data-testid="written-by"]');
    await expect
      .poll(() => context.innerText())
      .toBe(`Awaited from County Chief Executives Group (chased by ${demoPeople.director.displayName})`);
    const foreword = page.locator('tr[data-section="foreword"] [data-testid="written-by"]');
    await expect
      .poll(() => foreword.innerText())
      .toContain(
        `${demoPeople.chiefExecutive.displayName} and ${demoPeople.portfolioHolder.displayName} (joint authors)`,
      );
    expect(await foreword.innerText()).toContain(
      `Waiting for ${demoPeople.chiefExecutive.displayName} and ${demoPeople.portfolioHolder.displayName} to agree`,
    );
    // Background papers are optional and empty: "not included", so leaving them out is a decision.
    await expect
      .poll(() =>
        page.locator('tr[data-section="report.background-papers"] [data-status]').getAttribute('data-status'),
      )
      .toBe('not-included');
    await expectAccessible(leadPage, 'contrib-03-dashboard-contributions');
  }, 120_000);
});
