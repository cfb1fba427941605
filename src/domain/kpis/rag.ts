/**
 * Red, amber, green for a KPI, derived — never set by hand — from its baseline, target and direction.
 *
 * The rule. The expected value on a date is the straight line (the trajectory) from the baseline value
 * on the baseline date to the target value on the target date; before the baseline date it is the
 * baseline, after the target date it is the target. A value, as at the last day of its period, is
 * - green when it is on the trajectory or better than it;
 * - amber when it is short of the trajectory but better than the baseline;
 * - red otherwise (no better than the baseline, or worse).
 * "Better" means higher when higher is better and lower when lower is better. Two values within a
 * millionth of each other's size count as equal, so a value typed as the target is never "short" by a
 * rounding error.
 *
 * Missing data is not red: with no value, or no usable baseline or target, there is no RAG status and
 * the reason says what is missing. A KPI nobody has reported on is a gap to chase (check-ins.ts), not
 * a failure to show residents.
 */
import { toDayNumber, isIsoDate } from '../dates/calendar.js';
import type { Kpi, KpiDirection, KpiValue } from './kpi.js';
import type { IsoDate } from '../plan/plan.js';

export type Rag = 'green' | 'amber' | 'red';

export type RagResult =
  | { readonly status: Rag; readonly expected: number; readonly reason: string }
  | { readonly status: 'none'; readonly reason: string };

export interface DatedValue {
  readonly value: number | null;
  readonly date: IsoDate;
}

export interface RagInput {
  readonly direction: KpiDirection;
  readonly baseline: DatedValue | null;
  readonly target: DatedValue | null;
  /** The latest value and the date it is as at; null when nothing has been reported. */
  readonly actual: DatedValue | null;
}

export const RAG_LABELS: Readonly<Record<RagResult['status'], string>> = {
  green: 'Green: on track',
  amber: 'Amber: behind the trajectory, better than the baseline',
  red: 'Red: no better than the baseline',
  none: 'No status: not enough data',
};

const usable = (point: DatedValue | null): point is { value: number; date: IsoDate } =>
  point !== null && typeof point.value === 'number' && Number.isFinite(point.value) && isIsoDate(point.date);

/** The value on the straight line from baseline to target on `date`, held flat outside the two dates. */
export function expectedOn(
  baseline: { readonly value: number; readonly date: IsoDate },
  target: { readonly value: number; readonly date: IsoDate },
  date: IsoDate,
): number {
  const from = toDayNumber(baseline.date);
  const to = toDayNumber(target.date);
  const at = toDayNumber(date);
  if (at >= to) return target.value;
  if (at <= from) return baseline.value;
  return baseline.value + ((target.value - baseline.value) * (at - from)) / (to - from);
}

const tolerance = (a: number, b: number): number => Math.max(Math.abs(a), Math.abs(b), 1) * 1e-6;

/** How much better `a` is than `b` in the KPI's direction: positive is better, about zero is equal. */
function betterBy(direction: KpiDirection, a: number, b: number): number {
  const difference = direction === 'higher-is-better' ? a - b : b - a;
  return Math.abs(difference) <= tolerance(a, b) ? 0 : difference;
}

export function deriveRag(input: RagInput): RagResult {
  if (!usable(input.baseline)) return { status: 'none', reason: 'There is no baseline to measure from.' };
  if (!usable(input.target)) return { status: 'none', reason: 'There is no target to measure against.' };
  if (input.target.date <= input.baseline.date)
    return { status: 'none', reason: 'The target date is not after the baseline date.' };
  if (!usable(input.actual)) return { status: 'none', reason: 'No value has been reported yet.' };
  const expected = expectedOn(input.baseline, input.target, input.actual.date);
  const actual = input.actual.value;
  if (betterBy(input.direction, actual, expected) >= 0)
    return { status: 'green', expected, reason: 'On or better than the trajectory to the target.' };
  if (betterBy(input.direction, actual, input.baseline.value) > 0)
    return {
      status: 'amber',
      expected,
      reason: 'Short of the trajectory to the target, but better than the baseline.',
    };
  return { status: 'red', expected, reason: 'No better than the baseline.' };
}

/** The latest value reported for the KPI as at a date (null: none yet). */
export function latestValue(
  kpiId: string,
  values: readonly KpiValue[],
  onOrBefore: IsoDate,
): KpiValue | null {
  let latest: KpiValue | null = null;
  for (const value of values) {
    if (value.kpiId !== kpiId || value.asOf > onOrBefore) continue;
    if (latest === null || value.asOf > latest.asOf) latest = value;
  }
  return latest;
}

/** The KPI's RAG status from its latest value as at a date. */
export function kpiRag(kpi: Kpi, values: readonly KpiValue[], onOrBefore: IsoDate): RagResult {
  const latest = latestValue(kpi.id, values, onOrBefore);
  return deriveRag({
    direction: kpi.direction,
    baseline: kpi.baseline,
    target: kpi.target,
    actual: latest === null ? null : { value: latest.measurement.value, date: latest.asOf },
  });
}
