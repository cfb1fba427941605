/**
 * KPIs, progress updates and publication in the tab, in Chromium: a KPI defined on a published plan
 * (the form listing every problem first), a value recorded, its RAG and trend on the KPIs page and the
 * dashboard tile; a progress update started and previewed in a sandboxed frame; a decision recorded
 * and a decided plan published from the tab, with its links. axe on every new view.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodOf, previousPeriod } from '../../src/domain/kpis/periods.js';
import { demoPeople } from '../../src/local/demo/people.js';
import type { PlanViewDto } from '../../src/shared/api.js';
import type { KpiOverviewDto } from '../../src/shared/kpi-api.js';
import { builtTab } from '../support/tab-build.js';
import {
  launchChromium,
  openAs,
  screenshot,
  SCREENSHOTS,
  seriousViolations,
  type TabPage,
} from '../support/tab-browser.js';
import { awaitingDecision, publishedPlanThroughApi } from '../support/tab-published.js';
import { startTabServer, type TabServer } from '../support/tab-server.js';

let tab: TabServer;
let browser: Browser;
let publishedId: string;
let decidingId: string;
const opened: TabPage[] = [];
const LEAD = demoPeople.planLead.id;
const lastQuarter = previousPeriod(periodOf('quarterly', new Date().toISOString().slice(0, 10)));

beforeAll(async () => {
  const tabDir = await builtTab();
  [tab, browser] = await Promise.all([startTabServer({ tabDir }), launchChromium()]);
  publishedId = (await publishedPlanThroughApi(tab, LEAD, 'Published plan with KPIs')).planId;
  decidingId = await awaitingDecision(tab, LEAD, 'Plan awaiting Cabinet');
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

describe('KPIs in the tab', () => {
  it('defines a KPI, records a value, and shows RAG and trend on the KPIs page and the dashboard', async () => {
    const kpis = await open(`#/plans/${publishedId}/kpis`);
    const page = kpis.page;
    await page.getByRole('heading', { level: 1, name: 'KPIs and milestones' }).waitFor();
    await expectAccessible(kpis, 'kpis-01-empty');

    await page.getByRole('button', { name: 'Define a KPI' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Define the KPI' }).click();
    // Nothing is sent while the form has problems; every one of them is shown beside its field at once.
    const messages = dialog.locator('.fui-Field__validationMessage');
    await messages.first().waitFor();
    expect(await messages.allInnerTexts()).toEqual(
      expect.arrayContaining([
        'Give the KPI a name.',
        'Say what the KPI measures, and how.',
        'Say where the figures come from.',
        'Baseline date: give a date.',
        'Target date: give a date.',
      ]),
    );
    expect(await dialog.locator('[aria-invalid="true"]').count()).toBeGreaterThanOrEqual(5);
    // The first of them has the focus.
    expect(await page.evaluate(`document.activeElement?.getAttribute('aria-invalid')`)).toBe('true');
    await expectAccessible(kpis, 'kpis-02-problems');

    await dialog.getByLabel(/^Name/).fill('Online transactions');
    await dialog.getByLabel('What it measures, and how').fill('Transactions completed online, a quarter.');
    await dialog.getByLabel('Where the figures come from').fill('Web analytics');
    await dialog.getByLabel('Baseline value').fill('10000');
    await dialog.getByLabel('Baseline date').fill('2025-03-31');
    await dialog.getByLabel('Target value').fill('20000');
    await dialog.getByLabel('Target date').fill('2028-03-31');
    await dialog.getByRole('button', { name: 'Define the KPI' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Record a value for Online transactions' }).click();
    const record = page.getByRole('dialog');
    expect(await record.getByLabel('Period').inputValue()).toBe(lastQuarter.key);
    await record.getByLabel('Value', { exact: true }).fill('19000');
    await record
      .getByLabel('Commentary (what explains the figure)')
      .fill('Ahead of plan after the new portal.');
    await expectAccessible(kpis, 'kpis-03-record');
    await record.getByRole('button', { name: 'Record the value' }).click();
    await record.waitFor({ state: 'detached' });

    const card = page.locator('section[data-kpi]').filter({ hasText: 'Online transactions' });
    await card.locator('[data-rag="green"]').waitFor();
    expect(await card.locator('[data-rag]').innerText()).toBe('Green: on track');
    expect(await card.getByTestId('kpi-trend').innerText()).toContain(`${lastQuarter.label}: 19,000`);
    // One value is no trend: said in the list, not drawn as a lone dot.
    expect(await card.getByTestId('trend-chart').count()).toBe(0);
    expect(await card.getByTestId('kpi-latest').innerText()).toContain('Latest: 19,000');
    // What the page shows is what the API holds.
    const api = (await tab.as(LEAD)<KpiOverviewDto>('GET', `/api/plans/${publishedId}/kpis`)).body;
    expect(api.kpis.map((k) => [k.kpi.name, k.rag.status, k.trend.map((t) => t.value)])).toEqual([
      ['Online transactions', 'green', [19_000]],
    ]);
    await expectAccessible(kpis, 'kpis-04-recorded');

    await card.getByRole('link', { name: 'Details of Online transactions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Online transactions' }).waitFor();
    expect(await page.getByRole('table', { name: 'Values of Online transactions' }).innerText()).toContain(
      'Ahead of plan after the new portal.',
    );
    await expectAccessible(kpis, 'kpis-05-detail');

    await page.goto(`${tab.url}/#/plans/${publishedId}`);
    const tile = page.getByRole('region', { name: 'KPIs and milestones' });
    await tile.getByTestId('kpi-tile-counts').filter({ hasText: '1 KPI' }).waitFor();
    expect(await tile.getByTestId('kpi-tile-counts').innerText()).toBe('1 KPI: 1 green.');
    expect(await tile.getByRole('link', { name: 'Online transactions' }).count()).toBe(1);
    await expectAccessible(kpis, 'kpis-06-dashboard-tile');
    expect(kpis.errors).toEqual([]);
  }, 120_000);

  it('offers a percentage KPI as a percentage, and draws the trend line once two values are recorded', async () => {
    const kpis = await open(`#/plans/${publishedId}/kpis`);
    const page = kpis.page;
    await page.getByRole('heading', { level: 1, name: 'KPIs and milestones' }).waitFor();
    await page.getByRole('button', { name: 'Define a KPI' }).click();
    const dialog = page.getByRole('dialog');
    const name = '% of spend with local firms';
    await dialog.getByLabel(/^Name/).fill(name);
    // The name says it is a percentage: the unit follows (not a count, not £).
    expect(await dialog.getByLabel('Unit').inputValue()).toBe('percent');
    await dialog.getByLabel('What it measures, and how').fill('Spend with firms based in the borough.');
    await dialog.getByLabel('Where the figures come from').fill('Finance system');
    await dialog.getByLabel('Baseline value').fill('20');
    await dialog.getByLabel('Baseline date').fill('2025-03-31');
    await dialog.getByLabel('Target value').fill('40');
    await dialog.getByLabel('Target date').fill('2028-03-31');
    await dialog.getByRole('button', { name: 'Define the KPI' }).click();
    await dialog.waitFor({ state: 'detached' });

    const card = page.locator('section[data-kpi]').filter({ hasText: name });
    const earlier = previousPeriod(lastQuarter);
    for (const [period, value] of [
      [earlier, '25'],
      [lastQuarter, '31'],
    ] as const) {
      await page.getByRole('button', { name: `Record a value for ${name}` }).click();
      const record = page.getByRole('dialog');
      await record.getByLabel('Period').selectOption(period.key);
      await record.getByLabel('Value', { exact: true }).fill(value);
      await record.getByLabel('Commentary (what explains the figure)').fill(`Figure for ${period.label}.`);
      await record.getByRole('button', { name: 'Record the value' }).click();
      await record.waitFor({ state: 'detached' });
    }
    const chart = card.getByTestId('trend-chart');
    await chart.waitFor();
    expect(await chart.locator('circle').count()).toBe(2);
    // The values' line runs between the two points (M … L …), beside the dashed path to the target.
    const drawn = await chart.locator('path').evaluateAll((paths) => paths.map((p) => p.getAttribute('d')));
    expect(drawn).toHaveLength(2);
    for (const d of drawn) expect(d).toMatch(/^M[\d.]+,[\d.]+ L[\d.]+,[\d.]+$/);
    expect(await card.getByTestId('kpi-trend').innerText()).toContain(`${lastQuarter.label}: 31%`);
    await card.screenshot({ path: `${SCREENSHOTS}/kpis-10-trend-line.png` });
    await expectAccessible(kpis, 'kpis-11-two-values');
    expect(kpis.errors).toEqual([]);
  }, 120_000);

  it('starts a progress update and previews it only inside a sandboxed frame', async () => {
    const progress = await open(`#/plans/${publishedId}/progress`);
    const page = progress.page;
    await page.getByRole('heading', { level: 1, name: 'Progress updates' }).waitFor();
    await page.getByLabel('Period').selectOption(lastQuarter.key);
    await page.getByRole('button', { name: 'Start the update' }).click();
    await page.getByRole('heading', { level: 1, name: `Progress update: ${lastQuarter.label}` }).waitFor();
    await page.getByLabel('Summary for residents').fill('A <b>good</b> quarter.');
    await page.getByRole('button', { name: 'Save the summary' }).click();
    const frame = page.getByTestId('progress-preview');
    await expect.poll(() => frame.getAttribute('srcdoc')).toContain('&lt;b&gt;good&lt;/b&gt;');
    expect(await frame.getAttribute('sandbox')).toBe('');
    // Rendered in the frame, the hostile markup is text.
    await page.frameLocator('[data-testid="progress-preview"]').getByText('A <b>good</b> quarter.').waitFor();
    // Nothing of the preview is in the tab's own DOM.
    expect(await page.locator('main b').count()).toBe(0);
    await expectAccessible(progress, 'kpis-07-progress-update');
    // The test's init script (which picks who the tab acts as) also runs in the frame, and is refused
    // storage there: proof the frame is sandboxed. Any other page error fails the test.
    expect(progress.errors.filter((e) => !/document is sandboxed/.test(e))).toEqual([]);
  }, 60_000);

  it('offers only ended quarters without an update, names the plan, and tells a colleague why not', async () => {
    const progress = await open(`#/plans/${publishedId}/progress`);
    const page = progress.page;
    await page.getByRole('link', { name: lastQuarter.label }).waitFor();
    const breadcrumb = page.getByRole('navigation', { name: 'Breadcrumb' });
    expect(await breadcrumb.getByRole('link', { name: 'Published plan with KPIs' }).count()).toBe(1);
    // The quarter started above is listed, and no longer offered; the three before it are.
    const offered = await page.getByLabel('Period').locator('option').allInnerTexts();
    expect(offered).not.toContain(lastQuarter.label);
    const before = previousPeriod(lastQuarter);
    expect(offered).toEqual([
      before.label,
      previousPeriod(before).label,
      previousPeriod(previousPeriod(before)).label,
    ]);
    expect(await page.getByLabel('Period').inputValue()).toBe(before.key);

    const colleague = await openAs(
      browser,
      tab.url,
      demoPeople.digitalLead.id,
      `#/plans/${publishedId}/progress`,
    );
    opened.push(colleague);
    await colleague.page.getByText('Only the plan lead can start a progress update.').waitFor();
    expect(await colleague.page.getByRole('button', { name: 'Start the update' }).count()).toBe(0);
    expect(await colleague.page.getByLabel('Period').count()).toBe(0);
    await expectAccessible(colleague, 'kpis-07b-progress-list-colleague');
    expect([...progress.errors, ...colleague.errors]).toEqual([]);
  }, 60_000);
});

describe('decision and publication in the tab', () => {
  it('records the decision, shows the checks, publishes and shows the links', async () => {
    const dashboard = await open(`#/plans/${decidingId}`);
    const page = dashboard.page;
    const area = page.getByRole('region', { name: 'Decision and publication' });
    await area.getByRole('form', { name: 'Record the decision' }).waitFor();
    await area.getByTestId('submission-checks').waitFor();
    expect(await area.locator('[data-check="member-endorsement"]').getAttribute('data-passed')).toBe('false');
    await expectAccessible(dashboard, 'kpis-08-decision-form');
    // Cabinet met a month ago, so the demo council's call-in period (worked out from its rules) is over.
    const aMonthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    await area.getByLabel('Meeting date').fill(aMonthAgo);
    await area.getByLabel('Minute reference').fill('CAB 26/04');
    await area.getByRole('button', { name: 'Record the decision' }).click();
    await area.getByTestId('decision-recorded').waitFor();
    expect(await area.getByTestId('decision-recorded').innerText()).toMatch(
      /minute CAB 26\/04\); call-in ends /,
    );
    await expect
      .poll(() => area.locator('[data-check="member-endorsement"]').getAttribute('data-passed'))
      .toBe('true');

    await area.getByRole('button', { name: 'Publish the plan' }).click();
    const links = area.getByRole('list', { name: 'Published plan' });
    await links.waitFor({ timeout: 60_000 });
    expect(await links.getByRole('link').allInnerTexts()).toEqual([
      'Web page',
      'Accessible HTML',
      'Word document',
    ]);
    const view = (await tab.as(LEAD)<PlanViewDto>('GET', `/api/plans/${decidingId}`)).body;
    expect(view.status).toBe('published');
    expect(await links.getByRole('link', { name: 'Word document' }).getAttribute('href')).toBe(
      view.publication?.links.find((l) => l.label === 'Word document')?.url,
    );
    await area.getByRole('form', { name: 'Record the submission' }).waitFor();
    await expectAccessible(dashboard, 'kpis-09-published');
    expect(dashboard.errors).toEqual([]);
  }, 120_000);
});
