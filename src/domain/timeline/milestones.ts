/**
 * Working back: from the decision meeting (or, with none, from the submission deadline) to each date the
 * plan must meet, by the rules' periods, keeping for every derived date the rule it follows and the date it
 * was worked back from, and for every set date the latest date the rules allow.
 */
import type { BankHolidayCalendar, CalendarAnswer, DayKind, IsoDate } from '../dates/calendar.js';
import {
  addCalendarDays,
  addWorkingDays,
  latestNoticeDate,
  workingDayOnOrBefore,
} from '../dates/calendar.js';
import type { CheckedInput } from './input-check.js';
import { describeRule, type BeforeAgendaRule, type PeriodRule, type TimelineRules } from './rules.js';
import type {
  DecisionMeetingInput,
  TimelineEntryKey,
  TimelineEntryOrigin,
  TimelineSectionInput,
} from './timeline.js';

export interface Milestone {
  readonly key: TimelineEntryKey;
  readonly label: string;
  readonly date: IsoDate;
  readonly origin: TimelineEntryOrigin;
  readonly rule?: string;
  /** Years the calculation relied on that the calendar does not cover. */
  readonly uncoveredYears: readonly number[];
  /** The milestone a derived date was worked back from: while that is still ahead, this date matters. */
  readonly workedBackFrom?: Milestone;
  /** For a set date: the latest date the rules would allow, to warn when the set date is later. */
  readonly latest?: Milestone;
  /** For a section's own due date: the section's title. */
  readonly sectionTitle?: string;
}

export interface Milestones {
  readonly deadline?: Milestone;
  readonly meeting?: Milestone;
  readonly agenda?: Milestone;
  readonly forwardPlan?: Milestone;
  readonly decisionNotice?: Milestone;
  readonly callInEnds?: Milestone;
  readonly managementTeam?: Milestone;
  readonly portfolioHolder?: Milestone;
  readonly sectionsDue?: Milestone;
  readonly sections: readonly Milestone[];
}

export const DECISION_MEETING = 'Decision meeting';

type FixedLabelKey = Exclude<TimelineEntryKey, 'decision-meeting' | `section-due:${string}`>;

const LABELS: Readonly<Record<FixedLabelKey, string>> = {
  'sections-due': 'All sections due to the plan lead',
  'management-team': 'Management team meeting',
  'portfolio-holder-sign-off': 'Portfolio holder sign-off',
  'forward-plan-notice': 'Key decision on the forward plan',
  'agenda-publication': 'Agenda and reports published',
  'decision-notice': 'Decision notice published',
  'call-in-ends': 'Call-in period ends',
  'submission-deadline': 'Submission deadline',
};

/** The latest working day at least `days` days (of the kind) before `anchor`. */
const daysBefore = (
  anchor: IsoDate,
  days: number,
  kind: DayKind,
  cal: BankHolidayCalendar,
): CalendarAnswer<IsoDate> =>
  // "n days before" leaves n - 1 clear days between, so this is the clear-days notice rule shifted by one.
  latestNoticeDate(anchor, days - 1, kind, cal);

const daysAfter = (
  anchor: IsoDate,
  days: number,
  kind: DayKind,
  cal: BankHolidayCalendar,
): CalendarAnswer<IsoDate> =>
  kind === 'working'
    ? addWorkingDays(anchor, days, cal)
    : { value: addCalendarDays(anchor, days), uncoveredYears: [] };

/** The latest working day A such that `daysAfter(A, days)` is on or before `target`. */
function latestStartEndingBy(
  target: IsoDate,
  days: number,
  kind: DayKind,
  cal: BankHolidayCalendar,
): CalendarAnswer<IsoDate> {
  if (kind === 'calendar') return workingDayOnOrBefore(addCalendarDays(target, -days), cal);
  const end = workingDayOnOrBefore(target, cal);
  const start = addWorkingDays(end.value, -days, cal);
  return { value: start.value, uncoveredYears: [...end.uncoveredYears, ...start.uncoveredYears] };
}

export const mergeYears = (...lists: (readonly number[])[]): number[] =>
  [...new Set(lists.flat())].sort((a, b) => a - b);

const setMilestone = (key: TimelineEntryKey, label: string, date: IsoDate, latest?: Milestone): Milestone =>
  latest === undefined
    ? { key, label, date, origin: 'set', uncoveredYears: [] }
    : { key, label, date, origin: 'set', uncoveredYears: [], latest };

const derivedMilestone = (
  key: TimelineEntryKey,
  label: string,
  answer: CalendarAnswer<IsoDate>,
  rule: string,
  workedBackFrom?: Milestone,
): Milestone => ({
  key,
  label,
  date: answer.value,
  origin: 'derived',
  rule,
  uncoveredYears: answer.uncoveredYears,
  ...(workedBackFrom === undefined ? {} : { workedBackFrom }),
});

/** A set date wins over the derived one, but the derived one is kept as the latest allowed. */
const setOrDerived = (
  key: FixedLabelKey,
  set: IsoDate | undefined,
  derived: Milestone | undefined,
): Milestone | undefined => (set === undefined ? derived : setMilestone(key, LABELS[key], set, derived));

function meetingFromInput(meeting: DecisionMeetingInput): Milestone {
  const body = meeting.body.trim();
  return setMilestone('decision-meeting', body === '' ? DECISION_MEETING : `${body} meeting`, meeting.date);
}

/** With no meeting set: the latest meeting whose call-in period still ends by the submission deadline. */
function meetingFromDeadline(deadline: Milestone, rules: TimelineRules, cal: BankHolidayCalendar): Milestone {
  const { callIn, decisionNotice } = rules;
  const notice = latestStartEndingBy(deadline.date, callIn.daysAfterDecisionNotice, callIn.dayKind, cal);
  const meeting = latestStartEndingBy(
    notice.value,
    decisionNotice.daysAfterMeeting,
    decisionNotice.dayKind,
    cal,
  );
  const rule =
    'Latest meeting date for the call-in period to end by the submission deadline: ' +
    `${describeRule(decisionNotice)}; ${describeRule(callIn)}`;
  return derivedMilestone(
    'decision-meeting',
    DECISION_MEETING,
    { value: meeting.value, uncoveredYears: mergeYears(notice.uncoveredYears, meeting.uncoveredYears) },
    rule,
    deadline,
  );
}

/** A notice that must be out `clearDays` clear days (of the rule's kind) before the meeting. */
function noticeBefore(
  key: 'agenda-publication' | 'forward-plan-notice',
  rule: PeriodRule,
  clearDays: number,
  meeting: Milestone,
  cal: BankHolidayCalendar,
): Milestone {
  const answer = latestNoticeDate(meeting.date, clearDays, rule.dayKind, cal);
  return derivedMilestone(key, LABELS[key], answer, describeRule(rule), meeting);
}

const agendaFor = (meeting: Milestone, rules: TimelineRules, cal: BankHolidayCalendar): Milestone =>
  noticeBefore(
    'agenda-publication',
    rules.agendaPublication,
    rules.agendaPublication.clearDaysBeforeMeeting,
    meeting,
    cal,
  );

const forwardPlanFor = (meeting: Milestone, rules: TimelineRules, cal: BankHolidayCalendar): Milestone =>
  noticeBefore(
    'forward-plan-notice',
    rules.keyDecisionNotice,
    rules.keyDecisionNotice.clearDaysBeforeDecision,
    meeting,
    cal,
  );

function decisionNoticeAfter(meeting: Milestone, rules: TimelineRules, cal: BankHolidayCalendar): Milestone {
  const rule = rules.decisionNotice;
  const answer = daysAfter(meeting.date, rule.daysAfterMeeting, rule.dayKind, cal);
  return derivedMilestone('decision-notice', LABELS['decision-notice'], answer, describeRule(rule));
}

function callInEndsAfter(notice: Milestone, rules: TimelineRules, cal: BankHolidayCalendar): Milestone {
  const rule = rules.callIn;
  const answer = daysAfter(notice.date, rule.daysAfterDecisionNotice, rule.dayKind, cal);
  return derivedMilestone('call-in-ends', LABELS['call-in-ends'], answer, describeRule(rule));
}

function beforeAgenda(
  key: 'management-team' | 'portfolio-holder-sign-off',
  rule: BeforeAgendaRule,
  agenda: Milestone,
  cal: BankHolidayCalendar,
): Milestone {
  const answer = daysBefore(agenda.date, rule.daysBeforeAgendaPublication, rule.dayKind, cal);
  return derivedMilestone(key, LABELS[key], answer, describeRule(rule), agenda);
}

function sectionsDueBefore(
  managementTeam: Milestone,
  rules: TimelineRules,
  cal: BankHolidayCalendar,
): Milestone {
  const rule = rules.sectionsDue;
  const answer = daysBefore(managementTeam.date, rule.daysBeforeManagementTeam, rule.dayKind, cal);
  return derivedMilestone('sections-due', LABELS['sections-due'], answer, describeRule(rule), managementTeam);
}

const sectionMilestones = (sections: readonly TimelineSectionInput[]): Milestone[] =>
  sections.flatMap((section) =>
    section.dueDate === undefined
      ? []
      : [
          {
            ...setMilestone(`section-due:${section.key}`, `Section due: ${section.title}`, section.dueDate),
            sectionTitle: section.title,
          },
        ],
  );

export function deriveMilestones(
  input: CheckedInput,
  rules: TimelineRules,
  cal: BankHolidayCalendar,
): Milestones {
  const deadline =
    input.submissionDeadline === undefined
      ? undefined
      : setMilestone('submission-deadline', LABELS['submission-deadline'], input.submissionDeadline);
  const meeting =
    input.decisionMeeting !== undefined
      ? meetingFromInput(input.decisionMeeting)
      : deadline !== undefined
        ? meetingFromDeadline(deadline, rules, cal)
        : undefined;
  const agenda = meeting && agendaFor(meeting, rules, cal);
  const forwardPlan = meeting && input.keyDecision ? forwardPlanFor(meeting, rules, cal) : undefined;
  const decisionNotice = meeting && decisionNoticeAfter(meeting, rules, cal);
  const callInEnds = decisionNotice && callInEndsAfter(decisionNotice, rules, cal);
  const managementTeam = setOrDerived(
    'management-team',
    input.managementTeamMeeting,
    agenda && beforeAgenda('management-team', rules.managementTeam, agenda, cal),
  );
  const portfolioHolder = setOrDerived(
    'portfolio-holder-sign-off',
    input.portfolioHolderSignOffBy,
    agenda && beforeAgenda('portfolio-holder-sign-off', rules.portfolioHolderSignOff, agenda, cal),
  );
  const sectionsDue = setOrDerived(
    'sections-due',
    input.sectionsDueBy,
    managementTeam && sectionsDueBefore(managementTeam, rules, cal),
  );
  return {
    ...(deadline && { deadline }),
    ...(meeting && { meeting }),
    ...(agenda && { agenda }),
    ...(forwardPlan && { forwardPlan }),
    ...(decisionNotice && { decisionNotice }),
    ...(callInEnds && { callInEnds }),
    ...(managementTeam && { managementTeam }),
    ...(portfolioHolder && { portfolioHolder }),
    ...(sectionsDue && { sectionsDue }),
    sections: sectionMilestones(input.sections),
  };
}

export const allMilestones = (m: Milestones): Milestone[] =>
  [
    m.sectionsDue,
    m.managementTeam,
    m.portfolioHolder,
    m.forwardPlan,
    m.agenda,
    m.meeting,
    m.decisionNotice,
    m.callInEnds,
    m.deadline,
    ...m.sections,
  ].filter((x): x is Milestone => x !== undefined);
