/** How the notice families are written: one function per kind of event, from the plan as it now stands. */
import type { DomainEvent } from '../../../domain/plan/events.js';
import type { PersonId, Plan } from '../../../domain/plan/plan.js';
import type { Notice, NoticeSubject } from '../../../ports/notices.js';
import type { LiveCard, Recipient } from '../../../ports/outbox.js';

/** The notices one kind of event sends; none when it tells nobody anything. */
export type EventNotices<E extends DomainEvent> = (event: E, plan: Plan) => Notice[];

export type Event<T extends DomainEvent['type']> = Extract<DomainEvent, { type: T }>;

export const toUser = (userId: PersonId): Recipient => ({ kind: 'user', userId });

export function notice(
  key: string,
  recipient: Recipient,
  subject: NoticeSubject,
  extra: { readonly replacesKey?: string; readonly live?: LiveCard } = {},
): Notice {
  return { key, recipient, subject, replacesKey: extra.replacesKey ?? null, live: extra.live ?? null };
}
