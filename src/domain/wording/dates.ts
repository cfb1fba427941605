/** How dates read, in documents, timeline warnings, cards and KPI period labels: British English. */
import { dayOfWeek, isIsoDate, type IsoDate } from '../dates/calendar.js';

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** "July 2024": month 1–12 and the year as the caller writes it. */
export const monthAndYear = (month: number, year: number | string): string =>
  `${MONTH_NAMES[month - 1]} ${year}`;

/** "23 July 2024" from an ISO date, its year as given (a number, or the date's own four digits). */
const dayMonthYear = (date: IsoDate, year: number | string): string =>
  `${Number(date.slice(8, 10))} ${monthAndYear(Number(date.slice(5, 7)), year)}`;

/** "23 July 2024", as council reports write dates; text that is not an ISO date is returned as it is. */
export function longDate(date: IsoDate): string {
  if (!isIsoDate(date)) return date;
  return dayMonthYear(date, date.slice(0, 4));
}

/** "Tue 23 July 2024": the form used in warnings, unambiguous to a reader in England. */
export function formatDate(date: IsoDate): string {
  // dayOfWeek refuses anything that is not an ISO date (RangeError) before the date is read.
  const weekday = WEEKDAY_NAMES[dayOfWeek(date)];
  return `${weekday} ${dayMonthYear(date, Number(date.slice(0, 4)))}`;
}
