/**
 * The tab end to end in Debian's Chromium against the server in local mode: a plan lead creates a plan
 * and assigns a section; its owner writes it (including a paste from Word with a table) and submits it;
 * the lead accepts it; the dashboard's coverage and page estimate follow. axe-core checks each view.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople } from '../../src/local/demo/people.js';
import { DEMO_PLAN_ID } from '../../src/local/demo/seed.js';
import type { PlanViewDto } from '../../src/shared/api.js';
import { builtTab, bundleFigures } from '../support/tab-build.js';
import {
  launchChromium,
  openAs,
  screenshot,
  SCREENSHOTS,
  seriousViolations,
  type TabPage,
} from '../support/tab-browser.js';
import { pasteInto, savedSection, textOf, typeAtEnd, WORD_HTML } from '../support/tab-editor.js';
import { acceptEverySection, createPlan } from '../support/tab-plans.js';
import { startTabServer, type TabServer } from '../support/tab-server.js';

let tab: TabServer;
let browser: Browser;
let tabDir: string;
const opened: TabPage[] = [];

beforeAll(async () => {
  tabDir = await builtTab();
  [tab, browser] = await Promise.all([startTabServer({ tabDir }), launchChromium()]);
}, 120_000);

afterAll(async () => {
  for (const page of opened) await page.close().catch(() => undefined);
  await browser?.close();
  await tab?.close();
});

/** `hash` may start with a query (`?inTeams=1#/`). */
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
const owner = demoPeople.digitalLead.id;
const KEY = 'theme-2-technology-and-data';
const figures: Record<string, unknown> = {};

describe('the tab in Chromium', () => {
  it('takes a section from a new plan to accepted, and the dashboard follows', async () => {
    // The plan lead creates a plan from the template.
    const leadPage = await open(lead, '#/');
    const page = leadPage.page;
    await page.getByRole('link', { name: 'Productivity Plan' }).first().waitFor();
    await expectAccessible(leadPage, '01-plans');
    await page.getByRole('button', { name: 'New plan from template' }).click();
    await page.getByLabel('Title').fill('Productivity Plan 2030');
    await page.getByLabel("Report format (your council's cover report)").selectOption('demo-borough-cabinet');
    await page.getByLabel('Decision meeting date').fill('2030-07-09');
    await expectAccessible(leadPage, '02-new-plan');
    await page.getByRole('button', { name: 'Create plan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Productivity Plan 2030' }).waitFor();
    const planId = decodeURIComponent(/#\/plans\/([^/]+)/.exec(page.url())![1]!);
    await page.getByTestId('page-estimate').waitFor();
    await expectAccessible(leadPage, '03-dashboard-new');
    const before = (await tab.as(lead)<PlanViewDto>('GET', `/api/plans/${planId}`)).body;
    expect(await page.getByTestId('page-estimate').innerText()).toContain('0.0 pages');

    // … assigns the technology section to Grace Lin, picked from the directory.
    await page
      .locator(`tr[data-section="${KEY}"]`)
      .getByRole('button', { name: /^Assign/ })
      .click();
    // Assigning with nobody chosen says so beside the owner's search, and nothing is sent.
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await page
      .getByText('Choose the owner: type two letters of a name and pick them from the list.')
      .waitFor();
    expect(await page.getByRole('combobox', { name: 'Choose the owner' }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    await page.getByRole('combobox', { name: 'Choose the owner' }).fill('Grac');
    await page
      .getByRole('listbox')
      .getByRole('option', { name: /Grace Lin/ })
      .click();
    await page.getByLabel('Due date').fill('2030-06-20');
    await expectAccessible(leadPage, '04-assign');
    await page.getByRole('button', { name: 'Assign', exact: true }).click();
    await expect.poll(() => page.locator(`tr[data-section="${KEY}"]`).innerText()).toContain('Grace Lin');

    // The owner opens the section from the card's deep link and writes it, pasting from Word.
    const ownerPage = await open(owner, `#/plans/${encodeURIComponent(planId)}/sections/${KEY}`);
    const editor = ownerPage.page.getByTestId('section-editor');
    await editor.waitFor();
    await typeAtEnd(ownerPage.page, 'Our council will use data to decide where to act first.');
    await pasteInto(ownerPage.page, WORD_HTML, 'Our data strategy');
    // What the editor shows is the model's rendering: Word's structure kept, its noise gone.
    expect(await editor.locator('table tr').count()).toBe(3);
    expect(await editor.locator('h2').innerText()).toBe('Our data strategy');
    expect(await editor.locator('ul li').allInnerTexts()).toEqual([
      'Open data by default',
      'A shared analytics team',
    ]);
    expect(await editor.locator('strong').first().innerText()).toBe('single data platform');
    expect(await editor.locator('a').getAttribute('href')).toBe(
      'https://www.gov.uk/government/publications/productivity-plans',
    );
    expect(await editor.locator('img, span[style], o\\:p, [class]').count()).toBe(0);
    // Prompt questions beside the text.
    const questions = ownerPage.page.getByRole('list', { name: 'Prompt questions' }).locator(':scope > li');
    await questions.nth(0).getByRole('radio', { name: 'Answered here' }).check();
    await questions.nth(1).getByRole('radio', { name: 'Not applicable' }).check();
    await questions.nth(1).getByLabel('Why it does not apply').fill('We have no shared data platform yet.');

    await expect
      .poll(
        async () => {
          const s = await savedSection(tab, owner, planId, KEY);
          return { text: textOf(s.content), answers: Object.keys(s.promptAnswers).length };
        },
        { timeout: 15_000 },
      )
      .toEqual({
        text: expect.stringContaining('Social care case management\t£0.8m'),
        answers: 2,
      });
    await ownerPage.page.locator('[data-testid="save-state"][data-state="saved"]').waitFor();
    // The writer sees when it was saved, as the clock on the wall says it.
    expect(await ownerPage.page.getByTestId('save-state').innerText()).toMatch(/^Saved \d{2}:\d{2}$/);
    const saved = await savedSection(tab, owner, planId, KEY);
    expect(saved.content.map((b) => b.type)).toEqual(['paragraph', 'heading', 'paragraph', 'list', 'table']);
    expect(saved.content[4]).toMatchObject({ type: 'table', headerRow: true });
    expect(JSON.stringify(saved.content)).not.toMatch(/mso|MsoNormal|clip_image|<\/?[a-z]/i);
    expect(saved.promptAnswers).toMatchObject({
      [saved.promptQuestions[1]!.id]: {
        state: 'not-applicable',
        reason: 'We have no shared data platform yet.',
      },
    });
    expect(await ownerPage.page.getByTestId('word-count').innerText()).toMatch(
      new RegExp(`^${saved.words} of 250 words`),
    );
    await expectAccessible(ownerPage, '05-editor');

    await ownerPage.page.getByRole('button', { name: 'Submit for review' }).click();
    await ownerPage.page.getByTestId('section-status').filter({ hasText: 'Submitted' }).waitFor();

    // The plan lead reviews: first sends it back with a comment, which the owner sees and answers.
    await page.goto(`${tab.url}/#/plans/${encodeURIComponent(planId)}/sections/${KEY}`);
    await page.getByRole('region', { name: 'Review' }).waitFor();
    await expectAccessible(leadPage, '06-review');
    await page
      .getByLabel('What needs to change (sent to the owner)')
      .fill('Name the data platform supplier.');
    await page.getByRole('button', { name: 'Request changes' }).click();
    await page.getByTestId('section-status').filter({ hasText: 'Changes requested' }).waitFor();
    await ownerPage.page.reload();
    await ownerPage.page.getByText('Name the data platform supplier.').waitFor();
    await typeAtEnd(ownerPage.page, ' The supplier is chosen by open tender.');
    await expect
      .poll(async () => textOf((await savedSection(tab, owner, planId, KEY)).content), { timeout: 15_000 })
      .toContain('open tender');
    await ownerPage.page.getByRole('button', { name: 'Submit for review' }).click();
    await ownerPage.page.getByTestId('section-status').filter({ hasText: 'Submitted' }).waitFor();
    // … then accepts it.
    await page.reload();
    await page.getByRole('button', { name: 'Accept section' }).click();
    await page.getByTestId('section-status').filter({ hasText: 'Accepted' }).waitFor();

    // The dashboard shows the section accepted, the theme's questions covered and the pages grown.
    await page.goto(`${tab.url}/#/plans/${encodeURIComponent(planId)}`);
    await page.getByTestId('page-estimate').waitFor();
    const after = (await tab.as(lead)<PlanViewDto>('GET', `/api/plans/${planId}`)).body;
    const theme = (view: PlanViewDto) => view.coverage.byTheme.find((t) => t.theme === 2)!;
    expect(theme(after).answered).toBe(theme(before).answered + 1);
    expect(theme(after).notApplicable).toBe(theme(before).notApplicable + 1);
    expect(after.pages.pages).toBeGreaterThan(before.pages.pages);
    expect(await page.getByTestId('answered-2').innerText()).toBe(String(theme(after).answered));
    expect(await page.getByTestId('page-estimate').innerText()).toContain(
      `${after.pages.pages.toFixed(1)} pages`,
    );
    expect(await page.locator(`tr[data-section="${KEY}"] [data-status]`).getAttribute('data-status')).toBe(
      'accepted',
    );
    await expectAccessible(leadPage, '07-dashboard-after');

    await page.getByRole('link', { name: 'Approvals' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Approvals' }).waitFor();
    await expectAccessible(leadPage, '08-approvals');
    await page.goto(`${tab.url}/#/plans/${encodeURIComponent(planId)}/versions/${after.contentVersion}`);
    await page
      .getByRole('heading', { level: 1, name: new RegExp(`version ${after.contentVersion}`) })
      .waitFor();
    await expectAccessible(leadPage, '09-version');
    expect([...leadPage.errors, ...ownerPage.errors]).toEqual([]);
  }, 180_000);

  it('opens deep links from cards, and shows failures in words', async () => {
    const reader = await open(demoPeople.deputy.id, `#/plans/${DEMO_PLAN_ID}/sections/foreword`);
    await reader.page.getByRole('heading', { level: 1, name: 'Foreword' }).waitFor();
    expect(await reader.page.getByText('You are reading this section').count()).toBe(1);
    await reader.page.goto(`${tab.url}/#/plans/no-such-plan`);
    const alert = reader.page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/no-such-plan|not found/i);
    expect(await alert.innerText()).toMatch(/Go back to the list of plans/);
    await expectAccessible(reader, '10-not-found');
    // The acting-as picker changes who the tab acts as.
    await reader.page.getByTestId('acting-as').selectOption(demoPeople.hrLead.id);
    await reader.page.getByTestId('signed-in-as').filter({ hasText: 'Owen Price' }).waitFor();
  }, 60_000);

  it('approvals: the lead starts a round, an approver answers, everyone sees who said what on which version', async () => {
    const planId = await createPlan(tab, lead, 'Plan for approval');
    await acceptEverySection(tab, planId, lead);
    const approvals = await open(lead, `#/plans/${encodeURIComponent(planId)}/approvals`);
    const page = approvals.page;
    await page.getByRole('button', { name: 'Start the next approval stage' }).click();
    // The management team's stage is ahead with no chat chosen: the tab asks how the team gets it.
    const choice = page.getByRole('dialog', { name: 'How should the management team get this?' });
    await choice.getByRole('radio', { name: 'Send each member their own card 1:1' }).check();
    await choice.getByRole('button', { name: 'Start approvals' }).click();
    await choice.waitFor({ state: 'detached' });
    const stage = page.getByRole('region', { name: 'Implications completed by the named officers' });
    // The version as members read it: its number and the day it went round, the hash kept in the details.
    await stage.getByText(/You are asked to approve Version \d+, \d{1,2} [A-Z][a-z]+ \d{4}/).waitFor();
    const version = (await tab.as(lead)<PlanViewDto>('GET', `/api/plans/${planId}`)).body.contentVersion;
    expect(await stage.getByRole('link', { name: new RegExp(`^Version ${version}, `) }).count()).toBe(1);
    await expectAccessible(approvals, '14-approvals-open');
    await stage.getByLabel('Comment (required when asking for changes)').fill('Implications checked.');
    await stage.getByRole('button', { name: `Approve version ${version}` }).click();
    const responses = stage.getByRole('table', { name: 'Responses, round 1' });
    await responses.waitFor();
    const row = await responses.locator('tbody tr').first().innerText();
    expect(row).toMatch(/Priya Shah\s+Approved\s+\d+ \w+, \d\d:\d\d\s+Implications checked\./);
    expect(await stage.innerText()).toMatch(/Approved/);
    const view = (await tab.as(lead)<PlanViewDto>('GET', `/api/plans/${planId}`)).body;
    expect(view.stages[0]).toMatchObject({ state: 'approved', boundVersion: version });
    expect(view.stages[0]!.responses).toEqual([
      expect.objectContaining({ approverId: lead, decision: 'approve', comment: 'Implications checked.' }),
    ]);
    await expectAccessible(approvals, '15-approvals-answered');
  }, 120_000);

  it('follows the light, dark and high-contrast themes, accessible in each', async () => {
    const themed = await open(lead, `#/plans/${DEMO_PLAN_ID}`);
    const page = themed.page;
    await page.getByTestId('page-estimate').waitFor();
    const theme = () => page.locator('.fui-FluentProvider').first().getAttribute('data-theme');
    expect(await theme()).toBe('light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(theme).toBe('dark');
    await expectAccessible(themed, '11-dashboard-dark');
    await page.emulateMedia({ colorScheme: 'dark', forcedColors: 'active' });
    await expect.poll(theme).toBe('contrast');
    await expectAccessible(themed, '12-dashboard-high-contrast');
    await page.goto(`${tab.url}/#/plans/${DEMO_PLAN_ID}/sections/theme-1-transformation`);
    await page.getByTestId('section-status').waitFor();
    await expectAccessible(themed, '13-section-high-contrast');
  }, 60_000);

  it('told it is in Teams but with no Teams host, says so within seconds instead of waiting a minute', async () => {
    const started = Date.now();
    const lost = await open(lead, '?inTeams=1#/');
    await lost.page.getByText('Cannot connect to Teams').waitFor({ timeout: 20_000 });
    const waited = Date.now() - started;
    expect(waited).toBeLessThan(15_000);
    expect(await lost.page.getByText('Open Plan Builder from its tab in Teams').count()).toBe(1);
  }, 30_000);

  it('measures the initial bundle and the time to first render of the dashboard', async () => {
    const bundle = bundleFigures(tabDir);
    figures['initialJsGzipKiB'] = Math.round((bundle.initialJsGzipBytes / 1024) * 10) / 10;
    figures['initialFiles'] = bundle.initialFiles;
    figures['allJsGzipKiB'] = Math.round((bundle.totalJsGzipBytes / 1024) * 10) / 10;
    const runs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const context = await browser.newContext();
      await context.addInitScript({
        content: `localStorage.setItem('pb.actingAs', ${JSON.stringify(lead)});`,
      });
      const page = await context.newPage();
      await page.goto(`${tab.url}/#/plans/${DEMO_PLAN_ID}`);
      await page.getByTestId('page-estimate').waitFor();
      runs.push(
        (await page.evaluate(`performance.getEntriesByName('pb:dashboard-rendered')[0].startTime`)) as number,
      );
      await context.close();
    }
    runs.sort((a, b) => a - b);
    figures['dashboardFirstRenderMs'] = {
      median: Math.round(runs[2]!),
      min: Math.round(runs[0]!),
      max: Math.round(runs[4]!),
    };
    writeFileSync(path.join(SCREENSHOTS, 'figures.json'), `${JSON.stringify(figures, null, 2)}\n`);
    console.log('Tab figures:', JSON.stringify(figures));
    // A size budget (deterministic); times are reported by `npm run bench`, not asserted.
    expect(bundle.initialJsGzipBytes).toBeLessThan(160 * 1024);
    expect(runs).toHaveLength(5);
  }, 120_000);
});
