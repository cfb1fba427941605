/**
 * Before approvals reach a stage for the whole management team with no chat chosen: what the plan lead
 * can choose from (the chats Plan Builder is in, or 1:1 cards, with who 1:1 cannot reach yet), and the
 * check that a chosen chat is one the app is really in. Only the plan lead may see or choose.
 */
import { groupStageWithoutChat, type GroupDelivery } from '../../domain/approvals/group-delivery.js';
import { holdersOf } from '../../domain/approvals/approvers.js';
import type { Actor } from '../../domain/plan/commands.js';
import type { PersonId } from '../../domain/plan/plan.js';
import { ok, refuse, type Result } from '../../domain/support/result.js';
import { personalKey, type ConversationStore } from '../../ports/conversations.js';
import { readPlan, type ReadDeps } from './read-plan.js';

export interface GroupDeliveryDeps extends ReadDeps {
  readonly conversations: ConversationStore;
}

export interface DeliveryChat {
  readonly conversationKey: string;
  readonly title: string | null;
  readonly kind: 'groupChat' | 'channel';
}

export interface GroupDeliveryOptions {
  /** The stage that needs the choice; null when none does (a chat is chosen, or no such stage is left). */
  readonly stage: { readonly key: string; readonly title: string } | null;
  readonly chats: readonly DeliveryChat[];
  /** Its members, and whether the bot knows a 1:1 chat with each (only those get a card at once). */
  readonly members: readonly { readonly id: PersonId; readonly reachable: boolean }[];
}

export async function groupDeliveryOptions(
  deps: GroupDeliveryDeps,
  planId: string,
  actor: Actor,
): Promise<Result<GroupDeliveryOptions>> {
  const read = await readPlan(deps, planId);
  if (!read.ok) return read;
  const plan = read.value;
  if (plan.leadId !== actor.id) {
    return refuse('NOT_ALLOWED', 'Only the plan lead chooses how the management team is reached.');
  }
  const stage = groupStageWithoutChat(plan);
  if (!stage) return ok({ stage: null, chats: [], members: [] });
  const chats = (await deps.conversations.shared())
    .filter((c) => !c.unreachable && c.kind !== 'personal')
    .map((c) => ({ conversationKey: c.key, title: c.title, kind: c.kind as DeliveryChat['kind'] }));
  const ids = stage.state === 'waiting' ? holdersOf(plan, stage.approverRoles) : stage.approverIds;
  const members = await Promise.all(
    ids.map(async (id) => {
      const known = await deps.conversations.get(personalKey(id));
      return { id, reachable: known !== null && !known.unreachable };
    }),
  );
  return ok({ stage: { key: stage.key, title: stage.title }, chats, members });
}

/** A chosen chat must be a group chat or channel the app is in and can post to. */
export async function checkDelivery(
  conversations: ConversationStore,
  delivery: GroupDelivery | undefined,
): Promise<Result<GroupDelivery | undefined>> {
  if (delivery?.kind !== 'chat') return ok(delivery);
  const chat = await conversations.get(delivery.conversationKey);
  if (!chat || chat.kind === 'personal') {
    return refuse(
      'NOT_FOUND',
      'Plan Builder is not in that chat. Add the app to the chat in Teams, or choose another.',
      { conversationKey: delivery.conversationKey },
    );
  }
  if (chat.unreachable) {
    return refuse(
      'INVALID_STATE',
      `Plan Builder cannot post to “${chat.title ?? 'that chat'}” (${chat.unreachable.detail}). Add the app to the chat again, or choose another.`,
      { conversationKey: delivery.conversationKey, reason: chat.unreachable.reason },
    );
  }
  return ok(delivery);
}
