/** Opening a stage for a new round: resolve its approvers and bind it to the current content. */
import { approvalsNeeded } from './rule.js';
import { holdersOf } from './approvers.js';
import type { DomainEvent } from '../plan/events.js';
import type { ApprovalStage, IsoDateTime, Plan } from '../plan/plan.js';
import { replaceStage } from '../plan/updates.js';
import { ok, refuse, type Result } from '../support/result.js';

/** Opens a stage for a new round bound to the current content. */
export function openStage(
  plan: Plan,
  stage: ApprovalStage,
  context: { readonly hash: string; readonly now: IsoDateTime },
): Result<{ plan: Plan; event: DomainEvent }> {
  const approverIds = stage.kind === 'decision' ? [plan.leadId] : holdersOf(plan, stage.approverRoles);
  if (stage.kind !== 'decision' && approverIds.length === 0) {
    return refuse(
      'VALIDATION',
      `Nobody is named for "${stage.title}" yet (${stage.approverRoles.join(', ')}).`,
      {
        stageKey: stage.key,
        roles: stage.approverRoles,
      },
    );
  }
  const mandatoryIds = holdersOf(plan, stage.mandatoryRoles).filter((id) => approverIds.includes(id));
  const opened: ApprovalStage = { ...stage, approverIds, mandatoryIds };
  if (approvalsNeeded(opened) > approverIds.length) {
    return refuse(
      'VALIDATION',
      `"${stage.title}" needs ${approvalsNeeded(opened)} approvals but only ${approverIds.length} people are named.`,
    );
  }
  const round = stage.round + 1;
  // A version is what goes round for approval: new content gets the next number when a stage first binds it,
  // so drafting (and every autosave) leaves the plan's own item alone.
  const versioned: Plan =
    plan.versionHash === context.hash
      ? plan
      : { ...plan, contentVersion: plan.contentVersion + 1, versionHash: context.hash };
  const next: ApprovalStage = {
    ...opened,
    state: 'open',
    round,
    boundHash: context.hash,
    boundVersion: versioned.contentVersion,
    openedAt: context.now,
    closedAt: null,
  };
  return ok({
    plan: {
      ...replaceStage(versioned, next),
      status: stage.kind === 'decision' ? 'awaiting-decision' : 'in-approval',
    },
    event: {
      type: 'StageOpened',
      planId: plan.id,
      stageKey: stage.key,
      round,
      hash: context.hash,
      version: versioned.contentVersion,
      approverIds,
    },
  });
}
