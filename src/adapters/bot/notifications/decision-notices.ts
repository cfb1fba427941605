/**
 * Notices about the decision: the plan lead is asked to record it once every approval is in, and the
 * recorded decision goes to the management team's chat and the portfolio holder.
 */
import { outcomeCard } from '../../../cards/outcome-card.js';
import type { DomainEvent } from '../../../domain/plan/events.js';
import { londonDate } from '../../../domain/dates/london-date.js';
import { findStage, type ApprovalStage, type Plan } from '../../../domain/plan/plan.js';
import type { OutgoingMessage, Recipient } from '../../../ports/outbox.js';
import { json, message, toUser, type EventNotice, type NoticeContext } from './message.js';
import { messageText, ownLink } from './message-text.js';

type Event<T extends DomainEvent['type']> = Extract<DomainEvent, { type: T }>;

/** The day (in England) a stage's round opened: when its version went round. */
const openedOn = (plan: Plan, stageKey: string) => {
  const opened = findStage(plan, stageKey)?.openedAt ?? null;
  return opened === null ? null : londonDate(opened);
};

/** The decision stage opened: every approval is in. */
export function decisionDue(
  event: Event<'StageOpened'>,
  stage: ApprovalStage,
  context: NoticeContext,
): OutgoingMessage[] {
  const { plan } = context;
  return [
    message(
      context,
      `decision-due/${plan.id}/${stage.key}/${event.round}`,
      toUser(plan.leadId),
      messageText`Every approval for "${plan.title}" is in. When ${plan.dates.decisionMeeting?.body ?? 'the meeting'} has decided, record the decision in Plan Builder: ${ownLink(context.links.plan(plan.id))}`,
      null,
    ),
  ];
}

export const decisionRecorded: EventNotice<Event<'DecisionRecorded'>> = (event, context) => {
  const { plan } = context;
  const decision = plan.decision;
  if (!decision) return [];
  const card = json(
    outcomeCard({
      kind: 'decision-recorded',
      planTitle: plan.title,
      meetingBody: decision.meetingBody,
      meetingDate: decision.meetingDate,
      minuteReference: decision.minuteReference,
      outcome: decision.outcome,
      callInEndsOn: decision.callInEndsOn,
      version: plan.contentVersion,
      versionHash: decision.hash,
      versionDate: openedOn(plan, event.stageKey),
      documentUrl: context.links.version(plan.id, plan.contentVersion),
    }),
  );
  const recipients: Recipient[] = plan.managementTeamChat
    ? [{ kind: 'conversation', conversationKey: plan.managementTeamChat }]
    : [];
  const portfolio = plan.roles['portfolio-holder']?.[0];
  if (portfolio) recipients.push(toUser(portfolio));
  return recipients.map((recipient) =>
    message(
      context,
      `decision/${plan.id}/${event.stageKey}/${decision.hash.slice(0, 12)}/${recipient.kind === 'user' ? recipient.userId : recipient.conversationKey}`,
      recipient,
      `${decision.meetingBody} decided: ${decision.outcome}`,
      card,
    ),
  );
};
