/**
 * A council's governance as the plan uses it: the format's `governance` with its defaults filled in (an
 * executive council, key decision chosen per plan, call-in on every decision: what every format meant
 * before it could say otherwise), what each decision stage allows, and which stages are timeline steps.
 */
import { DEFAULT_OUTCOMES, DEFAULT_PUBLISHABLE_OUTCOMES, type DecisionOutcome } from './decision-outcomes.js';
import type { ApprovalStage, Plan, PlanGovernance } from '../plan/plan.js';
import type { ApprovalStageTemplate, ReportFormat, TimelineStepKind } from '../templates/report-format.js';

export const PORTFOLIO_HOLDER_ROLE = 'portfolio-holder';

export function planGovernance(format: ReportFormat): PlanGovernance {
  const g = format.governance;
  const model = g?.model ?? 'executive';
  const executive = model === 'executive';
  const urgency = executive ? g?.callIn?.urgency : undefined;
  return {
    model,
    decisionBody: format.decisionBody,
    keyDecision: executive ? (g?.keyDecision?.mode ?? 'per-plan') : 'never',
    callIn: executive ? (g?.callIn?.appliesTo ?? 'all-decisions') : 'none',
    callInUrgency:
      urgency === undefined
        ? null
        : {
            agreedBy: urgency.agreedBy,
            ...(urgency.description === undefined ? {} : { description: urgency.description }),
          },
    timelineRules: format.timelineRules ?? {},
  };
}

/** What a plan stored before governance was data is taken to be: an executive council's, England rules. */
export function defaultGovernance(decisionBody: string): PlanGovernance {
  return {
    model: 'executive',
    decisionBody,
    keyDecision: 'per-plan',
    callIn: 'all-decisions',
    callInUrgency: null,
    timelineRules: {},
  };
}

/** The key-decision value a new plan starts with. */
export function initialKeyDecision(format: ReportFormat): boolean {
  const governance = planGovernance(format);
  if (governance.keyDecision === 'always') return true;
  if (governance.keyDecision === 'never') return false;
  return format.governance?.keyDecision?.default ?? true;
}

/** Why a key-decision value is not allowed by the plan's governance, or null when it is. */
export function keyDecisionProblem(governance: PlanGovernance, value: boolean): string | null {
  if (governance.model === 'committee' && value)
    return `Decisions of the ${governance.decisionBody} are committee decisions, which are never key decisions.`;
  if (governance.keyDecision === 'never' && value)
    return 'This council’s format does not take the plan as a key decision.';
  if (governance.keyDecision === 'always' && !value)
    return 'This council’s format always takes the plan as a key decision.';
  return null;
}

/** Whether a decision on this plan can be called in. */
export function callInApplies(plan: Pick<Plan, 'governance' | 'dates'>): boolean {
  const { callIn } = plan.governance;
  return callIn === 'all-decisions' || (callIn === 'key-decisions' && plan.dates.keyDecision);
}

type StageLike = Pick<ApprovalStageTemplate, 'kind' | 'approverRoles' | 'timelineStep'>;

/**
 * The timeline step a stage is: as its data says, or worked out: the first endorsement is the management
 * team's meeting, and an executive's sign-off by the portfolio holder is theirs. Other stages (officers'
 * sign-offs) are undefined here: steps only where the format gives them a lead time of their own. "none"
 * (written in the data) keeps a stage off the timeline whatever else is said.
 */
export function inferredSteps(
  stages: readonly StageLike[],
  model: PlanGovernance['model'],
): (TimelineStepKind | undefined)[] {
  let managementTeam = false;
  return stages.map((stage) => {
    if (stage.kind === 'decision') return undefined;
    if (stage.timelineStep !== undefined) return stage.timelineStep;
    if (stage.kind === 'endorsement' && !managementTeam) {
      managementTeam = true;
      return 'management-team';
    }
    if (
      model === 'executive' &&
      stage.kind === 'sign-off' &&
      stage.approverRoles.includes(PORTFOLIO_HOLDER_ROLE)
    )
      return 'portfolio-holder';
    return undefined;
  });
}

export const stageOutcomes = (stage: Pick<ApprovalStage, 'outcomes'>): readonly DecisionOutcome[] =>
  stage.outcomes ?? DEFAULT_OUTCOMES;

/** The outcomes that carry the plan on from this stage, never more than it allows. */
export function stagePublishableOutcomes(
  stage: Pick<ApprovalStage, 'outcomes' | 'publishableOutcomes'>,
): readonly DecisionOutcome[] {
  const allowed = stageOutcomes(stage);
  return (stage.publishableOutcomes ?? DEFAULT_PUBLISHABLE_OUTCOMES).filter((o) => allowed.includes(o));
}

/** The body that decides at a stage. */
export const stageDecisionBody = (
  plan: Pick<Plan, 'governance'>,
  stage: Pick<ApprovalStage, 'decisionBody'>,
) => stage.decisionBody ?? plan.governance.decisionBody;

/** The title of the format's management-team stage, whose meeting date a plan lead may set, or null. */
export function managementTeamStep(format: ReportFormat): string | null {
  const steps = inferredSteps(format.approvalChain, planGovernance(format).model);
  const own = format.timelineRules?.stages ?? {};
  const at = steps.findIndex(
    (step, i) => step === 'management-team' && own[format.approvalChain[i]!.key] === undefined,
  );
  return at < 0 ? null : format.approvalChain[at]!.title;
}
