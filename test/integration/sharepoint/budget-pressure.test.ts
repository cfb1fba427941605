/**
 * SharePoint's budget set low under a running server: the outbox worker spends it until SharePoint's
 * RateLimit headers say little is left, then waits, so the people saving sections meanwhile are all
 * answered (no 429 reaches them) and the messages not yet sent stay queued for later.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../../src/app/plans/run-command.js';
import type { OutgoingMessage } from '../../../src/ports/outbox.js';
import { conversationKey } from '../../../src/ports/conversations.js';
import type { StoredPlan } from '../../../src/ports/plan-store.js';
import { newTestPlan, paragraph, T0, testPeople } from '../../support/fixtures/index.js';
import { startBotHarness, type BotHarness } from '../../support/bot-harness.js';

/** RateLimit headers from 320 RU used; background work stops once 15 % (60 RU) or less is left. */
const BUDGET = 400;
const MESSAGES = 120;
const SAVES = 6;

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness();
});
afterAll(async () => {
  await h.close();
});

const until = async (what: string, done: () => boolean): Promise<void> => {
  // Polls; the test's own timeout is the limit, so nothing here is a timed assertion.
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(done(), what).toBe(true);
};

async function planWithOwner(): Promise<{ stored: StoredPlan; key: string }> {
  const { plan, audit } = newTestPlan();
  const created = await h.app.store.create(plan, audit);
  if (!created.ok) throw new Error(created.error.message);
  const key = created.value.plan.sections[1]!.definition.key;
  const assigned = await runCommand(
    h.app.commands,
    plan.id,
    { type: 'assignSection', sectionKey: key, ownerId: testPeople.owner, contributorIds: [], dueDate: null },
    { id: testPeople.lead },
  );
  if (!assigned.ok) throw new Error(assigned.error.message);
  const stored = await h.app.store.load(plan.id);
  if (!stored.ok) throw new Error(stored.error.message);
  return { stored: stored.value, key };
}

describe('a server under a low SharePoint budget', () => {
  it('slows its outbox first: every section save is answered, the rest of the outbox waits', async () => {
    const emulator = h.app.emulator!;
    const { stored, key } = await planWithOwner();
    const chatId = '19:budget-pressure@thread.v2';
    await h.app.conversations.save({
      key: conversationKey(chatId),
      kind: 'groupChat',
      conversationId: chatId,
      serviceUrl: h.connector.url,
      tenantId: 'local-tenant',
      botId: h.app.config.bot.appId,
      userId: null,
      title: 'Management team',
      updatedAt: T0,
    });
    const messages: OutgoingMessage[] = Array.from({ length: MESSAGES }, (_, i) => ({
      key: `budget-pressure/${i}`,
      planId: stored.plan.id,
      recipient: { kind: 'conversation', conversationKey: conversationKey(chatId) },
      text: `Message ${i}`,
      card: null,
      replacesKey: null,
      notBefore: T0,
      live: null,
    }));
    await h.app.outbox.enqueue(messages);

    emulator.budget.set(BUDGET);
    h.app.startWorkers({ dispatchMs: 10, remindMs: 3_600_000 });
    await until('the budget held background work back', () => h.app.budget.counts.backgroundWaits > 0);
    const reading = h.app.budget.current();
    expect(reading.limit).toBe(BUDGET);
    expect(reading.remaining).toBeLessThanOrEqual(BUDGET * 0.15);

    let revision = stored.plan.sections[1]!.revision;
    for (let i = 0; i < SAVES; i++) {
      const saved = await runCommand(
        h.app.commands,
        stored.plan.id,
        { type: 'editSection', sectionKey: key, baseRevision: revision, content: paragraph(`Edit ${i}`) },
        { id: testPeople.owner },
      );
      expect(saved.ok, saved.ok ? '' : `${saved.error.code}: ${saved.error.message}`).toBe(true);
      if (saved.ok) revision = saved.value.plan.sections.find((s) => s.definition.key === key)!.revision;
    }
    expect(emulator.stats.snapshot().throttledRequests).toBe(0);
    const sent = h.connector.calls.filter((c) => c.method === 'POST').length;
    expect(sent).toBeGreaterThan(0);
    expect(sent).toBeLessThan(MESSAGES);
  }, 120_000);
});
