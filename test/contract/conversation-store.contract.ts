/**
 * The ConversationStore contract: one reference per key, kept current in place by however many server
 * instances record it at once, without losing a chat's name. Run against the local emulator in every
 * `npm test`, and against a real SharePoint site when tenant variables are set.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ConversationStore, StoredConversation } from '../../src/ports/conversations.js';
import { conversationKey, personalKey } from '../../src/ports/conversations.js';

export interface ConversationsUnderTest {
  /** Two independent instances over the same storage, as two servers would have. */
  readonly stores: readonly [ConversationStore, ConversationStore];
  /** Graph requests sent since the last reset, when the runner can count them. */
  readonly roundTrips?: () => number;
  readonly resetRoundTrips?: () => void;
}

const T = '2026-11-22T10:00:00Z';
/** Keys unique to this run, so a real site's earlier runs never answer for this one. */
const run = randomUUID().slice(0, 8);

function personal(overrides: Partial<StoredConversation> = {}): StoredConversation {
  const userId = overrides.userId ?? `u-${run}-${randomUUID().slice(0, 8)}`;
  return {
    key: personalKey(userId),
    kind: 'personal',
    conversationId: `a:1${userId}`,
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    tenantId: 'tenant-1',
    botId: '28:bot',
    userId,
    title: null,
    updatedAt: T,
    ...overrides,
  };
}

function shared(kind: 'groupChat' | 'channel', title: string | null): StoredConversation {
  const id = `19:${run}-${randomUUID().slice(0, 8)}@thread.${kind === 'channel' ? 'tacv2' : 'v2'}`;
  return personal({ key: conversationKey(id), kind, conversationId: id, userId: null, title });
}

export function conversationStoreContract(name: string, open: () => ConversationsUnderTest): void {
  describe(`ConversationStore contract: ${name}`, () => {
    it('stores a reference once per key and updates it in place', async () => {
      const { stores } = open();
      const first = personal();
      await Promise.all([stores[0].save(first), stores[1].save(first)]);
      expect(await stores[1].get(first.key)).toEqual(first);
      const moved = {
        ...first,
        serviceUrl: 'https://smba.trafficmanager.net/uk/',
        updatedAt: '2026-11-23T09:00:00Z',
      };
      await stores[0].save(moved);
      expect(await stores[1].get(first.key)).toEqual(moved);
    });

    it('answers null for a key it does not hold, and for keys that could inject a filter', async () => {
      const { stores } = open();
      expect(await stores[0].get(personalKey(`nobody-${run}`))).toBeNull();
      const stored = personal();
      await stores[0].save(stored);
      for (const key of [`${stored.key}' or fields/Kind ne 'x`, `x' or '1' eq '1`, '']) {
        expect(await stores[1].get(key)).toBeNull();
      }
    });

    it('two instances writing different references under one key at once keep one of them whole', async () => {
      const { stores } = open();
      const base = personal();
      await stores[0].save(base);
      const a = { ...base, conversationId: 'a:from-instance-a', updatedAt: '2026-11-23T10:00:00Z' };
      const b = { ...base, conversationId: 'a:from-instance-b', updatedAt: '2026-11-23T10:00:01Z' };
      await Promise.all([stores[0].save(a), stores[1].save(b)]);
      const kept = await stores[0].get(base.key);
      // Whichever wrote last, the item is one writer's reference, never a mixture of the two.
      expect([a, b]).toContainEqual(kept);
    });

    it('keeps a chat’s name when a later activity does not name it', async () => {
      const { stores } = open();
      const chat = shared('groupChat', 'Management team');
      await stores[0].save(chat);
      await stores[1].save({ ...chat, title: null, serviceUrl: 'https://smba.trafficmanager.net/uk/' });
      expect(await stores[0].get(chat.key)).toMatchObject({
        title: 'Management team',
        serviceUrl: 'https://smba.trafficmanager.net/uk/',
      });
    });

    it('writes nothing when a reference is seen again unchanged', async () => {
      const subject = open();
      if (!subject.roundTrips || !subject.resetRoundTrips) return;
      const stored = personal();
      await subject.stores[0].save(stored);
      subject.resetRoundTrips();
      await subject.stores[0].save({ ...stored, updatedAt: '2026-12-01T00:00:00Z' });
      // One read to find it; no write, since only the time it was seen differs.
      expect(subject.roundTrips()).toBe(1);
    });

    it('lists group chats and channels for the plan lead to choose from, by name, and no 1:1 chats', async () => {
      const { stores } = open();
      const chat = shared('groupChat', `EMT ${run}`);
      const channel = shared('channel', `Plans ${run}`);
      await stores[0].save(chat);
      await stores[0].save(channel);
      await stores[0].save(personal());
      const found = await stores[1].shared();
      expect(found).toEqual(expect.arrayContaining([chat, channel]));
      expect(found.every((c) => c.kind !== 'personal')).toBe(true);
      const titles = found.map((c) => c.title ?? '');
      expect(titles).toEqual([...titles].sort((x, y) => x.localeCompare(y)));
    });

    it('marks a reference unreachable with the reason and when, until an activity stores it afresh', async () => {
      const { stores } = open();
      const chat = shared('groupChat', `Gone ${run}`);
      await stores[0].save(chat);
      const mark = {
        reason: 'conversation-not-found' as const,
        detail: '404 ConversationNotFound',
        since: T,
      };
      await Promise.all([
        stores[0].markUnreachable(chat.key, mark),
        stores[1].markUnreachable(chat.key, mark),
      ]);
      expect(await stores[1].get(chat.key)).toEqual({ ...chat, unreachable: mark });
      // A chat nobody can reach is not offered to the plan lead.
      expect((await stores[0].shared()).map((c) => c.key)).not.toContain(chat.key);
      // Marking a key nothing is stored under stores nothing.
      await stores[0].markUnreachable(personalKey(`nobody-${run}`), mark);
      expect(await stores[0].get(personalKey(`nobody-${run}`))).toBeNull();
      // Teams shows the chat again (the app is added back, someone writes in it): the mark goes.
      const seen = { ...chat, updatedAt: '2026-11-24T10:00:00Z' };
      await stores[1].save(seen);
      expect(await stores[0].get(chat.key)).toEqual(seen);
    });
  });
}
