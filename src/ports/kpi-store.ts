/**
 * Where KPIs, their check-ins and milestones live. One implementation: SharePoint lists through Microsoft
 * Graph (local: the emulator). Creates are keyed (the KPI or milestone id; the KPI and period for a
 * check-in), so a retried or repeated create stores one item; updates carry the version they started
 * from, so a concurrent change is a CONFLICT rather than a silent overwrite.
 */
import type { Kpi, KpiValue } from '../domain/kpis/kpi.js';
import type { Milestone } from '../domain/kpis/milestone.js';
import type { ProgressUpdate } from '../domain/kpis/progress-update.js';
import type { Result } from '../domain/support/result.js';
import type { Created, Versioned } from './versioned.js';

export type { Created, Versioned } from './versioned.js';

export interface PlanKpis {
  readonly kpis: readonly Versioned<Kpi>[];
  readonly values: readonly Versioned<KpiValue>[];
  readonly milestones: readonly Versioned<Milestone>[];
}

export interface KpiStore {
  /** Every KPI, check-in and milestone of a plan, in one round trip. */
  forPlan(planId: string): Promise<PlanKpis>;
  kpi(kpiId: string): Promise<Versioned<Kpi> | null>;
  createKpi(kpi: Kpi): Promise<Created<Kpi>>;
  /** CONFLICT (naming who changed it and when) if the KPI changed since `stored` was read. */
  updateKpi(stored: Versioned<Kpi>, next: Kpi): Promise<Result<Versioned<Kpi>>>;
  value(kpiId: string, periodKey: string): Promise<Versioned<KpiValue> | null>;
  /** Records a check-in once: a second value for the same KPI and period is never stored. */
  recordValue(value: KpiValue): Promise<Created<KpiValue>>;
  /** A correction made in the tab; CONFLICT if the value changed since `stored` was read. */
  correctValue(stored: Versioned<KpiValue>, next: KpiValue): Promise<Result<Versioned<KpiValue>>>;
  milestone(milestoneId: string): Promise<Versioned<Milestone> | null>;
  createMilestone(milestone: Milestone): Promise<Created<Milestone>>;
  updateMilestone(stored: Versioned<Milestone>, next: Milestone): Promise<Result<Versioned<Milestone>>>;
}

/** Progress updates: one per plan and period (the id), updated with the version read. */
export interface ProgressUpdateStore {
  progressUpdate(id: string): Promise<Versioned<ProgressUpdate> | null>;
  progressUpdates(planId: string): Promise<readonly Versioned<ProgressUpdate>[]>;
  createProgressUpdate(update: ProgressUpdate): Promise<Created<ProgressUpdate>>;
  updateProgressUpdate(
    stored: Versioned<ProgressUpdate>,
    next: ProgressUpdate,
  ): Promise<Result<Versioned<ProgressUpdate>>>;
}
