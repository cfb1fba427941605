import { describe, expect, it } from 'vitest';
import type { BankHolidayCalendar } from '../../../src/domain/dates/calendar.js';
import { formatDate } from '../../../src/domain/wording/dates.js';
import {
  addCalendarDays,
  addWorkingDays,
  clearDaysBetween,
  dayOfWeek,
  fromDayNumber,
  isIsoDate,
  isWorkingDay,
  latestNoticeDate,
  toDayNumber,
  workingDayOnOrBefore,
} from '../../../src/domain/dates/calendar.js';
import { loadCalendar } from '../../../src/templates/calendar-load.js';

const cal = loadCalendar();

describe('ISO dates and day numbers', () => {
  it('accepts real dates only, written YYYY-MM-DD', () => {
    for (const good of ['2024-02-29', '2000-02-29', '2023-12-31', '1970-01-01'])
      expect(isIsoDate(good), good).toBe(true);
    for (const bad of [
      '2023-02-29',
      '1900-02-29',
      '2024-13-01',
      '2024-00-10',
      '2024-04-31',
      '2024-1-01',
      '24-01-01',
      '2024-01-01T00:00:00Z',
      ' 2024-01-01',
      20240101,
      null,
    ]) {
      expect(isIsoDate(bad), String(bad)).toBe(false);
    }
  });

  it('numbers days from 1970-01-01 and back', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(fromDayNumber(toDayNumber('2024-02-29') + 1)).toBe('2024-03-01');
    expect(fromDayNumber(toDayNumber('2023-02-28') + 1)).toBe('2023-03-01');
  });

  it('knows the weekday and writes dates for people', () => {
    expect(dayOfWeek('2024-07-23')).toBe(2);
    expect(formatDate('2024-07-23')).toBe('Tue 23 July 2024');
    expect(formatDate('2026-12-28')).toBe('Mon 28 December 2026');
  });

  it('refuses a malformed date instead of guessing', () => {
    expect(() => toDayNumber('2024-02-30')).toThrow(RangeError);
    expect(() => addWorkingDays('23/07/2024', 1, cal)).toThrow(RangeError);
  });
});

describe('working days', () => {
  it('excludes weekends and bank holidays', () => {
    expect(isWorkingDay('2024-07-23', cal).value).toBe(true);
    expect(isWorkingDay('2024-07-20', cal).value).toBe(false);
    expect(isWorkingDay('2024-05-27', cal).value).toBe(false);
    expect(isWorkingDay('2026-12-28', cal).value).toBe(false);
    expect(isWorkingDay('2026-12-29', cal).value).toBe(true);
  });

  it('adds and subtracts working days across weekends and bank holidays', () => {
    expect(addWorkingDays('2024-05-24', 1, cal).value).toBe('2024-05-28');
    expect(addWorkingDays('2024-05-28', -1, cal).value).toBe('2024-05-24');
    expect(addWorkingDays('2026-12-24', 1, cal).value).toBe('2026-12-29');
    expect(addWorkingDays('2024-03-28', 2, cal).value).toBe('2024-04-03');
    expect(addWorkingDays('2024-07-20', 0, cal).value).toBe('2024-07-20');
  });

  it('rolls a non-working day back to the last working day', () => {
    expect(workingDayOnOrBefore('2024-04-01', cal).value).toBe('2024-03-28');
    expect(workingDayOnOrBefore('2024-07-23', cal).value).toBe('2024-07-23');
  });

  it('adds calendar days without regard to weekends', () => {
    expect(addCalendarDays('2024-07-23', -29)).toBe('2024-06-24');
    expect(addCalendarDays('2024-02-28', 2)).toBe('2024-03-01');
  });
});

describe('clear days', () => {
  it('excludes both the day of notice and the day of the meeting', () => {
    expect(clearDaysBetween('2024-07-15', '2024-07-23', 'calendar', cal).value).toBe(7);
    expect(clearDaysBetween('2024-07-15', '2024-07-23', 'working', cal).value).toBe(5);
    expect(clearDaysBetween('2024-07-22', '2024-07-23', 'calendar', cal).value).toBe(0);
    expect(clearDaysBetween('2024-07-21', '2024-07-23', 'calendar', cal).value).toBe(1);
    expect(clearDaysBetween('2024-07-23', '2024-07-23', 'working', cal).value).toBe(0);
    expect(clearDaysBetween('2024-07-23', '2024-07-15', 'calendar', cal).value).toBe(0);
  });

  it("gives Barking's Cabinet of Tue 23 July 2024 an agenda deadline of Mon 15 July 2024", () => {
    expect(latestNoticeDate('2024-07-23', 5, 'working', cal).value).toBe('2024-07-15');
  });

  it.each([
    // [meeting, expected latest notice, what it crosses]
    ['2024-06-04', '2024-05-24', 'the Spring bank holiday, Mon 27 May 2024'],
    ['2024-04-04', '2024-03-25', 'Good Friday 29 March and Easter Monday 1 April 2024'],
    ['2027-01-05', '2026-12-23', 'Christmas 2026 (Fri 25, substitute Mon 28 December) and New Year 2027'],
  ])('5 clear working days before %s is %s, across %s', (meeting, expected) => {
    const notice = latestNoticeDate(meeting, 5, 'working', cal);
    expect(notice.value).toBe(expected);
    expect(notice.uncoveredYears).toEqual([]);
    expect(clearDaysBetween(notice.value, meeting, 'working', cal).value).toBe(5);
    const dayLater = addWorkingDays(notice.value, 1, cal).value;
    expect(clearDaysBetween(dayLater, meeting, 'working', cal).value).toBe(4);
  });

  it.each([
    // [meeting, latest forward-plan notice]
    ['2024-07-23', '2024-06-24'], // Barking: exactly 28 clear days, notice on a Monday
    ['2024-07-22', '2024-06-21'], // 29 days before is a Sunday: notice goes back to the Friday
    ['2024-06-25', '2024-05-24'], // 29 days before is the Spring bank holiday
  ])('28 clear calendar days before %s: forward-plan notice by %s', (meeting, expected) => {
    const notice = latestNoticeDate(meeting, 28, 'calendar', cal).value;
    expect(notice).toBe(expected);
    expect(clearDaysBetween(notice, meeting, 'calendar', cal).value).toBeGreaterThanOrEqual(28);
    expect(clearDaysBetween(addCalendarDays(notice, 1), meeting, 'calendar', cal).value).toBe(
      clearDaysBetween(notice, meeting, 'calendar', cal).value - 1,
    );
  });
});

describe('coverage of the bank holiday calendar', () => {
  it('flags an answer for a weekday outside the covered years', () => {
    expect(isWorkingDay('2029-01-01', cal)).toEqual({ value: true, uncoveredYears: [2029] });
    expect(isWorkingDay('2022-12-27', cal).uncoveredYears).toEqual([2022]);
  });

  it('does not flag a weekend outside the covered years: it is never a working day', () => {
    expect(isWorkingDay('2029-01-06', cal)).toEqual({ value: false, uncoveredYears: [] });
  });

  it('flags arithmetic that crosses into an uncovered year', () => {
    expect(addWorkingDays('2028-12-29', 3, cal).uncoveredYears).toEqual([2029]);
    expect(addWorkingDays('2028-12-20', 3, cal).uncoveredYears).toEqual([]);
    expect(clearDaysBetween('2028-12-20', '2029-01-10', 'working', cal).uncoveredYears).toEqual([2029]);
    expect(clearDaysBetween('2028-12-20', '2029-01-10', 'calendar', cal).uncoveredYears).toEqual([]);
    expect(latestNoticeDate('2023-01-04', 5, 'working', cal).uncoveredYears).toEqual([2022]);
  });

  it('does not flag a range whose only uncovered days are a weekend', () => {
    // Strictly between Fri 29 Dec 2028 and Mon 1 Jan 2029 lie only covered days, although the meeting is not.
    expect(clearDaysBetween('2028-12-29', '2029-01-01', 'working', cal)).toEqual({
      value: 0,
      uncoveredYears: [],
    });
    const oneYear: BankHolidayCalendar = { region: 'test', firstYear: 2028, lastYear: 2028, holidays: [] };
    // Sat 6 and Sun 7 January 2029 only.
    expect(clearDaysBetween('2029-01-05', '2029-01-08', 'working', oneYear).uncoveredYears).toEqual([]);
    expect(clearDaysBetween('2029-01-04', '2029-01-08', 'working', oneYear).uncoveredYears).toEqual([2029]);
  });
});
