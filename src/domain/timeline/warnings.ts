/** The timeline's warnings in plain English: passed, too late, after the deadline, not a working day. */
import type { BankHolidayCalendar, DayKind, IsoDate } from '../dates/calendar.js';
import {
  addCalendarDays,
  bankHolidayOn,
  clearDaysBetween,
  isCovered,
  isWeekend,
  latestNoticeDate,
  yearOf,
} from '../dates/calendar.js';
import { formatDate } from '../wording/dates.js';
import {
  allMilestones,
  DECISION_MEETING,
  earliest,
  marginRule,
  mergeYears,
  type Milestone,
  type Milestones,
} from './milestones.js';
import { describeRule, type TimelineRules } from './rules.js';
import type { TimelineWarning } from './timeline.js';

const day = (date: IsoDate): string => formatDate(date);

const dayWord = (kind: DayKind, clear: boolean): string =>
  `${clear ? 'clear ' : ''}${kind === 'working' ? 'working ' : ''}days`;

/** "the Cabinet meeting", for use inside a sentence. */
const meetingName = (meeting: Milestone): string =>
  meeting.label === DECISION_MEETING ? 'the decision meeting' : `the ${meeting.label}`;

const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

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

/** Days of the kind after `from`, up to and including `to`. */
const daysAfterUpTo = (from: IsoDate, to: IsoDate, kind: DayKind, cal: BankHolidayCalendar): number =>
  clearDaysBetween(from, addCalendarDays(to, 1), kind, cal).value;

function marginWarnings(m: Milestones, rules: TimelineRules, cal: BankHolidayCalendar): TimelineWarning[] {
  const { meeting, deadline } = m;
  if (meeting === undefined || deadline === undefined || meeting.date > deadline.date) return [];
  const rule = marginRule(rules);
  const left = daysAfterUpTo(meeting.date, deadline.date, rule.dayKind, cal);
  if (left >= rule.daysBeforeDeadline) return [];
  const kind = dayWord(rule.dayKind, false);
  return [
    {
      code: 'DEADLINE_MARGIN_SHORT',
      message:
        `${capitalised(meetingName(meeting))} on ${day(meeting.date)} leaves ${left} ${left === 1 ? kind.replace(/s$/, '') : kind} ` +
        `before the submission deadline of ${day(deadline.date)}; the plan needs at least ${rule.daysBeforeDeadline} ` +
        `to be finalised, published and submitted. Rule: ${describeRule(rule)}.`,
      entryKeys: ['decision-meeting', 'submission-deadline'],
    },
  ];
}

/** A section due on or after the first meeting that considers it (or the decision meeting) is too late. */
function dueAfterMeetingWarnings(m: Milestones): TimelineWarning[] {
  const feeds = earliest(m.steps) ?? m.meeting;
  if (feeds === undefined) return [];
  return m.sections
    .filter((section) => section.date >= feeds.date)
    .map((section) => ({
      code: 'DUE_AFTER_MEETING',
      message:
        `Section “${section.sectionTitle ?? section.key}” is due on ${day(section.date)}, but it feeds ` +
        `${feeds.key === 'decision-meeting' ? meetingName(feeds) : `the ${feeds.label}`} on ${day(feeds.date)}: ` +
        'it must be in before then.',
      entryKeys: [section.key, feeds.key],
    }));
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

/** Every warning about the worked-out dates, in the order the dashboard lists them. */
export function milestoneWarnings(
  m: Milestones,
  today: IsoDate | undefined,
  rules: TimelineRules,
  cal: BankHolidayCalendar,
): TimelineWarning[] {
  const all = allMilestones(m);
  return [
    ...noAnchorWarnings(m),
    ...passedDateWarnings(m, today, rules, cal),
    ...all.flatMap(setTooLateWarning),
    ...deadlineWarnings(m),
    ...marginWarnings(m, rules, cal),
    ...all.flatMap((milestone) => nonWorkingDayWarning(milestone, cal)),
    ...sectionDueWarnings(m),
    ...dueAfterMeetingWarnings(m),
    ...coverageWarnings(m, cal),
  ];
}
