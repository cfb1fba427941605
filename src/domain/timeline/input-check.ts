/** The timeline's input checked date by date: a date that is not valid is left out and warned about. */
import { isIsoDate, type IsoDate } from '../dates/calendar.js';
import type { TimelineEntryKey, TimelineInput, TimelineWarning } from './timeline.js';

/** The input with every date checked; a date that is not valid is left out (and warned about). */
export type CheckedInput = Omit<TimelineInput, 'today' | 'decisionNotice' | 'callIn'> & {
  readonly today?: IsoDate;
  readonly decisionNotice: boolean;
  readonly callIn: boolean;
};

const DATE_FIELDS = [
  ['today', "Today's date"],
  ['submissionDeadline', 'The submission deadline'],
  ['managementTeamMeeting', 'The management team meeting date'],
  ['portfolioHolderSignOffBy', 'The portfolio holder sign-off date'],
  ['sectionsDueBy', 'The date all sections are due'],
] as const;

const invalidDateWarning = (what: string, value: string, entryKeys: TimelineEntryKey[]): TimelineWarning => ({
  code: 'INVALID_DATE',
  message: `${what} ${JSON.stringify(value)} is not a valid date (YYYY-MM-DD), so it was left out of the timeline.`,
  entryKeys,
});

export function checkInput(input: TimelineInput): { checked: CheckedInput; warnings: TimelineWarning[] } {
  const warnings: TimelineWarning[] = [];
  const valid = (what: string, value: IsoDate | undefined, key?: TimelineEntryKey): IsoDate | undefined => {
    if (value === undefined || isIsoDate(value)) return value;
    warnings.push(invalidDateWarning(what, value, key === undefined ? [] : [key]));
    return undefined;
  };
  const dates: Partial<Record<(typeof DATE_FIELDS)[number][0], IsoDate>> = {};
  for (const [field, what] of DATE_FIELDS) {
    const value = valid(what, input[field]);
    if (value !== undefined) dates[field] = value;
  }
  const meetingDate = valid('The decision meeting date', input.decisionMeeting?.date, 'decision-meeting');
  const sections = input.sections.map((section) => {
    const key: TimelineEntryKey = `section-due:${section.key}`;
    const dueDate = valid(`The due date of section “${section.title}”`, section.dueDate, key);
    return dueDate === undefined ? { key: section.key, title: section.title } : { ...section, dueDate };
  });
  const steps = input.steps?.flatMap((step) => {
    if (step.set === undefined) return [step];
    const set = valid(`The date set for “${step.label}”`, step.set, step.key);
    return [set === undefined ? { key: step.key, label: step.label, rule: step.rule } : step];
  });
  const callInEndsOn = valid('The end of the call-in period', input.callInEndsOn, 'call-in-ends');
  const checked: CheckedInput = {
    ...dates,
    keyDecision: input.keyDecision,
    sections,
    ...(input.decisionMeeting && meetingDate !== undefined && { decisionMeeting: input.decisionMeeting }),
    ...(steps === undefined ? {} : { steps }),
    decisionNotice: input.decisionNotice ?? true,
    callIn: input.callIn ?? true,
    ...(callInEndsOn === undefined ? {} : { callInEndsOn }),
  };
  return { checked, warnings };
}
