/** The decision form names every problem at once, each against its field, as the server would refuse it. */
import { describe, expect, it } from 'vitest';
import { decisionProblems } from '../../../src/tab/views/publication/decision-problems.js';

const good = {
  meetingBody: 'Cabinet',
  meetingDate: '2027-07-13',
  meetingDateBad: false,
  minute: 'CAB 31/07',
  callIn: '',
  callInBad: false,
};

const shown = (problems: ReturnType<typeof decisionProblems>) =>
  Object.entries(problems).filter(([, message]) => message);

describe('the decision form problems', () => {
  it('has none for a complete decision, with or without a call-in end', () => {
    expect(shown(decisionProblems(good))).toEqual([]);
    expect(shown(decisionProblems({ ...good, callIn: '2027-07-20' }))).toEqual([]);
  });

  it('lists every missing field at once', () => {
    const problems = decisionProblems({ ...good, meetingBody: '  ', meetingDate: '', minute: '' });
    expect(shown(problems).map(([field]) => field)).toEqual(['meetingBody', 'meetingDate', 'minute']);
    expect(problems.minute).toMatch(/^Minute reference: /);
  });

  it('refuses a call-in end before the meeting and a date that is not one', () => {
    expect(decisionProblems({ ...good, callIn: '2027-07-12' }).callIn).toBe(
      'Call-in period end is before the meeting that took the decision.',
    );
    expect(decisionProblems({ ...good, meetingDateBad: true, meetingDate: '' }).meetingDate).toMatch(
      /not a date/,
    );
  });

  it('holds the server limits: 200 characters of meeting, 255 of minute', () => {
    expect(decisionProblems({ ...good, meetingBody: 'x'.repeat(200), minute: 'm'.repeat(255) })).toEqual(
      expect.objectContaining({ meetingBody: null, minute: null }),
    );
    const long = decisionProblems({ ...good, meetingBody: 'x'.repeat(201), minute: 'm'.repeat(256) });
    expect(long.meetingBody).toMatch(/at most 200/);
    expect(long.minute).toMatch(/at most 255/);
  });
});
