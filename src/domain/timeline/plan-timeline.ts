/**
 * A plan's dates and section due dates, worked back from its meeting and deadline along the council's own
 * route: the steps its approval chain has, the notices its governance needs, its timeline rules over the
 * England defaults. Once the decision is recorded, its meeting and its end of call-in are the ones shown.
 */
import type { BankHolidayCalendar } from '../dates/calendar.js';
import { callInApplies, inferredSteps } from '../governance/governance.js';
import type { IsoDate, Plan } from '../plan/plan.js';
import type { TimelineRuleOverrides } from '../templates/report-format.js';
import { buildTimeline } from './build-timeline.js';
import type { TimelineRules } from './rules.js';
import type { TimelineEntryKey, TimelineInput, TimelineStepInput } from './timeline.js';

/** The format's rules over the defaults: each period it restates replaces the default one whole. */
export function rulesWith(defaults: TimelineRules, overrides: TimelineRuleOverrides): TimelineRules {
  const { stages: _stages, deadlineMargin, ...periods } = overrides;
  const margin = deadlineMargin ?? defaults.deadlineMargin;
  return {
    ...defaults,
    ...periods,
    ...(margin === undefined ? {} : { deadlineMargin: margin }),
  };
}

/** The plan's own rules: its format's, over the defaults. */
export const planRules = (plan: Plan, defaults: TimelineRules): TimelineRules =>
  rulesWith(defaults, plan.governance.timelineRules);

/** The steps of the plan's approval chain that come before the meeting, each with its lead time. */
export function planSteps(plan: Plan, rules: TimelineRules): TimelineStepInput[] {
  const own = plan.governance.timelineRules.stages ?? {};
  // Plans made before stages carried their step are worked out as their formats would be now.
  const inferred = inferredSteps(plan.stages, plan.governance.model);
  return plan.stages.flatMap((stage, i): TimelineStepInput[] => {
    if (stage.kind === 'decision') return [];
    const step = stage.timelineStep ?? inferred[i];
    if (step === 'none') return [];
    const rule = own[stage.key];
    if (rule !== undefined)
      return [{ key: `stage:${stage.key}` as TimelineEntryKey, label: stage.title, rule }];
    if (step === 'management-team') {
      const set = plan.dates.managementTeamMeeting;
      return [
        { key: 'management-team', label: stage.title, rule: rules.managementTeam, ...(set ? { set } : {}) },
      ];
    }
    if (step === 'portfolio-holder')
      return [{ key: 'portfolio-holder-sign-off', label: stage.title, rule: rules.portfolioHolderSignOff }];
    return [];
  });
}

export function timelineInput(plan: Plan, today: IsoDate, rules: TimelineRules): TimelineInput {
  const { submissionDeadline, decisionMeeting, managementTeamMeeting } = plan.dates;
  const executive = plan.governance.model === 'executive';
  const keyDecision = executive && plan.dates.keyDecision;
  // A recorded decision fixes the meeting and the end of call-in.
  const decided = plan.decision !== null && plan.decision.outcome !== 'deferred' ? plan.decision : null;
  const meeting = decided ? { body: decided.meetingBody, date: decided.meetingDate } : decisionMeeting;
  return {
    today,
    keyDecision,
    ...(submissionDeadline ? { submissionDeadline } : {}),
    ...(meeting ? { decisionMeeting: meeting } : {}),
    ...(managementTeamMeeting ? { managementTeamMeeting } : {}),
    steps: planSteps(plan, rules),
    decisionNotice: executive,
    callIn: callInApplies(plan),
    ...(decided?.callInEndsOn ? { callInEndsOn: decided.callInEndsOn } : {}),
    sections: plan.sections
      .filter((s) => s.status !== 'accepted')
      .map((s) => ({
        key: s.definition.key,
        title: s.definition.title,
        ...(s.dueDate ? { dueDate: s.dueDate } : {}),
      })),
  };
}

/** `defaults` are the England rules; the plan's format may replace any of them. */
export function planTimeline(
  plan: Plan,
  today: IsoDate,
  defaults: TimelineRules,
  calendar: BankHolidayCalendar,
) {
  const rules = planRules(plan, defaults);
  return buildTimeline(timelineInput(plan, today, rules), rules, calendar);
}
