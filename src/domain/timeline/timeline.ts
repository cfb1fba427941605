/**
 * The plan's timeline: works back from the decision meeting (or, with none, from the submission
 * deadline) to the dates the plan must meet, and warns in plain English when a date cannot be met.
 *
 * Every period and its legal source comes from a rules data file (`TimelineRules`), never from code,
 * so a council whose constitution differs changes data, not this module.
 */
import type { BankHolidayCalendar, CalendarAnswer, DayKind, IsoDate } from '../dates/calendar.js';
import {
  addCalendarDays,
  addWorkingDays,
  bankHolidayOn,
  clearDaysBetween,
  isCovered,
  isIsoDate,
  isWeekend,
  latestNoticeDate,
  workingDayOnOrBefore,
  yearOf,
} from '../dates/calendar.js';
import { formatDate } from '../wording/dates.js';

// ---------------------------------------------------------------------------------------------------
// Rules (data)

export interface RuleSource {
  readonly citation: string;
  readonly url?: string;
}

/** Whether a period is the law, the council's own constitution, or only a sensible default. */
export type RuleBasis = 'statute' | 'council-practice' | 'planning-default';

export interface PeriodRule {
  /** One sentence a plan lead understands, e.g. "Agenda published at least 5 clear working days before". */
  readonly description: string;
  readonly dayKind: DayKind;
  readonly basis: RuleBasis;
  readonly sources: readonly RuleSource[];
  readonly note?: string;
}

export interface AgendaPublicationRule extends PeriodRule {
  readonly clearDaysBeforeMeeting: number;
  /** What happens when the agenda misses the period, completing "…, <ifNotMet>". */
  readonly ifNotMet: string;
}

export interface GeneralExceptionRule extends PeriodRule {
  readonly clearDaysBeforeDecision: number;
}

export interface SpecialUrgencyRule {
  readonly description: string;
  readonly sources: readonly RuleSource[];
}

export interface KeyDecisionNoticeRule extends PeriodRule {
  readonly clearDaysBeforeDecision: number;
  /** The procedure needed when notice was not given, completing "the decision needs <ifNotMet>". */
  readonly ifNotMet: string;
  readonly generalException: GeneralExceptionRule;
  readonly specialUrgency: SpecialUrgencyRule;
}

export interface DecisionNoticeRule extends PeriodRule {
  readonly daysAfterMeeting: number;
}

export interface CallInRule extends PeriodRule {
  readonly daysAfterDecisionNotice: number;
}

export interface BeforeAgendaRule extends PeriodRule {
  readonly daysBeforeAgendaPublication: number;
}

export interface SectionsDueRule extends PeriodRule {
  readonly daysBeforeManagementTeam: number;
}

export interface TimelineRules {
  readonly id: string;
  readonly title: string;
  readonly appliesTo: string;
  readonly agendaPublication: AgendaPublicationRule;
  readonly keyDecisionNotice: KeyDecisionNoticeRule;
  readonly decisionNotice: DecisionNoticeRule;
  readonly callIn: CallInRule;
  readonly managementTeam: BeforeAgendaRule;
  readonly portfolioHolderSignOff: BeforeAgendaRule;
  readonly sectionsDue: SectionsDueRule;
}

// ---------------------------------------------------------------------------------------------------
// Input and output

export interface TimelineSectionInput {
  readonly key: string;
  readonly title: string;
  readonly dueDate?: IsoDate;
}

export interface DecisionMeetingInput {
  readonly date: IsoDate;
  /** The decision-making body, e.g. "Cabinet". */
  readonly body: string;
}

export interface TimelineInput {
  readonly today: IsoDate;
  readonly submissionDeadline?: IsoDate;
  readonly decisionMeeting?: DecisionMeetingInput;
  readonly keyDecision: boolean;
  readonly managementTeamMeeting?: IsoDate;
  readonly portfolioHolderSignOffBy?: IsoDate;
  readonly sectionsDueBy?: IsoDate;
  readonly sections: readonly TimelineSectionInput[];
}

export type TimelineEntryKey =
  | 'sections-due'
  | 'management-team'
  | 'portfolio-holder-sign-off'
  | 'forward-plan-notice'
  | 'agenda-publication'
  | 'decision-meeting'
  | 'decision-notice'
  | 'call-in-ends'
  | 'submission-deadline'
  | `section-due:${string}`;

export type TimelineEntryOrigin = 'set' | 'derived';

export interface TimelineEntry {
  readonly key: TimelineEntryKey;
  readonly label: string;
  readonly date: IsoDate;
  /** `set` by the plan lead, or `derived`: the latest date the rules allow. */
  readonly origin: TimelineEntryOrigin;
  /** For a derived date: the rule it follows and its source. */
  readonly rule?: string;
}

export type TimelineWarningCode =
  | 'INVALID_DATE'
  | 'NO_ANCHOR_DATE'
  | 'KEY_DECISION_NOTICE_TOO_LATE'
  | 'AGENDA_DEADLINE_PASSED'
  | 'DATE_PASSED'
  | 'SET_DATE_TOO_LATE'
  | 'MEETING_AFTER_DEADLINE'
  | 'CALL_IN_AFTER_DEADLINE'
  | 'NOT_A_WORKING_DAY'
  | 'SECTION_DUE_AFTER_SECTIONS_DUE'
  | 'OUTSIDE_CALENDAR_COVERAGE';

export interface TimelineWarning {
  readonly code: TimelineWarningCode;
  readonly message: string;
  /** The entries the warning is about, for the dashboard to highlight. */
  readonly entryKeys: readonly TimelineEntryKey[];
}

export interface Timeline {
  readonly entries: readonly TimelineEntry[];
  readonly warnings: readonly TimelineWarning[];
}

// ---------------------------------------------------------------------------------------------------
// Internal model

interface Milestone {
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

interface Milestones {
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

/** The input with every date checked; a date that is not valid is left out (and warned about). */
interface CheckedInput {
  readonly today?: IsoDate;
  readonly submissionDeadline?: IsoDate;
  readonly decisionMeeting?: DecisionMeetingInput;
  readonly keyDecision: boolean;
  readonly managementTeamMeeting?: IsoDate;
  readonly portfolioHolderSignOffBy?: IsoDate;
  readonly sectionsDueBy?: IsoDate;
  readonly sections: readonly TimelineSectionInput[];
}

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

const DECISION_MEETING = 'Decision meeting';

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

// ---------------------------------------------------------------------------------------------------
// Wording

const day = (date: IsoDate): string => formatDate(date);

const citations = (sources: readonly RuleSource[]): string => sources.map((s) => s.citation).join('; ');

const describeRule = (rule: { description: string; sources: readonly RuleSource[] }): string =>
  rule.sources.length === 0 ? rule.description : `${rule.description} (${citations(rule.sources)})`;

const dayWord = (kind: DayKind, clear: boolean): string =>
  `${clear ? 'clear ' : ''}${kind === 'working' ? 'working ' : ''}days`;

/** "the Cabinet meeting", for use inside a sentence. */
const meetingName = (meeting: Milestone): string =>
  meeting.label === DECISION_MEETING ? 'the decision meeting' : `the ${meeting.label}`;

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

// ---------------------------------------------------------------------------------------------------
// Date rules

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

const mergeYears = (...lists: (readonly number[])[]): number[] =>
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

// ---------------------------------------------------------------------------------------------------
// Working back

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

function agendaFor(meeting: Milestone, rules: TimelineRules, cal: BankHolidayCalendar): Milestone {
  const rule = rules.agendaPublication;
  const answer = latestNoticeDate(meeting.date, rule.clearDaysBeforeMeeting, rule.dayKind, cal);
  return derivedMilestone(
    'agenda-publication',
    LABELS['agenda-publication'],
    answer,
    describeRule(rule),
    meeting,
  );
}

function forwardPlanFor(meeting: Milestone, rules: TimelineRules, cal: BankHolidayCalendar): Milestone {
  const rule = rules.keyDecisionNotice;
  const answer = latestNoticeDate(meeting.date, rule.clearDaysBeforeDecision, rule.dayKind, cal);
  return derivedMilestone(
    'forward-plan-notice',
    LABELS['forward-plan-notice'],
    answer,
    describeRule(rule),
    meeting,
  );
}

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

function deriveMilestones(input: CheckedInput, rules: TimelineRules, cal: BankHolidayCalendar): Milestones {
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

const allMilestones = (m: Milestones): Milestone[] =>
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

// ---------------------------------------------------------------------------------------------------
// Input checks

const DATE_FIELDS = [
  ['today', "Today's date"],
  ['submissionDeadline', 'The submission deadline'],
  ['managementTeamMeeting', 'The management team meeting date'],
  ['portfolioHolderSignOffBy', 'The portfolio holder sign-off date'],
  ['sectionsDueBy', 'The date all sections are due'],
] as const;

const invalidDateWarning = (what: string, value: string, entryKeys: TimelineEntryKey[]): TimelineWarning => ({
  code: 'INVALID_DATE',
  message: `${what} ${JSON.stringify(value)} is not a valid date (YYYY-MM-DD), so it was left out of the timeline.`,
  entryKeys,
});

function checkInput(input: TimelineInput): { checked: CheckedInput; warnings: TimelineWarning[] } {
  const warnings: TimelineWarning[] = [];
  const valid = (what: string, value: IsoDate | undefined, key?: TimelineEntryKey): IsoDate | undefined => {
    if (value === undefined || isIsoDate(value)) return value;
    warnings.push(invalidDateWarning(what, value, key === undefined ? [] : [key]));
    return undefined;
  };
  const dates: Partial<Record<(typeof DATE_FIELDS)[number][0], IsoDate>> = {};
  for (const [field, what] of DATE_FIELDS) {
    const value = valid(what, input[field]);
    if (value !== undefined) dates[field] = value;
  }
  const meetingDate = valid('The decision meeting date', input.decisionMeeting?.date, 'decision-meeting');
  const sections = input.sections.map((section) => {
    const key: TimelineEntryKey = `section-due:${section.key}`;
    const dueDate = valid(`The due date of section “${section.title}”`, section.dueDate, key);
    return dueDate === undefined ? { key: section.key, title: section.title } : { ...section, dueDate };
  });
  const checked: CheckedInput = {
    ...dates,
    keyDecision: input.keyDecision,
    sections,
    ...(input.decisionMeeting && meetingDate !== undefined && { decisionMeeting: input.decisionMeeting }),
  };
  return { checked, warnings };
}

// ---------------------------------------------------------------------------------------------------
// Warnings

function noAnchorWarnings(m: Milestones): TimelineWarning[] {
  if (m.meeting !== undefined || m.deadline !== undefined) return [];
  return [
    {
      code: 'NO_ANCHOR_DATE',
      message:
        'Neither a decision meeting nor a submission deadline is set, so the timeline cannot work back to ' +
        'the dates the plan must meet. Set at least one of them.',
      entryKeys: [],
    },
  ];
}

/** A derived date is still needed while the date it was worked back from has not passed. */
const stillNeeded = (milestone: Milestone, today: IsoDate): boolean =>
  milestone.origin === 'derived' &&
  milestone.date < today &&
  milestone.workedBackFrom !== undefined &&
  milestone.workedBackFrom.date >= today;

function keyDecisionWarning(
  forwardPlan: Milestone,
  meeting: Milestone,
  today: IsoDate,
  rules: TimelineRules,
  cal: BankHolidayCalendar,
): TimelineWarning {
  const rule = rules.keyDecisionNotice;
  const exception = rule.generalException;
  const remaining = clearDaysBetween(today, meeting.date, rule.dayKind, cal).value;
  const exceptionBy = latestNoticeDate(
    meeting.date,
    exception.clearDaysBeforeDecision,
    exception.dayKind,
    cal,
  );
  const route =
    exceptionBy.value >= today
      ? `The general exception is still possible if notice is given by ${day(exceptionBy.value)}: ` +
        `${exception.description}.`
      : `It is too late for the general exception (${exception.clearDaysBeforeDecision} ${dayWord(exception.dayKind, true)}), ` +
        `so only special urgency remains: ${rule.specialUrgency.description}.`;
  return {
    code: 'KEY_DECISION_NOTICE_TOO_LATE',
    message:
      `The decision at ${meetingName(meeting)} on ${day(meeting.date)} is a key decision: it had to be on the ` +
      `forward plan by ${day(forwardPlan.date)}, which has passed (today is ${day(today)}). If it is not on the ` +
      `forward plan already, there are fewer than ${rule.clearDaysBeforeDecision} ${dayWord(rule.dayKind, true)} ` +
      `left (${remaining} from today) and the decision needs ${rule.ifNotMet}. ${route}`,
    entryKeys: ['forward-plan-notice', 'decision-meeting'],
  };
}

function agendaWarning(
  agenda: Milestone,
  meeting: Milestone,
  today: IsoDate,
  rules: TimelineRules,
): TimelineWarning {
  const rule = rules.agendaPublication;
  return {
    code: 'AGENDA_DEADLINE_PASSED',
    message:
      `The agenda for ${meetingName(meeting)} on ${day(meeting.date)} had to be published by ${day(agenda.date)} ` +
      `(${rule.clearDaysBeforeMeeting} ${dayWord(rule.dayKind, true)} before), which has passed (today is ` +
      `${day(today)}). Unless it is already published, ${rule.ifNotMet}.`,
    entryKeys: ['agenda-publication', 'decision-meeting'],
  };
}

function datePassedWarning(milestone: Milestone, today: IsoDate): TimelineWarning {
  const from = milestone.workedBackFrom;
  const reason = from === undefined ? '' : ` to be in time for: ${from.label}, ${day(from.date)}`;
  return {
    code: 'DATE_PASSED',
    message:
      `${milestone.label} was needed by ${day(milestone.date)}${reason}; that date has passed (today is ` +
      `${day(today)}). Rule: ${milestone.rule ?? 'set date'}.`,
    entryKeys: from === undefined ? [milestone.key] : [milestone.key, from.key],
  };
}

function passedDateWarnings(
  m: Milestones,
  today: IsoDate | undefined,
  rules: TimelineRules,
  cal: BankHolidayCalendar,
): TimelineWarning[] {
  if (today === undefined) return [];
  return allMilestones(m)
    .filter((milestone) => stillNeeded(milestone, today))
    .map((milestone) => {
      if (milestone.key === 'forward-plan-notice' && m.meeting) {
        return keyDecisionWarning(milestone, m.meeting, today, rules, cal);
      }
      if (milestone.key === 'agenda-publication' && m.meeting)
        return agendaWarning(milestone, m.meeting, today, rules);
      return datePassedWarning(milestone, today);
    });
}

function setTooLateWarning(milestone: Milestone): TimelineWarning[] {
  const latest = milestone.latest;
  if (latest === undefined || milestone.date <= latest.date) return [];
  const anchor = latest.workedBackFrom;
  const pastAnchor =
    anchor !== undefined && milestone.date > anchor.date
      ? ` It is even later than the date it must come before: ${anchor.label}, ${day(anchor.date)}.`
      : '';
  return [
    {
      code: 'SET_DATE_TOO_LATE',
      message:
        `${milestone.label} is set for ${day(milestone.date)}, later than the latest date the timeline allows, ` +
        `${day(latest.date)}. Rule: ${latest.rule ?? ''}.${pastAnchor}`,
      entryKeys: anchor === undefined ? [milestone.key] : [milestone.key, anchor.key],
    },
  ];
}

function deadlineWarnings(m: Milestones): TimelineWarning[] {
  const { meeting, deadline, callInEnds } = m;
  if (meeting === undefined || deadline === undefined) return [];
  if (meeting.date > deadline.date) {
    return [
      {
        code: 'MEETING_AFTER_DEADLINE',
        message:
          `${capitalised(meetingName(meeting))} on ${day(meeting.date)} is after the submission deadline of ` +
          `${day(deadline.date)}: the plan would have to be submitted before members have taken the decision. ` +
          'Bring the meeting forward or agree the submission route with the department.',
        entryKeys: ['decision-meeting', 'submission-deadline'],
      },
    ];
  }
  if (callInEnds !== undefined && callInEnds.date > deadline.date) {
    return [
      {
        code: 'CALL_IN_AFTER_DEADLINE',
        message:
          `The call-in period for the decision taken at ${meetingName(meeting)} on ${day(meeting.date)} ends on ` +
          `${day(callInEnds.date)}, after the submission deadline of ${day(deadline.date)}: the decision cannot ` +
          'be implemented before the plan must be submitted, unless the council’s constitution lets it be ' +
          'exempted from call-in as urgent.',
        entryKeys: ['call-in-ends', 'submission-deadline'],
      },
    ];
  }
  return [];
}

function nonWorkingDayWarning(milestone: Milestone, cal: BankHolidayCalendar): TimelineWarning[] {
  if (milestone.origin !== 'set') return [];
  const holiday = bankHolidayOn(milestone.date, cal);
  const why =
    holiday !== undefined
      ? `a bank holiday (${holiday.name})`
      : isWeekend(milestone.date)
        ? 'a weekend day'
        : '';
  if (why === '') return [];
  return [
    {
      code: 'NOT_A_WORKING_DAY',
      message: `${milestone.label} is set for ${day(milestone.date)}, which is ${why}.`,
      entryKeys: [milestone.key],
    },
  ];
}

function sectionDueWarnings(m: Milestones): TimelineWarning[] {
  const all = m.sectionsDue;
  if (all === undefined) return [];
  return m.sections
    .filter((section) => section.date > all.date)
    .map((section) => ({
      code: 'SECTION_DUE_AFTER_SECTIONS_DUE',
      message:
        `Section “${section.sectionTitle ?? section.key}” is due on ${day(section.date)}, after the date all ` +
        `sections are due (${day(all.date)}), leaving the plan lead less time to review it.`,
      entryKeys: [section.key, 'sections-due'],
    }));
}

function coverageWarnings(m: Milestones, cal: BankHolidayCalendar): TimelineWarning[] {
  const checked = allMilestones(m).flatMap((milestone) =>
    milestone.latest === undefined ? [milestone] : [milestone, milestone.latest],
  );
  const affected = checked.filter(
    (milestone) => milestone.uncoveredYears.length > 0 || !isCovered(milestone.date, cal),
  );
  if (affected.length === 0) return [];
  const years = mergeYears(
    ...affected.map((milestone) =>
      isCovered(milestone.date, cal)
        ? milestone.uncoveredYears
        : [...milestone.uncoveredYears, yearOf(milestone.date)],
    ),
  );
  const listed = [...new Map(affected.map((a) => [`${a.key} ${a.date}`, a])).values()]
    .map((a) => `${a.label} (${day(a.date)})`)
    .join('; ');
  return [
    {
      code: 'OUTSIDE_CALENDAR_COVERAGE',
      message:
        `The ${cal.region} bank holiday calendar covers ${cal.firstYear} to ${cal.lastYear}, but the timeline ` +
        `needs ${years.join(', ')}. These dates were worked out counting only weekends as non-working days, so a ` +
        `bank holiday may have been missed: ${listed}. Add the bank holidays for ${years.join(', ')} to the calendar.`,
      entryKeys: [...new Set(affected.map((a) => a.key))],
    },
  ];
}

// ---------------------------------------------------------------------------------------------------
// Assembly

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
  const all = allMilestones(milestones);
  const warnings = [
    ...inputWarnings,
    ...noAnchorWarnings(milestones),
    ...passedDateWarnings(milestones, checked.today, rules, calendar),
    ...all.flatMap(setTooLateWarning),
    ...deadlineWarnings(milestones),
    ...all.flatMap((milestone) => nonWorkingDayWarning(milestone, calendar)),
    ...sectionDueWarnings(milestones),
    ...coverageWarnings(milestones, calendar),
  ];
  return { entries: all.map(toEntry).sort(inDateOrder), warnings };
}
