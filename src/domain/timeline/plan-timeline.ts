/** A plan's dates and section due dates, worked back from its meeting and deadline. */
import type { BankHolidayCalendar } from '../dates/calendar.js';
import type { IsoDate, Plan } from '../plan/plan.js';
import { buildTimeline } from './build-timeline.js';
import type { TimelineRules } from './rules.js';
import type { TimelineInput } from './timeline.js';

export function timelineInput(plan: Plan, today: IsoDate): TimelineInput {
  const { submissionDeadline, decisionMeeting, keyDecision, managementTeamMeeting } = plan.dates;
  return {
    today,
    keyDecision,
    ...(submissionDeadline ? { submissionDeadline } : {}),
    ...(decisionMeeting ? { decisionMeeting } : {}),
    ...(managementTeamMeeting ? { managementTeamMeeting } : {}),
    sections: plan.sections
      .filter((s) => s.status !== 'accepted')
      .map((s) => ({
        key: s.definition.key,
        title: s.definition.title,
        ...(s.dueDate ? { dueDate: s.dueDate } : {}),
      })),
  };
}

export function planTimeline(
  plan: Plan,
  today: IsoDate,
  rules: TimelineRules,
  calendar: BankHolidayCalendar,
) {
  return buildTimeline(timelineInput(plan, today), rules, calendar);
}
