/**
 * Local mode's acting-as bar, in Chromium: for the person acted as, the Agents Playground page that acts
 * as them (npm start runs one per seat) is linked, so a newcomer can see the bot as that person; someone
 * with no seat gets no link.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople } from '../../src/local/demo/people.js';
import { launchChromium, openAs, type TabPage } from '../support/tab-browser.js';
import { builtTab } from '../support/tab-build.js';
import { startTabServer, type TabServer } from '../support/tab-server.js';

let tab: TabServer;
let browser: Browser;
const opened: TabPage[] = [];
const SEATS = {
  [demoPeople.planLead.id]: 'http://127.0.0.1:56150',
  [demoPeople.chiefExecutive.id]: 'http://127.0.0.1:56151',
};

beforeAll(async () => {
  const tabDir = await builtTab();
  [tab, browser] = await Promise.all([startTabServer({ tabDir, playgrounds: SEATS }), launchChromium()]);
}, 120_000);
afterAll(async () => {
  for (const page of opened) await page.close().catch(() => undefined);
  await browser?.close();
  await tab?.close();
});

describe('the acting-as bar in local mode', () => {
  it('links the Playground of the person acted as, and follows the choice', async () => {
    const session = await openAs(browser, tab.url, demoPeople.planLead.id, '#/');
    opened.push(session);
    const link = session.page.getByTestId('acting-as-playground');
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe('http://127.0.0.1:56150');
    expect(await link.innerText()).toContain('Their Agents Playground: http://127.0.0.1:56150');
    await session.page.getByTestId('acting-as').selectOption(demoPeople.chiefExecutive.id);
    await session.page.getByText('Their Agents Playground: http://127.0.0.1:56151').waitFor();
    await session.page.getByTestId('acting-as').selectOption(demoPeople.financeOfficer.id);
    await session.page.getByText('Acting as').first().waitFor();
    await link.waitFor({ state: 'detached' });
  }, 60_000);

  it('says the same through the API, and nothing of seats where none run', async () => {
    const answer = await tab.as(demoPeople.planLead.id)<{ playgrounds: Record<string, string> }>(
      'GET',
      '/api/dev/people',
    );
    expect(answer.body.playgrounds).toEqual(SEATS);
    const plain = await startTabServer();
    try {
      const none = await plain.as(demoPeople.planLead.id)<{ playgrounds: Record<string, string> }>(
        'GET',
        '/api/dev/people',
      );
      expect(none.body.playgrounds).toEqual({});
    } finally {
      await plain.close();
    }
  }, 60_000);
});
