/**
 * Two people editing one section in two browser contexts: the second save meets the first, the editor
 * shows the conflict with the other version, and merging keeps every word both of them wrote.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople } from '../../src/local/demo/people.js';
import { DEMO_PLAN_ID } from '../../src/local/demo/seed.js';
import { builtTab } from '../support/tab-build.js';
import {
  launchChromium,
  openAs,
  screenshot,
  seriousViolations,
  type TabPage,
} from '../support/tab-browser.js';
import { savedSection, textOf, typeAtEnd } from '../support/tab-editor.js';
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

// In the demo plan, Owen Price owns "reducing waste" and Tom Okafor contributes to it.
const KEY = 'theme-3-reducing-waste';
const owner = demoPeople.hrLead.id;
const contributor = demoPeople.financeOfficer.id;
const ORIGINAL = 'Agency spend has fallen for three years running';

describe('two editors, one section', () => {
  it('shows the conflict with the other version, and a merge loses no one’s text', async () => {
    const hash = `#/plans/${DEMO_PLAN_ID}/sections/${KEY}`;
    const [a, b] = await Promise.all([
      openAs(browser, tab.url, owner, hash),
      openAs(browser, tab.url, contributor, hash),
    ]);
    opened.push(a, b);
    await Promise.all([
      a.page.getByTestId('section-editor').waitFor(),
      b.page.getByTestId('section-editor').waitFor(),
    ]);
    const startRevision = (await savedSection(tab, owner, DEMO_PLAN_ID, KEY)).revision;

    // Owen writes and his autosave lands first.
    await typeAtEnd(a.page, ' Alpha: Owen adds the agency cap.');
    await expect
      .poll(async () => textOf((await savedSection(tab, owner, DEMO_PLAN_ID, KEY)).content), {
        timeout: 15_000,
      })
      .toContain('Alpha: Owen adds the agency cap.');
    await a.page.locator('[data-testid="save-state"][data-state="saved"]').waitFor();

    // Tom, still on the version he opened, writes too: his save is refused and he is shown Owen's version.
    await typeAtEnd(b.page, ' Beta: Tom adds the consultancy figures.');
    const conflict = b.page.getByTestId('conflict');
    await conflict.waitFor({ timeout: 15_000 });
    expect(await b.page.getByTestId('save-state').getAttribute('data-state')).toBe('conflict');
    expect(await conflict.innerText()).toContain('Owen Price saved this section while you were writing');
    expect(await b.page.getByTestId('conflict-theirs').innerText()).toContain(
      'Alpha: Owen adds the agency cap.',
    );
    expect(await b.page.getByTestId('conflict-mine').innerText()).toContain(
      'Beta: Tom adds the consultancy figures.',
    );
    // Nothing was written over Owen's text.
    const during = await savedSection(tab, owner, DEMO_PLAN_ID, KEY);
    expect(textOf(during.content)).toContain('Alpha: Owen adds the agency cap.');
    expect(textOf(during.content)).not.toContain('Beta');
    expect(during.revision).toBe(startRevision + 1);
    await screenshot(b.page, '20-conflict');
    expect(await seriousViolations(b.page)).toEqual([]);

    await b.page.getByRole('button', { name: 'Merge: keep both' }).click();
    await expect
      .poll(async () => textOf((await savedSection(tab, owner, DEMO_PLAN_ID, KEY)).content), {
        timeout: 15_000,
      })
      .toContain('Beta: Tom adds the consultancy figures.');
    await b.page.locator('[data-testid="save-state"][data-state="saved"]').waitFor();
    const merged = textOf((await savedSection(tab, owner, DEMO_PLAN_ID, KEY)).content);
    for (const words of [
      ORIGINAL,
      'Alpha: Owen adds the agency cap.',
      'Beta: Tom adds the consultancy figures.',
    ]) {
      expect(merged).toContain(words);
    }
    await screenshot(b.page, '21-merged');

    // Owen's page is now behind; his next edit meets Tom's merge, and he keeps his own version of it.
    await typeAtEnd(a.page, ' Gamma: Owen again.');
    await a.page.getByTestId('conflict').waitFor({ timeout: 15_000 });
    await a.page.getByRole('button', { name: 'Merge: keep both' }).click();
    await expect
      .poll(async () => textOf((await savedSection(tab, owner, DEMO_PLAN_ID, KEY)).content), {
        timeout: 15_000,
      })
      .toContain('Gamma: Owen again.');
    const final = textOf((await savedSection(tab, owner, DEMO_PLAN_ID, KEY)).content);
    for (const words of [
      ORIGINAL,
      'Alpha: Owen adds the agency cap.',
      'Beta: Tom adds the consultancy figures.',
      'Gamma',
    ]) {
      expect(final).toContain(words);
    }
    expect([...a.errors, ...b.errors, ...a.dialogs, ...b.dialogs]).toEqual([]);
  }, 120_000);
});
