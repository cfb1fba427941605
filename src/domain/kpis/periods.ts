/**
 * The periods KPIs are measured over. Months are calendar months; quarters and years follow the local
 * government financial year, which starts on 1 April, because that is how councils report ("Q1 2024/25"
 * is April to June 2024).
 *
 * Keys name a period unambiguously and sort in time order within a frequency: `2024-07` (July 2024),
 * `FY2024-25-Q1` (April–June 2024), `FY2024-25` (April 2024 – March 2025). A month key and a year key
 * could otherwise both read "2011-12".
 */
import { addCalendarDays, isIsoDate } from '../dates/calendar.js';
import type { IsoDate } from '../plan/plan.js';
import { monthAndYear } from '../wording/dates.js';

export type KpiFrequency = 'monthly' | 'quarterly' | 'annually';
export const KPI_FREQUENCIES: readonly KpiFrequency[] = ['monthly', 'quarterly', 'annually'];

export interface Period {
  readonly key: string;
  readonly frequency: KpiFrequency;
  readonly start: IsoDate;
  /** The last day of the period: the date a value for it is "as at". */
  readonly end: IsoDate;
  /** How people write it: "July 2024", "Q1 2024/25", "2024/25". */
  readonly label: string;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
const firstOf = (year: number, month: number): IsoDate => `${pad(year, 4)}-${pad(month)}-01`;

/** The first day of the month `months` after (year, month). */
function monthStart(year: number, month: number, months: number): IsoDate {
  const index = year * 12 + (month - 1) + months;
  return firstOf(Math.floor(index / 12), (index % 12) + 1);
}

const fyLabel = (startYear: number): string => `${startYear}/${pad((startYear + 1) % 100)}`;
const fyKey = (startYear: number): string => `FY${pad(startYear, 4)}-${pad((startYear + 1) % 100)}`;

function monthPeriod(year: number, month: number): Period {
  const start = firstOf(year, month);
  return {
    key: `${pad(year, 4)}-${pad(month)}`,
    frequency: 'monthly',
    start,
    end: addCalendarDays(monthStart(year, month, 1), -1),
    label: monthAndYear(month, year),
  };
}

/** Quarter 1..4 of the financial year starting in April of `fyStart`. */
function quarterPeriod(fyStart: number, quarter: number): Period {
  const start = monthStart(fyStart, 4, (quarter - 1) * 3);
  return {
    key: `${fyKey(fyStart)}-Q${quarter}`,
    frequency: 'quarterly',
    start,
    end: addCalendarDays(monthStart(fyStart, 4, quarter * 3), -1),
    label: `Q${quarter} ${fyLabel(fyStart)}`,
  };
}

function yearPeriod(fyStart: number): Period {
  return {
    key: fyKey(fyStart),
    frequency: 'annually',
    start: firstOf(fyStart, 4),
    end: `${pad(fyStart + 1, 4)}-03-31`,
    label: fyLabel(fyStart),
  };
}

/** The period of this frequency that contains the date. */
export function periodOf(frequency: KpiFrequency, date: IsoDate): Period {
  if (!isIsoDate(date)) throw new RangeError(`not an ISO date: ${JSON.stringify(date)}`);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const fyStart = month >= 4 ? year : year - 1;
  switch (frequency) {
    case 'monthly':
      return monthPeriod(year, month);
    case 'quarterly':
      return quarterPeriod(fyStart, Math.floor(((month + 8) % 12) / 3) + 1);
    case 'annually':
      return yearPeriod(fyStart);
  }
}

const MONTH_KEY = /^(\d{4})-(\d{2})$/;
const QUARTER_KEY = /^FY(\d{4})-(\d{2})-Q([1-4])$/;
const YEAR_KEY = /^FY(\d{4})-(\d{2})$/;

const followsYear = (start: string, next: string): boolean => (Number(start) + 1) % 100 === Number(next);

/** The period a key names, or null when it names none (card data and request bodies are untrusted). */
export function periodFromKey(key: string): Period | null {
  const month = MONTH_KEY.exec(key);
  if (month) {
    const m = Number(month[2]);
    return m >= 1 && m <= 12 && Number(month[1]) >= 1 ? monthPeriod(Number(month[1]), m) : null;
  }
  const quarter = QUARTER_KEY.exec(key);
  if (quarter) {
    return followsYear(quarter[1]!, quarter[2]!) && Number(quarter[1]) < 9999
      ? quarterPeriod(Number(quarter[1]), Number(quarter[3]))
      : null;
  }
  const year = YEAR_KEY.exec(key);
  if (year) {
    return followsYear(year[1]!, year[2]!) && Number(year[1]) < 9999 ? yearPeriod(Number(year[1])) : null;
  }
  return null;
}

export const isPeriodKey = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= 16 && periodFromKey(value) !== null;

export const nextPeriod = (period: Period): Period =>
  periodOf(period.frequency, addCalendarDays(period.end, 1));

export const previousPeriod = (period: Period): Period =>
  periodOf(period.frequency, addCalendarDays(period.start, -1));

/** Every period of the frequency that ends after `after` and starts on or before `until`, in order. */
export function periodsBetween(frequency: KpiFrequency, after: IsoDate, until: IsoDate): Period[] {
  const periods: Period[] = [];
  let period = periodOf(frequency, addCalendarDays(after, 1));
  while (period.start <= until) {
    periods.push(period);
    period = nextPeriod(period);
  }
  return periods;
}
