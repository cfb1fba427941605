/**
 * The KpiStore a server instance runs: each plan's KPIs, check-ins and milestones kept in memory (a
 * ListMirror over their three lists, refreshed by delta queries), so a dashboard's KPI tile costs no
 * request while the copy is fresh. Everything else passes through; a write through this instance drops
 * the plan's copy, which is read again in full when next asked for (writes here are rare: a check-in, a
 * correction, a new KPI).
 */
import type { Kpi, KpiValue } from '../../domain/kpis/kpi.js';
import type { Milestone } from '../../domain/kpis/milestone.js';
import type { ProgressUpdate } from '../../domain/kpis/progress-update.js';
import type { Result } from '../../domain/support/result.js';
import type { Created, KpiStore, PlanKpis, ProgressUpdateStore, Versioned } from '../../ports/kpi-store.js';
import { kpiMapper, milestoneMapper, valueMapper, type SharePointKpiStore } from './kpi-store.js';
import { kpisList, kpiValuesList, milestonesList } from './list-schema.js';
import { ListMirror, type MirrorOptions } from './list-mirror.js';
import { versionOf, type ListMapper } from './list-repository.js';
import type { StoredItem } from './stored-item.js';

const LISTS = {
  kpis: { schema: kpisList, keep: 'scoped' },
  values: { schema: kpiValuesList, keep: 'scoped' },
  milestones: { schema: milestonesList, keep: 'scoped' },
} as const;

const ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;

const versioned =
  <T>(mapper: ListMapper<T>) =>
  (item: StoredItem): Versioned<T> => ({ item: mapper.read(item), version: versionOf(item) });

export class CachedKpiStore implements KpiStore, ProgressUpdateStore {
  readonly mirror: ListMirror<keyof typeof LISTS>;
  private readonly derived = new Map<string, { version: number; kpis: PlanKpis }>();

  constructor(
    private readonly inner: SharePointKpiStore,
    options: MirrorOptions = {},
  ) {
    this.mirror = new ListMirror(inner.lists, LISTS, options);
  }

  async forPlan(planId: string): Promise<PlanKpis> {
    if (!ID.test(planId)) return { kpis: [], values: [], milestones: [] };
    await this.mirror.fresh();
    const known = this.derived.get(planId);
    if (known && known.version === this.mirror.versionOf(planId)) return known.kpis;
    const { items, version } = await this.mirror.items(planId);
    const kpis: PlanKpis = {
      kpis: items.kpis.map(versioned(kpiMapper)),
      values: items.values.map(versioned(valueMapper)),
      milestones: items.milestones.map(versioned(milestoneMapper)),
    };
    this.derived.set(planId, { version, kpis });
    return kpis;
  }

  /** A write landed (or may have): the plan's copy is read afresh next time. */
  private async wrote<T>(planId: string, write: Promise<T>): Promise<T> {
    try {
      return await write;
    } finally {
      this.mirror.drop(planId);
      this.derived.delete(planId);
    }
  }

  kpi(kpiId: string): Promise<Versioned<Kpi> | null> {
    return this.inner.kpi(kpiId);
  }
  value(kpiId: string, periodKey: string): Promise<Versioned<KpiValue> | null> {
    return this.inner.value(kpiId, periodKey);
  }
  milestone(milestoneId: string): Promise<Versioned<Milestone> | null> {
    return this.inner.milestone(milestoneId);
  }
  createKpi(kpi: Kpi): Promise<Created<Kpi>> {
    return this.wrote(kpi.planId, this.inner.createKpi(kpi));
  }
  updateKpi(stored: Versioned<Kpi>, next: Kpi): Promise<Result<Versioned<Kpi>>> {
    return this.wrote(next.planId, this.inner.updateKpi(stored, next));
  }
  recordValue(value: KpiValue): Promise<Created<KpiValue>> {
    return this.wrote(value.planId, this.inner.recordValue(value));
  }
  correctValue(stored: Versioned<KpiValue>, next: KpiValue): Promise<Result<Versioned<KpiValue>>> {
    return this.wrote(next.planId, this.inner.correctValue(stored, next));
  }
  createMilestone(milestone: Milestone): Promise<Created<Milestone>> {
    return this.wrote(milestone.planId, this.inner.createMilestone(milestone));
  }
  updateMilestone(stored: Versioned<Milestone>, next: Milestone): Promise<Result<Versioned<Milestone>>> {
    return this.wrote(next.planId, this.inner.updateMilestone(stored, next));
  }
  progressUpdate(id: string): Promise<Versioned<ProgressUpdate> | null> {
    return this.inner.progressUpdate(id);
  }
  progressUpdates(planId: string): Promise<readonly Versioned<ProgressUpdate>[]> {
    return this.inner.progressUpdates(planId);
  }
  createProgressUpdate(update: ProgressUpdate): Promise<Created<ProgressUpdate>> {
    return this.inner.createProgressUpdate(update);
  }
  updateProgressUpdate(
    stored: Versioned<ProgressUpdate>,
    next: ProgressUpdate,
  ): Promise<Result<Versioned<ProgressUpdate>>> {
    return this.inner.updateProgressUpdate(stored, next);
  }
}
