/**
 * The workflow engine: one pure entry point from (plan, command, actor, now) to the new plan, its events
 * and an audit entry, or a typed refusal. Everything the bot and the tab do goes through here.
 */
import type { Actor, Command } from '../plan/commands.js';
import { contentHash } from '../documents/content-hash.js';
import type { AuditEntry, DomainEvent } from '../plan/events.js';
import { reconcile } from './reconcile.js';
import type { IsoDateTime, Plan } from '../plan/plan.js';
import { ok, refuse, type Result } from '../support/result.js';
import {
  acceptSection,
  assignSection,
  editSection,
  requestSectionChanges,
  submitSection,
} from './section-commands.js';
import { delegate, recordDecision, respond, startApprovals } from './approval-commands.js';
import {
  bindRole,
  publish,
  recordSubmission,
  setDates,
  setHeaderField,
  setManagementTeamChat,
} from './plan-commands.js';
import { setHeaderFields, setStageRule, setTitle } from './settings-commands.js';
import { archivePlan, deletePlan } from './lifecycle-commands.js';
import { changeReportFormat } from './format-commands.js';
import { UNCHANGED, type CommandRule, type CommandRules } from './command-rule.js';
import { completeAsNone, setToFollow } from './contribution-commands.js';

export interface Decided {
  readonly plan: Plan;
  readonly events: readonly DomainEvent[];
  /** Null when the command changed nothing (a retry or a repeated click). */
  readonly audit: AuditEntry | null;
  readonly changed: boolean;
}

const rules: CommandRules = {
  setDates,
  bindRole,
  setHeaderField,
  setManagementTeamChat,
  assignSection,
  editSection,
  submitSection,
  acceptSection,
  requestSectionChanges,
  startApprovals,
  respond,
  delegate,
  recordDecision,
  publish,
  recordSubmission,
  setToFollow,
  completeAsNone,
  setTitle,
  setHeaderFields,
  setStageRule,
  changeReportFormat,
  archivePlan,
  deletePlan,
};

function ruleFor<C extends Command>(command: C): CommandRule<C> {
  // The mapped type pairs each command type with its rule; TypeScript cannot follow that through a lookup.
  return rules[command.type] as unknown as CommandRule<C>;
}

export function decide(plan: Plan, command: Command, actor: Actor, now: IsoDateTime): Result<Decided> {
  if (plan.lifecycle?.state === 'deleted') {
    return refuse('NOT_FOUND', `The plan "${plan.title}" has been deleted.`);
  }
  if (plan.lifecycle?.state === 'archived' && command.type !== 'archivePlan') {
    return refuse('INVALID_STATE', `"${plan.title}" is archived: restore it from its settings to change it.`);
  }
  const rule = ruleFor(command);
  const denied = rule.authorize(plan, command, actor);
  if (denied) return { ok: false, error: denied };
  const hash = contentHash(plan);
  const outcome = rule.apply(plan, command, { actor, now, hash });
  if (!outcome.ok) return outcome;
  if (outcome.value === UNCHANGED) return ok({ plan, events: [], audit: null, changed: false });

  const reconciled = reconcile(outcome.value.plan, now);
  const next = reconciled.plan;
  const nextHash = contentHash(next);
  if (nextHash !== hash && (plan.status === 'decided' || plan.status === 'published')) {
    return refuse(
      'INVALID_STATE',
      'The decision has been recorded on this version; its content can no longer change.',
    );
  }
  const events = [...outcome.value.events, ...reconciled.events];
  return ok({
    plan: next,
    events,
    audit: {
      at: now,
      planId: plan.id,
      actorId: actor.id,
      command: command.type,
      version: next.contentVersion,
      hash: nextHash,
      summary: outcome.value.summary,
      ...(outcome.value.onBehalfOf === undefined ? {} : { onBehalfOf: outcome.value.onBehalfOf }),
    },
    changed: true,
  });
}
