/**
 * When KPI owners are asked for a value and when the plan lead hears that one is overdue. Like section
 * reminders (reminders.ts), everything is worked out afresh from the stored KPIs and values on every
 * pass of the scheduler, each request under a key naming the point in the schedule it belongs to; the
 * outbox's unique key then sends each once, however many passes or server instances see it.
 *
 * The schedule:
 * - A KPI is tracked over the periods of its frequency that end after its baseline date and start on or
 *   before its target date.
 * - When a period ends, its owner is asked for the value (once), and has `workingDaysToAnswer` working
 *   days to give it. Only the latest ended period is asked for: a pass that was missed (a server was
 *   down) never sends a backlog of cards.
 * - When that time has passed without a value the owner is reminded once, and the check-in is overdue.
 * - The plan lead gets one digest of every overdue check-in whenever one newly becomes overdue, not every
 *   day: a digest is keyed by the latest due date among them.
 * - Nothing is chased before the plan is published, nor for periods whose answers were already due before
 *   it was published (values for those can still be entered in the tab).
 * A recorded value (any value for the KPI and period) ends the chasing for that period.
 */
import { addWorkingDays, type BankHolidayCalendar } from '../dates/calendar.js';
import { KPI_LIMITS, measure, valueKey, type Kpi, type KpiValue, type MeasurementEntry } from './kpi.js';
import { periodFromKey, periodsBetween, type Period } from './periods.js';
import type { IsoDate, IsoDateTime, PersonId, Plan } from '../plan/plan.js';
import { ok, refuse, type Result } from '../support/result.js';

export interface CheckInPolicy {
  /** Working days after a period ends for its value to be given. */
  readonly workingDaysToAnswer: number;
}

export const defaultCheckInPolicy: CheckInPolicy = { workingDaysToAnswer: 10 };

export interface CheckInRequest {
  readonly key: string;
  readonly planId: string;
  readonly kpiId: string;
  readonly ownerId: PersonId;
  /** 'due': the period has ended, please give the value; 'overdue': the time to answer has passed. */
  readonly kind: 'due' | 'overdue';
  readonly period: Period;
  readonly dueBy: IsoDate;
}

export interface OverdueCheckIn {
  readonly kpiId: string;
  readonly ownerId: PersonId;
  readonly period: Period;
  readonly dueBy: IsoDate;
}

export interface CheckInEscalation {
  readonly key: string;
  readonly planId: string;
  readonly leadId: PersonId;
  readonly overdue: readonly OverdueCheckIn[];
}

export interface CheckInsDue {
  readonly requests: readonly CheckInRequest[];
  readonly escalation: CheckInEscalation | null;
}

/** The day by which a period's value is due. */
export const dueByOf = (period: Period, calendar: BankHolidayCalendar, policy: CheckInPolicy): IsoDate =>
  addWorkingDays(period.end, policy.workingDaysToAnswer, calendar).value;

/** The periods a KPI is measured over, as far as they have ended by `today` (exclusive). */
export function endedPeriods(kpi: Kpi, today: IsoDate): Period[] {
  return periodsBetween(kpi.frequency, kpi.baseline.date, kpi.target.date).filter((p) => p.end < today);
}

export function checkInsDue(
  plan: Pick<Plan, 'id' | 'leadId' | 'status' | 'publication'>,
  kpis: readonly Kpi[],
  values: readonly KpiValue[],
  today: IsoDate,
  calendar: BankHolidayCalendar,
  policy: CheckInPolicy = defaultCheckInPolicy,
): CheckInsDue {
  if (plan.status !== 'published' || plan.publication === null) return { requests: [], escalation: null };
  const publishedOn = plan.publication.publishedAt.slice(0, 10);
  const answered = new Set(values.map((v) => valueKey(v.kpiId, v.periodKey)));
  const requests: CheckInRequest[] = [];
  const overdue: OverdueCheckIn[] = [];
  for (const kpi of kpis) {
    if (kpi.retired || kpi.planId !== plan.id) continue;
    const chased = endedPeriods(kpi, today)
      .map((period) => ({ period, dueBy: dueByOf(period, calendar, policy) }))
      .filter(({ dueBy }) => dueBy >= publishedOn);
    for (const { period, dueBy } of chased) {
      if (!answered.has(valueKey(kpi.id, period.key)) && today > dueBy)
        overdue.push({ kpiId: kpi.id, ownerId: kpi.ownerId, period, dueBy });
    }
    const latest = chased.at(-1);
    if (!latest || answered.has(valueKey(kpi.id, latest.period.key))) continue;
    const base = `kpi-checkin/${kpi.id}/${latest.period.key}/${kpi.ownerId}`;
    const late = today > latest.dueBy;
    requests.push({
      key: late ? `${base}/overdue` : base,
      planId: plan.id,
      kpiId: kpi.id,
      ownerId: kpi.ownerId,
      kind: late ? 'overdue' : 'due',
      period: latest.period,
      dueBy: latest.dueBy,
    });
  }
  const newest = overdue.reduce<IsoDate | null>(
    (max, o) => (max === null || o.dueBy > max ? o.dueBy : max),
    null,
  );
  return {
    requests,
    escalation:
      newest === null
        ? null
        : { key: `kpi-escalation/${plan.id}/${newest}`, planId: plan.id, leadId: plan.leadId, overdue },
  };
}

export interface CheckInEntry {
  readonly periodKey: string;
  readonly reading: MeasurementEntry;
  readonly commentary: string | null;
}

/**
 * A check-in as the owner gave it, checked: the period must be one the KPI is measured over and must
 * have ended (or end today); the value is checked, and computed for a share, as the baseline was.
 */
export function checkIn(kpi: Kpi, entry: CheckInEntry, by: PersonId, now: IsoDateTime): Result<KpiValue> {
  const period = periodFromKey(entry.periodKey);
  if (period === null || period.frequency !== kpi.frequency)
    return refuse('VALIDATION', `"${entry.periodKey}" is not a ${kpi.frequency} period.`);
  const today = now.slice(0, 10);
  if (period.end <= kpi.baseline.date || period.start > kpi.target.date)
    return refuse(
      'VALIDATION',
      `"${kpi.name}" is measured from ${kpi.baseline.date} to ${kpi.target.date}; ${period.label} is outside that.`,
    );
  if (period.end > today)
    return refuse('VALIDATION', `${period.label} has not ended yet: give its value from ${period.end}.`);
  const measurement = measure(kpi, entry.reading, `The value for ${period.label}`);
  if (!measurement.ok) return measurement;
  const commentary = entry.commentary === null ? '' : entry.commentary.trim();
  if (commentary.length > KPI_LIMITS.commentary)
    return refuse('VALIDATION', `The commentary must be at most ${KPI_LIMITS.commentary} characters.`);
  return ok({
    kpiId: kpi.id,
    planId: kpi.planId,
    periodKey: period.key,
    asOf: period.end,
    measurement: measurement.value,
    commentary: commentary === '' ? null : commentary,
    recordedBy: by,
    recordedAt: now,
    correctedBy: null,
    correctedAt: null,
  });
}

/** A second click with the same answer is the same check-in, whoever stored it first. */
export const sameCheckIn = (a: KpiValue, b: KpiValue): boolean =>
  a.kpiId === b.kpiId &&
  a.periodKey === b.periodKey &&
  a.measurement.value === b.measurement.value &&
  a.measurement.part === b.measurement.part &&
  a.measurement.whole === b.measurement.whole &&
  a.commentary === b.commentary;
