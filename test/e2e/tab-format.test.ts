/**
 * Through the tab only, in Chromium: the plan lead changes a plan's report format in its settings. Text
 * written in a section the new format lacks refuses the change, naming (and linking) that section; once
 * it is cleared the change goes through and text written in a section both formats have is still there.
 * Starting approvals with required header rows empty is refused by the server, and the approvals view
 * names each row and links to the settings. axe on every changed view.
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
import { savedSection, textOf, typeAtEnd } from '../support/tab-editor.js';
import { acceptEverySection, createPlan } from '../support/tab-plans.js';
import { startTabServer, type TabServer } from '../support/tab-server.js';

let tab: TabServer;
let browser: Browser;
const opened: TabPage[] = [];
const LEAD = demoPeople.planLead.id;
const KEPT = 'report.recommendations'; // in the demo format and in Durham's
const DROPPED = 'report.proposal-and-issues'; // the demo format's only

beforeAll(async () => {
  const tabDir = await builtTab();
  [tab, browser] = await Promise.all([startTabServer({ tabDir }), launchChromium()]);
}, 180_000);

afterAll(async () => {
  for (const page of opened) await page.close().catch(() => undefined);
  await browser?.close();
  await tab?.close();
});

async function open(hash: string): Promise<TabPage> {
  const page = await openAs(browser, tab.url, LEAD, hash);
  opened.push(page);
  return page;
}

async function expectAccessible(tabPage: TabPage, name: string): Promise<void> {
  await screenshot(tabPage.page, name);
  expect(await seriousViolations(tabPage.page)).toEqual([]);
}

async function writeIn(planId: string, key: string, text: string): Promise<void> {
  const editor = await open(`#/plans/${planId}/sections/${key}`);
  await editor.page.getByTestId('section-editor').waitFor();
  await typeAtEnd(editor.page, text);
  await editor.page.locator('[data-testid="save-state"][data-state="saved"]').waitFor({ timeout: 20_000 });
  await editor.close();
}

describe('the report format from the plan settings', () => {
  it('refuses while written text has no place in the new format, then moves the plan keeping the rest', async () => {
    const planId = await createPlan(tab, LEAD, 'Plan changing its format');
    for (const key of [KEPT, DROPPED]) {
      const assigned = await tab.as(LEAD)('POST', `/api/plans/${planId}/sections/${key}/assign`, {
        ownerId: LEAD,
        contributorIds: [],
        dueDate: null,
      });
      expect(assigned.status).toBe(200);
    }
    await writeIn(planId, KEPT, 'Cabinet is recommended to adopt the plan.');
    await writeIn(planId, DROPPED, 'We propose three shared services.');

    const settings = await open(`#/plans/${planId}/settings`);
    const page = settings.page;
    const panel = page.getByRole('region', { name: 'Report format' });
    await panel.waitFor();
    await panel.getByLabel('Report format').selectOption('durham-cabinet');
    await panel.getByRole('button', { name: 'Change the report format' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Change the format' }).click();
    const refusal = panel.getByTestId('format-unplaced');
    await refusal.waitFor();
    expect(await refusal.getByRole('link').allInnerTexts()).toEqual(['Proposal and Issues']);
    await expectAccessible(settings, 'format-01-unplaced');
    expect(await page.getByRole('heading', { level: 1, name: 'Plan settings' }).count()).toBe(1);
    expect(await page.getByText('Demo Borough Council · ').count()).toBeGreaterThan(0);

    // Cleared from its own section (reached by the link), the text no longer stands in the way.
    await refusal.getByRole('link', { name: 'Proposal and Issues' }).click();
    await page.getByTestId('section-editor').waitFor();
    await page.getByTestId('section-editor').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor({ timeout: 20_000 });
    expect(textOf((await savedSection(tab, LEAD, planId, DROPPED)).content).trim()).toBe('');

    await page.goto(`${tab.url}/#/plans/${planId}/settings`);
    await panel.waitFor();
    await panel.getByLabel('Report format').selectOption('durham-cabinet');
    await panel.getByRole('button', { name: 'Change the report format' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Change the format' }).click();
    await page.getByText('Durham County Council · ').waitFor();
    // The settings follow the new format: Durham's header rows and stages.
    await page
      .getByLabel(/Electoral division/)
      .first()
      .waitFor();
    await expectAccessible(settings, 'format-02-changed');

    // The text written where both formats have a section is still there, in the tab.
    const kept = await open(`#/plans/${planId}/sections/${KEPT}`);
    await kept.page.getByTestId('section-editor').waitFor();
    expect(await kept.page.getByTestId('section-editor').innerText()).toContain(
      'Cabinet is recommended to adopt the plan.',
    );
    const dashboard = await open(`#/plans/${planId}`);
    await dashboard.page.getByRole('heading', { level: 1 }).waitFor();
    await dashboard.page.getByText('Executive Summary').first().waitFor();
    expect(await dashboard.page.getByText('Proposal and Issues').count()).toBe(0);
    expect([...settings.errors, ...kept.errors, ...dashboard.errors]).toEqual([]);
  }, 240_000);
});

describe('starting approvals with the report header incomplete', () => {
  it('is refused by the server, and the tab names each empty row and links to the settings', async () => {
    const planId = await createPlan(tab, LEAD, 'Plan with an empty header');
    await acceptEverySection(tab, planId, LEAD, { fillHeader: false });
    const approvals = await open(`#/plans/${planId}/approvals`);
    const page = approvals.page;
    const before = page.getByTestId('approvals-missing-header');
    await before.waitFor();
    const listed = await before.getByRole('listitem').allInnerTexts();
    expect(listed).toEqual(expect.arrayContaining(['Meeting date', 'Wards Affected', 'Contact Details']));
    await page.getByRole('button', { name: 'Start the next approval stage' }).click();
    const refused = page.getByTestId('start-refused-header');
    await refused.waitFor();
    const rows = await refused.getByRole('listitem').allInnerTexts();
    expect(rows).toEqual(listed);
    expect(await before.count()).toBe(0); // the refusal takes the warning's place
    expect(rows.length).toBeGreaterThanOrEqual(3);
    await expectAccessible(approvals, 'format-03-start-refused');
    // Nothing started.
    expect(await page.getByText('Open', { exact: true }).count()).toBe(0);
    await refused.getByRole('link', { name: 'Fill them in the plan settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Plan settings' }).waitFor();
    await page.getByTestId('settings-missing-header').waitFor();
    expect(approvals.errors).toEqual([]);
  }, 120_000);
});
