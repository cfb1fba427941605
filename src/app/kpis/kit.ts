/**
 * What the KPI, check-in and milestone use cases share: their ports, the "changed" answer that makes a
 * repeated click harmless, ids a client may choose, loading a KPI of a plan, the stale-revision refusal,
 * the next revision, and the entry each change appends to the plan's audit log. Each use case re-reads what
 * it acts on and checks the actor against the plan (identity comes from the edge, never a request body).
 */
import type { Actor } from '../../domain/plan/commands.js';
import type { Kpi } from '../../domain/kpis/kpi.js';
import type { IsoDateTime, PersonId } from '../../domain/plan/plan.js';
import { ok, refuse, type Result } from '../../domain/support/result.js';
import type { Clock, IdGenerator } from '../../ports/clock.js';
import type { KpiStore, Versioned } from '../../ports/kpi-store.js';
import type { PlanStore, StoredPlan } from '../../ports/plan-store.js';
import { auditEntry } from '../plans/audit-entry.js';

export interface KpiDeps {
  readonly plans: PlanStore;
  readonly kpis: KpiStore;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

export interface Changed<T> {
  readonly item: T;
  /** False when the request asked for what was already so (a repeated click or save). */
  readonly changed: boolean;
}

/** Ids a client may choose for a new item, so that a retried create finds the first one. */
const CLIENT_ID = /^[A-Za-z0-9][A-Za-z0-9-]{7,63}$/;

export async function loadPlan(deps: KpiDeps, planId: string): Promise<Result<StoredPlan>> {
  return deps.plans.load(planId);
}

/** Appends to the plan's audit log: a save that changes nothing of the plan writes only the entry. */
export async function audit(
  deps: KpiDeps,
  stored: StoredPlan,
  actor: Actor,
  command: string,
  summary: string,
): Promise<void> {
  const entry = auditEntry(deps.clock, stored, actor, command, summary);
  const saved = await deps.plans.save(stored, stored.plan, [entry], actor.id);
  // The change itself is stored; a plan edited at the same moment only means a retry for the entry.
  if (!saved.ok && saved.error.code === 'CONFLICT') {
    const again = await deps.plans.load(stored.plan.id);
    if (again.ok) await deps.plans.save(again.value, again.value.plan, [entry], actor.id);
  }
}

export function newId(deps: KpiDeps, requested: string | undefined): Result<string> {
  if (requested === undefined) return ok(deps.ids.newId());
  return CLIENT_ID.test(requested)
    ? ok(requested)
    : refuse('VALIDATION', 'An id is 8 to 64 letters, digits and dashes.');
}

export async function planKpi(
  deps: KpiDeps,
  planId: string,
  kpiId: string,
): Promise<Result<{ stored: StoredPlan; kpi: Versioned<Kpi> }>> {
  const loaded = await loadPlan(deps, planId);
  if (!loaded.ok) return loaded;
  const kpi = await deps.kpis.kpi(kpiId);
  if (!kpi || kpi.item.planId !== planId) return refuse('NOT_FOUND', `The plan has no KPI "${kpiId}".`);
  return ok({ stored: loaded.value, kpi });
}

export const staleRevision = (what: string, current: number) =>
  refuse(
    'STALE_VERSION',
    `${what} has changed since you opened it (now revision ${current}): review it and try again.`,
    {
      revision: current,
    },
  );

/** What every KPI and milestone carries for concurrent editing and the audit trail. */
interface Revisable {
  readonly revision: number;
  readonly updatedBy: PersonId;
  readonly updatedAt: IsoDateTime;
}

/** The next revision of a KPI or milestone: `changes` made by the actor, now. */
export const revised = <T extends Revisable>(
  deps: KpiDeps,
  current: T,
  changes: Partial<T>,
  actor: Actor,
): T => ({
  ...current,
  ...changes,
  revision: current.revision + 1,
  updatedBy: actor.id,
  updatedAt: deps.clock.now(),
});
