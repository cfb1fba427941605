/**
 * The GOV.UK bank holidays feed (https://www.gov.uk/bank-holidays.json) as a calendar source:
 * `{"england-and-wales":{"division":"england-and-wales","events":[{"title","date","notes","bunting"}]},…}`.
 * One division's events become our calendar's holidays; years the feed lists in full replace ours, and
 * years it does not list (before or after its range) are kept, so importing never loses coverage.
 */
import { z } from 'zod';
import type { BankHoliday, BankHolidayCalendar } from '../domain/dates/calendar.js';
import { isIsoDate, isWeekend, yearOf } from '../domain/dates/calendar.js';
import { bankHolidayCalendarSchema } from './calendar-load.js';

const eventSchema = z.object({
  title: z.string().trim().min(1, 'expected a title'),
  date: z.string().refine(isIsoDate, 'expected a real date written YYYY-MM-DD'),
  notes: z.string().default(''),
  bunting: z.boolean().optional(),
});

export const govUkFeedSchema = z.record(
  z.string(),
  z.object({ division: z.string().trim().min(1), events: z.array(eventSchema) }),
);

export type GovUkFeed = z.infer<typeof govUkFeedSchema>;

/** Every division has at least these many a year (New Year, Easter ×2, May ×2, August, Christmas, Boxing Day). */
export const FEWEST_HOLIDAYS_IN_A_FULL_YEAR = 8;

export class GovUkFeedError extends Error {
  readonly code = 'HOLIDAY_FEED_INVALID';
}

export interface ImportResult {
  readonly calendar: BankHolidayCalendar;
  /** Years whose holidays came from the feed. */
  readonly importedYears: readonly number[];
  /** Years the feed lists too few holidays for (a partial year at an edge of its range): not imported. */
  readonly partialYears: readonly number[];
  /** Years whose holidays changed compared with the calendar before. */
  readonly changedYears: readonly number[];
}

/** "New Year’s Day" with notes "Substitute day" → "New Year’s Day (substitute day)", as the data file words it. */
function nameOf(event: { title: string; notes: string }): string {
  const notes = event.notes.trim();
  return notes === '' ? event.title.trim() : `${event.title.trim()} (${notes.toLowerCase()})`;
}

const issuesText = (error: z.ZodError): string =>
  error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');

export function parseGovUkFeed(raw: unknown): GovUkFeed {
  const parsed = govUkFeedSchema.safeParse(raw);
  if (!parsed.success)
    throw new GovUkFeedError(`Not the GOV.UK bank holidays format: ${issuesText(parsed.error)}`);
  return parsed.data;
}

const byYear = (holidays: readonly BankHoliday[]): Map<number, BankHoliday[]> => {
  const years = new Map<number, BankHoliday[]>();
  for (const h of holidays) years.set(yearOf(h.date), [...(years.get(yearOf(h.date)) ?? []), h]);
  return years;
};

const sameYear = (a: readonly BankHoliday[] = [], b: readonly BankHoliday[] = []): boolean =>
  a.length === b.length && a.every((h, i) => h.date === b[i]?.date && h.name === b[i]?.name);

/** Merges one division of the feed into `current`; the result is checked against the calendar schema. */
export function importGovUkDivision(
  feed: GovUkFeed,
  division: string,
  current: BankHolidayCalendar,
): ImportResult {
  const entry = feed[division];
  if (entry === undefined) {
    throw new GovUkFeedError(
      `The feed has no division "${division}"; it has ${Object.keys(feed).join(', ') || 'none'}.`,
    );
  }
  const seen = new Set<string>();
  const events: BankHoliday[] = [];
  for (const e of [...entry.events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    if (seen.has(e.date)) throw new GovUkFeedError(`The feed lists ${e.date} twice for ${division}.`);
    if (isWeekend(e.date))
      throw new GovUkFeedError(`The feed lists ${e.date}, a weekend day, for ${division}.`);
    seen.add(e.date);
    events.push({ date: e.date, name: nameOf(e) });
  }
  const fromFeed = byYear(events);
  const partialYears = [...fromFeed]
    .filter(([, list]) => list.length < FEWEST_HOLIDAYS_IN_A_FULL_YEAR)
    .map(([y]) => y);
  for (const y of partialYears) fromFeed.delete(y);
  if (fromFeed.size === 0)
    throw new GovUkFeedError(`The feed lists no full year of holidays for ${division}.`);

  const before = byYear(current.holidays);
  const merged = new Map(before);
  for (const [y, list] of fromFeed) merged.set(y, list);
  const years = [...merged.keys()].sort((a, b) => a - b);
  const firstYear = years[0] ?? current.firstYear;
  const lastYear = years[years.length - 1] ?? current.lastYear;
  const gaps = [];
  for (let y = firstYear; y <= lastYear; y += 1) if (!merged.has(y)) gaps.push(y);
  if (gaps.length > 0) {
    throw new GovUkFeedError(
      `Importing would leave ${gaps.join(', ')} without bank holidays between ${firstYear} and ${lastYear}; ` +
        'the feed and the calendar must overlap or touch.',
    );
  }
  const candidate = {
    region: current.region,
    source: current.source ?? { title: 'UK bank holidays (GOV.UK)', url: 'https://www.gov.uk/bank-holidays' },
    firstYear,
    lastYear,
    holidays: years.flatMap((y) => merged.get(y) ?? []),
  };
  const checked = bankHolidayCalendarSchema.safeParse(candidate);
  if (!checked.success)
    throw new GovUkFeedError(`The merged calendar is not valid: ${issuesText(checked.error)}`);
  return {
    calendar: checked.data,
    importedYears: [...fromFeed.keys()].sort((a, b) => a - b),
    partialYears: partialYears.sort((a, b) => a - b),
    changedYears: years.filter((y) => !sameYear(before.get(y), merged.get(y))),
  };
}

/** The data file's layout: one holiday a line, a blank line between years (Prettier keeps it). */
export function calendarFileText(calendar: BankHolidayCalendar): string {
  const lines: string[] = [];
  let year: number | undefined;
  calendar.holidays.forEach((h, i) => {
    if (year !== undefined && yearOf(h.date) !== year) lines.push('');
    year = yearOf(h.date);
    const comma = i === calendar.holidays.length - 1 ? '' : ',';
    lines.push(`    { "date": ${JSON.stringify(h.date)}, "name": ${JSON.stringify(h.name)} }${comma}`);
  });
  const head = {
    region: calendar.region,
    ...(calendar.source === undefined ? {} : { source: calendar.source }),
    firstYear: calendar.firstYear,
    lastYear: calendar.lastYear,
  };
  const headText = JSON.stringify(head, null, 2).replace(/\n}$/, '');
  return `${headText},\n  "holidays": [\n${lines.join('\n')}\n  ]\n}\n`;
}
