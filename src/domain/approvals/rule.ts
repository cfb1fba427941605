/**
 * When a stage is decided. Pure and total over any set of responses, so the workflow and the property
 * tests share one definition.
 */
import type { ApprovalStage, PersonId, StageResponse } from '../plan/plan.js';

export type StageOutcome = 'approved' | 'changes-requested' | 'pending';

export function currentResponses(stage: ApprovalStage): StageResponse[] {
  return stage.responses.filter((response) => response.round === stage.round);
}

/** How many approvals the rule needs from this stage's approvers. */
export function approvalsNeeded(stage: Pick<ApprovalStage, 'rule' | 'approverIds'>): number {
  switch (stage.rule.kind) {
    case 'all':
      return stage.approverIds.length;
    case 'any':
      return Math.min(1, stage.approverIds.length);
    case 'quorum':
      return stage.rule.n;
  }
}

export interface Tally {
  readonly approved: readonly PersonId[];
  readonly changesRequested: readonly PersonId[];
  readonly waiting: readonly PersonId[];
  readonly needed: number;
  readonly outcome: StageOutcome;
}

export function tally(stage: ApprovalStage): Tally {
  const responses = currentResponses(stage);
  const approved = new Set(responses.filter((r) => r.decision === 'approve').map((r) => r.approverId));
  const rejected = new Set(
    responses.filter((r) => r.decision === 'request-changes').map((r) => r.approverId),
  );
  const needed = approvalsNeeded(stage);
  const mandatoryApproved = stage.mandatoryIds.every((id) => approved.has(id));
  const mandatoryRejected = stage.mandatoryIds.some((id) => rejected.has(id));
  const stillPossible = stage.approverIds.length - rejected.size;
  let outcome: StageOutcome = 'pending';
  if (approved.size >= needed && mandatoryApproved && needed > 0) outcome = 'approved';
  else if (mandatoryRejected || stillPossible < needed) outcome = 'changes-requested';
  return {
    approved: stage.approverIds.filter((id) => approved.has(id)),
    changesRequested: stage.approverIds.filter((id) => rejected.has(id)),
    waiting: stage.approverIds.filter((id) => !approved.has(id) && !rejected.has(id)),
    needed,
    outcome,
  };
}

export function describeRule(stage: Pick<ApprovalStage, 'rule' | 'approverIds' | 'mandatoryIds'>): string {
  const count = stage.approverIds.length;
  const base =
    stage.rule.kind === 'all'
      ? `all ${count} must approve`
      : stage.rule.kind === 'any'
        ? `any one of ${count} may approve`
        : `${stage.rule.n} of ${count} must approve`;
  return stage.mandatoryIds.length > 0 ? `${base}, including ${stage.mandatoryIds.length} named` : base;
}
