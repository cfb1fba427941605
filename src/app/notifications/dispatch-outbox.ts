/**
 * Sends what is due in the outbox. Any number of server instances may run this at once: each entry is
 * claimed before it is sent, and only one claim of an attempt succeeds. A failed send is retried with
 * back-off only where trying again can succeed (Teams said 412/429/502/503/504, or did not answer). A
 * person or chat the bot cannot reach (not installed, chat not found, removed, blocked, refused) is marked
 * so with the reason and when, is not sent to again until Teams shows it again, and is reported to the
 * plan lead once.
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
import type { UnreachableReason } from '../../ports/reachability.js';
import { sha256Hex } from '../../domain/support/sha256.js';
import type { Outbox, OutboxEntry } from '../../ports/outbox.js';
import type { PlanStore } from '../../ports/plan-store.js';
import { UNREACHABLE_WORDING } from './cannot-reach.js';

/** The reason recorded when there is no chat with the person and none could be made. */
export const NO_CONVERSATION = 'No conversation with the recipient';

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
  /** A person's display name, made safe for a text message (markdown); absent: they are named by id. */
  readonly safeNameOf?: (personId: PersonId) => Promise<string>;
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

/** When to try again: the back-off, or later if Teams said when (Retry-After). */
function retryAt(now: IsoDateTime, attempts: number, error: unknown): IsoDateTime {
  const after =
    error instanceof SendFailure && error.failure.kind === 'retry' ? error.failure.retryAfterSeconds : null;
  const backedOff = backoff(now, attempts);
  if (after === null) return backedOff;
  const told = new Date(Date.parse(now) + after * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return told > backedOff ? told : backedOff;
}

async function conversationFor(deps: DispatchDeps, entry: OutboxEntry): Promise<StoredConversation | null> {
  if (entry.recipient.kind === 'conversation') return deps.conversations.get(entry.recipient.conversationKey);
  const known = await deps.conversations.get(personalKey(entry.recipient.userId));
  if (known) return known;
  const installed = await deps.installer.personalChat(entry.recipient.userId);
  if (installed) await deps.conversations.save(installed);
  return installed;
}

/**
 * The plan lead is told once per person or chat that cannot be reached (unless it is the lead who cannot
 * be: the tab's dashboard shows them the same list).
 */
async function reportUnreachable(
  deps: DispatchDeps,
  entry: OutboxEntry,
  reason: UnreachableReason,
): Promise<void> {
  const loaded = await deps.plans.load(entry.planId);
  if (!loaded.ok) return;
  const plan = loaded.value.plan;
  const recipient = entry.recipient;
  if (recipient.kind === 'user' && plan.leadId === recipient.userId) return;
  const who =
    recipient.kind === 'user'
      ? {
          key: recipient.userId,
          text: `Plan Builder cannot reach ${(await deps.safeNameOf?.(recipient.userId)) ?? recipient.userId} in Teams`,
        }
      : {
          key: `chat-${sha256Hex(recipient.conversationKey).slice(0, 16)}`,
          text: "Plan Builder cannot post to the management team's chat",
        };
  await deps.outbox.enqueue([
    {
      key: `unreachable/${entry.planId}/${who.key}`,
      planId: entry.planId,
      recipient: { kind: 'user', userId: plan.leadId },
      text: `${who.text}: ${UNREACHABLE_WORDING[reason]} The plan's dashboard lists everyone who cannot be reached.`,
      card: null,
      replacesKey: null,
      notBefore: deps.clock.now(),
      live: null,
    },
  ]);
}

/** Gives an entry up because its recipient cannot be reached: recorded with why, and the lead told once. */
async function giveUp(
  deps: DispatchDeps,
  entry: OutboxEntry,
  message: string,
  reason: UnreachableReason,
  at: IsoDateTime,
): Promise<void> {
  await deps.outbox.markFailed(entry, message, null, { reason, at });
  // A note to the lead about someone else; a note that itself cannot be delivered is not reported again.
  if (!entry.key.startsWith('unreachable/')) await reportUnreachable(deps, entry, reason);
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
    let conversation: StoredConversation | null = null;
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
      conversation = await conversationFor(deps, entry);
      if (!conversation) {
        await giveUp(
          deps,
          entry,
          `${NO_CONVERSATION}, and the app could not be installed for them`,
          'not-installed',
          now,
        );
        failed += 1;
        continue;
      }
      if (conversation.unreachable) {
        // Known not to be there: nothing is sent until Teams shows it again (an activity from it).
        await giveUp(
          deps,
          entry,
          `Not sent: ${conversation.unreachable.detail}`,
          conversation.unreachable.reason,
          conversation.unreachable.since,
        );
        failed += 1;
        continue;
      }
      await deps.outbox.markSent(entry, await deliver(deps, entry, conversation));
      sent += 1;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const reason = error instanceof SendFailure ? error.unreachable : null;
      if (reason !== null && conversation) {
        await deps.conversations.markUnreachable(conversation.key, { reason, detail: message, since: now });
        await giveUp(deps, entry, message, reason, now);
        failed += 1;
        continue;
      }
      const retryable = !(error instanceof SendFailure) || error.retryable;
      if (retryable && entry.attempts < MAX_SEND_ATTEMPTS) {
        await deps.outbox.markFailed(entry, message, retryAt(now, entry.attempts, error));
        retrying += 1;
      } else {
        await deps.outbox.markFailed(entry, message, null);
        failed += 1;
      }
    }
  }
  return { sent, retrying, failed, skipped };
}
