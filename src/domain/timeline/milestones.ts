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
import {
  DEFAULT_DEADLINE_MARGIN,
  describeRule,
  type BeforeAgendaRule,
  type DeadlineMarginRule,
  type PeriodRule,
  type TimelineRules,
} from './rules.js';
import type {
  DecisionMeetingInput,
  TimelineEntryKey,
  TimelineEntryOrigin,
  TimelineSectionInput,
  TimelineStepInput,
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
  /** The chain's steps before the meeting, in chain order. */
  readonly steps: readonly Milestone[];
  readonly sectionsDue?: Milestone;
  readonly sections: readonly Milestone[];
}

export const DECISION_MEETING = 'Decision meeting';

type FixedLabelKey = Exclude<
  TimelineEntryKey,
  'decision-meeting' | `section-due:${string}` | `stage:${string}`
>;

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

/**
 * With no meeting set: the latest meeting whose call-in period still ends by the submission deadline or,
 * where the decision cannot be called in, the latest that leaves the deadline margin.
 */
function meetingFromDeadline(
  deadline: Milestone,
  input: CheckedInput,
  rules: TimelineRules,
  cal: BankHolidayCalendar,
): Milestone {
  if (!input.callIn) {
    const margin = marginRule(rules);
    const answer = latestStartEndingBy(deadline.date, margin.daysBeforeDeadline, margin.dayKind, cal);
    return derivedMilestone(
      'decision-meeting',
      DECISION_MEETING,
      answer,
      `Latest meeting date that leaves the margin before the submission deadline: ${describeRule(margin)}`,
      deadline,
    );
  }
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

export const marginRule = (rules: TimelineRules): DeadlineMarginRule =>
  rules.deadlineMargin ?? DEFAULT_DEADLINE_MARGIN;

function beforeAgenda(
  key: TimelineEntryKey,
  label: string,
  rule: BeforeAgendaRule,
  agenda: Milestone,
  cal: BankHolidayCalendar,
): Milestone {
  const answer = daysBefore(agenda.date, rule.daysBeforeAgendaPublication, rule.dayKind, cal);
  return derivedMilestone(key, label, answer, describeRule(rule), agenda);
}

/** The England steps every executive chain was given before steps came from the chain. */
const defaultSteps = (input: CheckedInput, rules: TimelineRules): TimelineStepInput[] => [
  {
    key: 'management-team',
    label: LABELS['management-team'],
    rule: rules.managementTeam,
    ...(input.managementTeamMeeting === undefined ? {} : { set: input.managementTeamMeeting }),
  },
  {
    key: 'portfolio-holder-sign-off',
    label: LABELS['portfolio-holder-sign-off'],
    rule: rules.portfolioHolderSignOff,
    ...(input.portfolioHolderSignOffBy === undefined ? {} : { set: input.portfolioHolderSignOffBy }),
  },
];

function stepMilestones(
  input: CheckedInput,
  rules: TimelineRules,
  agenda: Milestone | undefined,
  cal: BankHolidayCalendar,
): Milestone[] {
  return (input.steps ?? defaultSteps(input, rules)).flatMap((step) => {
    const derived = agenda && beforeAgenda(step.key, step.label, step.rule, agenda, cal);
    if (step.set !== undefined) return [setMilestone(step.key, step.label, step.set, derived)];
    return derived === undefined ? [] : [derived];
  });
}

/** Sections are due before the first step of the chain: the management team, or the agenda with no steps. */
function sectionsDueBefore(first: Milestone, rules: TimelineRules, cal: BankHolidayCalendar): Milestone {
  const rule = rules.sectionsDue;
  const answer = daysBefore(first.date, rule.daysBeforeManagementTeam, rule.dayKind, cal);
  return derivedMilestone('sections-due', LABELS['sections-due'], answer, describeRule(rule), first);
}

export const earliest = (milestones: readonly Milestone[]): Milestone | undefined =>
  milestones.reduce<Milestone | undefined>(
    (first, m) => (first === undefined || m.date < first.date ? m : first),
    undefined,
  );

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
        ? meetingFromDeadline(deadline, input, rules, cal)
        : undefined;
  const agenda = meeting && agendaFor(meeting, rules, cal);
  const forwardPlan = meeting && input.keyDecision ? forwardPlanFor(meeting, rules, cal) : undefined;
  const decisionNotice =
    meeting && input.decisionNotice ? decisionNoticeAfter(meeting, rules, cal) : undefined;
  const callInEnds = !input.callIn
    ? undefined
    : input.callInEndsOn !== undefined
      ? setMilestone('call-in-ends', LABELS['call-in-ends'], input.callInEndsOn)
      : decisionNotice && callInEndsAfter(decisionNotice, rules, cal);
  const steps = stepMilestones(input, rules, agenda, cal);
  const first = earliest(steps) ?? agenda;
  const sectionsDue = setOrDerived(
    'sections-due',
    input.sectionsDueBy,
    first && sectionsDueBefore(first, rules, cal),
  );
  return {
    ...(deadline && { deadline }),
    ...(meeting && { meeting }),
    ...(agenda && { agenda }),
    ...(forwardPlan && { forwardPlan }),
    ...(decisionNotice && { decisionNotice }),
    ...(callInEnds && { callInEnds }),
    steps,
    ...(sectionsDue && { sectionsDue }),
    sections: sectionMilestones(input.sections),
  };
}

export const allMilestones = (m: Milestones): Milestone[] =>
  [
    m.sectionsDue,
    ...m.steps,
    m.forwardPlan,
    m.agenda,
    m.meeting,
    m.decisionNotice,
    m.callInEnds,
    m.deadline,
    ...m.sections,
  ].filter((x): x is Milestone => x !== undefined);

/**
 * The last day of the call-in period for a decision taken on `meetingDate`: the decision notice follows
 * the meeting, and call-in runs from the notice. The decision may be implemented from the day after.
 */
export function callInEnd(
  meetingDate: IsoDate,
  rules: TimelineRules,
  calendar: BankHolidayCalendar,
): IsoDate {
  const { decisionNotice, callIn } = rules;
  const notice = daysAfter(meetingDate, decisionNotice.daysAfterMeeting, decisionNotice.dayKind, calendar);
  return daysAfter(notice.value, callIn.daysAfterDecisionNotice, callIn.dayKind, calendar).value;
}
