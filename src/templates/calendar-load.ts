/**
 * Loads the bank holiday calendar and the timeline rules from their data files, checked against a
 * schema, so a wrong date or a missing period stops the app at start-up with the file, the place in it
 * and the problem, rather than producing a wrong timeline later.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { BankHolidayCalendar } from '../domain/dates/calendar.js';
import { isIsoDate, isWeekend, yearOf } from '../domain/dates/calendar.js';
import type { TimelineRuleOverrides } from '../domain/templates/report-format.js';
import type { TimelineRules } from '../domain/timeline/rules.js';

export const DEFAULT_CALENDAR_FILE = fileURLToPath(
  new URL('./calendars/england-and-wales.json', import.meta.url),
);
export const DEFAULT_TIMELINE_RULES_FILE = fileURLToPath(
  new URL('./timeline-rules/england.json', import.meta.url),
);

export interface DataProblem {
  readonly path: string;
  readonly message: string;
}

/** A calendar or rules file that cannot be used. */
export class TimelineDataError extends Error {
  readonly code = 'TIMELINE_DATA_INVALID';

  constructor(
    readonly file: string,
    readonly problems: readonly DataProblem[],
  ) {
    super(problems.map((problem) => `${file}: ${problem.path}: ${problem.message}`).join('\n'));
    this.name = 'TimelineDataError';
  }
}

// ---------------------------------------------------------------------------------------------------
// Schemas

const text = z.string().trim().min(1, 'expected a non-empty string');
const isoDate = z.string().refine(isIsoDate, 'expected a real date written YYYY-MM-DD');
const year = z.number().int('expected a whole year').min(1900).max(2200);
const wholeDays = z.number().int('expected a whole number of days').positive('expected at least 1 day');
const dayKind = z.enum(['working', 'calendar']);

const holidaySchema = z.strictObject({ date: isoDate, name: text });

export const bankHolidayCalendarSchema = z
  .strictObject({
    region: text,
    source: z.strictObject({ title: text, url: z.url() }),
    firstYear: year,
    lastYear: year,
    holidays: z.array(holidaySchema),
  })
  .superRefine((calendar, ctx) => {
    if (calendar.lastYear < calendar.firstYear) {
      ctx.addIssue({ code: 'custom', path: ['lastYear'], message: 'must not be before firstYear' });
      return;
    }
    calendar.holidays.forEach((holiday, i) => {
      const problem = holidayProblem(holiday.date, calendar.holidays[i - 1]?.date, calendar);
      if (problem !== undefined)
        ctx.addIssue({ code: 'custom', path: ['holidays', i, 'date'], message: problem });
    });
    for (let y = calendar.firstYear; y <= calendar.lastYear; y += 1) {
      if (!calendar.holidays.some((h) => isIsoDate(h.date) && yearOf(h.date) === y)) {
        ctx.addIssue({ code: 'custom', path: ['holidays'], message: `no bank holidays listed for ${y}` });
      }
    }
  });

/** Why one holiday entry cannot be right, if it cannot. */
function holidayProblem(
  date: string,
  previous: string | undefined,
  calendar: { firstYear: number; lastYear: number },
): string | undefined {
  if (!isIsoDate(date)) return undefined; // already reported by the field schema
  const y = yearOf(date);
  if (y < calendar.firstYear || y > calendar.lastYear) {
    return `${date} is outside the years covered (${calendar.firstYear}-${calendar.lastYear})`;
  }
  if (isWeekend(date))
    return `${date} is a weekend day; a bank holiday falling at a weekend moves to a substitute day`;
  if (previous !== undefined && isIsoDate(previous) && date <= previous) {
    return `${date} is not after the previous entry (${previous}); list holidays once each, in date order`;
  }
  return undefined;
}

const sourceSchema = z.strictObject({ citation: text, url: z.url().optional() });

const periodFields = {
  description: text,
  dayKind,
  basis: z.enum(['statute', 'council-practice', 'planning-default']),
  sources: z.array(sourceSchema).min(1, 'expected at least one source'),
  note: text.optional(),
};

const agendaPublicationSchema = z.strictObject({
  ...periodFields,
  clearDaysBeforeMeeting: wholeDays,
  ifNotMet: text,
});
const keyDecisionNoticeSchema = z.strictObject({
  ...periodFields,
  clearDaysBeforeDecision: wholeDays,
  ifNotMet: text,
  generalException: z.strictObject({ ...periodFields, clearDaysBeforeDecision: wholeDays }),
  specialUrgency: z.strictObject({ description: text, sources: z.array(sourceSchema).min(1) }),
});
const decisionNoticeSchema = z.strictObject({ ...periodFields, daysAfterMeeting: wholeDays });
const callInSchema = z.strictObject({ ...periodFields, daysAfterDecisionNotice: wholeDays });
const beforeAgendaSchema = z.strictObject({ ...periodFields, daysBeforeAgendaPublication: wholeDays });
const sectionsDueSchema = z.strictObject({ ...periodFields, daysBeforeManagementTeam: wholeDays });
const deadlineMarginSchema = z.strictObject({
  ...periodFields,
  daysBeforeDeadline: z.number().int('expected a whole number of days').min(0, 'expected 0 days or more'),
});

export const timelineRulesSchema = z.strictObject({
  id: text,
  title: text,
  appliesTo: text,
  agendaPublication: agendaPublicationSchema,
  keyDecisionNotice: keyDecisionNoticeSchema,
  decisionNotice: decisionNoticeSchema,
  callIn: callInSchema,
  managementTeam: beforeAgendaSchema,
  portfolioHolderSignOff: beforeAgendaSchema,
  sectionsDue: sectionsDueSchema,
  deadlineMargin: deadlineMarginSchema.optional(),
});

/** A report format's own timeline rules: any period restated whole, and lead times for named stages. */
export const timelineRuleOverridesSchema = z.strictObject({
  agendaPublication: agendaPublicationSchema.optional(),
  keyDecisionNotice: keyDecisionNoticeSchema.optional(),
  decisionNotice: decisionNoticeSchema.optional(),
  callIn: callInSchema.optional(),
  managementTeam: beforeAgendaSchema.optional(),
  portfolioHolderSignOff: beforeAgendaSchema.optional(),
  sectionsDue: sectionsDueSchema.optional(),
  deadlineMargin: deadlineMarginSchema.optional(),
  stages: z.record(z.string(), beforeAgendaSchema).optional(),
});

// The schemas must produce exactly the domain types; these fail to compile if either side drifts.
type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Mutable<T> = T extends readonly (infer U)[]
  ? Mutable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: Mutable<T[K]> }
    : T;
const calendarMatches: Equal<
  z.infer<typeof bankHolidayCalendarSchema>,
  Required<Mutable<BankHolidayCalendar>>
> = true;
const rulesMatch: Equal<z.infer<typeof timelineRulesSchema>, Mutable<TimelineRules>> = true;
const overridesMatch: Equal<
  z.infer<typeof timelineRuleOverridesSchema>,
  Mutable<TimelineRuleOverrides>
> = true;
void calendarMatches;
void rulesMatch;
void overridesMatch;

// ---------------------------------------------------------------------------------------------------
// Loading

const pathOf = (path: readonly PropertyKey[]): string =>
  path.length === 0
    ? '(root)'
    : path
        .map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`))
        .join('');

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function readJson(file: string): unknown {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    throw new TimelineDataError(file, [{ path: '(file)', message: `cannot be read: ${reason(error)}` }]);
  }
  try {
    return JSON.parse(raw) as unknown;
  } catch (error) {
    throw new TimelineDataError(file, [{ path: '(root)', message: `invalid JSON: ${reason(error)}` }]);
  }
}

function parseFile<T>(file: string, schema: z.ZodType<T>): T {
  const result = schema.safeParse(readJson(file));
  if (result.success) return result.data;
  throw new TimelineDataError(
    file,
    result.error.issues.map((issue) => ({ path: pathOf(issue.path), message: issue.message })),
  );
}

export const loadCalendar = (file: string = DEFAULT_CALENDAR_FILE): BankHolidayCalendar =>
  parseFile(file, bankHolidayCalendarSchema);

export const loadTimelineRules = (file: string = DEFAULT_TIMELINE_RULES_FILE): TimelineRules =>
  parseFile(file, timelineRulesSchema);
