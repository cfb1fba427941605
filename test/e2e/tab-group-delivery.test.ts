/**
 * The plan lead starts approvals in the tab, in Chromium, for a plan whose chain leads to the management
 * team's stage with no chat chosen: the server refuses with its reason, the tab asks how the team should
 * get the card (a chat Plan Builder is in, or 1:1, naming who 1:1 cannot reach yet), and after the choice
 * the first stage is open. Everything goes through the tab; the store is read only to check.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople } from '../../src/local/demo/people.js';
import { conversationKey, personalKey } from '../../src/ports/conversations.js';
import { readyDemoPlan } from '../support/ready-demo-plan.js';
import {
  launchChromium,
  openAs,
  screenshot,
  seriousViolations,
  type TabPage,
} from '../support/tab-browser.js';
import { builtTab } from '../support/tab-build.js';
import { startTabServer, type TabServer } from '../support/tab-server.js';

let tab: TabServer;
let browser: Browser;
const opened: TabPage[] = [];
const lead = demoPeople.planLead.id;
const CHAT = '19:emt-in-the-tab@thread.v2';
const NOW = '2026-12-02T03:00:00Z';

beforeAll(async () => {
  const tabDir = await builtTab();
  [tab, browser] = await Promise.all([startTabServer({ tabDir }), launchChromium()]);
  // The app was added to the management team's chat, and one member has a 1:1 chat with it.
  const base = { serviceUrl: 'http://127.0.0.1:9/_connector', tenantId: 'local-tenant', botId: 'bot' };
  await tab.app.conversations.save({
    ...base,
    key: conversationKey(CHAT),
    kind: 'groupChat',
    conversationId: CHAT,
    userId: null,
    title: 'EMT <b>weekly</b>',
    updatedAt: NOW,
  });
  await tab.app.conversations.save({
    ...base,
    key: personalKey(demoPeople.chiefExecutive.id),
    kind: 'personal',
    conversationId: `a:${demoPeople.chiefExecutive.id}`,
    userId: demoPeople.chiefExecutive.id,
    title: null,
    updatedAt: NOW,
  });
}, 120_000);

afterAll(async () => {
  for (const page of opened) await page.close().catch(() => undefined);
  await browser?.close();
  await tab?.close();
});

async function stored(planId: string) {
  const loaded = await tab.app.store.load(planId);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value.plan;
}

async function startFromTheTab(planId: string): Promise<TabPage> {
  const session = await openAs(browser, tab.url, lead, `#/plans/${encodeURIComponent(planId)}/approvals`);
  opened.push(session);
  await session.page.getByRole('button', { name: 'Start the next approval stage' }).click();
  return session;
}

describe('starting approvals when the management team has no chat', () => {
  it('asks the plan lead to choose, names who 1:1 cannot reach, and starts once 1:1 is chosen', async () => {
    const planId = await readyDemoPlan(tab.app, 'tab-delivery-1-1', 'Delivery in the tab (1:1)');
    const { page } = await startFromTheTab(planId);
    const dialog = page.getByRole('dialog', { name: 'How should the management team get this?' });
    await dialog.waitFor();
    await dialog.getByText('goes to the whole management team, and no chat is chosen').waitFor();
    expect((await stored(planId)).stages.every((s) => s.state === 'waiting')).toBe(true);
    // The chat's title is shown as text, not markup.
    await dialog
      .getByRole('radio', { name: 'Post it once in “EMT <b>weekly</b>”, and use that chat for this plan' })
      .waitFor();
    expect(await dialog.getByRole('button', { name: 'Start approvals' }).isDisabled()).toBe(true);
    await dialog.getByRole('radio', { name: 'Send each member their own card 1:1' }).check();
    const warning = dialog.getByTestId('group-delivery-unreachable');
    await warning.waitFor();
    const text = await warning.innerText();
    expect(text).toContain(demoPeople.director.displayName);
    expect(text).not.toContain(demoPeople.chiefExecutive.displayName);
    expect(text).toContain('install Plan Builder or open a chat with it');
    await screenshot(page, 'group-delivery-choice');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Start approvals' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page
      .getByRole('region', { name: 'Implications completed by the named officers' })
      .getByText('Open', { exact: true })
      .waitFor();
    const plan = await stored(planId);
    expect(plan.stages.find((s) => s.state === 'open')?.key).toBe('implications-sign-off');
    expect(plan.managementTeamChat).toBeNull();
  }, 90_000);

  it('binds the chosen chat for the plan and starts', async () => {
    const planId = await readyDemoPlan(tab.app, 'tab-delivery-chat', 'Delivery in the tab (chat)');
    const { page } = await startFromTheTab(planId);
    const dialog = page.getByRole('dialog', { name: 'How should the management team get this?' });
    await dialog.getByRole('radio', { name: /Post it once in “EMT/ }).check();
    await dialog.getByRole('button', { name: 'Start approvals' }).click();
    await dialog.waitFor({ state: 'detached' });
    const plan = await stored(planId);
    expect(plan.managementTeamChat).toBe(conversationKey(CHAT));
    expect(plan.stages.find((s) => s.state === 'open')?.key).toBe('implications-sign-off');
  }, 90_000);

  it('cancelling starts nothing', async () => {
    const planId = await readyDemoPlan(tab.app, 'tab-delivery-cancel', 'Delivery in the tab (cancel)');
    const { page } = await startFromTheTab(planId);
    const dialog = page.getByRole('dialog', { name: 'How should the management team get this?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    const plan = await stored(planId);
    expect(plan.stages.every((s) => s.state === 'waiting')).toBe(true);
    expect(plan.managementTeamChat).toBeNull();
  }, 90_000);
});
