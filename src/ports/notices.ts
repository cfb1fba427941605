/**
 * What someone is to be told, chosen by the use cases (src/app/notifications/notices): who, about what,
 * under which idempotency key, replacing which message. Wording it and drawing its card is an adapter's
 * job (`NoticeRenderer`); the subject names only what the plan itself does not say.
 */
import type { IsoDateTime, PersonId, Plan } from '../domain/plan/plan.js';
import type { Escalation, SectionReminder } from '../domain/timeline/reminders.js';
import type { LiveCard, OutgoingMessage, Recipient } from './outbox.js';

export type NoticeSubject =
  /** A stage's approval card: for one approver (or deputy), or the everyone view for the team's chat. */
  | { readonly kind: 'approval-request'; readonly stageKey: string; readonly viewerId: PersonId | null }
  /** The chat's card was brought up to date (it is rendered when sent; this is the message's text). */
  | { readonly kind: 'approval-card-updated'; readonly stageKey: string }
  | { readonly kind: 'approval-card-closed'; readonly stageKey: string }
  /** A stage closed: its outcome, for the plan lead. */
  | { readonly kind: 'stage-outcome'; readonly stageKey: string; readonly approved: boolean }
  | {
      readonly kind: 'deputy-named';
      readonly stageKey: string;
      readonly approverId: PersonId;
      readonly deputyId: PersonId;
    }
  | { readonly kind: 'approvals-reopened'; readonly stageKeys: readonly string[] }
  | { readonly kind: 'decision-due' }
  | { readonly kind: 'decision-recorded'; readonly stageKey: string }
  | { readonly kind: 'section-assigned'; readonly sectionKey: string }
  | { readonly kind: 'author-agreed'; readonly sectionKey: string; readonly authorId: PersonId }
  | { readonly kind: 'section-changes-requested'; readonly sectionKey: string }
  | { readonly kind: 'section-submitted'; readonly sectionKey: string; readonly by: PersonId }
  | { readonly kind: 'section-reminder'; readonly reminder: SectionReminder }
  | { readonly kind: 'escalation'; readonly escalation: Escalation };

export interface Notice {
  /** The idempotency key: the same notice is always chosen under the same key. */
  readonly key: string;
  readonly recipient: Recipient;
  readonly subject: NoticeSubject;
  readonly replacesKey: string | null;
  /** A card rendered from the stored plan when sent (the management team's approval card). */
  readonly live: LiveCard | null;
}

export interface NoticeRenderer {
  /**
   * Each notice worded, with its card, as a message for the outbox (sendable from `now`). A notice about
   * something the plan no longer shows (a stage or section gone) is left out.
   */
  word(plan: Plan, notices: readonly Notice[], now: IsoDateTime): Promise<readonly OutgoingMessage[]>;
}
