/**
 * The plan's lifecycle: archiving (everything kept, hidden from the lists, restorable) and deleting (only
 * before any approval round, so nothing anyone approved disappears). Both are audited like any command.
 */
import { onlyPlanLead } from './authorization.js';
import type { Command } from '../plan/commands.js';
import type { Plan } from '../plan/plan.js';
import { ok, refuse } from '../support/result.js';
import { UNCHANGED, type CommandRule } from './command-rule.js';

type Of<T extends Command['type']> = Extract<Command, { type: T }>;

function approvalsStarted(plan: Plan): boolean {
  return plan.stages.some((stage) => stage.round > 0);
}

export const archivePlan: CommandRule<Of<'archivePlan'>> = {
  authorize: (plan, _command, actor) => onlyPlanLead(plan, actor, 'archive the plan'),
  apply(plan, command, context) {
    const archived = plan.lifecycle?.state === 'archived';
    if (archived === command.archived) return ok(UNCHANGED);
    const { lifecycle: _previous, ...rest } = plan;
    const next: Plan = command.archived
      ? { ...rest, lifecycle: { state: 'archived', by: context.actor.id, at: context.now } }
      : rest;
    return ok({
      plan: next,
      events: [],
      summary: command.archived ? 'Archived the plan' : 'Restored the plan from the archive',
    });
  },
};

export const deletePlan: CommandRule<Of<'deletePlan'>> = {
  authorize: (plan, _command, actor) => onlyPlanLead(plan, actor, 'delete the plan'),
  apply(plan, _command, context) {
    if (approvalsStarted(plan)) {
      return refuse(
        'INVALID_STATE',
        'Approvals have started, so the plan is part of the record and cannot be deleted. Archive it instead.',
      );
    }
    return ok({
      plan: { ...plan, lifecycle: { state: 'deleted', by: context.actor.id, at: context.now } },
      events: [],
      summary: `Deleted the plan "${plan.title}"`,
    });
  },
};
