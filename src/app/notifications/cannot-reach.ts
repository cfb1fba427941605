/**
 * Who and which chats the bot cannot reach for a plan, why, and since when: from the messages given up on
 * because their recipient could not be reached. The plan lead is told in chat once; the tab's dashboard
 * lists the same, so it is not missed (and is there when the plan lead is the one who cannot be reached).
 */
import type { IsoDateTime, PersonId } from '../../domain/plan/plan.js';
import { personalKey, type ConversationStore } from '../../ports/conversations.js';
import type { UnreachableReason } from '../../ports/reachability.js';
import type { Outbox, OutboxEntry } from '../../ports/outbox.js';

/** Each reason in words, for the plan lead: what is wrong and what would put it right. */
export const UNREACHABLE_WORDING: Readonly<Record<UnreachableReason, string>> = {
  'not-installed':
    'the app is not installed for them and could not be installed. Ask them to add Plan Builder in Teams, or ask IT to allow installing it for them.',
  'conversation-not-found':
    'Teams says the chat does not exist (it was deleted, or was never opened). It is tried again once they write to Plan Builder or add it again.',
  removed: 'Plan Builder was removed from the chat. Add it again to the chat.',
  blocked:
    'they have blocked Plan Builder, or the chat takes no messages from it. They can unblock it in Teams.',
  'disabled-by-admin': "the tenant's administrator has blocked Plan Builder. Ask IT to allow it.",
  forbidden: 'Teams does not let Plan Builder write there. Ask IT to check the app is allowed.',
};

/** Kept with entries given up on before reasons were recorded: the dispatcher's old wording. */
const LEGACY_NOT_INSTALLED = 'No conversation with the recipient';

export interface CannotReachPerson {
  readonly personId: PersonId;
  readonly reason: UnreachableReason;
  readonly since: IsoDateTime;
}

export interface CannotReachChat {
  readonly conversationKey: string;
  readonly reason: UnreachableReason;
  readonly since: IsoDateTime;
}

export interface CannotReach {
  readonly people: readonly CannotReachPerson[];
  readonly chats: readonly CannotReachChat[];
}

function reasonOf(entry: OutboxEntry): { reason: UnreachableReason; since: IsoDateTime } | null {
  if (entry.unreachable) return { reason: entry.unreachable.reason, since: entry.unreachable.at };
  if ((entry.lastError ?? '').startsWith(LEGACY_NOT_INSTALLED))
    return { reason: 'not-installed', since: entry.nextAttemptAt };
  return null;
}

/** Teams has shown the conversation since (someone wrote in it, the app was added back): reachable again. */
async function seenSince(
  conversations: ConversationStore,
  key: string,
  since: IsoDateTime,
): Promise<boolean> {
  const stored = await conversations.get(key);
  return stored !== null && !stored.unreachable && stored.updatedAt >= since;
}

/**
 * The latest reason for each person and chat (a later failure says more about now than an earlier one),
 * leaving out those Teams has shown again since.
 */
export async function cannotReach(
  outbox: Outbox,
  conversations: ConversationStore,
  planId: string,
): Promise<CannotReach> {
  const people = new Map<PersonId, CannotReachPerson>();
  const chats = new Map<string, CannotReachChat>();
  for (const entry of await outbox.undeliverable(planId)) {
    const why = reasonOf(entry);
    if (!why) continue;
    if (entry.recipient.kind === 'user') {
      const known = people.get(entry.recipient.userId);
      if (!known || known.since < why.since)
        people.set(entry.recipient.userId, { personId: entry.recipient.userId, ...why });
    } else {
      const known = chats.get(entry.recipient.conversationKey);
      if (!known || known.since < why.since)
        chats.set(entry.recipient.conversationKey, {
          conversationKey: entry.recipient.conversationKey,
          ...why,
        });
    }
  }
  for (const [id, person] of people)
    if (await seenSince(conversations, personalKey(id), person.since)) people.delete(id);
  for (const [key, chat] of chats) if (await seenSince(conversations, key, chat.since)) chats.delete(key);
  const byKey =
    <T>(key: (t: T) => string) =>
    (a: T, b: T) =>
      key(a).localeCompare(key(b));
  return {
    people: [...people.values()].sort(byKey((p) => p.personId)),
    chats: [...chats.values()].sort(byKey((c) => c.conversationKey)),
  };
}
