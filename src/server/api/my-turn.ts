/** Whether the signed-in person still has to answer an open stage, for the plan's and progress updates' DTOs. */
import { answeringFor } from '../../domain/approvals/approvers.js';
import type { ApprovalStage, PersonId, Plan } from '../../domain/plan/plan.js';

/** The approver the actor answers for in this open stage and round, unless already answered; else null. */
export function awaitedAnswer(plan: Plan, stage: ApprovalStage, actorId: PersonId): PersonId | null {
  const approverId = stage.state === 'open' ? answeringFor(plan, stage, actorId, undefined) : null;
  const answered =
    approverId !== null &&
    stage.responses.some((r) => r.round === stage.round && r.approverId === approverId);
  return answered ? null : approverId;
}
