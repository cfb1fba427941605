import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BankHoliday } from '../../../src/domain/dates/calendar.js';
import { buildTimeline } from '../../../src/domain/timeline/build-timeline.js';
import type { TimelineInput } from '../../../src/domain/timeline/timeline.js';
import {
  DEFAULT_CALENDAR_FILE,
  bankHolidayCalendarSchema,
  loadCalendar,
  loadTimelineRules,
} from '../../../src/templates/calendar-load.js';
import {
  GovUkFeedError,
  calendarFileText,
  importGovUkDivision,
  parseGovUkFeed,
} from '../../../src/templates/gov-uk-holidays.js';

const shipped = loadCalendar();

/** England and Wales 2029, worked out by hand: Easter Sunday is 1 April. */
const Y2029 = [
  ['2029-01-01', "New Year's Day"],
  ['2029-03-30', 'Good Friday'],
  ['2029-04-02', 'Easter Monday'],
  ['2029-05-07', 'Early May bank holiday'],
  ['2029-05-28', 'Spring bank holiday'],
  ['2029-08-27', 'Summer bank holiday'],
  ['2029-12-25', 'Christmas Day'],
  ['2029-12-26', 'Boxing Day'],
] as const;

/** A feed in GOV.UK's shape: the shipped 2024–2028 (notes split out of the names), 2029, and a partial 2030. */
function feed(extra: { date: string; title: string; notes?: string }[] = []): unknown {
  const events = (holidays: readonly BankHoliday[]) =>
    holidays.map((h) => {
      const m = /^(.*) \((substitute day)\)$/.exec(h.name);
      return {
        title: m?.[1] ?? h.name,
        date: h.date,
        notes: m === null ? '' : 'Substitute day',
        bunting: true,
      };
    });
  return {
    'england-and-wales': {
      division: 'england-and-wales',
      events: [
        ...events(shipped.holidays.filter((h) => h.date >= '2024')),
        ...Y2029.map(([date, title]) => ({ title, date, notes: '', bunting: true })),
        { title: "New Year's Day", date: '2030-01-01', notes: '', bunting: true },
        ...extra.map((e) => ({ notes: '', bunting: false, ...e })),
      ],
    },
    scotland: { division: 'scotland', events: [] },
  };
}

describe('GOV.UK bank holidays feed as the calendar source', () => {
  it('extends the calendar by the years the feed lists in full, keeping the years it does not list', () => {
    const result = importGovUkDivision(parseGovUkFeed(feed()), 'england-and-wales', shipped);
    expect(result.calendar.firstYear).toBe(2023);
    expect(result.calendar.lastYear).toBe(2029);
    expect(result.importedYears).toEqual([2024, 2025, 2026, 2027, 2028, 2029]);
    expect(result.partialYears).toEqual([2030]);
    expect(result.changedYears).toEqual([2029]);
    expect(result.calendar.holidays.filter((h) => h.date.startsWith('2023'))).toEqual(
      shipped.holidays.filter((h) => h.date.startsWith('2023')),
    );
    expect(bankHolidayCalendarSchema.safeParse(result.calendar).success).toBe(true);
  });

  it('words notes as the data file does: "Boxing Day (substitute day)"', () => {
    const result = importGovUkDivision(parseGovUkFeed(feed()), 'england-and-wales', shipped);
    expect(result.calendar.holidays).toContainEqual({
      date: '2027-12-28',
      name: 'Boxing Day (substitute day)',
    });
  });

  it('writes the data file in its own layout: the shipped file round-trips byte for byte', () => {
    expect(calendarFileText(shipped)).toBe(readFileSync(DEFAULT_CALENDAR_FILE, 'utf8'));
  });

  it('refuses what it cannot use, naming the problem', () => {
    const refuse = (raw: unknown, division = 'england-and-wales') => {
      try {
        importGovUkDivision(parseGovUkFeed(raw), division, shipped);
      } catch (error) {
        expect(error).toBeInstanceOf(GovUkFeedError);
        return (error as Error).message;
      }
      throw new Error('expected a refusal');
    };
    expect(refuse([{ date: '2029-01-01' }])).toContain('Not the GOV.UK bank holidays format');
    expect(refuse({ x: { division: 'x', events: [{ title: 'T', date: '2029-02-30' }] } })).toContain(
      'expected a real date',
    );
    expect(refuse(feed(), 'wales')).toContain('no division "wales"; it has england-and-wales, scotland');
    expect(refuse(feed([{ date: '2029-06-02', title: 'Saturday' }]))).toContain('2029-06-02, a weekend day');
    expect(refuse(feed([{ date: '2029-01-01', title: 'Again' }]))).toContain('lists 2029-01-01 twice');
    const only2030 = ['01-01', '04-19', '04-22', '05-06', '05-27', '08-26', '12-25', '12-26'].map((d) => ({
      title: 'Holiday',
      date: `2030-${d}`,
    }));
    expect(refuse({ 'england-and-wales': { division: 'england-and-wales', events: only2030 } })).toContain(
      'would leave 2029 without bank holidays',
    );
  });
});

describe('a plan beyond the covered years', () => {
  const meetingIn2029: TimelineInput = {
    today: '2028-10-02',
    decisionMeeting: { date: '2029-01-09', body: 'Cabinet' },
    keyDecision: true,
    sections: [],
  };

  it('is warned about with the shipped calendar, and no longer once the feed covers 2029', () => {
    const rules = loadTimelineRules();
    const before = buildTimeline(meetingIn2029, rules, shipped);
    expect(before.warnings.map((w) => w.code)).toContain('OUTSIDE_CALENDAR_COVERAGE');
    const extended = importGovUkDivision(parseGovUkFeed(feed()), 'england-and-wales', shipped).calendar;
    const after = buildTimeline(meetingIn2029, rules, extended);
    expect(after.warnings.map((w) => w.code)).not.toContain('OUTSIDE_CALENDAR_COVERAGE');
    // Counted with New Year's Day 2029 known, the agenda goes out before it rather than on it.
    const agenda = (t: typeof before) => t.entries.find((e) => e.key === 'agenda-publication')?.date;
    expect(agenda(before)).toBe('2029-01-01');
    expect(agenda(after)).toBe('2028-12-29');
  });
});

describe('npm run holidays -- --file', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/holidays.ts', ...args], { encoding: 'utf8' });

  it('updates the data file from a saved feed, and leaves it untouched when the feed is wrong', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pb-holidays-'));
    const calendar = path.join(dir, 'england-and-wales.json');
    copyFileSync(DEFAULT_CALENDAR_FILE, calendar);
    const good = path.join(dir, 'bank-holidays.json');
    writeFileSync(good, JSON.stringify(feed()));
    const run = cli('--file', good, '--calendar', calendar);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('now cover 2023–2029');
    expect(run.stdout).toContain('partial year): 2030');
    expect(loadCalendar(calendar).lastYear).toBe(2029);

    const before = readFileSync(calendar, 'utf8');
    const bad = path.join(dir, 'bad.json');
    writeFileSync(
      bad,
      '{"england-and-wales": {"division": "england-and-wales", "events": [{"date": "soon"}]}}',
    );
    const refused = cli('--file', bad, '--calendar', calendar);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('Not the GOV.UK bank holidays format');
    expect(readFileSync(calendar, 'utf8')).toBe(before);
  });
});
