/** The dashboard's view of a plan's KPIs and milestones, as at today. */
import type { BankHolidayCalendar } from '../../domain/dates/calendar.js';
import type { CheckInPolicy } from '../../domain/kpis/check-ins.js';
import { planOverview, type PlanOverview } from '../../domain/kpis/overview.js';
import { ok, type Result } from '../../domain/support/result.js';
import type { KpiDeps } from './kit.js';

/** The dashboard's view of a plan's KPIs and milestones, as at today. */
export async function kpiOverview(
  deps: KpiDeps & { readonly calendar: BankHolidayCalendar; readonly policy?: CheckInPolicy },
  planId: string,
): Promise<Result<PlanOverview>> {
  const loaded = await deps.plans.load(planId);
  if (!loaded.ok) return loaded;
  const stored = await deps.kpis.forPlan(planId);
  return ok(
    planOverview(
      stored.kpis.map((k) => k.item),
      stored.values.map((v) => v.item),
      stored.milestones.map((m) => m.item),
      deps.clock.now().slice(0, 10),
      deps.calendar,
      deps.policy,
      loaded.value.plan.publication?.publishedAt.slice(0, 10) ?? null,
    ),
  );
}
