/**
 * Recording a check-in (from a card or the tab) and correcting one (in the tab). A check-in is keyed by KPI
 * and period in the store, so recording it is idempotent: the same answer twice is one value and says so;
 * a different answer for a period already answered is refused (ALREADY_RESPONDED) with the value that
 * stands — corrections are made deliberately, in the tab.
 */
import { checkIn, sameCheckIn } from '../../domain/kpis/check-ins.js';
import type { Actor } from '../../domain/plan/commands.js';
import { onlyKpiOwnerOrLead, type Kpi, type KpiValue, type MeasurementEntry } from '../../domain/kpis/kpi.js';
import { periodFromKey } from '../../domain/kpis/periods.js';
import type { Plan } from '../../domain/plan/plan.js';
import { ok, refuse, type Result } from '../../domain/support/result.js';
import { audit, loadPlan, planKpi, type Changed, type KpiDeps } from './kit.js';

export interface CheckInRequest {
  readonly kpiId: string;
  readonly periodKey: string;
  readonly reading: MeasurementEntry;
  readonly commentary: string | null;
}

export interface CheckInOutcome {
  readonly plan: Plan;
  readonly kpi: Kpi;
  readonly value: KpiValue;
  /** False when this exact check-in was already recorded (a second click). */
  readonly changed: boolean;
}

/** Records a check-in for a KPI. `planId`, when given, must be the KPI's plan (a card names both). */
export async function recordCheckIn(
  deps: KpiDeps,
  request: CheckInRequest,
  actor: Actor,
  planId?: string,
): Promise<Result<CheckInOutcome>> {
  const kpi = await deps.kpis.kpi(request.kpiId);
  if (!kpi || (planId !== undefined && kpi.item.planId !== planId))
    return refuse('NOT_FOUND', 'This KPI no longer exists.');
  const loaded = await loadPlan(deps, kpi.item.planId);
  if (!loaded.ok) return loaded;
  const plan = loaded.value.plan;
  const denied = onlyKpiOwnerOrLead(plan, kpi.item, actor.id);
  if (denied) return { ok: false, error: denied };
  if (kpi.item.retired)
    return refuse('INVALID_STATE', `"${kpi.item.name}" has been retired; nothing was recorded.`);
  const value = checkIn(kpi.item, request, actor.id, deps.clock.now());
  if (!value.ok) return value;
  const recorded = await deps.kpis.recordValue(value.value);
  if (!recorded.created) {
    const existing = recorded.stored.item;
    if (sameCheckIn(existing, value.value))
      return ok({ plan, kpi: kpi.item, value: existing, changed: false });
    const period = periodFromKey(existing.periodKey)?.label ?? existing.periodKey;
    return refuse(
      'ALREADY_RESPONDED',
      `A value for ${period} was already recorded on ${existing.recordedAt.slice(0, 10)}. To correct it, open the KPI in Plan Builder.`,
      { value: existing },
    );
  }
  const period = periodFromKey(value.value.periodKey)?.label ?? value.value.periodKey;
  await audit(deps, loaded.value, actor, 'recordCheckIn', `Recorded ${kpi.item.name} for ${period}`);
  return ok({ plan, kpi: kpi.item, value: value.value, changed: true });
}

/** A deliberate correction of a recorded value, from the tab. */
export async function correctCheckIn(
  deps: KpiDeps,
  planId: string,
  request: CheckInRequest,
  actor: Actor,
): Promise<Result<Changed<KpiValue>>> {
  const found = await planKpi(deps, planId, request.kpiId);
  if (!found.ok) return found;
  const { stored, kpi } = found.value;
  const denied = onlyKpiOwnerOrLead(stored.plan, kpi.item, actor.id);
  if (denied) return { ok: false, error: denied };
  const existing = await deps.kpis.value(request.kpiId, request.periodKey);
  if (!existing) return refuse('NOT_FOUND', 'No value is recorded for that period yet.');
  const now = deps.clock.now();
  const checked = checkIn(kpi.item, request, actor.id, now);
  if (!checked.ok) return checked;
  if (sameCheckIn(existing.item, checked.value)) return ok({ item: existing.item, changed: false });
  const next: KpiValue = { ...checked.value, correctedBy: actor.id, correctedAt: now };
  const saved = await deps.kpis.correctValue(existing, next);
  if (!saved.ok) return saved;
  await audit(deps, stored, actor, 'correctCheckIn', `Corrected ${kpi.item.name} for ${request.periodKey}`);
  return ok({ item: saved.value.item, changed: true });
}
