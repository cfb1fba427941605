/**
 * Sends what is due in the outbox. Any number of server instances may run this at once: each entry is
 * claimed before it is sent, and only one claim of an attempt succeeds. A failed send is retried with
 * back-off; a person the bot cannot reach is reported to the plan lead, once.
 */
import type { IsoDateTime, PersonId } from '../../domain/plan/plan.js';
import type { Clock } from '../../ports/clock.js';
import { personalKey, type ConversationStore, type StoredConversation } from '../../ports/conversations.js';
import {
  SendFailure,
  type ChatInstaller,
  type LiveCardRenderer,
  type MessageSender,
} from '../../ports/messaging.js';
import type { BackgroundGate } from '../../ports/background.js';
import type { Outbox, OutboxEntry } from '../../ports/outbox.js';
import type { PlanStore } from '../../ports/plan-store.js';
import { NO_CONVERSATION } from './unreachable.js';

export interface DispatchDeps {
  readonly outbox: Outbox;
  readonly conversations: ConversationStore;
  readonly sender: MessageSender;
  readonly installer: ChatInstaller;
  readonly plans: PlanStore;
  readonly clock: Clock;
  readonly live: LiveCardRenderer;
  /** SharePoint's budget: while it runs low, the pass stops and what is left waits for the next. */
  readonly gate?: BackgroundGate;
}

export interface DispatchReport {
  readonly sent: number;
  readonly retrying: number;
  readonly failed: number;
  readonly skipped: number;
}

export const MAX_SEND_ATTEMPTS = 6;

const backoff = (now: IsoDateTime, attempts: number): IsoDateTime =>
  new Date(Date.parse(now) + Math.min(3600, 15 * 2 ** (attempts - 1)) * 1000)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');

async function conversationFor(deps: DispatchDeps, entry: OutboxEntry): Promise<StoredConversation | null> {
  if (entry.recipient.kind === 'conversation') return deps.conversations.get(entry.recipient.conversationKey);
  const known = await deps.conversations.get(personalKey(entry.recipient.userId));
  if (known) return known;
  const installed = await deps.installer.personalChat(entry.recipient.userId);
  if (installed) await deps.conversations.save(installed);
  return installed;
}

async function reportUnreachable(deps: DispatchDeps, entry: OutboxEntry, userId: PersonId): Promise<void> {
  const loaded = await deps.plans.load(entry.planId);
  if (!loaded.ok || loaded.value.plan.leadId === userId) return;
  await deps.outbox.enqueue([
    {
      key: `unreachable/${entry.planId}/${userId}`,
      planId: entry.planId,
      recipient: { kind: 'user', userId: loaded.value.plan.leadId },
      text: `Plan Builder cannot reach ${userId} in Teams: the app is not installed for them and could not be installed. Ask them to add Plan Builder in Teams, or ask IT to allow installing it for them.`,
      card: null,
      replacesKey: null,
      notBefore: deps.clock.now(),
      live: null,
    },
  ]);
}

async function deliver(
  deps: DispatchDeps,
  entry: OutboxEntry,
  conversation: StoredConversation,
): Promise<{ activityId: string | null; conversationId: string }> {
  const activity = entry.live
    ? await deps.live.render(entry.planId, entry.live)
    : { text: entry.text, card: entry.card };
  if (activity === null) throw new SendFailure('the card it shows no longer exists', false);
  if (entry.replacesKey) {
    const original = await deps.outbox.get(entry.replacesKey);
    if (
      original?.state === 'sent' &&
      original.activityId &&
      original.conversationId === conversation.conversationId
    ) {
      await deps.sender.update(conversation, original.activityId, activity);
      return { activityId: original.activityId, conversationId: conversation.conversationId };
    }
    if (original && original.state !== 'sent' && original.state !== 'failed') {
      throw new SendFailure(`the message it replaces (${original.key}) has not been sent yet`, true);
    }
  }
  const sent = await deps.sender.send(conversation, activity);
  return { activityId: sent.activityId, conversationId: conversation.conversationId };
}

/**
 * Of several due updates to one live card, only the last needs sending: each renders the current state,
 * so the earlier ones would only make the message flicker through the same tally.
 */
function supersededUpdates(due: readonly OutboxEntry[]): Set<string> {
  const latest = new Map<string, string>();
  for (const entry of due) {
    if (!entry.live || !entry.replacesKey) continue;
    const current = latest.get(entry.replacesKey);
    if (current === undefined || entry.key > current) latest.set(entry.replacesKey, entry.key);
  }
  return new Set(
    due.filter((e) => e.live && e.replacesKey && latest.get(e.replacesKey) !== e.key).map((e) => e.key),
  );
}

export async function dispatchOutbox(deps: DispatchDeps, limit = 25): Promise<DispatchReport> {
  const now = deps.clock.now();
  const due = await deps.outbox.due(now, limit);
  const superseded = supersededUpdates(due);
  let sent = 0;
  let retrying = 0;
  let failed = 0;
  let skipped = 0;
  for (const candidate of due) {
    if ((deps.gate?.backgroundDelayMs() ?? 0) > 0) break;
    const entry = await deps.outbox.claim(candidate, now);
    if (!entry) {
      skipped += 1; // another instance has it
      continue;
    }
    try {
      if (superseded.has(entry.key)) {
        // Delivered by the later update to the same card.
        const original = entry.replacesKey ? await deps.outbox.get(entry.replacesKey) : null;
        await deps.outbox.markSent(entry, {
          conversationId: original?.conversationId ?? '',
          activityId: original?.activityId ?? null,
        });
        skipped += 1;
        continue;
      }
      const conversation = await conversationFor(deps, entry);
      if (!conversation) {
        await deps.outbox.markFailed(
          entry,
          `${NO_CONVERSATION}, and the app could not be installed for them`,
          null,
        );
        if (entry.recipient.kind === 'user') await reportUnreachable(deps, entry, entry.recipient.userId);
        failed += 1;
        continue;
      }
      await deps.outbox.markSent(entry, await deliver(deps, entry, conversation));
      sent += 1;
    } catch (error) {
      const retryable = !(error instanceof SendFailure) || error.retryable;
      const message = error instanceof Error ? error.message : String(error);
      if (retryable && entry.attempts < MAX_SEND_ATTEMPTS) {
        await deps.outbox.markFailed(entry, message, backoff(now, entry.attempts));
        retrying += 1;
      } else {
        await deps.outbox.markFailed(entry, message, null);
        failed += 1;
      }
    }
  }
  return { sent, retrying, failed, skipped };
}
