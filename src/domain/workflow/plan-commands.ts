/** Plan-wide commands: dates, roles, header fields, publication and submission. */
import { onlyPlanLead } from './authorization.js';
import { isIsoDate } from '../dates/calendar.js';
import { callInAllows } from '../governance/call-in.js';
import { keyDecisionProblem } from '../governance/governance.js';
import { canonicalJson } from '../support/canonical-json.js';
import type { Command } from '../plan/commands.js';
import { PLAN_LEAD_ROLE, validateRoleBinding } from '../plan/create-plan.js';
import type { DomainEvent } from '../plan/events.js';
import type { HeaderValue, Plan, PlanDates, Section } from '../plan/plan.js';
import { ok, refuse, type Result } from '../support/result.js';
import { submissionChecks } from '../checks/submission-checks.js';
import { pendingRefusal } from '../approvals/stage-opening.js';
import { UNCHANGED, type CommandRule } from './command-rule.js';

type Of<T extends Command['type']> = Extract<Command, { type: T }>;

const MAX_HEADER_CHARS = 500;
const SAFE_URL = /^https?:\/\/[^\s<>"]+$/i;

function checkDates(dates: PlanDates): string | null {
  for (const [label, value] of [
    ['submission deadline', dates.submissionDeadline],
    ['decision meeting date', dates.decisionMeeting?.date ?? null],
    ['management team meeting', dates.managementTeamMeeting],
  ] as const) {
    if (value !== null && !isIsoDate(value))
      return `The ${label} "${value}" is not a date (expected YYYY-MM-DD).`;
  }
  if (dates.decisionMeeting && dates.decisionMeeting.body.trim() === '') return 'Name the decision meeting.';
  return null;
}

export const setDates: CommandRule<Of<'setDates'>> = {
  authorize: (plan, _command, actor) => onlyPlanLead(plan, actor, 'set the dates'),
  apply(plan, command) {
    const dates: PlanDates = { ...plan.dates, ...command.dates };
    const problem = checkDates(dates) ?? keyDecisionProblem(plan.governance, dates.keyDecision);
    if (problem) return refuse('VALIDATION', problem);
    if (canonicalJson(dates) === canonicalJson(plan.dates)) return ok(UNCHANGED);
    return ok({
      plan: { ...plan, dates },
      events: [{ type: 'DatesChanged', planId: plan.id }],
      summary: 'Changed the plan dates',
    });
  },
};

export const bindRole: CommandRule<Of<'bindRole'>> = {
  authorize: (plan, _command, actor) => onlyPlanLead(plan, actor, 'name people for roles'),
  apply(plan, command) {
    const people = [...command.personIds];
    const problem = validateRoleBinding(plan.roleDefinitions, command.role, people);
    if (problem) return refuse('VALIDATION', problem, { role: command.role });
    if (canonicalJson(plan.roles[command.role] ?? []) === canonicalJson(people)) return ok(UNCHANGED);
    const events: DomainEvent[] = [
      { type: 'RoleBound', planId: plan.id, role: command.role, personIds: people },
    ];
    // Implications nobody owns yet go to the officer who now holds the role that completes them.
    const holder = people[0] ?? null;
    const sections = plan.sections.map((section): Section => {
      if (
        section.definition.completedByRole !== command.role ||
        section.ownerId !== null ||
        holder === null
      ) {
        return section;
      }
      events.push({
        type: 'SectionAssigned',
        planId: plan.id,
        sectionKey: section.definition.key,
        ownerId: holder,
        contributorIds: section.contributorIds,
        dueDate: section.dueDate,
        previousOwnerId: null,
      });
      return { ...section, ownerId: holder };
    });
    const leadId = command.role === PLAN_LEAD_ROLE && holder !== null ? holder : plan.leadId;
    return ok({
      plan: { ...plan, leadId, sections, roles: { ...plan.roles, [command.role]: people } },
      events,
      summary: `Named ${people.length === 0 ? 'nobody' : people.join(', ')} as ${command.role}`,
    });
  },
};

function checkHeaderValue(plan: Plan, key: string, value: HeaderValue): Result<HeaderValue> {
  const field = plan.headerFields.find((f) => f.key === key);
  if (!field) return refuse('VALIDATION', `"${key}" is not a header field of this report.`);
  if (field.binds === 'key-decision' && value === null)
    return refuse('VALIDATION', `${field.label} is yes or no: it is the plan's key-decision setting.`);
  if (value === null) return ok(null);
  if (field.type === 'boolean') {
    return typeof value === 'boolean' ? ok(value) : refuse('VALIDATION', `${field.label} is yes or no.`);
  }
  if (typeof value !== 'string') return refuse('VALIDATION', `${field.label} is text.`);
  if (value.length > MAX_HEADER_CHARS) {
    return refuse('VALIDATION', `Keep ${field.label} under ${MAX_HEADER_CHARS} characters.`);
  }
  if (field.type === 'date' && !isIsoDate(value))
    return refuse('VALIDATION', `${field.label} is a date (YYYY-MM-DD).`);
  if (field.type === 'choice' && !(field.choices ?? []).includes(value)) {
    return refuse('VALIDATION', `${field.label} must be one of: ${(field.choices ?? []).join(', ')}.`);
  }
  return ok(value);
}

export const setHeaderField: CommandRule<Of<'setHeaderField'>> = {
  authorize: (plan, _command, actor) => onlyPlanLead(plan, actor, 'fill in the report header'),
  apply(plan, command) {
    const value = checkHeaderValue(plan, command.key, command.value);
    if (!value.ok) return value;
    const field = plan.headerFields.find((f) => f.key === command.key);
    if (field?.binds === 'key-decision' && typeof value.value === 'boolean') {
      // One value: the header field shows the plan's key-decision setting, which the timeline reads.
      const problem = keyDecisionProblem(plan.governance, value.value);
      if (problem) return refuse('VALIDATION', problem);
      if (plan.dates.keyDecision === value.value) return ok(UNCHANGED);
      return ok({
        plan: { ...plan, dates: { ...plan.dates, keyDecision: value.value } },
        events: [{ type: 'DatesChanged', planId: plan.id }],
        summary: `Set the report header "${command.key}" (the key decision)`,
      });
    }
    if ((plan.header[command.key] ?? null) === value.value) return ok(UNCHANGED);
    return ok({
      plan: { ...plan, header: { ...plan.header, [command.key]: value.value } },
      events: [],
      summary: `Set the report header "${command.key}"`,
    });
  },
};

export const setManagementTeamChat: CommandRule<Of<'setManagementTeamChat'>> = {
  authorize: (plan, _command, actor) => onlyPlanLead(plan, actor, "choose the management team's chat"),
  apply(plan, command) {
    const key = command.conversationKey?.trim() || null;
    if (key !== null && (key.length > 255 || !key.startsWith('conversation:'))) {
      return refuse('VALIDATION', 'Choose a group chat or channel the app is in.');
    }
    if (plan.managementTeamChat === key) return ok(UNCHANGED);
    return ok({
      plan: { ...plan, managementTeamChat: key },
      events:
        key === null ? [] : [{ type: 'ManagementTeamChatChosen', planId: plan.id, conversationKey: key }],
      summary:
        key === null
          ? 'Management team approvals go to each member 1:1'
          : `Management team approvals go to ${key}`,
    });
  },
};

export const publish: CommandRule<Of<'publish'>> = {
  authorize: (plan, _command, actor) => onlyPlanLead(plan, actor, 'publish the plan'),
  apply(plan, command, context) {
    if (plan.status === 'published' && plan.publication?.hash === command.versionHash) return ok(UNCHANGED);
    if (plan.status !== 'decided') {
      return refuse('INVALID_STATE', 'Publish after the decision has been recorded.', {
        status: plan.status,
      });
    }
    if (command.versionHash !== context.hash) {
      return refuse('STALE_VERSION', 'The version to publish is not the version that was decided.');
    }
    // Only a decision stage may allow publishing with sections to follow; a chain without one never does.
    const decisionStage = plan.stages.find((s) => s.kind === 'decision');
    const pending = pendingRefusal(
      plan,
      decisionStage ?? { ...plan.stages.at(-1)!, title: 'Publication', allowsPending: false },
    );
    if (pending) return { ok: false, error: pending };
    if (command.links.length === 0) return refuse('VALIDATION', 'Publication needs at least one link.');
    for (const link of command.links) {
      if (link.label.trim() === '' || !SAFE_URL.test(link.url)) {
        return refuse('VALIDATION', `"${link.label}" needs a label and an http(s) address.`);
      }
    }
    const override = command.callInOverride;
    const reason = override?.reason.trim() ?? '';
    if (override !== undefined && (reason === '' || reason.length > MAX_HEADER_CHARS))
      return refuse(
        'VALIDATION',
        `Give the reason the decision cannot wait (up to ${MAX_HEADER_CHARS} characters).`,
      );
    const callIn = callInAllows(plan, context.now, 'publish', override && { reason });
    if (!callIn.ok) return callIn;
    return ok({
      plan: {
        ...plan,
        status: 'published',
        publication: {
          hash: context.hash,
          version: plan.contentVersion,
          links: command.links,
          publishedBy: context.actor.id,
          publishedAt: context.now,
          ...(callIn.value === 'overridden' && plan.decision?.callInEndsOn
            ? {
                callInOverride: {
                  reason,
                  agreedBy: plan.governance.callInUrgency?.agreedBy ?? '',
                  callInEndsOn: plan.decision.callInEndsOn,
                  recordedBy: context.actor.id,
                  recordedAt: context.now,
                },
              }
            : {}),
        },
      },
      events: [{ type: 'PlanPublished', planId: plan.id, hash: context.hash, version: plan.contentVersion }],
      summary:
        callIn.value === 'overridden'
          ? `Published version ${plan.contentVersion} before call-in ended, as urgent: ${reason}`
          : `Published version ${plan.contentVersion}`,
    });
  },
};

export const recordSubmission: CommandRule<Of<'recordSubmission'>> = {
  authorize: (plan, _command, actor) => onlyPlanLead(plan, actor, 'record the submission'),
  apply(plan, command, context) {
    const blocking = submissionChecks(plan, undefined, context.now).filter((c) => c.blocking && !c.passed);
    if (blocking.length > 0) {
      return refuse('INVALID_STATE', blocking.map((c) => c.message).join(' '), {
        checks: blocking.map((c) => c.key),
      });
    }
    const to = command.to.trim();
    if (to === '') return refuse('VALIDATION', 'Say where the plan was sent.');
    if (!isIsoDate(command.submittedOn))
      return refuse('VALIDATION', 'Give the submission date as YYYY-MM-DD.');
    const reference = command.reference?.trim() || null;
    const previous = plan.submission;
    if (
      previous &&
      previous.to === to &&
      previous.submittedOn === command.submittedOn &&
      previous.reference === reference
    ) {
      return ok(UNCHANGED);
    }
    return ok({
      plan: {
        ...plan,
        submission: {
          to,
          submittedOn: command.submittedOn,
          reference,
          recordedBy: context.actor.id,
          recordedAt: context.now,
        },
      },
      events: [{ type: 'SubmissionRecorded', planId: plan.id, to, submittedOn: command.submittedOn }],
      summary: `Recorded the submission to ${to} on ${command.submittedOn}`,
    });
  },
};
