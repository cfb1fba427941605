import { describe, expect, it } from 'vitest';
import { loadCalendar } from '../../../src/templates/calendar-load.js';

/**
 * The shipped calendar is checked against the England and Wales rules worked out here independently
 * (with the platform's own Date, not the domain's day arithmetic), plus the one-off 2023 coronation.
 */

const utc = (year: number, month: number, day: number): Date => new Date(Date.UTC(year, month - 1, day));
const iso = (date: Date): string => date.toISOString().slice(0, 10);
const plusDays = (date: Date, days: number): Date => new Date(date.getTime() + days * 86_400_000);

/** Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return utc(year, month, day);
}

const firstMonday = (year: number, month: number): Date => {
  const first = utc(year, month, 1);
  return plusDays(first, (8 - first.getUTCDay()) % 7);
};

const lastMonday = (year: number, month: number): Date => {
  const last = utc(year, month + 1, 0);
  return plusDays(last, -((last.getUTCDay() + 6) % 7));
};

/** 1 January, or the Monday after when it falls at a weekend. */
const newYear = (year: number): Date => {
  const day = utc(year, 1, 1);
  const weekday = day.getUTCDay();
  return weekday === 6 ? plusDays(day, 2) : weekday === 0 ? plusDays(day, 1) : day;
};

/** Christmas and Boxing Day with their substitutes when either falls at a weekend. */
function christmas(year: number): Date[] {
  const weekday = utc(year, 12, 25).getUTCDay();
  if (weekday === 5) return [utc(year, 12, 25), utc(year, 12, 28)];
  if (weekday === 6) return [utc(year, 12, 27), utc(year, 12, 28)];
  if (weekday === 0) return [utc(year, 12, 26), utc(year, 12, 27)];
  return [utc(year, 12, 25), utc(year, 12, 26)];
}

function expectedHolidays(year: number): string[] {
  const easter = easterSunday(year);
  const dates = [
    newYear(year),
    plusDays(easter, -2),
    plusDays(easter, 1),
    firstMonday(year, 5),
    lastMonday(year, 5),
    lastMonday(year, 8),
    ...christmas(year),
  ].map(iso);
  if (year === 2023) dates.push('2023-05-08');
  return dates.sort();
}

const calendar = loadCalendar();

describe('England and Wales bank holidays data', () => {
  it('covers 2023 to 2028 for England and Wales and names its GOV.UK source', () => {
    expect(calendar.region).toBe('england-and-wales');
    expect([calendar.firstYear, calendar.lastYear]).toEqual([2023, 2028]);
    expect(calendar.source?.url).toMatch(/^https:\/\/www\.gov\.uk\/bank-holidays/);
  });

  for (let year = 2023; year <= 2028; year += 1) {
    it(`lists exactly the ${year} bank holidays the rules give`, () => {
      const listed = calendar.holidays.filter((h) => h.date.startsWith(`${year}-`)).map((h) => h.date);
      expect(listed).toEqual(expectedHolidays(year));
    });
  }

  it.each([
    ['2023-01-02', /New Year.*substitute/],
    ['2023-05-08', /coronation/i],
    ['2024-03-29', /Good Friday/],
    ['2024-04-01', /Easter Monday/],
    ['2024-05-27', /Spring bank holiday/],
    ['2026-12-25', /Christmas Day/],
    ['2026-12-28', /Boxing Day.*substitute/],
    ['2027-03-26', /Good Friday/],
    ['2027-12-27', /Christmas Day.*substitute/],
    ['2027-12-28', /Boxing Day.*substitute/],
    ['2028-01-03', /New Year.*substitute/],
  ])('%s is listed as %s', (date, name) => {
    const holiday = calendar.holidays.find((h) => h.date === date);
    expect(holiday?.name).toMatch(name);
  });

  it('does not list days that are not bank holidays', () => {
    const dates = new Set(calendar.holidays.map((h) => h.date));
    for (const notAHoliday of ['2026-12-26', '2027-12-25', '2028-01-01', '2024-05-08', '2024-07-23']) {
      expect(dates.has(notAHoliday), notAHoliday).toBe(false);
    }
  });
});
