import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DayKind } from '../../../src/domain/dates/calendar.js';
import {
  addWorkingDays,
  clearDaysBetween,
  fromDayNumber,
  isIsoDate,
  isWorkingDay,
  latestNoticeDate,
  toDayNumber,
} from '../../../src/domain/dates/calendar.js';
import { loadCalendar } from '../../../src/templates/calendar-load.js';

const cal = loadCalendar();
const holidays = new Set(cal.holidays.map((h) => h.date));

/** Dates well inside the covered years, so no answer depends on an uncovered year. */
const coveredDate = fc
  .integer({ min: toDayNumber('2023-04-01'), max: toDayNumber('2028-09-30') })
  .map((n) => fromDayNumber(n));
const anyDate = fc
  .integer({ min: toDayNumber('1900-01-01'), max: toDayNumber('2199-12-31') })
  .map(fromDayNumber);
const dayKind = fc.constantFrom<DayKind>('working', 'calendar');

const utcDay = (dayNumber: number): Date => new Date(dayNumber * 86_400_000);
const isWeekday = (date: Date): boolean => date.getUTCDay() !== 0 && date.getUTCDay() !== 6;

/** The obvious, slow definition: walk the days strictly between and count them. */
function countClearDays(from: string, to: string, kind: DayKind): number {
  let count = 0;
  for (let n = toDayNumber(from) + 1; n < toDayNumber(to); n += 1) {
    const date = utcDay(n);
    if (kind === 'calendar' || (isWeekday(date) && !holidays.has(date.toISOString().slice(0, 10))))
      count += 1;
  }
  return count;
}

describe('calendar properties', () => {
  it('day numbers agree with the platform’s UTC dates, and every result is an ISO date', () => {
    fc.assert(
      fc.property(fc.integer({ min: -700_000, max: 2_900_000 }), (n) => {
        const date = fromDayNumber(n);
        expect(isIsoDate(date)).toBe(true);
        expect(date).toBe(utcDay(n).toISOString().slice(0, 10));
        expect(toDayNumber(date)).toBe(n);
      }),
    );
  });

  it('clearDaysBetween matches counting the days strictly between one by one', () => {
    fc.assert(
      fc.property(coveredDate, fc.integer({ min: -10, max: 400 }), dayKind, (from, span, kind) => {
        const to = fromDayNumber(toDayNumber(from) + span);
        expect(clearDaysBetween(from, to, kind, cal).value).toBe(countClearDays(from, to, kind));
      }),
    );
  });

  it('clearDaysBetween is monotonic: an earlier notice or a later meeting never gives fewer clear days', () => {
    fc.assert(
      fc.property(coveredDate, fc.nat({ max: 200 }), fc.nat({ max: 200 }), dayKind, (a, gap1, gap2, kind) => {
        const b = fromDayNumber(toDayNumber(a) + gap1);
        const c = fromDayNumber(toDayNumber(b) + gap2);
        const whole = clearDaysBetween(a, c, kind, cal).value;
        expect(whole).toBeGreaterThanOrEqual(clearDaysBetween(b, c, kind, cal).value);
        expect(whole).toBeGreaterThanOrEqual(clearDaysBetween(a, b, kind, cal).value);
      }),
    );
  });

  it('addWorkingDays lands on a working day, n working days away', () => {
    fc.assert(
      fc.property(
        coveredDate,
        fc.integer({ min: -60, max: 60 }).filter((n) => n !== 0),
        (start, n) => {
          const landed = addWorkingDays(start, n, cal);
          expect(landed.uncoveredYears).toEqual([]);
          expect(isWorkingDay(landed.value, cal).value).toBe(true);
          // Either way the n-th working day away leaves n - 1 working days strictly between: the start
          // itself is never counted, so it need not be a working day.
          const between =
            n > 0
              ? clearDaysBetween(start, landed.value, 'working', cal).value
              : clearDaysBetween(landed.value, start, 'working', cal).value;
          expect(between).toBe(Math.abs(n) - 1);
        },
      ),
    );
  });

  it('addWorkingDays there and back returns to the start when it is a working day', () => {
    fc.assert(
      fc.property(coveredDate, fc.integer({ min: 1, max: 60 }), (start, n) => {
        fc.pre(isWorkingDay(start, cal).value);
        expect(addWorkingDays(addWorkingDays(start, n, cal).value, -n, cal).value).toBe(start);
      }),
    );
  });

  it('latestNoticeDate is the latest working day leaving at least n clear days', () => {
    fc.assert(
      fc.property(coveredDate, fc.integer({ min: 1, max: 40 }), dayKind, (meeting, n, kind) => {
        const notice = latestNoticeDate(meeting, n, kind, cal);
        expect(notice.uncoveredYears).toEqual([]);
        expect(notice.value < meeting).toBe(true);
        expect(isWorkingDay(notice.value, cal).value).toBe(true);
        expect(clearDaysBetween(notice.value, meeting, kind, cal).value).toBeGreaterThanOrEqual(n);
        const nextWorkingDay = addWorkingDays(notice.value, 1, cal).value;
        expect(clearDaysBetween(nextWorkingDay, meeting, kind, cal).value).toBeLessThan(n);
      }),
    );
  });

  it('reports every uncovered year whose weekdays addWorkingDays walked over', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -30, max: 30 }), (start, n) => {
        const landed = addWorkingDays(start, n, cal);
        const [first, last] =
          n >= 0
            ? [toDayNumber(start) + 1, toDayNumber(landed.value)]
            : [toDayNumber(landed.value), toDayNumber(start) - 1];
        const expected = new Set<number>();
        for (let d = first; d <= last; d += 1) {
          const year = utcDay(d).getUTCFullYear();
          if (isWeekday(utcDay(d)) && (year < cal.firstYear || year > cal.lastYear)) expected.add(year);
        }
        expect(landed.uncoveredYears).toEqual([...expected].sort((a, b) => a - b));
      }),
    );
  });
});
