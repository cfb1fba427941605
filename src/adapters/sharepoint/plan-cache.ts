/**
 * The PlanStore a server instance runs: plans kept in memory (a ListMirror over the plan, section,
 * stage and response lists, refreshed by delta queries), so many people reading one plan cost what one
 * does and a save writes without reading first. Own writes are seen at once; other instances' writes
 * within maxAgeMs, or at once through refresh(). A save still carries the eTag of every item it writes,
 * so a stale copy is a CONFLICT naming who changed what (and the plan is read afresh), never an
 * overwrite.
 */
import type { AuditEntry } from '../../domain/plan/events.js';
import type { PersonId, Plan } from '../../domain/plan/plan.js';
import { ok, refuse, type Result } from '../../domain/support/result.js';
import type { PlanStore, PlanSummary, StoredPlan } from '../../ports/plan-store.js';
import { plansList, responsesList, sectionsList, stagesList } from './list-schema.js';
import { ListMirror, type MirrorOptions } from './list-mirror.js';
import { listed, PLAN_ID, storedPlanOf, type SharePointPlanStore } from './plan-store.js';

const LISTS = {
  plans: { schema: plansList, keep: 'whole' },
  sections: { schema: sectionsList, keep: 'scoped' },
  stages: { schema: stagesList, keep: 'scoped' },
  responses: { schema: responsesList, keep: 'scoped' },
} as const;

export interface PlanCacheOptions extends MirrorOptions {
  /** How old a read may have begun for recent() to share it (default RECENT_MS). */
  readonly recentMs?: number;
}

/** A quarter of a second: a burst of clicks shares one delta round, a click never decides on older. */
export const RECENT_MS = 250;

const notFound = (planId: string): Result<never> => refuse('NOT_FOUND', `There is no plan "${planId}".`);

export class CachedPlanStore implements PlanStore {
  readonly mirror: ListMirror<keyof typeof LISTS>;
  private readonly recentMs: number;
  /** The plan each held plan's items make, worked out once per change. */
  private readonly derived = new Map<string, { version: number; stored: StoredPlan }>();

  constructor(
    private readonly inner: SharePointPlanStore,
    options: PlanCacheOptions = {},
  ) {
    this.mirror = new ListMirror(inner.lists, LISTS, options);
    this.recentMs = options.recentMs ?? RECENT_MS;
  }

  async create(plan: Plan, audit: AuditEntry): Promise<Result<StoredPlan>> {
    // Tracking first, so that whatever happens to the new plan after it is written reaches the copy.
    await this.mirror.fresh();
    const created = await this.inner.createItems(plan, audit);
    if (!created.ok) return created;
    this.mirror.drop(plan.id);
    return this.serve(plan.id);
  }

  /** The plan as this instance knows it: current to within maxAgeMs, and to its own writes at once. */
  async load(planId: string): Promise<Result<StoredPlan>> {
    if (!PLAN_ID.test(planId)) return notFound(planId);
    await this.mirror.fresh();
    return this.serve(planId);
  }

  /** The plan as it stands now: a delta round that started after this call, then the copy. */
  async refresh(planId: string): Promise<Result<StoredPlan>> {
    if (!PLAN_ID.test(planId)) return notFound(planId);
    await this.mirror.current();
    return this.serve(planId);
  }

  /** The plan as a delta round begun at most recentMs ago found it, with this instance's own writes. */
  async recent(planId: string): Promise<Result<StoredPlan>> {
    if (!PLAN_ID.test(planId)) return notFound(planId);
    await this.mirror.recent(this.recentMs);
    return this.serve(planId);
  }

  private async serve(planId: string): Promise<Result<StoredPlan>> {
    const known = this.derived.get(planId);
    if (known && known.version === this.mirror.versionOf(planId)) return ok(known.stored);
    const { items, version } = await this.mirror.items(planId);
    const [plan] = items.plans;
    if (plan === undefined) {
      this.mirror.drop(planId);
      return notFound(planId);
    }
    const stored = storedPlanOf({
      plan,
      sections: items.sections,
      stages: items.stages,
      responses: items.responses,
    });
    this.derived.set(planId, { version, stored });
    return ok(stored);
  }

  async save(
    stored: StoredPlan,
    next: Plan,
    audit: readonly AuditEntry[],
    editedBy: PersonId,
  ): Promise<Result<StoredPlan>> {
    const saved = await this.inner.saveItems(stored, next, audit, editedBy);
    if (!saved.ok) {
      // Someone else's change, which this copy may not have yet: the plan is read afresh next time.
      if (saved.error.code === 'CONFLICT') this.mirror.drop(next.id);
      return saved;
    }
    if (saved.value.deleted.length > 0) {
      // A format change removed sections or stages: the plan is read afresh, never served with them.
      this.mirror.drop(next.id);
      this.derived.delete(next.id);
      return ok(saved.value.stored);
    }
    const before = this.mirror.versionOf(next.id);
    const known = this.derived.get(next.id);
    this.mirror.hold(next.id, saved.value.written);
    // If the copy was exactly what this save started from, the plan saved is what its items now make.
    const after = this.mirror.versionOf(next.id);
    if (after !== null && known?.stored === stored && known.version === before)
      this.derived.set(next.id, { version: after, stored: saved.value.stored });
    return ok(saved.value.stored);
  }

  async list(options: { readonly includeArchived?: boolean } = {}): Promise<readonly PlanSummary[]> {
    await this.mirror.fresh();
    return listed(this.mirror.whole('plans'), options);
  }

  auditLog(planId: string): Promise<readonly AuditEntry[]> {
    return this.inner.auditLog(planId);
  }
}
