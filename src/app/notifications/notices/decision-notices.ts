/**
 * Who hears about the decision: the plan lead is asked to record it once every approval is in, and the
 * recorded decision goes to the management team's chat and the portfolio holder.
 */
import type { ApprovalStage, Plan } from '../../../domain/plan/plan.js';
import type { Notice } from '../../../ports/notices.js';
import type { Recipient } from '../../../ports/outbox.js';
import { noticeKeys } from './keys.js';
import { notice, toUser, type Event, type EventNotices } from './notice.js';

/** The decision stage opened: every approval is in. */
export function decisionDue(event: Event<'StageOpened'>, stage: ApprovalStage, plan: Plan): Notice[] {
  return [
    notice(noticeKeys.decisionDue(plan.id, stage.key, event.round), toUser(plan.leadId), {
      kind: 'decision-due',
    }),
  ];
}

export const decisionRecorded: EventNotices<Event<'DecisionRecorded'>> = (event, plan) => {
  const decision = plan.decision;
  if (!decision) return [];
  const recipients: Recipient[] = plan.managementTeamChat
    ? [{ kind: 'conversation', conversationKey: plan.managementTeamChat }]
    : [];
  const portfolio = plan.roles['portfolio-holder']?.[0];
  if (portfolio) recipients.push(toUser(portfolio));
  return recipients.map((recipient) =>
    notice(noticeKeys.decision(plan.id, event.stageKey, decision.hash, recipient), recipient, {
      kind: 'decision-recorded',
      stageKey: event.stageKey,
    }),
  );
};
