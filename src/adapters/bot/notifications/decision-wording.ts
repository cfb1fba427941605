/** How decision notices read: the plan lead asked to record it; the recorded decision's card. */
import { outcomeCard } from '../../../cards/outcome-card.js';
import { londonDate } from '../../../domain/dates/london-date.js';
import { findStage, type Plan } from '../../../domain/plan/plan.js';
import { json, type Wording } from './message.js';
import { messageText, ownLink } from './message-text.js';

/** The day (in England) a stage's round opened: when its version went round. */
const openedOn = (plan: Plan, stageKey: string) => {
  const opened = findStage(plan, stageKey)?.openedAt ?? null;
  return opened === null ? null : londonDate(opened);
};

export const decisionDue: Wording<'decision-due'> = (_subject, context) => {
  const { plan } = context;
  return {
    text: messageText`Every approval for "${plan.title}" is in. When ${plan.dates.decisionMeeting?.body ?? 'the meeting'} has decided, record the decision in Plan Builder: ${ownLink(context.links.plan(plan.id))}`,
    card: null,
  };
};

export const decisionRecorded: Wording<'decision-recorded'> = (subject, context) => {
  const { plan } = context;
  const decision = plan.decision;
  if (!decision) return null;
  const card = outcomeCard({
    kind: 'decision-recorded',
    planTitle: plan.title,
    meetingBody: decision.meetingBody,
    meetingDate: decision.meetingDate,
    minuteReference: decision.minuteReference,
    outcome: decision.outcome,
    callInEndsOn: decision.callInEndsOn,
    version: plan.contentVersion,
    versionHash: decision.hash,
    versionDate: openedOn(plan, subject.stageKey),
    documentUrl: context.links.version(plan.id, plan.contentVersion),
  });
  return { text: `${decision.meetingBody} decided: ${decision.outcome}`, card: json(card) };
};
