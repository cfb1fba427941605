/**
 * KPIs and milestones at a glance, for the dashboard: each KPI's trend (its values against the path to
 * its target), its RAG status and what is next due; each milestone's derived state. Pure, so the tab
 * and the bot show the same thing the progress update prints.
 */
import { dueByOf, endedPeriods, type CheckInPolicy, defaultCheckInPolicy } from './check-ins.js';
import { addCalendarDays, type BankHolidayCalendar } from '../dates/calendar.js';
import type { Kpi, KpiValue } from './kpi.js';
import { valueKey } from './kpi.js';
import { periodFromKey, type Period } from './periods.js';
import { milestoneProgress, type Milestone, type MilestoneProgress } from './milestone.js';
import type { IsoDate } from '../plan/plan.js';
import { expectedOn, kpiRag, type RagResult } from './rag.js';

export interface TrendPoint {
  readonly periodKey: string;
  readonly label: string;
  readonly asOf: IsoDate;
  readonly value: number;
  /** Where the trajectory from baseline to target stood on that date. */
  readonly expected: number;
}

export interface KpiOverview {
  readonly kpi: Kpi;
  readonly rag: RagResult;
  readonly trend: readonly TrendPoint[];
  /** The latest ended period with no value, and when it was (or is) due; null when all are in. */
  readonly missing: { readonly period: Period; readonly dueBy: IsoDate; readonly overdue: boolean } | null;
}

export interface PlanOverview {
  readonly asOf: IsoDate;
  readonly kpis: readonly KpiOverview[];
  readonly milestones: readonly { readonly milestone: Milestone; readonly progress: MilestoneProgress }[];
}

export function planOverview(
  kpis: readonly Kpi[],
  values: readonly KpiValue[],
  milestones: readonly Milestone[],
  asOf: IsoDate,
  calendar: BankHolidayCalendar,
  policy: CheckInPolicy = defaultCheckInPolicy,
  /**
   * The day the plan was published: a period whose value fell due before it was never asked for (as the
   * check-in schedule never chases it), so it is not reported as missing or overdue.
   */
  askedFrom: IsoDate | null = null,
): PlanOverview {
  const answered = new Set(values.map((v) => valueKey(v.kpiId, v.periodKey)));
  return {
    asOf,
    kpis: kpis
      .filter((k) => !k.retired)
      .map((kpi) => {
        const trend = values
          .filter((v) => v.kpiId === kpi.id && v.asOf <= asOf)
          .sort((a, b) => a.asOf.localeCompare(b.asOf))
          .map((v) => ({
            periodKey: v.periodKey,
            label: periodFromKey(v.periodKey)?.label ?? v.periodKey,
            asOf: v.asOf,
            value: v.measurement.value,
            expected: expectedOn(kpi.baseline, kpi.target, v.asOf),
          }));
        const gap = endedPeriods(kpi, addDay(asOf))
          .filter((p) => !answered.has(valueKey(kpi.id, p.key)))
          .filter((p) => askedFrom === null || dueByOf(p, calendar, policy) >= askedFrom)
          .at(-1);
        const dueBy = gap ? dueByOf(gap, calendar, policy) : null;
        return {
          kpi,
          rag: kpiRag(kpi, values, asOf),
          trend,
          missing: gap && dueBy ? { period: gap, dueBy, overdue: asOf > dueBy } : null,
        };
      }),
    milestones: [...milestones]
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title))
      .map((milestone) => ({ milestone, progress: milestoneProgress(milestone, asOf) })),
  };
}

/** endedPeriods counts periods ending before its day; a period ending on `asOf` has ended by then. */
const addDay = (date: IsoDate): IsoDate => addCalendarDays(date, 1);
