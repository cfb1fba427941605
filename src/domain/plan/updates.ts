/** Small immutable updates of the plan aggregate, shared by the command handlers. */
import type { ApprovalStage, Plan, Section } from './plan.js';

export function replaceSection(plan: Plan, updated: Section): Plan {
  return {
    ...plan,
    sections: plan.sections.map((s) => (s.definition.key === updated.definition.key ? updated : s)),
  };
}

export function replaceStage(plan: Plan, updated: ApprovalStage): Plan {
  return { ...plan, stages: plan.stages.map((s) => (s.key === updated.key ? updated : s)) };
}

/** The stage people are working on now: the first one not yet approved. */
export function currentStage(plan: Plan): ApprovalStage | undefined {
  return plan.stages.find((stage) => stage.state !== 'approved');
}
