/** The Outbox contract: once-only enqueue and claim, across instances. */
import { describe, expect, it } from 'vitest';
import type { Outbox, OutgoingMessage } from '../../src/ports/outbox.js';

export interface OutboxUnderTest {
  /** Two independent instances over the same storage, as two servers would have. */
  readonly outboxes: readonly [Outbox, Outbox];
}

const T = '2026-11-22T10:00:00Z';
let counter = 0;

function message(overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  counter += 1;
  return {
    key: `test/${Date.now()}/${counter}`,
    planId: 'plan-1',
    recipient: { kind: 'user', userId: 'u-1' },
    text: 'Your section is due',
    card: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Hi' }] },
    replacesKey: null,
    notBefore: T,
    live: null,
    ...overrides,
  };
}

export function outboxContract(name: string, open: () => OutboxUnderTest): void {
  describe(`Outbox contract: ${name}`, () => {
    it('enqueues a message once, however often and from however many instances it is enqueued', async () => {
      const { outboxes } = open();
      const m = message();
      const counts = await Promise.all([
        outboxes[0].enqueue([m]),
        outboxes[1].enqueue([m]),
        outboxes[0].enqueue([m]),
      ]);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(1);
      expect(await outboxes[1].get(m.key)).toMatchObject({
        key: m.key,
        state: 'pending',
        attempts: 0,
        card: m.card,
      });
    });

    it('gives each attempt to exactly one of two instances claiming it at once', async () => {
      const { outboxes } = open();
      const m = message();
      await outboxes[0].enqueue([m]);
      const due = (await outboxes[0].due(T, 1000)).find((e) => e.key === m.key)!;
      const claims = await Promise.all([outboxes[0].claim(due, T), outboxes[1].claim(due, T)]);
      expect(claims.filter((c) => c !== null)).toHaveLength(1);
      // A claimed entry is not due again until its claim lapses.
      expect((await outboxes[1].due(T, 1000)).some((e) => e.key === m.key)).toBe(false);
    });

    it('records where a sent message went, so it can be updated later', async () => {
      const { outboxes } = open();
      const m = message();
      await outboxes[0].enqueue([m]);
      const claimed = await outboxes[0].claim((await outboxes[0].get(m.key))!, T);
      await outboxes[0].markSent(claimed!, { conversationId: 'a:1abc', activityId: 'act-7' });
      expect(await outboxes[1].get(m.key)).toMatchObject({
        state: 'sent',
        conversationId: 'a:1abc',
        activityId: 'act-7',
      });
      expect((await outboxes[1].due('2099-01-01T00:00:00Z', 1000)).some((e) => e.key === m.key)).toBe(false);
    });

    it('retries a failed send later, and gives up when told to', async () => {
      const { outboxes } = open();
      const retried = message();
      const abandoned = message();
      await outboxes[0].enqueue([retried, abandoned]);
      const later = '2026-11-22T10:05:00Z';
      await outboxes[0].markFailed(
        (await outboxes[0].claim((await outboxes[0].get(retried.key))!, T))!,
        'connector 503',
        later,
      );
      await outboxes[0].markFailed(
        (await outboxes[0].claim((await outboxes[0].get(abandoned.key))!, T))!,
        'user blocked the app',
        null,
      );
      expect((await outboxes[1].due(T, 1000)).map((e) => e.key)).not.toContain(retried.key);
      const dueLater = await outboxes[1].due(later, 1000);
      expect(dueLater.find((e) => e.key === retried.key)).toMatchObject({
        attempts: 1,
        lastError: 'connector 503',
      });
      expect(dueLater.some((e) => e.key === abandoned.key)).toBe(false);
      expect(await outboxes[1].get(abandoned.key)).toMatchObject({
        state: 'failed',
        lastError: 'user blocked the app',
      });
    });

    it('keeps why a recipient cannot be reached with an entry given up on, for the plan it was for', async () => {
      const { outboxes } = open();
      const planId = `plan-unreachable-${Date.now()}`;
      const gone = message({ planId });
      const failedOther = message({ planId });
      await outboxes[0].enqueue([gone, failedOther]);
      const at = '2026-11-22T10:01:00Z';
      await outboxes[0].markFailed(
        (await outboxes[0].claim((await outboxes[0].get(gone.key))!, T))!,
        'Teams: 404 ConversationNotFound',
        null,
        { reason: 'conversation-not-found', at },
      );
      await outboxes[0].markFailed(
        (await outboxes[0].claim((await outboxes[0].get(failedOther.key))!, T))!,
        'Teams: 413 MessageSizeTooBig',
        null,
      );
      const undeliverable = await outboxes[1].undeliverable(planId);
      expect(undeliverable.find((e) => e.key === gone.key)?.unreachable).toEqual({
        reason: 'conversation-not-found',
        at,
      });
      expect(undeliverable.find((e) => e.key === failedOther.key)?.unreachable ?? null).toBeNull();
    });

    it('makes an entry due again when its sender died holding the claim', async () => {
      const { outboxes } = open();
      const m = message();
      await outboxes[0].enqueue([m]);
      await outboxes[0].claim((await outboxes[0].get(m.key))!, T);
      const afterLapse = '2026-11-22T10:10:00Z';
      expect((await outboxes[1].due(afterLapse, 1000)).find((e) => e.key === m.key)).toMatchObject({
        state: 'sending',
      });
    });
  });
}
