/**
 * Working-day and clear-day arithmetic over ISO dates, with bank holidays as data.
 *
 * Dates are `YYYY-MM-DD` strings turned into day numbers (days since 1970-01-01) by pure integer
 * arithmetic, so no `Date`, no local time zone and no daylight-saving shift can move a day.
 *
 * Any answer that depends on bank holidays says which years it needed that the calendar does not
 * cover: there only weekends are known, so a bank holiday may have been missed and the caller must
 * warn rather than trust the date silently.
 */

/** An ISO calendar date, `YYYY-MM-DD`. Functions below expect one; check untrusted text with `isIsoDate`. */
export type IsoDate = string;

export type DayKind = 'working' | 'calendar';

export interface BankHoliday {
  readonly date: IsoDate;
  readonly name: string;
}

export interface CalendarSource {
  readonly title: string;
  readonly url: string;
}

export interface BankHolidayCalendar {
  /** e.g. "england-and-wales": bank holidays differ between the UK's nations. */
  readonly region: string;
  /** The first and last years whose bank holidays are all listed. */
  readonly firstYear: number;
  readonly lastYear: number;
  readonly holidays: readonly BankHoliday[];
  readonly source?: CalendarSource;
}

/** An answer together with the years it relied on that the calendar does not cover (empty when sure). */
export interface CalendarAnswer<T> {
  readonly value: T;
  readonly uncoveredYears: readonly number[];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Day number 4 (1970-01-05) is a Monday; weekday counting is measured from it. */
const A_MONDAY = 4;

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const daysInMonth = (year: number, month: number): number =>
  month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

const floorDiv = (a: number, b: number): number => Math.floor(a / b);
const mod = (a: number, b: number): number => ((a % b) + b) % b;

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function parts(date: IsoDate): { year: number; month: number; day: number } {
  if (!isIsoDate(date)) throw new RangeError(`not an ISO date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** Days since 1970-01-01 (proleptic Gregorian; H. Hinnant's days_from_civil). */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = parts(date);
  const y = month <= 2 ? year - 1 : year;
  const era = floorDiv(y, 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = floorDiv(153 * (month + (month > 2 ? -3 : 9)) + 2, 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + floorDiv(yearOfEra, 4) - floorDiv(yearOfEra, 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function fromDayNumber(dayNumber: number): IsoDate {
  if (!Number.isInteger(dayNumber)) throw new RangeError(`not a whole day number: ${dayNumber}`);
  const z = dayNumber + 719468;
  const era = floorDiv(z, 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = floorDiv(
    dayOfEra - floorDiv(dayOfEra, 1460) + floorDiv(dayOfEra, 36524) - floorDiv(dayOfEra, 146096),
    365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + floorDiv(yearOfEra, 4) - floorDiv(yearOfEra, 100));
  const mp = floorDiv(5 * dayOfYear + 2, 153);
  const day = dayOfYear - floorDiv(153 * mp + 2, 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0 || year > 9999) throw new RangeError(`day number ${dayNumber} is outside years 0000-9999`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export const yearOf = (date: IsoDate): number => parts(date).year;

/** 0 = Sunday … 6 = Saturday. */
export const dayOfWeek = (date: IsoDate): number => mod(toDayNumber(date) - A_MONDAY + 1, 7);

export function isWeekend(date: IsoDate): boolean {
  const weekday = dayOfWeek(date);
  return weekday === 0 || weekday === 6;
}

export const addCalendarDays = (date: IsoDate, days: number): IsoDate =>
  fromDayNumber(toDayNumber(date) + days);

export const coversYear = (calendar: BankHolidayCalendar, year: number): boolean =>
  year >= calendar.firstYear && year <= calendar.lastYear;

export const isCovered = (date: IsoDate, calendar: BankHolidayCalendar): boolean =>
  coversYear(calendar, yearOf(date));

const holidayIndexes = new WeakMap<BankHolidayCalendar, Map<number, BankHoliday>>();

/** The calendar indexed by day number, built once per calendar object. */
function holidayIndex(calendar: BankHolidayCalendar): Map<number, BankHoliday> {
  let index = holidayIndexes.get(calendar);
  if (index === undefined) {
    index = new Map(calendar.holidays.map((holiday) => [toDayNumber(holiday.date), holiday]));
    holidayIndexes.set(calendar, index);
  }
  return index;
}

export const bankHolidayOn = (date: IsoDate, calendar: BankHolidayCalendar): BankHoliday | undefined =>
  holidayIndex(calendar).get(toDayNumber(date));

const sortedUnique = (years: Iterable<number>): number[] => [...new Set(years)].sort((a, b) => a - b);

/** Whether a weekday falls in a year the calendar does not list: its working-day status is a guess. */
const isUncoveredWeekday = (dayNumber: number, calendar: BankHolidayCalendar): boolean => {
  const date = fromDayNumber(dayNumber);
  return !isWeekend(date) && !isCovered(date, calendar);
};

function isWorkingDayNumber(dayNumber: number, calendar: BankHolidayCalendar): boolean {
  const weekday = mod(dayNumber - A_MONDAY, 7);
  return weekday < 5 && !holidayIndex(calendar).has(dayNumber);
}

export function isWorkingDay(date: IsoDate, calendar: BankHolidayCalendar): CalendarAnswer<boolean> {
  const dayNumber = toDayNumber(date);
  return {
    value: isWorkingDayNumber(dayNumber, calendar),
    uncoveredYears: isUncoveredWeekday(dayNumber, calendar) ? [yearOf(date)] : [],
  };
}

/**
 * The date `days` working days after (or, when negative, before) `date`; `date` itself is not counted,
 * so it need not be a working day. Zero returns `date` unchanged.
 */
export function addWorkingDays(
  date: IsoDate,
  days: number,
  calendar: BankHolidayCalendar,
): CalendarAnswer<IsoDate> {
  if (!Number.isInteger(days)) throw new RangeError(`working days must be a whole number: ${days}`);
  const step = days < 0 ? -1 : 1;
  const uncovered: number[] = [];
  let dayNumber = toDayNumber(date);
  for (let remaining = Math.abs(days); remaining > 0;) {
    dayNumber += step;
    if (isUncoveredWeekday(dayNumber, calendar)) uncovered.push(yearOf(fromDayNumber(dayNumber)));
    if (isWorkingDayNumber(dayNumber, calendar)) remaining -= 1;
  }
  return { value: fromDayNumber(dayNumber), uncoveredYears: sortedUnique(uncovered) };
}

/** `date` if it is a working day, otherwise the last working day before it. */
export function workingDayOnOrBefore(date: IsoDate, calendar: BankHolidayCalendar): CalendarAnswer<IsoDate> {
  const sameDay = isWorkingDay(date, calendar);
  if (sameDay.value) return { value: date, uncoveredYears: sameDay.uncoveredYears };
  const before = addWorkingDays(date, -1, calendar);
  return {
    value: before.value,
    uncoveredYears: sortedUnique([...sameDay.uncoveredYears, ...before.uncoveredYears]),
  };
}

/** Mondays to Fridays among day numbers below `dayNumber`, counted from a fixed Monday. */
const weekdaysBefore = (dayNumber: number): number => {
  const sinceMonday = dayNumber - A_MONDAY;
  return 5 * floorDiv(sinceMonday, 7) + Math.min(mod(sinceMonday, 7), 5);
};

/** Weekdays in the inclusive day-number range [first, last]. */
const weekdaysIn = (first: number, last: number): number =>
  last < first ? 0 : weekdaysBefore(last + 1) - weekdaysBefore(first);

function uncoveredYearsWithWeekdays(first: number, last: number, calendar: BankHolidayCalendar): number[] {
  if (last < first) return [];
  const years: number[] = [];
  for (let year = yearOf(fromDayNumber(first)); year <= yearOf(fromDayNumber(last)); year += 1) {
    if (coversYear(calendar, year)) continue;
    const from = Math.max(first, toDayNumber(`${String(year).padStart(4, '0')}-01-01`));
    const to = Math.min(last, toDayNumber(`${String(year).padStart(4, '0')}-12-31`));
    if (weekdaysIn(from, to) > 0) years.push(year);
  }
  return years;
}

/**
 * Clear days between two dates: the days strictly between them, so neither the day of notice nor the
 * day of the meeting counts. Working days exclude weekends and bank holidays. Zero when `to` is not
 * at least two days after `from`.
 */
export function clearDaysBetween(
  from: IsoDate,
  to: IsoDate,
  kind: DayKind,
  calendar: BankHolidayCalendar,
): CalendarAnswer<number> {
  const first = toDayNumber(from) + 1;
  const last = toDayNumber(to) - 1;
  if (last < first) return { value: 0, uncoveredYears: [] };
  if (kind === 'calendar') return { value: last - first + 1, uncoveredYears: [] };
  let holidays = 0;
  for (const dayNumber of holidayIndex(calendar).keys()) {
    if (dayNumber >= first && dayNumber <= last && mod(dayNumber - A_MONDAY, 7) < 5) holidays += 1;
  }
  return {
    value: weekdaysIn(first, last) - holidays,
    uncoveredYears: uncoveredYearsWithWeekdays(first, last, calendar),
  };
}

/**
 * The latest working day D before `meeting` that still leaves at least `clearDays` clear days of the
 * given kind before it: the last day on which notice can be published or an agenda sent out.
 */
export function latestNoticeDate(
  meeting: IsoDate,
  clearDays: number,
  kind: DayKind,
  calendar: BankHolidayCalendar,
): CalendarAnswer<IsoDate> {
  if (!Number.isInteger(clearDays) || clearDays < 0) {
    throw new RangeError(`clear days must be a whole number of zero or more: ${clearDays}`);
  }
  if (kind === 'working') return addWorkingDays(meeting, -(clearDays + 1), calendar);
  return workingDayOnOrBefore(addCalendarDays(meeting, -(clearDays + 1)), calendar);
}
