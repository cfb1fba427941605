/**
 * How approval notices read: the approval card (for one approver, or the chat's everyone view, which is
 * rendered when sent), the outcome card for the plan lead, a deputy's card, approvals reopened.
 */
import { outcomeCard } from '../../../cards/outcome-card.js';
import { approvalViewFromPlan } from '../../../cards/plan-view-models.js';
import { tally } from '../../../domain/approvals/rule.js';
import { reopenRuleOf } from '../../../domain/approvals/reopen-rule.js';
import { findStage } from '../../../domain/plan/plan.js';
import { json, type Wording } from './message.js';
import { messageText } from './message-text.js';

export const approvalRequest: Wording<'approval-request'> = (subject, context, notice) => {
  const activity = context.approvalActivity(subject.stageKey, subject.viewerId);
  if (!activity) return null;
  // A live card (the chat's) is drawn from the stored plan when it is sent.
  return { text: activity.text, card: notice.live ? null : (activity.card as Record<string, unknown>) };
};

export const approvalCardUpdated: Wording<'approval-card-updated'> = () => ({
  text: 'The approval card has been updated.',
  card: null,
});

export const approvalCardClosed: Wording<'approval-card-closed'> = (subject, context) => {
  const stage = findStage(context.plan, subject.stageKey);
  return stage ? { text: `${stage.title} is closed.`, card: null } : null;
};

export const stageOutcome: Wording<'stage-outcome'> = (subject, context) => {
  const { plan } = context;
  const stage = findStage(plan, subject.stageKey);
  if (!stage) return null;
  const view = approvalViewFromPlan(plan, stage.key, {
    nameOf: context.nameOf,
    documentUrl: context.links.version(plan.id, stage.boundVersion ?? plan.contentVersion),
    changes: null,
    viewerId: null,
  });
  if (!view) return null;
  const next = plan.stages.find((s) => s.state === 'open');
  const card = outcomeCard({
    kind: 'stage-closed',
    outcome: subject.approved ? 'approved' : 'changes-requested',
    planTitle: plan.title,
    stageTitle: stage.title,
    stageKind: stage.kind,
    version: view.version,
    versionHash: view.versionHash,
    versionDate: view.versionDate ?? null,
    draft: reopenRuleOf(stage) === 'draft',
    tally: view.tally,
    documentUrl: view.documentUrl,
    nextStep: subject.approved
      ? next
        ? `Next: ${next.title}.`
        : 'Every stage is complete.'
      : 'The plan lead will revise the plan and start a new round.',
  });
  return {
    text: `${stage.title}: ${subject.approved ? 'approved' : 'changes requested'} (${tally(stage).approved.length} approved)`,
    card: json(card),
  };
};

export const deputyNamed: Wording<'deputy-named'> = (subject, context) => {
  const stage = findStage(context.plan, subject.stageKey);
  const activity = stage ? context.approvalActivity(stage.key, subject.deputyId) : null;
  if (!stage || !activity) return null;
  return {
    text: `${context.nameOf(subject.approverId)} named you deputy for ${stage.title}`,
    card: activity.card as Record<string, unknown>,
  };
};

export const approvalsReopened: Wording<'approvals-reopened'> = (subject, context) => ({
  text: messageText`"${context.plan.title}" changed after approvals were given; their rules re-open ${subject.stageKeys
    .map((key) => findStage(context.plan, key)?.title ?? key)
    .join(', ')}. Start a new round when the plan is ready.`,
  card: null,
});
