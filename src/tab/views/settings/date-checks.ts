/** The problems with a plan's dates as typed, each against its field, before anything is sent. */
import { dateProblem } from '../../components/forms/index.js';

export interface TypedDate {
  readonly value: string;
  /** The browser's date control held something that is not a date. */
  readonly bad: boolean;
}

export interface TypedDates {
  readonly deadline: TypedDate;
  readonly meetingBody: string;
  readonly meetingDate: TypedDate;
  readonly mtDate: TypedDate;
}

export type DateField = 'deadline' | 'meetingBody' | 'meetingDate' | 'mtDate';

export function datesProblems(dates: TypedDates): Record<DateField, string | null> {
  const { deadline, meetingDate, mtDate } = dates;
  return {
    deadline: dateProblem('Submission deadline', deadline.value, deadline.bad),
    meetingBody:
      meetingDate.value !== '' && dates.meetingBody.trim() === ''
        ? 'Name the meeting that decides, for example “Cabinet”.'
        : null,
    meetingDate:
      dateProblem('Decision meeting date', meetingDate.value, meetingDate.bad) ??
      (meetingDate.value !== '' && deadline.value !== '' && meetingDate.value > deadline.value
        ? 'The decision meeting is after the submission deadline: the plan could not be submitted in time.'
        : null),
    mtDate:
      dateProblem('Management team meeting', mtDate.value, mtDate.bad) ??
      (mtDate.value !== '' && meetingDate.value !== '' && mtDate.value >= meetingDate.value
        ? 'The management team meets on or after the decision meeting: it must endorse the plan before.'
        : null),
  };
}
