/**
 * A plan's progress updates as the list shows them, with what this person can start: the recent ended
 * periods of the plan's frequency that have no update yet, or why they cannot start one at all. The
 * same rules openProgressUpdate applies, so the list never offers what starting would refuse.
 */
import type { Actor } from '../../domain/plan/commands.js';
import {
  cannotStartProgress,
  periodsToStart,
  type ProgressUpdate,
} from '../../domain/kpis/progress-update.js';
import type { Period } from '../../domain/kpis/periods.js';
import type { Plan } from '../../domain/plan/plan.js';
import { policyOf, type ProgressDeps } from './progress-updates.js';

export interface ProgressList {
  /** Newest period first. */
  readonly updates: readonly ProgressUpdate[];
  readonly periodsToStart: readonly Period[];
  /** Why this person cannot start an update, or null when they can. */
  readonly cannotStart: string | null;
}

export async function progressList(
  deps: Pick<ProgressDeps, 'updates' | 'clock' | 'policyFor'>,
  plan: Plan,
  actor: Actor,
): Promise<ProgressList> {
  const updates = (await deps.updates.progressUpdates(plan.id))
    .map((stored) => stored.item)
    .sort((a, b) => b.periodKey.localeCompare(a.periodKey));
  const refusal = cannotStartProgress(plan, actor.id);
  const today = deps.clock.now().slice(0, 10);
  return {
    updates,
    periodsToStart: refusal
      ? []
      : periodsToStart(policyOf(deps, plan).frequency, today, new Set(updates.map((u) => u.periodKey))),
    cannotStart: refusal ? refusal.error.message : null,
  };
}
