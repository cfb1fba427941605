/**
 * Notices about approval stages: the approval card to each approver (or once to the management team's
 * chat, kept up to date there as answers come in), the outcome to the plan lead, a deputy's card, and
 * approvals reopened by a change.
 */
import { outcomeCard } from '../../../cards/outcome-card.js';
import { approvalViewFromPlan } from '../../../cards/plan-view-models.js';
import { tally } from '../../../domain/approvals/rule.js';
import type { DomainEvent } from '../../../domain/plan/events.js';
import type { ApprovalStage, Plan } from '../../../domain/plan/plan.js';
import { findStage } from '../../../domain/plan/plan.js';
import { reopenRuleOf } from '../../../domain/approvals/reopen-rule.js';
import type { OutgoingMessage } from '../../../ports/outbox.js';
import { digest, json, message, toUser, type EventNotice, type NoticeContext } from './message.js';
import { messageText } from './message-text.js';

type Event<T extends DomainEvent['type']> = Extract<DomainEvent, { type: T }>;

/** Per chat, so that a stage's card follows the team to a chat chosen later, and is posted there once. */
const chatCardKey = (plan: Plan, stageKey: string, round: number): string =>
  `approval/${plan.id}/${stageKey}/${round}/chat/${digest(plan.managementTeamChat ?? '')}`;

/** Endorsements go to the management team's chat when the plan lead chose one; otherwise 1:1. */
const inChat = (plan: Plan, stageKey: string): boolean =>
  plan.managementTeamChat !== null && findStage(plan, stageKey)?.kind === 'endorsement';

/**
 * The stage's card in the management team's chat, rendered when sent from the stored plan: first posted,
 * then replaced by each update (`update` names it) so whichever goes last shows the latest tally.
 */
function chatCard(
  context: NoticeContext,
  stageKey: string,
  round: number,
  text: string,
  update: string | null,
): OutgoingMessage {
  const key = chatCardKey(context.plan, stageKey, round);
  return message(
    context,
    update === null ? key : `${key}/${update}`,
    { kind: 'conversation', conversationKey: context.plan.managementTeamChat! },
    text,
    null,
    {
      ...(update === null ? {} : { replacesKey: key }),
      live: { kind: 'approval', stageKey, round },
    },
  );
}

/** A stage other than the decision opened: its card to each approver, or once to the chat. */
export function approvalRequests(
  event: Event<'StageOpened'>,
  stage: ApprovalStage,
  context: NoticeContext,
): OutgoingMessage[] {
  if (inChat(context.plan, stage.key)) {
    const activity = context.approvalActivity(stage.key, null);
    if (!activity) return [];
    return [chatCard(context, stage.key, event.round, activity.text, null)];
  }
  return event.approverIds.flatMap((approverId) => {
    const activity = context.approvalActivity(stage.key, approverId);
    return activity
      ? [
          message(
            context,
            `approval/${context.plan.id}/${stage.key}/${event.round}/${approverId}`,
            toUser(approverId),
            activity.text,
            activity.card as Record<string, unknown>,
          ),
        ]
      : [];
  });
}

export const responseRecorded: EventNotice<Event<'ResponseRecorded'>> = (event, context) => {
  if (!inChat(context.plan, event.stageKey)) return [];
  const stage = findStage(context.plan, event.stageKey);
  const answered = stage ? stage.responses.filter((r) => r.round === event.round).length : 0;
  return [
    chatCard(
      context,
      event.stageKey,
      event.round,
      'The approval card has been updated.',
      `after/${String(answered).padStart(3, '0')}`,
    ),
  ];
};

/** The outcome card to the plan lead, and the chat's card closed. */
export const stageClosed: EventNotice<Event<'StageApproved' | 'StageChangesRequested'>> = (
  event,
  context,
) => {
  const { plan } = context;
  const stage = findStage(plan, event.stageKey);
  if (!stage) return [];
  const view = approvalViewFromPlan(plan, stage.key, {
    nameOf: context.nameOf,
    documentUrl: context.links.version(plan.id, stage.boundVersion ?? plan.contentVersion),
    changes: null,
    viewerId: null,
  });
  if (!view) return [];
  const approved = event.type === 'StageApproved';
  const next = plan.stages.find((s) => s.state === 'open');
  const outcome = json(
    outcomeCard({
      kind: 'stage-closed',
      outcome: approved ? 'approved' : 'changes-requested',
      planTitle: plan.title,
      stageTitle: stage.title,
      stageKind: stage.kind,
      version: view.version,
      versionHash: view.versionHash,
      versionDate: view.versionDate ?? null,
      draft: reopenRuleOf(stage) === 'draft',
      tally: view.tally,
      documentUrl: view.documentUrl,
      nextStep: approved
        ? next
          ? `Next: ${next.title}.`
          : 'Every stage is complete.'
        : 'The plan lead will revise the plan and start a new round.',
    }),
  );
  const messages = [
    message(
      context,
      `outcome/${plan.id}/${stage.key}/${event.round}`,
      toUser(plan.leadId),
      `${stage.title}: ${approved ? 'approved' : 'changes requested'} (${tally(stage).approved.length} approved)`,
      outcome,
    ),
  ];
  if (inChat(plan, stage.key)) {
    messages.push(chatCard(context, stage.key, event.round, `${stage.title} is closed.`, 'closed'));
  }
  return messages;
};

/** A deputy named for an open stage gets the approval card to answer on the approver's behalf. */
export const delegationChanged: EventNotice<Event<'DelegationChanged'>> = (event, context) => {
  const stage = findStage(context.plan, event.stageKey);
  if (!stage || event.deputyId === null || stage.state !== 'open') return [];
  const activity = context.approvalActivity(stage.key, event.deputyId);
  if (!activity) return [];
  return [
    message(
      context,
      `delegated/${context.plan.id}/${stage.key}/${stage.round}/${event.approverId}/${event.deputyId}`,
      toUser(event.deputyId),
      `${context.nameOf(event.approverId)} named you deputy for ${stage.title}`,
      activity.card as Record<string, unknown>,
    ),
  ];
};

export const approvalsReopened: EventNotice<Event<'ApprovalsReopened'>> = (event, context) => [
  message(
    context,
    `reopened/${context.plan.id}/${event.hash.slice(0, 16)}`,
    toUser(context.plan.leadId),
    messageText`"${context.plan.title}" changed after approvals were given; their rules re-open ${event.stageKeys
      .map((key) => findStage(context.plan, key)?.title ?? key)
      .join(', ')}. Start a new round when the plan is ready.`,
    null,
  ),
];

/**
 * The plan lead chose the management team's chat: the card of a stage already open for the team is posted
 * there (under the same key as when a stage opens with a chat, so it is posted once).
 */
export const managementTeamChatChosen: EventNotice<Event<'ManagementTeamChatChosen'>> = (_event, context) =>
  context.plan.stages
    .filter((stage) => stage.state === 'open' && inChat(context.plan, stage.key))
    .flatMap((stage) => {
      const activity = context.approvalActivity(stage.key, null);
      return activity ? [chatCard(context, stage.key, stage.round, activity.text, null)] : [];
    });
