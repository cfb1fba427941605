/** Opening a stage for a new round: resolve its approvers and bind it to the current content. */
import { approvalsNeeded } from './rule.js';
import { holdersOf } from './approvers.js';
import type { DomainEvent } from '../plan/events.js';
import type { ApprovalStage, IsoDateTime, Plan } from '../plan/plan.js';
import { replaceStage } from '../plan/updates.js';
import { ok, refuse, type Refusal, type Result } from '../support/result.js';
import { sectionHashes } from '../documents/content-hash.js';
import { sectionsToFollow } from '../sections/contribution.js';
import { allowsPending } from './reopen-rule.js';

/**
 * Null when the stage may go ahead with the sections now to follow; otherwise why not. For a decision
 * stage "go ahead" means recording the decision and publishing; for the others, opening.
 */
export function pendingRefusal(plan: Plan, stage: ApprovalStage): Refusal | null {
  const awaited = sectionsToFollow(plan);
  if (awaited.length === 0 || allowsPending(stage)) return null;
  const titles = awaited.map((s) => `“${s.definition.title}”`);
  return {
    code: 'INVALID_STATE',
    message: `${titles.join(', ')} ${awaited.length === 1 ? 'is' : 'are'} still to follow, and “${stage.title}” cannot go ahead until ${awaited.length === 1 ? 'it has' : 'they have'} landed.`,
    details: { stageKey: stage.key, toFollow: awaited.map((s) => s.definition.key) },
  };
}

/** Opens a stage for a new round bound to the current content. */
export function openStage(
  plan: Plan,
  stage: ApprovalStage,
  context: { readonly hash: string; readonly now: IsoDateTime },
): Result<{ plan: Plan; event: DomainEvent }> {
  // A decision stage opens (the meeting is being prepared) and refuses the decision itself instead.
  const pending = stage.kind === 'decision' ? null : pendingRefusal(plan, stage);
  if (pending) return { ok: false, error: pending };
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
    boundSections: sectionHashes(plan),
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
