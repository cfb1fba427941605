import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_CALENDAR_FILE,
  DEFAULT_TIMELINE_RULES_FILE,
  TimelineDataError,
  loadCalendar,
  loadTimelineRules,
} from '../../../src/templates/calendar-load.js';

const dir = mkdtempSync(path.join(tmpdir(), 'timeline-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const shippedCalendar = JSON.parse(readFileSync(DEFAULT_CALENDAR_FILE, 'utf8')) as {
  holidays: { date: string; name: string }[];
} & Record<string, unknown>;
const shippedRules = JSON.parse(readFileSync(DEFAULT_TIMELINE_RULES_FILE, 'utf8')) as Record<
  string,
  Record<string, unknown>
>;

let counter = 0;
function writeTemp(content: unknown): string {
  counter += 1;
  const file = path.join(dir, `data-${counter}.json`);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

function failure(load: () => unknown): TimelineDataError {
  try {
    load();
  } catch (error) {
    if (error instanceof TimelineDataError) return error;
    throw error;
  }
  throw new Error('expected the file to be refused');
}

function expectProblem(file: string, load: (file: string) => unknown, at: string, says: RegExp): void {
  const error = failure(() => load(file));
  expect(error.code).toBe('TIMELINE_DATA_INVALID');
  expect(error.file).toBe(file);
  const problem = error.problems.find((p) => p.path === at);
  expect(problem, `problems were ${JSON.stringify(error.problems)}`).toBeDefined();
  expect(problem?.message).toMatch(says);
  expect(error.message).toContain(`${file}: ${at}: `);
}

const withHolidays = (holidays: { date: string; name: string }[]) => ({ ...shippedCalendar, holidays });

describe('loading the shipped data', () => {
  it('resolves the default files next to the module, whatever the working directory', () => {
    expect(path.isAbsolute(DEFAULT_CALENDAR_FILE)).toBe(true);
    expect(
      DEFAULT_CALENDAR_FILE.endsWith(path.join('src', 'templates', 'calendars', 'england-and-wales.json')),
    ).toBe(true);
    expect(
      DEFAULT_TIMELINE_RULES_FILE.endsWith(path.join('src', 'templates', 'timeline-rules', 'england.json')),
    ).toBe(true);
  });

  it('loads the calendar', () => {
    const calendar = loadCalendar();
    expect(calendar.holidays.length).toBe(shippedCalendar.holidays.length);
  });

  it('loads the rules with the statutory periods and their sources', () => {
    const rules = loadTimelineRules();
    expect([rules.agendaPublication.clearDaysBeforeMeeting, rules.agendaPublication.dayKind]).toEqual([
      5,
      'working',
    ]);
    expect(rules.agendaPublication.sources.map((s) => s.citation).join(' ')).toMatch(/1972.*s100B\(3\)/);
    expect([rules.keyDecisionNotice.clearDaysBeforeDecision, rules.keyDecisionNotice.dayKind]).toEqual([
      28,
      'calendar',
    ]);
    expect(rules.keyDecisionNotice.sources.map((s) => s.citation).join(' ')).toMatch(/2012.*reg 9/);
    expect(rules.keyDecisionNotice.ifNotMet).toMatch(/general exception.*special urgency/);
    expect([rules.decisionNotice.daysAfterMeeting, rules.decisionNotice.dayKind]).toEqual([2, 'working']);
    expect([rules.callIn.daysAfterDecisionNotice, rules.callIn.dayKind]).toEqual([5, 'working']);
    expect(rules.managementTeam.daysBeforeAgendaPublication).toBe(10);
    expect(rules.portfolioHolderSignOff.daysBeforeAgendaPublication).toBe(2);
    expect(rules.sectionsDue.daysBeforeManagementTeam).toBe(5);
  });
});

describe('refusing broken calendar files', () => {
  it('names the file and the parse problem for invalid JSON', () => {
    expectProblem(writeTemp('{ "region": '), loadCalendar, '(root)', /invalid JSON/);
  });

  it('names a file that cannot be read', () => {
    expectProblem(path.join(dir, 'missing.json'), loadCalendar, '(file)', /cannot be read/);
  });

  it('refuses a date that does not exist', () => {
    const holidays = shippedCalendar.holidays.map((h, i) => (i === 3 ? { ...h, date: '2023-02-29' } : h));
    expectProblem(writeTemp(withHolidays(holidays)), loadCalendar, 'holidays[3].date', /YYYY-MM-DD/);
  });

  it('refuses a bank holiday on a weekend (a missing substitute day)', () => {
    const holidays = shippedCalendar.holidays.map((h) =>
      h.date === '2026-12-28' ? { date: '2026-12-26', name: 'Boxing Day' } : h,
    );
    const index = holidays.findIndex((h) => h.date === '2026-12-26');
    expectProblem(writeTemp(withHolidays(holidays)), loadCalendar, `holidays[${index}].date`, /weekend/);
  });

  it('refuses a holiday outside the years covered', () => {
    const holidays = [...shippedCalendar.holidays, { date: '2029-01-01', name: 'New Year’s Day' }];
    expectProblem(
      writeTemp(withHolidays(holidays)),
      loadCalendar,
      `holidays[${holidays.length - 1}].date`,
      /outside the years covered/,
    );
  });

  it('refuses holidays out of order or listed twice', () => {
    const holidays = [...shippedCalendar.holidays];
    holidays.splice(2, 0, holidays[1] as { date: string; name: string });
    expectProblem(
      writeTemp(withHolidays(holidays)),
      loadCalendar,
      'holidays[2].date',
      /not after the previous/,
    );
  });

  it('refuses a covered year with no holidays at all', () => {
    const holidays = shippedCalendar.holidays.filter((h) => !h.date.startsWith('2025-'));
    expectProblem(
      writeTemp(withHolidays(holidays)),
      loadCalendar,
      'holidays',
      /no bank holidays listed for 2025/,
    );
  });

  it('refuses unknown keys and missing fields', () => {
    expectProblem(writeTemp({ ...shippedCalendar, regoin: 'x' }), loadCalendar, '(root)', /regoin/);
    const { source: _source, ...withoutSource } = shippedCalendar;
    expectProblem(writeTemp(withoutSource), loadCalendar, 'source', /./);
  });
});

describe('refusing broken rules files', () => {
  it('refuses a period that is not a positive whole number of days', () => {
    const rules = { ...shippedRules, callIn: { ...shippedRules.callIn, daysAfterDecisionNotice: -5 } };
    expectProblem(writeTemp(rules), loadTimelineRules, 'callIn.daysAfterDecisionNotice', /at least 1 day/);
    const fractional = {
      ...shippedRules,
      agendaPublication: { ...shippedRules.agendaPublication, clearDaysBeforeMeeting: 4.5 },
    };
    expectProblem(
      writeTemp(fractional),
      loadTimelineRules,
      'agendaPublication.clearDaysBeforeMeeting',
      /whole/,
    );
  });

  it('refuses a rule without a source', () => {
    const rules = { ...shippedRules, keyDecisionNotice: { ...shippedRules.keyDecisionNotice, sources: [] } };
    expectProblem(writeTemp(rules), loadTimelineRules, 'keyDecisionNotice.sources', /at least one source/);
  });

  it('refuses an unknown day kind deep in the file', () => {
    const keyDecisionNotice = shippedRules.keyDecisionNotice as Record<string, Record<string, unknown>>;
    const rules = {
      ...shippedRules,
      keyDecisionNotice: {
        ...keyDecisionNotice,
        generalException: { ...keyDecisionNotice.generalException, dayKind: 'business' },
      },
    };
    expectProblem(writeTemp(rules), loadTimelineRules, 'keyDecisionNotice.generalException.dayKind', /./);
  });

  it('refuses a missing rule', () => {
    const { sectionsDue: _sectionsDue, ...rules } = shippedRules;
    expectProblem(writeTemp(rules), loadTimelineRules, 'sectionsDue', /./);
  });
});
