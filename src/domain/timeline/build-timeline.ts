/**
 * The plan's timeline: works back from the decision meeting (or, with none, from the submission
 * deadline) to the dates the plan must meet, and warns in plain English when a date cannot be met.
 *
 * Every period and its legal source comes from a rules data file (`TimelineRules`), never from code,
 * so a council whose constitution differs changes data, not the timeline.
 */
import type { BankHolidayCalendar } from '../dates/calendar.js';
import { checkInput } from './input-check.js';
import { allMilestones, deriveMilestones, type Milestone } from './milestones.js';
import type { TimelineRules } from './rules.js';
import type { Timeline, TimelineEntry, TimelineEntryKey, TimelineInput } from './timeline.js';
import { milestoneWarnings } from './warnings.js';

/** Ties on one date are listed in the order the work happens. */
const ENTRY_ORDER: readonly TimelineEntryKey[] = [
  'sections-due',
  'management-team',
  'portfolio-holder-sign-off',
  'forward-plan-notice',
  'agenda-publication',
  'decision-meeting',
  'decision-notice',
  'call-in-ends',
  'submission-deadline',
];

const orderOf = (key: TimelineEntryKey): number =>
  key.startsWith('section-due:') ? -1 : ENTRY_ORDER.indexOf(key);

function toEntry(milestone: Milestone): TimelineEntry {
  const { key, label, date, origin, rule } = milestone;
  return rule === undefined ? { key, label, date, origin } : { key, label, date, origin, rule };
}

const inDateOrder = (a: TimelineEntry, b: TimelineEntry): number =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : orderOf(a.key) - orderOf(b.key);

export function buildTimeline(
  input: TimelineInput,
  rules: TimelineRules,
  calendar: BankHolidayCalendar,
): Timeline {
  const { checked, warnings: inputWarnings } = checkInput(input);
  const milestones = deriveMilestones(checked, rules, calendar);
  const warnings = [...inputWarnings, ...milestoneWarnings(milestones, checked.today, rules, calendar)];
  return { entries: allMilestones(milestones).map(toEntry).sort(inDateOrder), warnings };
}
