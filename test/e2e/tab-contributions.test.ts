/**
 * Contributions through the tab in Debian's Chromium, as people do it, nothing through the API: the plan lead
 * creates a plan and assigns three implications, each officer completes theirs as "None" in one step from
 * the section view, and the plan lead accepts the three together from the dashboard. Then a section from
 * outside the council and a joint foreword on the dashboard, named as they are. axe-core checks each view.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople } from '../../src/local/demo/people.js';
import { builtTab } from '../support/tab-build.js';
import {
  launchChromium,
  openAs,
  screenshot,
  seriousViolations,
  type TabPage,
} from '../support/tab-browser.js';
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

type Person = { readonly id: string; readonly displayName: string };

/** The plan lead creates a plan from the template in the tab; its id, from the address it opens at. */
async function newPlanInTab(page: TabPage['page'], title: string): Promise<string> {
  await page.getByRole('button', { name: 'New plan from template' }).click();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel("Report format (your council's cover report)").selectOption('demo-borough-cabinet');
  await page.getByLabel('Decision meeting date').fill('2030-07-09');
  await page.getByRole('button', { name: 'Create plan' }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  return decodeURIComponent(/#\/plans\/([^/]+)/.exec(page.url())![1]!);
}

async function pickPerson(page: TabPage['page'], label: string, person: Person): Promise<void> {
  await page.getByRole('combobox', { name: label }).fill(person.displayName.slice(0, 4));
  await page
    .getByRole('listbox')
    .getByRole('option', { name: new RegExp(person.displayName) })
    .click();
}

/** Assigns a section from its row on the dashboard; `more` fills the rest of the dialog. */
async function assignInTab(
  page: TabPage['page'],
  key: string,
  owner: Person,
  more: () => Promise<void> = async () => undefined,
): Promise<void> {
  const row = page.locator(`tr[data-section="${key}"]`);
  await row.getByRole('button', { name: /^Assign/ }).click();
  await pickPerson(page, 'Choose the owner', owner);
  await more();
  await page.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect.poll(() => row.innerText()).toContain(owner.displayName);
}

const lead = demoPeople.planLead.id;
const NONE = 'There are no specific implications arising from this report.';
/** Three implications and who completes each. */
const implications: readonly [string, Person][] = [
  ['implications.risk-management', demoPeople.director],
  ['implications.staffing', demoPeople.hrLead],
  ['implications.health', demoPeople.digitalLead],
];

describe('contributions in the tab (Chromium)', () => {
  it('three implications completed as "None" in one step each, accepted together from the dashboard', async () => {
    // Everything here is done in the tab, as people do it: the plan lead creates the plan and assigns
    // the three implications from the dashboard; each officer completes theirs as "None"; the lead
    // accepts the three together; the version's history says who did what.
    const leadPage = await open(lead, '#/');
    const page = leadPage.page;
    const planId = await newPlanInTab(page, 'Productivity Plan: None in one step');
    for (const [key, owner] of implications) await assignInTab(page, key, owner);

    // Each officer opens their paragraph and completes it as the council's standard wording, in one click.
    for (const [key, owner] of implications) {
      const officer = await open(owner.id, `#/plans/${encodeURIComponent(planId)}/sections/${key}`);
      const none = officer.page.getByRole('button', { name: `Complete as “${NONE}” and submit` });
      await none.waitFor();
      if (key === implications[0]![0]) await expectAccessible(officer, 'contrib-01-section-none');
      await none.click();
      await expect.poll(() => officer.page.getByTestId('section-status').innerText()).toBe('Submitted');
      await expect.poll(() => officer.page.getByTestId('section-editor').innerText()).toContain(NONE);
      await officer.page.close();
    }

    // The plan lead selects the three on the dashboard and accepts them in one action.
    await page.reload();
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

    // One entry per section accepted in the draft's history, each by the plan lead.
    await page.goto(`${tab.url}/#/plans/${encodeURIComponent(planId)}/versions/0`);
    const history = page.getByRole('listitem').filter({ hasText: /: Accepted "/ });
    await expect.poll(() => history.count()).toBe(3);
    const entries = (await history.allInnerTexts()).map((line) => line.replace(/^.*?: /, '')).sort();
    expect(entries).toEqual(
      ['Health Issues', 'Risk Management', 'Staffing Issues'].map(
        (title) => `Accepted "${title}" (${demoPeople.planLead.displayName})`,
      ),
    );
  }, 180_000);

  it('the dashboard names an outside party and its officer, joint authors and who is outstanding, and optional sections not included', async () => {
    const leadPage = await open(lead, '#/');
    const page = leadPage.page;
    await newPlanInTab(page, 'Productivity Plan: who writes what');
    await assignInTab(page, 'context', demoPeople.director, async () => {
      await page.getByLabel('Due date').fill('2030-06-01');
      await page.getByRole('checkbox', { name: /^The text comes from outside the council/ }).check();
      await page.getByRole('textbox', { name: 'Organisation' }).fill('County Chief Executives Group');
      await page.getByRole('textbox', { name: 'Contact name' }).fill('Jane Smith');
      await page.getByRole('textbox', { name: 'Contact e-mail' }).fill('jane@county.example');
    });
    await assignInTab(page, 'foreword', demoPeople.chiefExecutive, async () => {
      await pickPerson(page, 'Add a contributor', demoPeople.portfolioHolder);
      await page.getByRole('checkbox', { name: /^Joint authors/ }).check();
      await page.getByLabel('Due date').fill('2030-06-01');
    });
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
