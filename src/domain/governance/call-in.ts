/**
 * Call-in: a decision that can be called in may not be implemented (published, submitted) until its
 * call-in period has ended, unless the council's rules let it be treated as urgent, and then only with the
 * reason recorded. Pure: "today" is the date in England of the command's instant.
 */
import { londonDate } from '../dates/london-date.js';
import { formatDate } from '../wording/dates.js';
import type { IsoDate, IsoDateTime, Plan } from '../plan/plan.js';
import { refuse, type Result } from '../support/result.js';

/** The end of call-in the plan is waiting for on `now`, or null when nothing holds it back. */
export function openCallIn(plan: Plan, now: IsoDateTime): IsoDate | null {
  const ends = plan.decision?.callInEndsOn ?? null;
  if (ends === null) return null;
  return londonDate(now) <= ends ? ends : null;
}

/** Why `action` must wait for call-in, or ok when it need not. */
export function callInAllows(
  plan: Plan,
  now: IsoDateTime,
  action: 'publish' | 'submit',
  override?: { readonly reason: string },
): Result<'clear' | 'overridden'> {
  const ends = openCallIn(plan, now);
  if (ends === null) return { ok: true, value: 'clear' };
  if (action === 'submit' && plan.publication?.callInOverride !== undefined)
    return { ok: true, value: 'overridden' };
  const decision = plan.decision!;
  const urgency = plan.governance.callInUrgency;
  const what = action === 'publish' ? 'published' : 'submitted';
  const base =
    `${decision.meetingBody}'s decision of ${formatDate(decision.meetingDate)} is open to call-in until the end of ` +
    `${formatDate(ends)}, so the plan cannot be ${what} before then`;
  if (override !== undefined && action === 'publish') {
    if (urgency === null)
      return refuse(
        'INVALID_STATE',
        `${base}: this council's rules have no urgency procedure that lets a decision skip call-in.`,
        { reason: 'CALL_IN_OPEN', callInEndsOn: ends },
      );
    return { ok: true, value: 'overridden' };
  }
  const route =
    urgency === null
      ? '.'
      : ` unless ${urgency.agreedBy} agrees it is urgent: publish with the reason recorded.`;
  return refuse('INVALID_STATE', `${base}${route}`, {
    reason: 'CALL_IN_OPEN',
    callInEndsOn: ends,
    urgencyAllowed: urgency !== null,
  });
}
