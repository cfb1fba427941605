/**
 * The plan lead's settings beyond dates and roles: the plan's title, every value of the report header at
 * once (each problem named against its field), and each approval stage's rule.
 */
import { onlyPlanLead } from './authorization.js';
import type { Command } from '../plan/commands.js';
import { MAX_TITLE_CHARS } from '../plan/create-plan.js';
import type { DomainEvent } from '../plan/events.js';
import { findStage } from '../plan/plan.js';
import type { ApprovalRule } from '../templates/report-format.js';
import { ok, refuse } from '../support/result.js';
import { setHeaderField } from './plan-commands.js';
import { UNCHANGED, type CommandRule } from './command-rule.js';

type Of<T extends Command['type']> = Extract<Command, { type: T }>;

const MAX_QUORUM = 100;

export const setTitle: CommandRule<Of<'setTitle'>> = {
  authorize: (plan, _command, actor) => onlyPlanLead(plan, actor, 'rename the plan'),
  apply(plan, command) {
    const title = command.title.trim();
    if (title === '') return refuse('VALIDATION', 'Give the plan a title.', { field: 'title' });
    if (title.length > MAX_TITLE_CHARS) {
      return refuse(
        'VALIDATION',
        `The title is ${title.length} characters; the limit is ${MAX_TITLE_CHARS}.`,
        {
          field: 'title',
        },
      );
    }
    if (title === plan.title) return ok(UNCHANGED);
    return ok({ plan: { ...plan, title }, events: [], summary: `Renamed the plan "${title}"` });
  },
};

/**
 * Every value checked before any is kept: each goes through the single-field rule (so a field bound to the
 * key decision sets the plan's one key-decision value), and the refusal names each field that is wrong.
 */
export const setHeaderFields: CommandRule<Of<'setHeaderFields'>> = {
  authorize: (plan, _command, actor) => onlyPlanLead(plan, actor, 'fill in the report header'),
  apply(plan, command, context) {
    const fields: Record<string, string> = {};
    const changed: string[] = [];
    let next = plan;
    const events: DomainEvent[] = [];
    for (const [key, raw] of Object.entries(command.values)) {
      const value = typeof raw === 'string' && raw.trim() === '' ? null : raw;
      const applied = setHeaderField.apply(next, { type: 'setHeaderField', key, value }, context);
      if (!applied.ok) {
        fields[key] = applied.error.message;
        continue;
      }
      if (applied.value === UNCHANGED) continue;
      next = applied.value.plan;
      events.push(...applied.value.events);
      changed.push(plan.headerFields.find((f) => f.key === key)?.label ?? key);
    }
    const problems = Object.values(fields);
    if (problems.length > 0) return refuse('VALIDATION', problems.join(' '), { fields, problems });
    if (changed.length === 0) return ok(UNCHANGED);
    return ok({ plan: next, events, summary: `Set the report header: ${changed.join(', ')}` });
  },
};

function checkRule(rule: ApprovalRule): string | null {
  if (rule.kind !== 'quorum') return null;
  if (!Number.isInteger(rule.n) || rule.n < 1 || rule.n > MAX_QUORUM) {
    return `The number who must approve is a whole number from 1 to ${MAX_QUORUM}.`;
  }
  return null;
}

/**
 * A stage's rule and its must-approve roles. An open round keeps the rule it opened with (people were asked
 * under it), so the rule of an open stage cannot change; a change applies from the stage's next round.
 */
export const setStageRule: CommandRule<Of<'setStageRule'>> = {
  authorize: (plan, _command, actor) => onlyPlanLead(plan, actor, 'change approval rules'),
  apply(plan, command) {
    const stage = findStage(plan, command.stageKey);
    if (!stage) return refuse('NOT_FOUND', `There is no approval stage "${command.stageKey}" in this plan.`);
    if (stage.kind === 'decision') {
      return refuse('VALIDATION', `"${stage.title}" is a decision the plan lead records; it has no rule.`);
    }
    if (stage.state === 'open') {
      return refuse(
        'INVALID_STATE',
        `"${stage.title}" is open: its rule holds for this round. Change it once the round has closed.`,
        { stageKey: stage.key },
      );
    }
    const problem = checkRule(command.rule);
    if (problem) return refuse('VALIDATION', problem, { stageKey: stage.key, field: 'rule' });
    const mandatoryRoles = [...new Set(command.mandatoryRoles)];
    const stranger = mandatoryRoles.find((role) => !stage.approverRoles.includes(role));
    if (stranger !== undefined) {
      return refuse(
        'VALIDATION',
        `Only the stage's own approvers can be required to approve ("${stranger}").`,
        {
          stageKey: stage.key,
          field: 'mandatoryRoles',
        },
      );
    }
    const rule: ApprovalRule =
      command.rule.kind === 'quorum' ? { kind: 'quorum', n: command.rule.n } : command.rule;
    if (
      JSON.stringify(rule) === JSON.stringify(stage.rule) &&
      JSON.stringify(mandatoryRoles) === JSON.stringify(stage.mandatoryRoles)
    ) {
      return ok(UNCHANGED);
    }
    return ok({
      plan: {
        ...plan,
        stages: plan.stages.map((s) => (s.key === stage.key ? { ...s, rule, mandatoryRoles } : s)),
      },
      events: [],
      summary: `Changed the rule of "${stage.title}"`,
    });
  },
};
