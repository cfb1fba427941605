/**
 * Every notice's idempotency key. A key names what the message is about (plan, section or stage, round,
 * person, revision), so the same event seen twice — a retried request, a reconcile on two instances, the
 * responses of a burst settled together — enqueues one message. Changing a key's shape makes messages
 * already enqueued under the old one look new: do it only with that in mind.
 */
import type { PersonId } from '../../../domain/plan/plan.js';
import { sha256Hex } from '../../../domain/support/sha256.js';
import type { Recipient } from '../../../ports/outbox.js';

export const digest = (text: string): string => sha256Hex(text).slice(0, 16);

const padded = (n: number): string => String(n).padStart(3, '0');

export const noticeKeys = {
  /** Per chat, so that a stage's card follows the team to a chat chosen later, and is posted there once. */
  chatCard: (planId: string, stageKey: string, round: number, chat: string | null): string =>
    `approval/${planId}/${stageKey}/${round}/chat/${digest(chat ?? '')}`,
  /** An update of the chat's card, by how many had answered: a burst settled together makes one. */
  chatCardAfter: (chatCard: string, answered: number): string => `${chatCard}/after/${padded(answered)}`,
  chatCardClosed: (chatCard: string): string => `${chatCard}/closed`,
  approvalRequest: (planId: string, stageKey: string, round: number, approverId: PersonId): string =>
    `approval/${planId}/${stageKey}/${round}/${approverId}`,
  outcome: (planId: string, stageKey: string, round: number): string =>
    `outcome/${planId}/${stageKey}/${round}`,
  delegated: (
    planId: string,
    stageKey: string,
    round: number,
    approverId: PersonId,
    deputyId: PersonId,
  ): string => `delegated/${planId}/${stageKey}/${round}/${approverId}/${deputyId}`,
  reopened: (planId: string, hash: string): string => `reopened/${planId}/${hash.slice(0, 16)}`,
  decisionDue: (planId: string, stageKey: string, round: number): string =>
    `decision-due/${planId}/${stageKey}/${round}`,
  decision: (planId: string, stageKey: string, hash: string, recipient: Recipient): string =>
    `decision/${planId}/${stageKey}/${hash.slice(0, 12)}/${recipient.kind === 'user' ? recipient.userId : recipient.conversationKey}`,
  assigned: (planId: string, sectionKey: string, personId: PersonId, dueDate: string | null): string =>
    `assigned/${planId}/${sectionKey}/${personId}/${dueDate ?? 'no-date'}`,
  agreed: (
    planId: string,
    sectionKey: string,
    revision: number,
    authorId: PersonId,
    personId: PersonId,
  ): string => `agreed/${planId}/${sectionKey}/${revision}/${authorId}/${personId}`,
  changes: (planId: string, sectionKey: string, revision: number, comment: string): string =>
    `changes/${planId}/${sectionKey}/${revision}/${digest(comment)}`,
  submitted: (planId: string, sectionKey: string, revision: number): string =>
    `submitted/${planId}/${sectionKey}/${revision}`,
};
