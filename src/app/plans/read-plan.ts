/**
 * Queries behind the tab: a plan as it stands (with whatever an unfinished save left re-derived, so a
 * reader sees what the next command would see), and what it means for the person asking.
 */
import type { BankHolidayCalendar } from '../../domain/dates/calendar.js';
import type { Actor } from '../../domain/plan/commands.js';
import { planCoverage, type CoverageSummary } from '../../domain/checks/coverage.js';
import { estimatePlanPages, type PageEstimate } from '../../domain/checks/page-estimate.js';
import { openCallIn } from '../../domain/governance/call-in.js';
import { callInApplies } from '../../domain/governance/governance.js';
import type { Plan } from '../../domain/plan/plan.js';
import { planRules, planTimeline } from '../../domain/timeline/plan-timeline.js';
import { reconcile } from '../../domain/workflow/reconcile.js';
import { ok, refuse, type Result } from '../../domain/support/result.js';
import type { TimelineRules } from '../../domain/timeline/rules.js';
import type { Timeline } from '../../domain/timeline/timeline.js';
import type { Clock } from '../../ports/clock.js';
import type { PlanStore } from '../../ports/plan-store.js';
import { actionsFor, type ActionItem } from './my-actions.js';

export interface ReadDeps {
  readonly store: PlanStore;
  readonly clock: Clock;
}

export interface OverviewDeps extends ReadDeps {
  readonly calendar: BankHolidayCalendar;
  readonly rules: TimelineRules;
}

/** The plan as the next command would find it. Nothing is written: reading never changes a plan. */
export async function readPlan(deps: ReadDeps, planId: string): Promise<Result<Plan>> {
  const loaded = await deps.store.load(planId);
  if (!loaded.ok) return loaded;
  if (loaded.value.plan.lifecycle?.state === 'deleted') {
    return refuse('NOT_FOUND', `The plan "${loaded.value.plan.title}" has been deleted.`, { planId });
  }
  return ok(reconcile(loaded.value.plan, deps.clock.now()).plan);
}

export interface PlanOverview {
  readonly plan: Plan;
  readonly coverage: CoverageSummary;
  readonly pages: PageEstimate;
  readonly timeline: Timeline;
  readonly needsMyAction: readonly ActionItem[];
  /** The recorded decision's end of call-in, and whether publication still waits for it today. */
  readonly callIn: { readonly endsOn: string; readonly open: boolean } | null;
  /** The council's call-in rule in words, where this plan's decision can be called in. */
  readonly callInRule: string | null;
}

export function overviewOf(deps: Omit<OverviewDeps, 'store'>, plan: Plan, actor: Actor): PlanOverview {
  const now = deps.clock.now();
  const today = now.slice(0, 10);
  const endsOn = plan.decision?.callInEndsOn ?? null;
  return {
    callIn: endsOn === null ? null : { endsOn, open: openCallIn(plan, now) !== null },
    callInRule: callInApplies(plan) ? planRules(plan, deps.rules).callIn.description : null,
    plan,
    coverage: planCoverage(plan),
    pages: estimatePlanPages(plan),
    timeline: planTimeline(plan, today, deps.rules, deps.calendar),
    needsMyAction: actionsFor(plan, actor.id, today),
  };
}

export async function planOverview(
  deps: OverviewDeps,
  planId: string,
  actor: Actor,
): Promise<Result<PlanOverview>> {
  const plan = await readPlan(deps, planId);
  if (!plan.ok) return plan;
  return ok(overviewOf(deps, plan.value, actor));
}
