/**
 * The outbox dispatcher over the real SharePoint outbox (emulator). The Teams side is the edge, so it
 * is a recording sender and installer here; the bot tests exercise the real Agents SDK sender.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SharePointConversationStore } from '../../src/adapters/sharepoint/conversation-store.js';
import { SharePointOutbox } from '../../src/adapters/sharepoint/outbox-store.js';
import { dispatchOutbox, type DispatchDeps } from '../../src/app/notifications/dispatch-outbox.js';
import { personalKey, type StoredConversation } from '../../src/ports/conversations.js';
import { SendFailure, type MessageSender } from '../../src/ports/messaging.js';
import type { OutgoingMessage } from '../../src/ports/outbox.js';
import { newTestPlan, testPeople } from '../support/fixtures/index.js';
import { startTestSite, type TestSite } from '../support/sharepoint.js';

let site: TestSite;
let planId: string;
beforeAll(async () => {
  site = await startTestSite();
  const { plan, audit } = newTestPlan();
  planId = plan.id;
  const created = await site.store.create(plan, audit);
  if (!created.ok) throw new Error(created.error.message);
});
afterAll(async () => {
  await site.close();
});

const NOW = '2026-11-22T10:00:00Z';

function conversationOf(userId: string): StoredConversation {
  return {
    key: personalKey(userId),
    kind: 'personal',
    conversationId: `a:chat-${userId}`,
    serviceUrl: 'https://smba.example/',
    tenantId: 't',
    botId: '28:bot',
    userId,
    title: null,
    updatedAt: NOW,
  };
}

class RecordingSender implements MessageSender {
  readonly sent: { conversationId: string; text: string }[] = [];
  readonly updated: { activityId: string; text: string }[] = [];
  failNext: SendFailure | null = null;
  async send(conversation: StoredConversation, activity: { text: string }) {
    if (this.failNext) {
      const failure = this.failNext;
      this.failNext = null;
      throw failure;
    }
    this.sent.push({ conversationId: conversation.conversationId, text: activity.text });
    return { activityId: `activity-${this.sent.length}` };
  }
  async update(_conversation: StoredConversation, activityId: string, activity: { text: string }) {
    this.updated.push({ activityId, text: activity.text });
  }
}

function setup(installable: ReadonlySet<string> = new Set()) {
  const sender = new RecordingSender();
  const deps = (client = site.client): DispatchDeps => ({
    outbox: new SharePointOutbox(client, site.site),
    conversations: new SharePointConversationStore(client, site.site),
    sender,
    installer: { personalChat: async (userId) => (installable.has(userId) ? conversationOf(userId) : null) },
    plans: site.store,
    clock: { now: () => NOW },
    live: {
      render: async (planId, card) => ({
        text: `live ${planId} ${card.stageKey} round ${card.round}`,
        card: null,
      }),
    },
  });
  return { sender, deps };
}

let n = 0;
const message = (userId: string, extra: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  key: `dispatch-test/${++n}`,
  planId,
  recipient: { kind: 'user', userId },
  text: `message ${n}`,
  card: null,
  replacesKey: null,
  notBefore: NOW,
  live: null,
  ...extra,
});

describe('dispatching the outbox', () => {
  it('sends to a known chat and records where it went', async () => {
    const { sender, deps } = setup();
    await deps().conversations.save(conversationOf('user-a'));
    const m = message('user-a');
    await deps().outbox.enqueue([m]);
    expect(await dispatchOutbox(deps())).toMatchObject({ sent: 1 });
    expect(sender.sent).toEqual([{ conversationId: 'a:chat-user-a', text: m.text }]);
    expect(await deps().outbox.get(m.key)).toMatchObject({ state: 'sent', activityId: 'activity-1' });
  });

  it('installs the app for someone with no chat yet, and remembers the chat', async () => {
    const { sender, deps } = setup(new Set(['user-b']));
    await deps().outbox.enqueue([message('user-b')]);
    await dispatchOutbox(deps());
    expect(sender.sent.map((s) => s.conversationId)).toEqual(['a:chat-user-b']);
    expect(await deps().conversations.get(personalKey('user-b'))).toMatchObject({
      conversationId: 'a:chat-user-b',
    });
  });

  it('tells the plan lead, once, about someone the bot cannot reach', async () => {
    const { sender, deps } = setup();
    await deps().conversations.save(conversationOf(testPeople.lead));
    await deps().outbox.enqueue([message('user-unreachable'), message('user-unreachable')]);
    const first = await dispatchOutbox(deps());
    expect(first.failed).toBe(2);
    await dispatchOutbox(deps());
    const toLead = sender.sent.filter((s) => s.conversationId === `a:chat-${testPeople.lead}`);
    expect(toLead).toHaveLength(1);
    expect(toLead[0]!.text).toContain('user-unreachable');
  });

  it('retries a send that failed for a passing reason, and drops one that never will', async () => {
    const { sender, deps } = setup();
    await deps().conversations.save(conversationOf('user-c'));
    const passing = message('user-c');
    await deps().outbox.enqueue([passing]);
    sender.failNext = new SendFailure('connector answered 503', true);
    expect(await dispatchOutbox(deps())).toMatchObject({ retrying: 1 });
    expect(await deps().outbox.get(passing.key)).toMatchObject({
      state: 'pending',
      attempts: 1,
      lastError: 'connector answered 503',
    });
    const permanent = message('user-c');
    await deps().outbox.enqueue([permanent]);
    sender.failNext = new SendFailure('bot blocked by user', false);
    await dispatchOutbox({ ...deps(), clock: { now: () => NOW } });
    expect(await deps().outbox.get(permanent.key)).toMatchObject({ state: 'failed' });
  });

  it('two instances dispatching at once send every message exactly once', async () => {
    const { sender, deps } = setup();
    await deps().conversations.save(conversationOf('user-d'));
    const batch = Array.from({ length: 8 }, () => message('user-d'));
    await deps().outbox.enqueue(batch);
    await Promise.all([dispatchOutbox(deps()), dispatchOutbox(deps(site.newClient()))]);
    const texts = sender.sent.map((s) => s.text).filter((t) => batch.some((m) => m.text === t));
    expect(texts.sort()).toEqual(batch.map((m) => m.text).sort());
  });

  it('updates the message a later entry replaces, for everyone', async () => {
    const { sender, deps } = setup();
    await deps().conversations.save(conversationOf('user-e'));
    const original = message('user-e');
    await deps().outbox.enqueue([original]);
    await dispatchOutbox(deps());
    const update = message('user-e', { replacesKey: original.key, text: 'updated tally' });
    await deps().outbox.enqueue([update]);
    await dispatchOutbox(deps());
    const originalId = (await deps().outbox.get(original.key))!.activityId!;
    expect(sender.updated).toEqual([{ activityId: originalId, text: 'updated tally' }]);
  });

  it('renders a live card from the stored plan when it is sent, not when it was queued', async () => {
    const { sender, deps } = setup();
    await deps().conversations.save(conversationOf('user-f'));
    const live = message('user-f', {
      text: 'stale text',
      live: { kind: 'approval', stageKey: 'emt', round: 2 },
    });
    await deps().outbox.enqueue([live]);
    expect((await deps().outbox.get(live.key))!.live).toEqual({
      kind: 'approval',
      stageKey: 'emt',
      round: 2,
    });
    await dispatchOutbox(deps());
    expect(sender.sent.at(-1)!.text).toBe(`live ${planId} emt round 2`);
  });
});
