/**
 * SharePoint throttles the requests inside a `$batch` one by one, and reports its budget in each of their
 * answers, while the envelope is Graph's own 200 with none of that. The composed server, through its real
 * Graph client against the emulator, must still learn of it: an inner 429 with Retry-After, or inner
 * RateLimit headers saying little is left, reach its one GraphBudget, which then holds background work
 * back, while people's saves that fit in what is left are all answered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../../src/app/plans/run-command.js';
import type { FaultRule } from '../../../src/local/emulator/index.js';
import type { OutgoingMessage } from '../../../src/ports/outbox.js';
import { conversationKey } from '../../../src/ports/conversations.js';
import { newTestPlan, paragraph, T0, testPeople } from '../../support/fixtures/index.js';
import { startBotHarness, type BotHarness } from '../../support/bot-harness.js';

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness();
});
afterAll(async () => {
  await h.close();
});

/** Resolves once `done()` holds; the test's own timeout is the limit, so nothing here is timed. */
const until = async (done: () => boolean): Promise<void> => {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 10));
};

const messages = (prefix: string, n: number): OutgoingMessage[] =>
  Array.from({ length: n }, (_, i) => ({
    key: `${prefix}/${i}`,
    planId: 'inner-batch-budget',
    recipient: { kind: 'conversation', conversationKey: conversationKey('19:nobody@thread.v2') },
    text: `Message ${i}`,
    card: null,
    replacesKey: null,
    notBefore: T0,
    live: null,
  }));

async function newPlan(): Promise<string> {
  const { plan, audit } = newTestPlan();
  const created = await h.app.store.create(plan, audit);
  if (!created.ok) throw new Error(created.error.message);
  return plan.id;
}

/**
 * Starts `work` with every request inside a batch matching `rule` answered 429 (Retry-After 2 s), and
 * waits until the budget has seen one of those answers or the work has given up. Then SharePoint stops
 * throttling, and the work, retried, completes.
 */
async function throttledInside<T>(
  rule: Pick<FaultRule, 'method' | 'path'>,
  work: () => Promise<T>,
): Promise<{ throttledSeen: number; delayWhileThrottled: number; throttled: boolean; result: T }> {
  const budget = h.app.budget;
  const before = budget.counts.throttled;
  const emulator = h.app.emulator!;
  emulator.stats.reset();
  emulator.faults.set([{ ...rule, status: 429, share: 1, retryAfterSeconds: 2, inBatch: 'only' }]);
  let settled = false;
  const running = work().then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  void running.finally(() => (settled = true));
  await until(() => settled || budget.counts.throttled > before);
  const seen = { throttled: budget.current().throttled, delay: budget.backgroundDelayMs() };
  emulator.faults.clear();
  const outcome = await running;
  expect(budget.counts.throttled - before, 'inner 429s the budget saw').toBeGreaterThan(0);
  if ('error' in outcome) throw outcome.error;
  const result = outcome.value;
  expect(emulator.stats.snapshot().throttledRequests).toBe(0); // the RU budget is off: all injected
  return {
    throttledSeen: budget.counts.throttled - before,
    delayWhileThrottled: seen.delay,
    throttled: seen.throttled,
    result,
  };
}

describe('answers inside a $batch reach the server’s SharePoint budget', () => {
  it('an inner 429 on a plan’s delta round and full read holds background work back', async () => {
    const planId = await newPlan();
    const seen = await throttledInside({ method: 'GET', path: /\/lists\/[^/]+\/items/ }, () =>
      h.app.store.refresh(planId),
    );
    expect(seen.throttledSeen).toBeGreaterThan(0);
    expect(seen.throttled).toBe(true);
    expect(seen.delayWhileThrottled).toBeGreaterThan(0);
    expect(seen.result.ok).toBe(true);
  }, 60_000);

  it('an inner 429 on the KPI lists’ delta and read holds background work back', async () => {
    const planId = await newPlan();
    const seen = await throttledInside({ method: 'GET', path: /\/lists\/[^/]+\/items/ }, () =>
      h.app.kpis.kpis.forPlan(planId),
    );
    expect(seen.throttledSeen).toBeGreaterThan(0);
    expect(seen.throttled).toBe(true);
    expect(seen.delayWhileThrottled).toBeGreaterThan(0);
    expect(seen.result.kpis).toEqual([]);
  }, 60_000);

  it('an inner 429 on the outbox’s batched creates holds background work back', async () => {
    const seen = await throttledInside({ method: 'POST', path: /\/lists\/[^/]+\/items$/ }, () =>
      h.app.outbox.enqueue(messages('inner-429', 3)),
    );
    expect(seen.throttledSeen).toBeGreaterThan(0);
    expect(seen.throttled).toBe(true);
    expect(seen.delayWhileThrottled).toBeGreaterThan(0);
    expect(seen.result).toBe(3);
  }, 60_000);

  it('inner RateLimit headers saying little is left stop background work; every save that fits is answered', async () => {
    const emulator = h.app.emulator!;
    const { plan, audit } = newTestPlan();
    const created = await h.app.store.create(plan, audit);
    if (!created.ok) throw new Error(created.error.message);
    const key = created.value.plan.sections[1]!.definition.key;
    const assigned = await runCommand(
      h.app.commands,
      plan.id,
      {
        type: 'assignSection',
        sectionKey: key,
        ownerId: testPeople.owner,
        contributorIds: [],
        dueDate: null,
      },
      { id: testPeople.lead },
    );
    if (!assigned.ok) throw new Error(assigned.error.message);
    let revision = assigned.value.plan.sections.find((s) => s.definition.key === key)!.revision;

    // 1,000 RU a minute: RateLimit headers from 800 used, background work held below 150 left. 430
    // creates in batches of 20 spend 860 RU, so only answers inside batches say how little is left.
    const BUDGET = 1_000;
    emulator.budget.set(BUDGET);
    emulator.stats.reset();
    expect(await h.app.outbox.enqueue(messages('inner-ratelimit', 430))).toBe(430);
    expect(emulator.stats.snapshot().resourceUnits).toBe(860);
    const reading = h.app.budget.current();
    expect(reading.throttled).toBe(false);
    expect(reading.limit).toBe(BUDGET);
    expect(reading.remaining).toBe(140);
    expect(h.app.budget.backgroundDelayMs()).toBeGreaterThan(0);

    // The outbox worker's passes are skipped while so little is left.
    const waits = h.app.budget.counts.backgroundWaits;
    h.app.startWorkers({ dispatchMs: 10, remindMs: 3_600_000 });
    await until(() => h.app.budget.counts.backgroundWaits > waits);

    for (let i = 0; i < 6; i++) {
      const saved = await runCommand(
        h.app.commands,
        plan.id,
        { type: 'editSection', sectionKey: key, baseRevision: revision, content: paragraph(`Edit ${i}`) },
        { id: testPeople.owner },
      );
      expect(saved.ok, saved.ok ? '' : `${saved.error.code}: ${saved.error.message}`).toBe(true);
      if (saved.ok) revision = saved.value.plan.sections.find((s) => s.definition.key === key)!.revision;
    }
    expect(emulator.stats.snapshot().throttledRequests).toBe(0);
    expect(h.connector.calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  }, 120_000);
});
