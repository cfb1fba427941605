/**
 * What every notice is worded from: the plan it is about, names for its people, the tab's links and the
 * time; and how a worded notice becomes the outbox's message (its key and recipient chosen in src/app).
 */
import type { AdaptiveCard } from '../../../cards/elements.js';
import type { NameOf } from '../../../cards/plan-view-models.js';
import type { PersonId, Plan } from '../../../domain/plan/plan.js';
import type { OutgoingActivity } from '../../../ports/messaging.js';
import type { Notice, NoticeSubject } from '../../../ports/notices.js';
import type { OutgoingMessage } from '../../../ports/outbox.js';
import type { TabLinks } from '../links.js';

export interface NoticeContext {
  readonly plan: Plan;
  readonly nameOf: NameOf;
  readonly links: TabLinks;
  readonly now: string;
  /** The approval card of a stage for one viewer (null: the everyone view for a chat). */
  readonly approvalActivity: (stageKey: string, viewerId: PersonId | null) => OutgoingActivity | null;
}

/** A notice's text and card; null when what it is about is no longer in the plan (nothing is sent). */
export type Worded = { readonly text: string; readonly card: Record<string, unknown> | null } | null;

/** How one kind of notice reads. */
export type Wording<K extends NoticeSubject['kind']> = (
  subject: Extract<NoticeSubject, { kind: K }>,
  context: NoticeContext,
  notice: Notice,
) => Worded;

export function messageOf(
  context: NoticeContext,
  notice: Notice,
  worded: NonNullable<Worded>,
): OutgoingMessage {
  return {
    key: notice.key,
    planId: context.plan.id,
    recipient: notice.recipient,
    text: worded.text,
    card: worded.card,
    replacesKey: notice.replacesKey,
    notBefore: context.now,
    live: notice.live,
  };
}

/** Cards are typed JSON; the outbox stores them as plain JSON objects. */
export const json = (card: AdaptiveCard): Record<string, unknown> =>
  card as unknown as Record<string, unknown>;
