/** Implementation milestones: defining and changing them (KPI managers), and their progress (owner or lead). */
import type { Actor } from '../../domain/plan/commands.js';
import { onlyKpiManagers, planThemes } from '../../domain/kpis/kpi.js';
import {
  newMilestone,
  validateMilestoneDefinition,
  validateProgressChange,
  type Milestone,
  type MilestoneDefinition,
  type MilestoneProgressChange,
} from '../../domain/kpis/milestone.js';
import { ok, refuse, type Result } from '../../domain/support/result.js';
import type { Versioned } from '../../ports/kpi-store.js';
import type { StoredPlan } from '../../ports/plan-store.js';
import { audit, loadPlan, newId, revised, staleRevision, type Changed, type KpiDeps } from './kit.js';

/** Whether two milestones say the same: title, owner, due date and theme. */
const sameMilestoneDefinition = (a: MilestoneDefinition, b: MilestoneDefinition): boolean =>
  a.title === b.title && a.ownerId === b.ownerId && a.dueDate === b.dueDate && a.theme === b.theme;

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
    return existing.planId === planId && sameMilestoneDefinition(existing, milestone)
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
  if (sameMilestoneDefinition(d, current)) return ok({ item: current, changed: false });
  const next = revised(deps, current, d, actor);
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
  const next = revised(deps, current, c, actor);
  return saveMilestone(
    deps,
    found.value,
    next,
    actor,
    'setMilestoneProgress',
    `"${next.title}": ${next.status}`,
  );
}
