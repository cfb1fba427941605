/**
 * The one way a store says "someone else changed this while you were working": a CONFLICT naming what,
 * who and when, so people see more than "try again", and saying that nothing of theirs was overwritten.
 */
import { refuse, type Result } from '../../domain/support/result.js';

export interface LastChange {
  readonly changedBy: string | null;
  readonly changedAt: string | null;
}

/** `what` starts the sentence: "The section intro", "The KPI “Visits”". */
export function conflict(
  what: string,
  change: LastChange,
  details: Readonly<Record<string, unknown>> = {},
): Result<never> {
  const by = change.changedBy ? ` by ${change.changedBy}` : '';
  const at = change.changedAt ? ` at ${change.changedAt}` : '';
  return refuse(
    'CONFLICT',
    `${what.charAt(0).toUpperCase()}${what.slice(1)} was changed${by}${at} while you were working. Nothing of yours was overwritten: review the latest version and try again.`,
    { ...details, changedBy: change.changedBy, changedAt: change.changedAt },
  );
}
