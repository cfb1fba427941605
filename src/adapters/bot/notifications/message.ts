/**
 * What every notice is built from: the plan it is about, names for its people, the tab's links and the
 * time, and one way to address a message to a person or a chat under its idempotency key.
 */
import { createHash } from 'node:crypto';
import type { AdaptiveCard } from '../../../cards/elements.js';
import type { NameOf } from '../../../cards/plan-view-models.js';
import type { DomainEvent } from '../../../domain/plan/events.js';
import type { PersonId, Plan } from '../../../domain/plan/plan.js';
import type { OutgoingActivity } from '../../../ports/messaging.js';
import type { OutgoingMessage, Recipient } from '../../../ports/outbox.js';
import type { TabLinks } from '../links.js';

export interface NoticeContext {
  readonly plan: Plan;
  readonly nameOf: NameOf;
  readonly links: TabLinks;
  readonly now: string;
  /** The approval card of a stage for one viewer (null: the everyone view for a chat). */
  readonly approvalActivity: (stageKey: string, viewerId: PersonId | null) => OutgoingActivity | null;
}

/** The messages one kind of event sends; none when it tells nobody anything. */
export type EventNotice<E extends DomainEvent> = (event: E, context: NoticeContext) => OutgoingMessage[];

export const digest = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);

export const toUser = (userId: PersonId): Recipient => ({ kind: 'user', userId });

export function message(
  context: NoticeContext,
  key: string,
  recipient: Recipient,
  text: string,
  card: Record<string, unknown> | null,
  extra: Partial<OutgoingMessage> = {},
): OutgoingMessage {
  return {
    key,
    planId: context.plan.id,
    recipient,
    text,
    card,
    replacesKey: null,
    notBefore: context.now,
    live: null,
    ...extra,
  };
}

/** Cards are typed JSON; the outbox stores them as plain JSON objects. */
export const json = (card: AdaptiveCard): Record<string, unknown> =>
  card as unknown as Record<string, unknown>;
