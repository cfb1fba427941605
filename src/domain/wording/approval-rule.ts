/**
 * An approval rule as members read it: "All 5 must approve", "3 of 5 must approve, including the Chief
 * Executive", "Any one of 2 may approve". Before a stage opens, who is counted is not fixed yet, so the
 * count is of those named so far, or left out when nobody is.
 */
import type { ApprovalRule } from '../templates/report-format.js';

export interface RuleWords {
  readonly rule: ApprovalRule;
  /** How many approve in this round (or are named so far); null when not known. */
  readonly count: number | null;
  /** The titles (or names) of those who must approve whatever the rule says. */
  readonly mandatory: readonly string[];
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function ruleSentence({ rule, count, mandatory }: RuleWords): string {
  const known = count !== null && count > 0;
  const base =
    rule.kind === 'all'
      ? known
        ? count === 1
          ? 'The one person named must approve'
          : `All ${count} must approve`
        : 'Everyone named must approve'
      : rule.kind === 'any'
        ? known
          ? `Any one of ${count} may approve`
          : 'Any one of those named may approve'
        : known
          ? `${rule.n} of ${count} must approve`
          : `${rule.n} of those named must approve`;
  if (mandatory.length === 0) return base;
  return `${base}, including the ${list(mandatory)}`;
}
