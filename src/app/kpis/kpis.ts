/**
 * Use cases for KPIs, check-ins and milestones: define and change them, record a check-in (from a card
 * or the tab), and one pass of the check-in schedule. Each re-reads what it acts on, checks the actor
 * against the plan (identity comes from the edge, never from a request body), and appends an entry to
 * the plan's audit log.
 *
 * A check-in is keyed by KPI and period in the store, so recording it is idempotent: the same answer
 * twice is one value and says so; a different answer for a period already answered is refused
 * (ALREADY_RESPONDED) with the value that stands — corrections are made deliberately, in the tab.
 */
import type { BankHolidayCalendar } from '../../domain/dates/calendar.js';
import { checkIn, checkInsDue, sameCheckIn, type CheckInPolicy } from '../../domain/kpis/check-ins.js';
import type { Actor } from '../../domain/plan/commands.js';
import type { AuditEntry } from '../../domain/plan/events.js';
import {
  newKpi,
  onlyKpiManagers,
  onlyKpiOwnerOrLead,
  planThemes,
  sameDefinition,
  validateKpiDefinition,
  type Kpi,
  type KpiDraft,
  type KpiValue,
  type MeasurementEntry,
} from '../../domain/kpis/kpi.js';
import { planOverview, type PlanOverview } from '../../domain/kpis/overview.js';
import { periodFromKey } from '../../domain/kpis/periods.js';
import {
  newMilestone,
  validateMilestoneDefinition,
  validateProgressChange,
  type Milestone,
  type MilestoneDefinition,
  type MilestoneProgressChange,
} from '../../domain/kpis/milestone.js';
import type { Plan } from '../../domain/plan/plan.js';
import { ok, refuse, type Result } from '../../domain/support/result.js';
import type { Clock, IdGenerator } from '../../ports/clock.js';
import type { KpiNotificationComposer } from '../../ports/kpi-notifications.js';
import type { KpiStore, Versioned } from '../../ports/kpi-store.js';
import type { Outbox } from '../../ports/outbox.js';
import type { PlanStore, StoredPlan } from '../../ports/plan-store.js';

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

async function loadPlan(deps: KpiDeps, planId: string): Promise<Result<StoredPlan>> {
  return deps.plans.load(planId);
}

/** Appends to the plan's audit log: a save that changes nothing of the plan writes only the entry. */
async function audit(
  deps: KpiDeps,
  stored: StoredPlan,
  actor: Actor,
  command: string,
  summary: string,
): Promise<void> {
  const entry: AuditEntry = {
    at: deps.clock.now(),
    planId: stored.plan.id,
    actorId: actor.id,
    command,
    version: stored.plan.contentVersion,
    hash: stored.plan.versionHash,
    summary,
  };
  const saved = await deps.plans.save(stored, stored.plan, [entry], actor.id);
  // The change itself is stored; a plan edited at the same moment only means a retry for the entry.
  if (!saved.ok && saved.error.code === 'CONFLICT') {
    const again = await deps.plans.load(stored.plan.id);
    if (again.ok) await deps.plans.save(again.value, again.value.plan, [entry], actor.id);
  }
}

function newId(deps: KpiDeps, requested: string | undefined): Result<string> {
  if (requested === undefined) return ok(deps.ids.newId());
  return CLIENT_ID.test(requested)
    ? ok(requested)
    : refuse('VALIDATION', 'An id is 8 to 64 letters, digits and dashes.');
}

// ------------------------------------------------------------------------------------------------ KPIs

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

async function planKpi(
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

const staleRevision = (what: string, current: number) =>
  refuse(
    'STALE_VERSION',
    `${what} has changed since you opened it (now revision ${current}): review it and try again.`,
    {
      revision: current,
    },
  );

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
  const next: Kpi = {
    ...kpi.item,
    ...definition.value,
    revision: kpi.item.revision + 1,
    updatedBy: actor.id,
    updatedAt: deps.clock.now(),
  };
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
  const next: Kpi = {
    ...kpi.item,
    retired: true,
    revision: kpi.item.revision + 1,
    updatedBy: actor.id,
    updatedAt: deps.clock.now(),
  };
  const saved = await deps.kpis.updateKpi(kpi, next);
  if (!saved.ok) return saved;
  await audit(deps, stored, actor, 'retireKpi', `Retired the KPI "${next.name}"`);
  return ok({ item: next, changed: true });
}

// -------------------------------------------------------------------------------------------- check-ins

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

// ------------------------------------------------------------------------------------------- milestones

export async function defineMilestone(
  deps: KpiDeps,
  planId: string,
  draft: MilestoneDefinition,
  actor: Actor,
  requestedId?: string,
): Promise<Result<Changed<Milestone>>> {
  const loaded = await loadPlan(deps, planId);
  if (!loaded.ok) return loaded;
  const denied = onlyKpiManagers(loaded.value.plan, actor.id, 'define milestones');
  if (denied) return { ok: false, error: denied };
  const definition = validateMilestoneDefinition(draft, { themes: planThemes(loaded.value.plan) });
  if (!definition.ok) return definition;
  const id = newId(deps, requestedId);
  if (!id.ok) return id;
  const milestone = newMilestone(id.value, planId, definition.value, actor.id, deps.clock.now());
  const created = await deps.kpis.createMilestone(milestone);
  if (!created.created) {
    const existing = created.stored.item;
    const same =
      existing.planId === planId &&
      existing.title === milestone.title &&
      existing.ownerId === milestone.ownerId &&
      existing.dueDate === milestone.dueDate &&
      existing.theme === milestone.theme;
    return same
      ? ok({ item: existing, changed: false })
      : refuse('CONFLICT', 'A different milestone already has this id.', { id: milestone.id });
  }
  await audit(deps, loaded.value, actor, 'defineMilestone', `Added the milestone "${milestone.title}"`);
  return ok({ item: milestone, changed: true });
}

async function planMilestone(
  deps: KpiDeps,
  planId: string,
  milestoneId: string,
): Promise<Result<{ stored: StoredPlan; milestone: Versioned<Milestone> }>> {
  const loaded = await loadPlan(deps, planId);
  if (!loaded.ok) return loaded;
  const milestone = await deps.kpis.milestone(milestoneId);
  if (!milestone || milestone.item.planId !== planId)
    return refuse('NOT_FOUND', `The plan has no milestone "${milestoneId}".`);
  return ok({ stored: loaded.value, milestone });
}

async function saveMilestone(
  deps: KpiDeps,
  found: { stored: StoredPlan; milestone: Versioned<Milestone> },
  next: Milestone,
  actor: Actor,
  command: string,
  summary: string,
): Promise<Result<Changed<Milestone>>> {
  const saved = await deps.kpis.updateMilestone(found.milestone, next);
  if (!saved.ok) return saved;
  await audit(deps, found.stored, actor, command, summary);
  return ok({ item: next, changed: true });
}

export async function updateMilestone(
  deps: KpiDeps,
  planId: string,
  milestoneId: string,
  baseRevision: number,
  draft: MilestoneDefinition,
  actor: Actor,
): Promise<Result<Changed<Milestone>>> {
  const found = await planMilestone(deps, planId, milestoneId);
  if (!found.ok) return found;
  const { stored, milestone } = found.value;
  const denied = onlyKpiManagers(stored.plan, actor.id, 'change milestones');
  if (denied) return { ok: false, error: denied };
  if (milestone.item.revision !== baseRevision)
    return staleRevision(`"${milestone.item.title}"`, milestone.item.revision);
  const definition = validateMilestoneDefinition(draft, { themes: planThemes(stored.plan) });
  if (!definition.ok) return definition;
  const current = milestone.item;
  const d = definition.value;
  if (
    d.title === current.title &&
    d.ownerId === current.ownerId &&
    d.dueDate === current.dueDate &&
    d.theme === current.theme
  )
    return ok({ item: current, changed: false });
  const next: Milestone = {
    ...current,
    ...d,
    revision: current.revision + 1,
    updatedBy: actor.id,
    updatedAt: deps.clock.now(),
  };
  return saveMilestone(
    deps,
    found.value,
    next,
    actor,
    'updateMilestone',
    `Changed the milestone "${next.title}"`,
  );
}

/** Status, completion date and note: the milestone's owner or the plan lead. */
export async function setMilestoneProgress(
  deps: KpiDeps,
  planId: string,
  milestoneId: string,
  baseRevision: number,
  change: MilestoneProgressChange,
  actor: Actor,
): Promise<Result<Changed<Milestone>>> {
  const found = await planMilestone(deps, planId, milestoneId);
  if (!found.ok) return found;
  const { stored, milestone } = found.value;
  const current = milestone.item;
  if (actor.id !== current.ownerId && actor.id !== stored.plan.leadId)
    return refuse(
      'NOT_ALLOWED',
      `Only the owner of "${current.title}" or the plan lead can update its progress.`,
    );
  if (current.revision !== baseRevision) return staleRevision(`"${current.title}"`, current.revision);
  const checked = validateProgressChange(change, deps.clock.now().slice(0, 10));
  if (!checked.ok) return checked;
  const c = checked.value;
  if (c.status === current.status && c.completedOn === current.completedOn && c.note === current.note)
    return ok({ item: current, changed: false });
  const next: Milestone = {
    ...current,
    ...c,
    revision: current.revision + 1,
    updatedBy: actor.id,
    updatedAt: deps.clock.now(),
  };
  return saveMilestone(
    deps,
    found.value,
    next,
    actor,
    'setMilestoneProgress',
    `"${next.title}": ${next.status}`,
  );
}

// ------------------------------------------------------------------------------------------ schedule

export interface CheckInScheduleDeps {
  readonly plans: PlanStore;
  readonly kpis: KpiStore;
  readonly outbox: Outbox;
  readonly composer: KpiNotificationComposer;
  readonly clock: Clock;
  readonly calendar: BankHolidayCalendar;
  readonly policy?: CheckInPolicy;
}

/**
 * One pass of the check-in schedule over every published plan. Safe to run on every instance as often
 * as wanted: requests and escalations are keyed by their point in the schedule.
 */
export async function scheduleCheckIns(deps: CheckInScheduleDeps): Promise<{ readonly enqueued: number }> {
  const now = deps.clock.now();
  const today = now.slice(0, 10);
  let enqueued = 0;
  for (const summary of await deps.plans.list()) {
    if (summary.status !== 'published') continue;
    const loaded = await deps.plans.load(summary.id);
    if (!loaded.ok) continue;
    const stored = await deps.kpis.forPlan(summary.id);
    const kpis = stored.kpis.map((k) => k.item);
    const values = stored.values.map((v) => v.item);
    const due = checkInsDue(loaded.value.plan, kpis, values, today, deps.calendar, deps.policy);
    if (due.requests.length === 0 && due.escalation === null) continue;
    const messages = await deps.composer.forCheckIns(loaded.value.plan, kpis, values, due, now);
    enqueued += await deps.outbox.enqueue(messages);
  }
  return { enqueued };
}

// ------------------------------------------------------------------------------------------ overview

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
    ),
  );
}
