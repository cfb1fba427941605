/** The date in England of an instant stored in UTC, for printing when something was signed. */
import type { IsoDateTime } from '../plan/plan.js';
import { addCalendarDays, dayOfWeek, isIsoDate, type IsoDate } from './calendar.js';

const lastSundayOf = (year: string, month: '03' | '10'): IsoDate => {
  const last = `${year}-${month}-31`;
  return addCalendarDays(last, -dayOfWeek(last));
};

/**
 * The date in England of an instant stored in UTC: a sign-off at 23:30 UTC in summer was made the next
 * day by the clock on the signer's wall. British Summer Time runs from 01:00 UTC on the last Sunday of
 * March to 01:00 UTC on the last Sunday of October.
 */
export function londonDate(instant: IsoDateTime): IsoDate {
  const date = instant.slice(0, 10);
  const hour = Number(instant.slice(11, 13));
  if (!isIsoDate(date) || hour !== 23) return date;
  const year = date.slice(0, 4);
  const summer = date >= lastSundayOf(year, '03') && date < lastSundayOf(year, '10');
  return summer ? addCalendarDays(date, 1) : date;
}
