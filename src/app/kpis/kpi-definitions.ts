/** Defining, changing and retiring a plan's KPIs: the plan lead and KPI managers. */
import type { Actor } from '../../domain/plan/commands.js';
import {
  newKpi,
  onlyKpiManagers,
  planThemes,
  sameDefinition,
  validateKpiDefinition,
  type Kpi,
  type KpiDraft,
} from '../../domain/kpis/kpi.js';
import { ok, refuse, type Result } from '../../domain/support/result.js';
import {
  audit,
  loadPlan,
  newId,
  planKpi,
  revised,
  staleRevision,
  type Changed,
  type KpiDeps,
} from './kit.js';

export async function defineKpi(
  deps: KpiDeps,
  planId: string,
  draft: KpiDraft,
  actor: Actor,
  requestedId?: string,
): Promise<Result<Changed<Kpi>>> {
  const loaded = await loadPlan(deps, planId);
  if (!loaded.ok) return loaded;
  const plan = loaded.value.plan;
  const denied = onlyKpiManagers(plan, actor.id, 'define KPIs');
  if (denied) return { ok: false, error: denied };
  const definition = validateKpiDefinition(draft, { themes: planThemes(plan) });
  if (!definition.ok) return definition;
  const id = newId(deps, requestedId);
  if (!id.ok) return id;
  const kpi = newKpi(id.value, plan.id, definition.value, actor.id, deps.clock.now());
  const created = await deps.kpis.createKpi(kpi);
  if (!created.created) {
    const existing = created.stored.item;
    if (existing.planId === plan.id && sameDefinition(existing, kpi))
      return ok({ item: existing, changed: false });
    return refuse('CONFLICT', 'A different KPI already has this id.', { id: kpi.id });
  }
  await audit(deps, loaded.value, actor, 'defineKpi', `Defined the KPI "${kpi.name}"`);
  return ok({ item: kpi, changed: true });
}

export async function updateKpi(
  deps: KpiDeps,
  planId: string,
  kpiId: string,
  baseRevision: number,
  draft: KpiDraft,
  actor: Actor,
): Promise<Result<Changed<Kpi>>> {
  const found = await planKpi(deps, planId, kpiId);
  if (!found.ok) return found;
  const { stored, kpi } = found.value;
  const denied = onlyKpiManagers(stored.plan, actor.id, 'change KPIs');
  if (denied) return { ok: false, error: denied };
  if (kpi.item.revision !== baseRevision) return staleRevision(`"${kpi.item.name}"`, kpi.item.revision);
  const definition = validateKpiDefinition(draft, { themes: planThemes(stored.plan) });
  if (!definition.ok) return definition;
  if (sameDefinition(kpi.item, definition.value)) return ok({ item: kpi.item, changed: false });
  const measuredDifferently =
    definition.value.frequency !== kpi.item.frequency ||
    (definition.value.share === null) !== (kpi.item.share === null) ||
    definition.value.unit !== kpi.item.unit;
  if (measuredDifferently) {
    const recorded = (await deps.kpis.forPlan(planId)).values.some((v) => v.item.kpiId === kpiId);
    if (recorded)
      return refuse(
        'VALIDATION',
        'Values are already recorded for this KPI, so its unit and frequency cannot change: retire it and define a new one.',
      );
  }
  const next = revised(deps, kpi.item, definition.value, actor);
  const saved = await deps.kpis.updateKpi(kpi, next);
  if (!saved.ok) return saved;
  await audit(deps, stored, actor, 'updateKpi', `Changed the KPI "${next.name}"`);
  return ok({ item: next, changed: true });
}

export async function retireKpi(
  deps: KpiDeps,
  planId: string,
  kpiId: string,
  baseRevision: number,
  actor: Actor,
): Promise<Result<Changed<Kpi>>> {
  const found = await planKpi(deps, planId, kpiId);
  if (!found.ok) return found;
  const { stored, kpi } = found.value;
  const denied = onlyKpiManagers(stored.plan, actor.id, 'retire KPIs');
  if (denied) return { ok: false, error: denied };
  if (kpi.item.retired) return ok({ item: kpi.item, changed: false });
  if (kpi.item.revision !== baseRevision) return staleRevision(`"${kpi.item.name}"`, kpi.item.revision);
  const next = revised(deps, kpi.item, { retired: true }, actor);
  const saved = await deps.kpis.updateKpi(kpi, next);
  if (!saved.ok) return saved;
  await audit(deps, stored, actor, 'retireKpi', `Retired the KPI "${next.name}"`);
  return ok({ item: next, changed: true });
}
