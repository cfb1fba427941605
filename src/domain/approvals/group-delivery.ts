/**
 * How a stage for the whole management team (an endorsement) reaches its members: posted once in a chat
 * the plan lead chose, or each member's card 1:1. Approvals that lead to such a stage do not start until
 * one of the two is chosen, so nobody is left waiting on a card sent nowhere.
 */
import type { ApprovalStage, Plan } from '../plan/plan.js';
import { refuse } from '../support/result.js';

export type { GroupDelivery } from '../plan/commands.js';

/** The stable detail of the CHOICE_NEEDED refusal, for the tab to ask with. */
export const GROUP_DELIVERY_CHOICE = 'management-team-delivery';

export const isGroupStage = (stage: ApprovalStage): boolean => stage.kind === 'endorsement';

/** The first stage still to run that goes to the whole team, when no chat is chosen for the team. */
export function groupStageWithoutChat(plan: Plan): ApprovalStage | null {
  if (plan.managementTeamChat !== null) return null;
  return plan.stages.find((s) => s.state !== 'approved' && isGroupStage(s)) ?? null;
}

export function deliveryNeeded(stage: ApprovalStage) {
  return refuse(
    'CHOICE_NEEDED',
    `“${stage.title}” goes to the whole management team, and no chat is chosen for it. Choose a chat where Plan Builder is installed, or send each member their card 1:1.`,
    { choice: GROUP_DELIVERY_CHOICE, stageKey: stage.key },
  );
}
