import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  clearDaysBetween,
  fromDayNumber,
  isWorkingDay,
  toDayNumber,
} from '../../../src/domain/dates/calendar.js';
import { formatDate } from '../../../src/domain/wording/dates.js';
import type {
  Timeline,
  TimelineEntryKey,
  TimelineInput,
  TimelineWarningCode,
} from '../../../src/domain/timeline/timeline.js';
import { buildTimeline } from '../../../src/domain/timeline/build-timeline.js';
import { loadCalendar, loadTimelineRules } from '../../../src/templates/calendar-load.js';
import { readSeed } from '../../support/seeds.js';

const cal = loadCalendar();
const rules = loadTimelineRules();

const barking: TimelineInput = {
  today: '2024-06-03',
  submissionDeadline: '2024-07-19',
  decisionMeeting: { date: '2024-07-23', body: 'Cabinet' },
  keyDecision: true,
  managementTeamMeeting: '2024-06-20',
  sections: [],
};

const build = (overrides: Partial<TimelineInput>): Timeline =>
  buildTimeline({ ...barking, ...overrides }, rules, cal);
const dateOf = (timeline: Timeline, key: TimelineEntryKey): string | undefined =>
  timeline.entries.find((e) => e.key === key)?.date;
const entry = (timeline: Timeline, key: TimelineEntryKey) => timeline.entries.find((e) => e.key === key);
const codes = (timeline: Timeline): TimelineWarningCode[] => timeline.warnings.map((w) => w.code);
const warning = (timeline: Timeline, code: TimelineWarningCode) =>
  timeline.warnings.find((w) => w.code === code);

describe('Barking and Dagenham, Cabinet 23 July 2024', () => {
  const timeline = build({});

  it('works back to the dates the seed report shows', () => {
    // The seed: "published on its website on 15 July, via the agenda for this meeting".
    const seed = readSeed('barking');
    const published = /published on its website on (\d{1,2} \w+), via the agenda/.exec(seed)?.[1];
    expect(published).toBe('15 July');
    expect(formatDate(dateOf(timeline, 'agenda-publication') ?? '')).toContain(`${published} 2024`);
    expect(dateOf(timeline, 'agenda-publication')).toBe('2024-07-15');
  });

  it('derives every date the rules require, each with its rule and source', () => {
    expect(dateOf(timeline, 'forward-plan-notice')).toBe('2024-06-24');
    expect(dateOf(timeline, 'portfolio-holder-sign-off')).toBe('2024-07-11');
    expect(dateOf(timeline, 'sections-due')).toBe('2024-06-13');
    expect(dateOf(timeline, 'decision-notice')).toBe('2024-07-25');
    expect(dateOf(timeline, 'call-in-ends')).toBe('2024-08-01');
    expect(entry(timeline, 'agenda-publication')?.rule).toMatch(/5 clear working days.*s100B\(3\)/);
    expect(entry(timeline, 'forward-plan-notice')?.rule).toMatch(/28 clear days.*reg 9/);
    for (const e of timeline.entries) expect(e.origin === 'derived', e.key).toBe(e.rule !== undefined);
  });

  it('keeps the dates the plan lead set', () => {
    expect(entry(timeline, 'management-team')).toMatchObject({ date: '2024-06-20', origin: 'set' });
    expect(entry(timeline, 'decision-meeting')).toMatchObject({
      date: '2024-07-23',
      origin: 'set',
      label: 'Cabinet meeting',
    });
    expect(entry(timeline, 'submission-deadline')).toMatchObject({ date: '2024-07-19', origin: 'set' });
  });

  it('lists the entries in date order', () => {
    const dates = timeline.entries.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    expect(new Set(timeline.entries.map((e) => e.key)).size).toBe(timeline.entries.length);
  });

  it('warns that the meeting is after the submission deadline, naming both dates', () => {
    const w = warning(timeline, 'MEETING_AFTER_DEADLINE');
    expect(w?.message).toContain('Tue 23 July 2024');
    expect(w?.message).toContain('Fri 19 July 2024');
    expect(w?.entryKeys).toEqual(['decision-meeting', 'submission-deadline']);
    expect(codes(timeline)).toEqual(['MEETING_AFTER_DEADLINE']);
  });
});

describe('key decisions and the forward plan', () => {
  it('a non-key decision gets no forward-plan entry and no forward-plan warning', () => {
    const timeline = build({ keyDecision: false, today: '2024-07-10' });
    expect(dateOf(timeline, 'forward-plan-notice')).toBeUndefined();
    expect(codes(timeline)).not.toContain('KEY_DECISION_NOTICE_TOO_LATE');
  });

  it('warns when fewer than 28 clear days are left, and says the general exception is still possible', () => {
    const timeline = build({ today: '2024-07-01' });
    const w = warning(timeline, 'KEY_DECISION_NOTICE_TOO_LATE');
    expect(w?.message).toContain('fewer than 28 clear days');
    expect(w?.message).toContain('Mon 24 June 2024');
    expect(w?.message).toMatch(
      /needs the general exception \(regulation 10\) or special urgency \(regulation 11\)/,
    );
    // Five clear days before Tue 23 July is Wed 17 July.
    expect(w?.message).toMatch(/general exception is still possible if notice is given by Wed 17 July 2024/);
    expect(w?.entryKeys).toContain('forward-plan-notice');
  });

  it('says only special urgency remains when even the general exception is too late', () => {
    const w = warning(build({ today: '2024-07-18' }), 'KEY_DECISION_NOTICE_TOO_LATE');
    expect(w?.message).toMatch(/too late for the general exception/);
    expect(w?.message).toMatch(/special urgency remains/);
  });

  it('does not warn on the last day notice can still be given, and does the day after', () => {
    expect(codes(build({ today: '2024-06-24' }))).not.toContain('KEY_DECISION_NOTICE_TOO_LATE');
    expect(codes(build({ today: '2024-06-25' }))).toContain('KEY_DECISION_NOTICE_TOO_LATE');
  });

  it('does not warn once the meeting itself has passed', () => {
    expect(codes(build({ today: '2024-07-24' }))).not.toContain('KEY_DECISION_NOTICE_TOO_LATE');
  });
});

describe('dates that have passed', () => {
  it('warns when the agenda deadline has passed before the meeting', () => {
    const w = warning(build({ today: '2024-07-16' }), 'AGENDA_DEADLINE_PASSED');
    expect(w?.message).toContain('Mon 15 July 2024');
    expect(w?.message).toMatch(/s100B\(4\)/);
  });

  it('warns when a derived preparation date has passed while what it prepares for is still ahead', () => {
    const timeline = build({ today: '2024-07-02', managementTeamMeeting: undefined });
    expect(dateOf(timeline, 'management-team')).toBe('2024-07-01');
    const w = timeline.warnings.find((x) => x.code === 'DATE_PASSED' && x.entryKeys[0] === 'management-team');
    expect(w?.message).toContain('Mon 1 July 2024');
    expect(w?.message).toContain('Tue 2 July 2024');
  });

  it('does not warn about a set date in the past: it may simply have happened', () => {
    expect(codes(build({ today: '2024-06-21' }))).toEqual(['MEETING_AFTER_DEADLINE']);
  });
});

describe('set dates against the rules', () => {
  it('warns when the management team meets later than the latest date', () => {
    const w = warning(build({ managementTeamMeeting: '2024-07-09' }), 'SET_DATE_TOO_LATE');
    expect(w?.message).toContain('Tue 9 July 2024');
    expect(w?.message).toContain('Mon 1 July 2024');
    expect(w?.message).not.toMatch(/even later/);
  });

  it('says so when the management team meets after the agenda must be published', () => {
    const w = warning(build({ managementTeamMeeting: '2024-07-16' }), 'SET_DATE_TOO_LATE');
    expect(w?.message).toMatch(
      /even later than the date it must come before: Agenda and reports published, Mon 15 July 2024/,
    );
    expect(w?.entryKeys).toEqual(['management-team', 'agenda-publication']);
  });

  it('accepts a portfolio holder sign-off on the latest day and warns one working day later', () => {
    expect(codes(build({ portfolioHolderSignOffBy: '2024-07-11' }))).not.toContain('SET_DATE_TOO_LATE');
    const late = build({ portfolioHolderSignOffBy: '2024-07-12' });
    expect(warning(late, 'SET_DATE_TOO_LATE')?.entryKeys[0]).toBe('portfolio-holder-sign-off');
  });

  it('works the sections-due date back from the management team date that was set', () => {
    // Five working days before Mon 3 June 2024, skipping the Spring bank holiday on 27 May.
    expect(dateOf(build({ managementTeamMeeting: '2024-06-03' }), 'sections-due')).toBe('2024-05-24');
    const late = build({ sectionsDueBy: '2024-06-14' });
    expect(warning(late, 'SET_DATE_TOO_LATE')?.message).toContain('Thu 13 June 2024');
  });

  it('warns about a set date on a bank holiday or a weekend, naming the holiday', () => {
    const timeline = build({ managementTeamMeeting: '2024-05-27', submissionDeadline: '2024-07-20' });
    const messages = timeline.warnings.filter((w) => w.code === 'NOT_A_WORKING_DAY').map((w) => w.message);
    expect(messages).toHaveLength(2);
    expect(messages.join(' ')).toMatch(/Mon 27 May 2024, which is a bank holiday \(Spring bank holiday\)/);
    expect(messages.join(' ')).toMatch(/Sat 20 July 2024, which is a weekend day/);
  });

  it('warns about a section due after the date all sections are due', () => {
    const timeline = build({
      sections: [
        { key: 'theme-1', title: 'Transformation', dueDate: '2024-06-14' },
        { key: 'theme-2', title: 'Technology', dueDate: '2024-06-13' },
        { key: 'theme-3', title: 'Spend' },
      ],
    });
    const w = timeline.warnings.filter((x) => x.code === 'SECTION_DUE_AFTER_SECTIONS_DUE');
    expect(w).toHaveLength(1);
    expect(w[0]?.message).toMatch(/“Transformation” is due on Fri 14 June 2024.*Thu 13 June 2024/);
    expect(dateOf(timeline, 'section-due:theme-1')).toBe('2024-06-14');
    expect(dateOf(timeline, 'section-due:theme-3')).toBeUndefined();
  });
});

describe('the submission deadline', () => {
  it('warns when the call-in period ends after the deadline (Sandwell: Cabinet 17 July 2024)', () => {
    const timeline = build({ decisionMeeting: { date: '2024-07-17', body: 'Cabinet' }, keyDecision: false });
    expect(dateOf(timeline, 'call-in-ends')).toBe('2024-07-26');
    const w = warning(timeline, 'CALL_IN_AFTER_DEADLINE');
    expect(w?.message).toContain('Fri 26 July 2024');
    expect(w?.message).toContain('Fri 19 July 2024');
    expect(codes(timeline)).not.toContain('MEETING_AFTER_DEADLINE');
  });

  it('does not warn when the call-in ends on the deadline (Durham: Cabinet 10 July 2024)', () => {
    const timeline = build({
      decisionMeeting: { date: '2024-07-10', body: 'Cabinet' },
      keyDecision: false,
      managementTeamMeeting: undefined,
    });
    expect(dateOf(timeline, 'call-in-ends')).toBe('2024-07-19');
    expect(codes(timeline)).toEqual([]);
  });

  it('with no meeting, works back from the deadline to the latest meeting whose call-in ends in time', () => {
    const timeline = build({ decisionMeeting: undefined, managementTeamMeeting: undefined });
    expect(entry(timeline, 'decision-meeting')).toMatchObject({ date: '2024-07-10', origin: 'derived' });
    expect(dateOf(timeline, 'call-in-ends')).toBe('2024-07-19');
    expect(dateOf(timeline, 'agenda-publication')).toBe('2024-07-02');
    expect(dateOf(timeline, 'forward-plan-notice')).toBe('2024-06-11');
    expect(codes(timeline)).toEqual([]);
  });

  it('with neither a meeting nor a deadline, keeps the set dates and asks for an anchor', () => {
    const timeline = build({ decisionMeeting: undefined, submissionDeadline: undefined });
    expect(codes(timeline)).toEqual(['NO_ANCHOR_DATE']);
    expect(timeline.entries.map((e) => e.key)).toEqual(['sections-due', 'management-team']);
  });
});

describe('bad input and the limits of the calendar', () => {
  it('leaves out a date that is not valid, with a warning naming it', () => {
    const timeline = build({ managementTeamMeeting: '2024-06-31' });
    const w = warning(timeline, 'INVALID_DATE');
    expect(w?.message).toContain('"2024-06-31"');
    expect(entry(timeline, 'management-team')?.origin).toBe('derived');
  });

  it('warns when the timeline runs into years the calendar does not cover', () => {
    const timeline = build({
      decisionMeeting: { date: '2029-01-09', body: 'Cabinet' },
      submissionDeadline: undefined,
      managementTeamMeeting: undefined,
      today: '2028-10-02',
    });
    const w = warning(timeline, 'OUTSIDE_CALENDAR_COVERAGE');
    expect(w?.message).toMatch(/covers 2023 to 2028/);
    expect(w?.message).toContain('2029');
    expect(w?.entryKeys).toContain('decision-meeting');
    expect(w?.entryKeys).toContain('agenda-publication');
    // Counting weekends only gives Mon 1 January 2029, in fact New Year's Day: hence the warning.
    expect(dateOf(timeline, 'agenda-publication')).toBe('2029-01-01');
  });

  it('warns when working back from an early meeting leaves the covered years', () => {
    const timeline = build({
      decisionMeeting: { date: '2023-01-05', body: 'Cabinet' },
      submissionDeadline: undefined,
      managementTeamMeeting: undefined,
      today: '2022-11-01',
    });
    expect(warning(timeline, 'OUTSIDE_CALENDAR_COVERAGE')?.message).toContain('2022');
  });

  it('does not warn about coverage inside the covered years', () => {
    expect(codes(build({}))).not.toContain('OUTSIDE_CALENDAR_COVERAGE');
  });
});

describe('derived dates obey the rules they cite', () => {
  it.each(['2024-01-09', '2024-04-04', '2024-06-04', '2026-01-06', '2027-01-05', '2028-05-02'])(
    'for a key decision at a meeting on %s',
    (meeting) => {
      const timeline = build({
        decisionMeeting: { date: meeting, body: 'Cabinet' },
        submissionDeadline: undefined,
        managementTeamMeeting: undefined,
        today: '2023-01-03',
      });
      const at = (key: TimelineEntryKey): string => dateOf(timeline, key) ?? 'missing';
      for (const e of timeline.entries.filter((x) => x.origin === 'derived')) {
        expect(isWorkingDay(e.date, cal).value, e.key).toBe(true);
      }
      expect(clearDaysBetween(at('agenda-publication'), meeting, 'working', cal).value).toBe(5);
      expect(
        clearDaysBetween(at('forward-plan-notice'), meeting, 'calendar', cal).value,
      ).toBeGreaterThanOrEqual(28);
      expect(clearDaysBetween(at('management-team'), at('agenda-publication'), 'working', cal).value).toBe(9);
      expect(clearDaysBetween(at('sections-due'), at('management-team'), 'working', cal).value).toBe(4);
      expect(clearDaysBetween(meeting, at('decision-notice'), 'working', cal).value).toBe(1);
      expect(clearDaysBetween(at('decision-notice'), at('call-in-ends'), 'working', cal).value).toBe(4);
      expect(timeline.warnings).toEqual([]);
    },
  );
});

describe('timeline properties', () => {
  const coveredDate = fc
    .integer({ min: toDayNumber('2023-06-01'), max: toDayNumber('2028-10-31') })
    .map((n) => fromDayNumber(n));
  const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

  it('lists entries in date order and points warnings only at entries it lists', () => {
    fc.assert(
      fc.property(
        fc.record({
          today: coveredDate,
          submissionDeadline: maybe(coveredDate),
          decisionMeeting: maybe(coveredDate.map((date) => ({ date, body: 'Cabinet' }))),
          keyDecision: fc.boolean(),
          managementTeamMeeting: maybe(coveredDate),
          portfolioHolderSignOffBy: maybe(coveredDate),
          sectionsDueBy: maybe(coveredDate),
          sections: fc.array(fc.record({ key: fc.uuid(), title: fc.string(), dueDate: maybe(coveredDate) }), {
            maxLength: 4,
          }),
        }),
        (input) => {
          const timeline = buildTimeline(input, rules, cal);
          const dates = timeline.entries.map((e) => e.date);
          expect(dates).toEqual([...dates].sort());
          const keys = new Set<string>(timeline.entries.map((e) => e.key));
          for (const w of timeline.warnings) {
            expect(w.message.length).toBeGreaterThan(0);
            for (const key of w.entryKeys) expect(keys.has(key), `${w.code} names ${key}`).toBe(true);
          }
          expect(keys.has('forward-plan-notice')).toBe(
            input.keyDecision &&
              (input.decisionMeeting !== undefined || input.submissionDeadline !== undefined),
          );
        },
      ),
    );
  });

  it('from a deadline alone, derives the latest meeting whose call-in still ends by the deadline', () => {
    fc.assert(
      fc.property(coveredDate, (deadline) => {
        const base = { today: '2023-01-03', keyDecision: false, sections: [] };
        const timeline = buildTimeline({ ...base, submissionDeadline: deadline }, rules, cal);
        const meeting = dateOf(timeline, 'decision-meeting') ?? 'missing';
        expect(isWorkingDay(meeting, cal).value).toBe(true);
        expect((dateOf(timeline, 'call-in-ends') ?? 'missing') <= deadline).toBe(true);
        // A deadline at a weekend is worth a warning of its own, but nothing else is wrong.
        expect(codes(timeline).filter((c) => c !== 'NOT_A_WORKING_DAY')).toEqual([]);
        const dayLater = addWorkingDays(meeting, 1, cal).value;
        const later = buildTimeline(
          { ...base, submissionDeadline: deadline, decisionMeeting: { date: dayLater, body: 'Cabinet' } },
          rules,
          cal,
        );
        expect(
          codes(later).some((c) => c === 'CALL_IN_AFTER_DEADLINE' || c === 'MEETING_AFTER_DEADLINE'),
        ).toBe(true);
      }),
    );
  });
});
