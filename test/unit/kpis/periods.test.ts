import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../../../src/domain/dates/calendar.js';
import {
  isPeriodKey,
  nextPeriod,
  periodFromKey,
  periodOf,
  periodsBetween,
  previousPeriod,
  type KpiFrequency,
} from '../../../src/domain/kpis/periods.js';

describe('periods', () => {
  it('follows the financial year for quarters and years', () => {
    expect(periodOf('quarterly', '2024-04-01')).toEqual({
      key: 'FY2024-25-Q1',
      frequency: 'quarterly',
      start: '2024-04-01',
      end: '2024-06-30',
      label: 'Q1 2024/25',
    });
    expect(periodOf('quarterly', '2024-12-31')).toMatchObject({
      key: 'FY2024-25-Q3',
      start: '2024-10-01',
      end: '2024-12-31',
    });
    expect(periodOf('quarterly', '2025-02-28')).toMatchObject({
      key: 'FY2024-25-Q4',
      start: '2025-01-01',
      end: '2025-03-31',
    });
    expect(periodOf('annually', '2025-03-31')).toMatchObject({
      key: 'FY2024-25',
      start: '2024-04-01',
      end: '2025-03-31',
      label: '2024/25',
    });
    expect(periodOf('annually', '2099-04-01')).toMatchObject({ key: 'FY2099-00', label: '2099/00' });
    expect(periodOf('monthly', '2024-02-10')).toMatchObject({
      key: '2024-02',
      end: '2024-02-29',
      label: 'February 2024',
    });
  });

  it('reads back every key it makes, and no other', () => {
    for (const key of ['2024-07', 'FY2024-25-Q4', 'FY2024-25']) expect(periodFromKey(key)?.key).toBe(key);
    for (const bad of [
      '2024-13',
      '2024-00',
      'FY2024-26',
      'FY2024-25-Q5',
      'Q1',
      '',
      '2024-7',
      'FY2024-25 ',
      '../x',
    ])
      expect(isPeriodKey(bad), bad).toBe(false);
  });

  it('tiles time: each period starts the day after the last ended, and contains the dates it covers', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<KpiFrequency>('monthly', 'quarterly', 'annually'),
        fc.integer({ min: 0, max: 30_000 }),
        (frequency, day) => {
          const date = addCalendarDays('2000-01-01', day);
          const period = periodOf(frequency, date);
          expect(period.start <= date && date <= period.end).toBe(true);
          expect(nextPeriod(period).start).toBe(addCalendarDays(period.end, 1));
          expect(previousPeriod(nextPeriod(period))).toEqual(period);
          expect(periodFromKey(period.key)).toEqual(period);
        },
      ),
    );
  });

  it('lists the periods that end after one date and start by another', () => {
    expect(periodsBetween('quarterly', '2024-03-31', '2025-03-31').map((p) => p.key)).toEqual([
      'FY2024-25-Q1',
      'FY2024-25-Q2',
      'FY2024-25-Q3',
      'FY2024-25-Q4',
    ]);
    expect(periodsBetween('quarterly', '2024-05-15', '2024-10-01').map((p) => p.key)).toEqual([
      'FY2024-25-Q1',
      'FY2024-25-Q2',
      'FY2024-25-Q3',
    ]);
  });
});
