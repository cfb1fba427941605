/**
 * The outbox worker against the emulator: idle, it does not spend SharePoint's budget asking what is
 * due every tick; what this instance enqueues goes out at once all the same, and what another instance
 * enqueued and never sent goes out at the next sweep.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationKey } from '../../../src/ports/conversations.js';
import type { OutgoingMessage } from '../../../src/ports/outbox.js';
import { T0 } from '../../support/fixtures/index.js';
import { startBotHarness, type BotHarness } from '../../support/bot-harness.js';

const CHAT = '19:outbox-worker@thread.v2';
const TICK_MS = 20;

let a: BotHarness;
let b: BotHarness;
beforeAll(async () => {
  a = await startBotHarness();
  b = await startBotHarness((c) => c, { sharedEmulator: a.app.emulator!, sharedConnector: a.connector });
  await a.app.conversations.save({
    key: conversationKey(CHAT),
    kind: 'groupChat',
    conversationId: CHAT,
    serviceUrl: a.connector.url,
    tenantId: 'local-tenant',
    botId: a.app.config.bot.appId,
    userId: null,
    title: 'Management team',
    updatedAt: T0,
  });
});
afterAll(async () => {
  await b?.close();
  await a?.close();
});

const until = async (done: () => boolean): Promise<void> => {
  // Polls; the test's own timeout is the limit, so nothing here is a timed assertion.
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 20));
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const message = (key: string): OutgoingMessage => ({
  key,
  planId: 'outbox-worker-plan',
  recipient: { kind: 'conversation', conversationKey: conversationKey(CHAT) },
  text: `Message ${key}`,
  card: null,
  replacesKey: null,
  notBefore: T0,
  live: null,
});
const sentTexts = (): string[] =>
  a.connector.calls
    .filter((c) => c.method === 'POST')
    .map((c) => JSON.stringify(c.body))
    .filter((body) => body.includes('Message outbox-worker/'));

describe('the outbox worker and the SharePoint budget', () => {
  it('asks nothing while idle, and sends what this instance enqueues at once, long before its sweep', async () => {
    const emulator = a.app.emulator!;
    a.app.startWorkers({ dispatchMs: TICK_MS, remindMs: 3_600_000 });
    await sleep(300); // the pass at start
    emulator.stats.reset();
    await sleep(1_500); // 75 ticks: asking on each would be 150 list queries, 300 RU
    expect(emulator.stats.snapshot().resourceUnits).toBe(0);

    expect(await a.app.outbox.enqueue([message('outbox-worker/here')])).toBe(1);
    await until(() => sentTexts().some((t) => t.includes('outbox-worker/here')));
    expect((await a.app.outbox.get('outbox-worker/here'))?.state).toBe('sent');
  }, 15_000); // the sweep is 30 s: only the enqueue's own signal sends it in time

  it('sends at its next sweep what another instance enqueued and never sent', async () => {
    // C is running, its pass at start done; B enqueues and never sends (no worker: an instance that
    // stopped first); C's next sweep finds it (A's is 30 s away).
    const c = await startBotHarness((config) => config, {
      sharedEmulator: a.app.emulator!,
      sharedConnector: a.connector,
    });
    try {
      c.app.startWorkers({ dispatchMs: TICK_MS, remindMs: 3_600_000, sweepMs: 500 });
      await sleep(300);
      expect(await b.app.outbox.enqueue([message('outbox-worker/there')])).toBe(1);
      await until(() => sentTexts().some((t) => t.includes('outbox-worker/there')));
      expect(sentTexts().filter((t) => t.includes('outbox-worker/there'))).toHaveLength(1);
    } finally {
      await c.close();
    }
  }, 20_000);
});
