/**
 * Nothing typed is lost, in Chromium: a progress update's summary typed and submitted without "Save the
 * summary" is there after a reload; leaving a section with text the autosave has not kept yet asks first;
 * a figure that is not a number is marked in place while the section's text saves, and the share it feeds
 * shows "—" instead of a stale percentage; while SharePoint cannot take a save the editor says "Not saved —
 * retrying", keeps the text, and saves it once SharePoint answers again.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodOf, previousPeriod } from '../../src/domain/kpis/periods.js';
import { demoPeople } from '../../src/local/demo/people.js';
import type { ProgressUpdateDto } from '../../src/shared/kpi-api.js';
import { builtTab } from '../support/tab-build.js';
import { launchChromium, openAs, screenshot, type TabPage } from '../support/tab-browser.js';
import { savedSection, textOf, typeAtEnd } from '../support/tab-editor.js';
import { createPlan } from '../support/tab-plans.js';
import { publishedPlanThroughApi } from '../support/tab-published.js';
import { startTabServer, type TabServer } from '../support/tab-server.js';

let tab: TabServer;
let browser: Browser;
const opened: TabPage[] = [];
const LEAD = demoPeople.planLead.id;
const FIGURES = 'theme-3-reducing-waste';

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

describe('nothing typed is lost', () => {
  it('keeps a progress summary typed and submitted without saving it first', async () => {
    const { planId } = await publishedPlanThroughApi(tab, LEAD, 'Plan with an update to write');
    const quarter = previousPeriod(periodOf('quarterly', new Date().toISOString().slice(0, 10)));
    const progress = await open(`#/plans/${planId}/progress`);
    const page = progress.page;
    await page.getByLabel('Period').selectOption(quarter.key);
    await page.getByRole('button', { name: 'Start the update' }).click();
    await page.getByRole('heading', { level: 1, name: `Progress update: ${quarter.label}` }).waitFor();
    await page.getByLabel('Summary for residents').fill('Waiting lists fell for the third quarter running.');
    await page.getByRole('button', { name: 'Submit for approval' }).click();
    await page.getByTestId('progress-status').filter({ hasNotText: 'Draft' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: `Progress update: ${quarter.label}` }).waitFor();
    expect(await page.getByText('Waiting lists fell for the third quarter running.').count()).toBeGreaterThan(
      0,
    );
    const stored = await tab.as(LEAD)<ProgressUpdateDto>(
      'GET',
      `/api/plans/${planId}/progress-updates/${quarter.key}`,
    );
    expect(stored.body.summary).toBe('Waiting lists fell for the third quarter running.');
    expect(stored.body.status).not.toBe('draft');
    // The preview frame is sandboxed: the test's acting-as script is refused storage there, and only that.
    expect(progress.errors.filter((e) => !/document is sandboxed/.test(e))).toEqual([]);
  }, 180_000);

  it('asks before leaving a section whose text is not saved yet, and saves it if asked to', async () => {
    const planId = await createPlan(tab, LEAD, 'Plan to leave');
    const assigned = await tab.as(LEAD)('POST', `/api/plans/${planId}/sections/context/assign`, {
      ownerId: LEAD,
      contributorIds: [],
      dueDate: null,
    });
    expect(assigned.status).toBe(200);
    const editor = await open(`#/plans/${planId}/sections/context`);
    const page = editor.page;
    await page.getByTestId('section-editor').waitFor();
    // Held back: the autosave cannot have kept it when the link is followed.
    await page.route('**/api/plans/*/sections/context', async (route) => {
      if (route.request().method() === 'PUT') await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue();
    });
    await typeAtEnd(page, 'Our borough has grown by a fifth since 2011.');
    await page.getByRole('link', { name: 'Plan to leave' }).click();
    const question = page.getByRole('alertdialog', { name: 'Leave without saving?' });
    await question.waitFor();
    expect(await question.getByTestId('unsaved-work').innerText()).toContain(
      'About the council, its place and partners',
    );
    await screenshot(page, 'typed-01-leave-asks');
    await question.getByTestId('save-and-leave').click();
    await page.getByTestId('page-estimate').waitFor();
    expect(textOf((await savedSection(tab, LEAD, planId, 'context')).content)).toContain(
      'grown by a fifth since 2011',
    );
    expect(editor.errors).toEqual([]);
  }, 120_000);

  it('saves the text beside a bad figure, marks the figure in place and shows no stale share', async () => {
    const planId = await createPlan(tab, LEAD, 'Plan with figures');
    await tab.as(LEAD)('POST', `/api/plans/${planId}/sections/${FIGURES}/assign`, {
      ownerId: LEAD,
      contributorIds: [],
      dueDate: null,
    });
    const editor = await open(`#/plans/${planId}/sections/${FIGURES}`);
    const page = editor.page;
    await page.getByTestId('section-editor').waitFor();
    await page.getByRole('textbox', { name: 'Total staff budget' }).fill('10000000');
    await page.getByRole('textbox', { name: 'Agency staff spend' }).fill('500000');
    await expect.poll(() => page.locator('[data-share="agency-share"]').innerText()).toContain('5.0%');
    await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor({ timeout: 20_000 });
    // A figure written the way people say it, then text: the figure is refused in place, the text saves.
    await page.getByRole('textbox', { name: 'Agency staff spend' }).fill('6.5m');
    await typeAtEnd(page, 'We cut agency spend by a third.');
    const field = page.locator('[data-figure="agency-spend"]');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Write it in full, for example 6500000 rather than 6.5m.').waitFor();
    expect(await page.locator('[data-share="agency-share"]').innerText()).toContain('—');
    await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor({ timeout: 20_000 });
    const saved = await savedSection(tab, LEAD, planId, FIGURES);
    expect(textOf(saved.content)).toContain('We cut agency spend by a third.');
    expect(saved.figures['agency-spend']).toBe(500000);
    expect(saved.figures['staff-budget']).toBe(10000000);
    await screenshot(page, 'typed-02-bad-figure');
    expect(editor.errors).toEqual([]);
  }, 120_000);
  it('says "Not saved — retrying" while SharePoint cannot take the save, keeps the text, and saves it once it can', async () => {
    const planId = await createPlan(tab, LEAD, 'Plan during an outage');
    await tab.as(LEAD)('POST', `/api/plans/${planId}/sections/context/assign`, {
      ownerId: LEAD,
      contributorIds: [],
      dueDate: null,
    });
    const editor = await open(`#/plans/${planId}/sections/context`);
    const page = editor.page;
    await page.getByTestId('section-editor').waitFor();
    // SharePoint refuses every write to a list item (503), inside a $batch or not, until it recovers.
    const emulator = tab.app.emulator!;
    emulator.faults.set([{ method: 'PATCH', status: 503, share: 1 }]);
    try {
      await typeAtEnd(page, 'Written while SharePoint was down.');
      const state = page.getByTestId('save-state');
      await page.locator('[data-testid="save-state"][data-state="retrying"]').waitFor({ timeout: 60_000 });
      expect(await state.innerText()).toBe('Not saved — retrying');
      expect(await page.getByTestId('section-editor').innerText()).toContain(
        'Written while SharePoint was down.',
      );
      expect(textOf((await savedSection(tab, LEAD, planId, 'context')).content)).not.toContain(
        'Written while SharePoint was down.',
      );
      await screenshot(page, 'typed-03-retrying');
    } finally {
      emulator.faults.clear();
    }
    // Nobody presses anything: the retry already scheduled saves it.
    await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('save-state').innerText()).toMatch(/^Saved \d{2}:\d{2}$/);
    expect(textOf((await savedSection(tab, LEAD, planId, 'context')).content)).toContain(
      'Written while SharePoint was down.',
    );
    expect(editor.errors).toEqual([]);
  }, 180_000);
});
