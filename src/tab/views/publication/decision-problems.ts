/** What is wrong with a decision as the lead typed it, each against its field; the server checks the same. */
import { dateProblem } from '../../components/forms/date-problem.js';

export type DecisionField = 'meetingBody' | 'meetingDate' | 'minute' | 'callIn';

const MAX_BODY = 200;
const MAX_MINUTE = 255;

export function decisionProblems(form: {
  meetingBody: string;
  meetingDate: string;
  meetingDateBad: boolean;
  minute: string;
  callIn: string;
  callInBad: boolean;
}): Partial<Record<DecisionField, string | null>> {
  const body = form.meetingBody.trim();
  const minute = form.minute.trim();
  return {
    meetingBody:
      body === ''
        ? 'Meeting: name the meeting that took the decision.'
        : body.length > MAX_BODY
          ? `Meeting: at most ${MAX_BODY} characters.`
          : null,
    meetingDate: dateProblem('Meeting date', form.meetingDate, form.meetingDateBad, { required: true }),
    minute:
      minute === ''
        ? 'Minute reference: give the minute that records the decision.'
        : minute.length > MAX_MINUTE
          ? `Minute reference: at most ${MAX_MINUTE} characters.`
          : null,
    callIn: dateProblem(
      'Call-in period end',
      form.callIn,
      form.callInBad,
      form.meetingDate === ''
        ? {}
        : { notBefore: { date: form.meetingDate, words: 'before the meeting that took the decision' } },
    ),
  };
}
