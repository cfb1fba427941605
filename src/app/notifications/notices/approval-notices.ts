/**
 * Who hears about approval stages: the approval card to each approver (or once to the management team's
 * chat, kept up to date there as answers come in), the outcome to the plan lead, a deputy's card, and
 * approvals reopened by a change.
 */
import type { ApprovalStage, Plan } from '../../../domain/plan/plan.js';
import { findStage } from '../../../domain/plan/plan.js';
import type { Notice } from '../../../ports/notices.js';
import { noticeKeys } from './keys.js';
import { notice, toUser, type Event, type EventNotices } from './notice.js';

/** Endorsements go to the management team's chat when the plan lead chose one; otherwise 1:1. */
const inChat = (plan: Plan, stageKey: string): boolean =>
  plan.managementTeamChat !== null && findStage(plan, stageKey)?.kind === 'endorsement';

const chatKey = (plan: Plan, stageKey: string, round: number): string =>
  noticeKeys.chatCard(plan.id, stageKey, round, plan.managementTeamChat);

/**
 * The stage's card in the management team's chat, rendered when sent from the stored plan: first posted,
 * then replaced by each update (its own key) so whichever goes last shows the latest tally.
 */
function chatCard(
  plan: Plan,
  stageKey: string,
  round: number,
  update: { readonly key: string; readonly closed: boolean } | null,
): Notice {
  const key = chatKey(plan, stageKey, round);
  const recipient = { kind: 'conversation', conversationKey: plan.managementTeamChat! } as const;
  const live = { kind: 'approval', stageKey, round } as const;
  if (update === null)
    return notice(key, recipient, { kind: 'approval-request', stageKey, viewerId: null }, { live });
  return notice(
    update.key,
    recipient,
    { kind: update.closed ? 'approval-card-closed' : 'approval-card-updated', stageKey },
    { replacesKey: key, live },
  );
}

/** A stage other than the decision opened: its card to each approver, or once to the chat. */
export function approvalRequests(event: Event<'StageOpened'>, stage: ApprovalStage, plan: Plan): Notice[] {
  if (inChat(plan, stage.key)) return [chatCard(plan, stage.key, event.round, null)];
  return event.approverIds.map((approverId) =>
    notice(noticeKeys.approvalRequest(plan.id, stage.key, event.round, approverId), toUser(approverId), {
      kind: 'approval-request',
      stageKey: stage.key,
      viewerId: approverId,
    }),
  );
}

/** The chat's card shows the new tally; keyed by how many have answered, so a burst updates it once. */
export const responseRecorded: EventNotices<Event<'ResponseRecorded'>> = (event, plan) => {
  if (!inChat(plan, event.stageKey)) return [];
  const stage = findStage(plan, event.stageKey);
  const answered = stage ? stage.responses.filter((r) => r.round === event.round).length : 0;
  const key = noticeKeys.chatCardAfter(chatKey(plan, event.stageKey, event.round), answered);
  return [chatCard(plan, event.stageKey, event.round, { key, closed: false })];
};

/** The outcome to the plan lead, and the chat's card closed. */
export const stageClosed: EventNotices<Event<'StageApproved' | 'StageChangesRequested'>> = (event, plan) => {
  const stage = findStage(plan, event.stageKey);
  if (!stage) return [];
  const notices = [
    notice(noticeKeys.outcome(plan.id, stage.key, event.round), toUser(plan.leadId), {
      kind: 'stage-outcome',
      stageKey: stage.key,
      approved: event.type === 'StageApproved',
    }),
  ];
  if (inChat(plan, stage.key)) {
    const key = noticeKeys.chatCardClosed(chatKey(plan, stage.key, event.round));
    notices.push(chatCard(plan, stage.key, event.round, { key, closed: true }));
  }
  return notices;
};

/** A deputy named for an open stage gets the approval card to answer on the approver's behalf. */
export const delegationChanged: EventNotices<Event<'DelegationChanged'>> = (event, plan) => {
  const stage = findStage(plan, event.stageKey);
  if (!stage || event.deputyId === null || stage.state !== 'open') return [];
  return [
    notice(
      noticeKeys.delegated(plan.id, stage.key, stage.round, event.approverId, event.deputyId),
      toUser(event.deputyId),
      { kind: 'deputy-named', stageKey: stage.key, approverId: event.approverId, deputyId: event.deputyId },
    ),
  ];
};

export const approvalsReopened: EventNotices<Event<'ApprovalsReopened'>> = (event, plan) => [
  notice(noticeKeys.reopened(plan.id, event.hash), toUser(plan.leadId), {
    kind: 'approvals-reopened',
    stageKeys: event.stageKeys,
  }),
];

/**
 * The plan lead chose the management team's chat: the card of a stage already open for the team is posted
 * there (under the same key as when a stage opens with a chat, so it is posted once).
 */
export const managementTeamChatChosen: EventNotices<Event<'ManagementTeamChatChosen'>> = (_event, plan) =>
  plan.stages
    .filter((stage) => stage.state === 'open' && inChat(plan, stage.key))
    .map((stage) => chatCard(plan, stage.key, stage.round, null));
