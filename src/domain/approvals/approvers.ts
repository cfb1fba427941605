/** Who answers for a stage: the holders of its roles, resolved when the stage opens. */
import { IMPLICATION_OFFICERS } from '../plan/create-plan.js';
import type { ApprovalStage, PersonId, Plan } from '../plan/plan.js';

export function holdersOf(plan: Plan, roles: readonly string[]): PersonId[] {
  const people = roles.flatMap((role) =>
    role === IMPLICATION_OFFICERS
      ? plan.sections
          .filter((s) => s.definition.part === 'implications' && s.definition.completedByRole && s.ownerId)
          .map((s) => s.ownerId as PersonId)
      : (plan.roles[role] ?? []),
  );
  return [...new Set(people)];
}

/** The approvers of the current round, or of the next one while the stage waits. */
export function approversOf(plan: Plan, stage: ApprovalStage): readonly PersonId[] {
  return stage.state === 'waiting' ? holdersOf(plan, stage.approverRoles) : stage.approverIds;
}

export function deputyFor(stage: ApprovalStage, approverId: PersonId): PersonId | null {
  return stage.delegations.find((d) => d.approverId === approverId)?.deputyId ?? null;
}

/** The approver a person may answer for: themselves, or whoever named them deputy. */
export function answeringFor(
  plan: Plan,
  stage: ApprovalStage,
  actorId: PersonId,
  onBehalfOf: PersonId | undefined,
): PersonId | null {
  const approvers = approversOf(plan, stage);
  if (onBehalfOf === undefined || onBehalfOf === actorId) {
    if (approvers.includes(actorId)) return actorId;
    const delegators = stage.delegations.filter((d) => d.deputyId === actorId).map((d) => d.approverId);
    return delegators.length === 1 && approvers.includes(delegators[0]!) ? delegators[0]! : null;
  }
  return approvers.includes(onBehalfOf) && deputyFor(stage, onBehalfOf) === actorId ? onBehalfOf : null;
}
