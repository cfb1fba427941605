/**
 * Key performance indicators: what a council measures to show its plan is working. A KPI belongs to a
 * plan (and optionally one of its themes) and has a baseline and a target, each with a date, so progress
 * can be judged against the straight path between them (see rag.ts).
 *
 * A percentage can be a share of two amounts (agency spend over the staff budget): then people enter the
 * part and the whole, as Theme 3's figures are entered, and the percentage is always computed — it can
 * never be typed, never disagree with its basis and never exceed 100%.
 */
import { formatFigure, formatPercent } from '../wording/numbers.js';
import { isIsoDate } from '../dates/calendar.js';
import { canonicalJson } from '../support/canonical-json.js';
import type { KpiFrequency } from './periods.js';
import { KPI_FREQUENCIES } from './periods.js';
import type { IsoDate, IsoDateTime, PersonId, Plan } from '../plan/plan.js';
import { canEditSection } from '../plan/plan.js';
import { ok, refuse, type Refusal, type Result } from '../support/result.js';

export type KpiUnit = 'currency-gbp' | 'count' | 'hours' | 'percent' | 'number';
export const KPI_UNITS: readonly KpiUnit[] = ['currency-gbp', 'count', 'hours', 'percent', 'number'];

/** Which way is better. */
export type KpiDirection = 'higher-is-better' | 'lower-is-better';
export const KPI_DIRECTIONS: readonly KpiDirection[] = ['higher-is-better', 'lower-is-better'];

/** For a percentage computed as part ÷ whole: what the two amounts are called and their unit. */
export interface ShareBasis {
  readonly partLabel: string;
  readonly wholeLabel: string;
  readonly unit: 'currency-gbp' | 'count' | 'hours';
}

/** A measured value; for a share, with the part and whole it was computed from. */
export interface Measurement {
  readonly value: number;
  readonly part: number | null;
  readonly whole: number | null;
}

export interface KpiDefinition {
  readonly name: string;
  /** What is measured and how, in a sentence or two. */
  readonly definition: string;
  readonly unit: KpiUnit;
  /** Set only for a percentage computed from two amounts. */
  readonly share: ShareBasis | null;
  readonly direction: KpiDirection;
  readonly ownerId: PersonId;
  readonly frequency: KpiFrequency;
  /** Where the figures come from (a system, a return, a survey). */
  readonly source: string;
  /** The plan theme the KPI evidences, or null for the plan as a whole. */
  readonly theme: number | null;
  readonly baseline: Measurement & { readonly date: IsoDate };
  readonly target: { readonly value: number; readonly date: IsoDate };
}

export interface Kpi extends KpiDefinition {
  readonly id: string;
  readonly planId: string;
  /** Bumps on every change; an editor names the revision they started from. */
  readonly revision: number;
  /** A retired KPI keeps its history but is no longer chased or reported. */
  readonly retired: boolean;
  readonly updatedBy: PersonId;
  readonly updatedAt: IsoDateTime;
}

/** One check-in: the value of a KPI for one period. (KPI, period) is its identity. */
export interface KpiValue {
  readonly kpiId: string;
  readonly planId: string;
  readonly periodKey: string;
  /** The period's last day: the date the value is "as at". */
  readonly asOf: IsoDate;
  readonly measurement: Measurement;
  readonly commentary: string | null;
  readonly recordedBy: PersonId;
  readonly recordedAt: IsoDateTime;
  /** Set when the value was corrected in the tab after it was first recorded. */
  readonly correctedBy: PersonId | null;
  readonly correctedAt: IsoDateTime | null;
}

export const valueKey = (kpiId: string, periodKey: string): string => `${kpiId}/${periodKey}`;

export const KPI_LIMITS = { name: 255, definition: 2000, source: 255, label: 100, commentary: 1000 } as const;

/** What someone typed: anything may be missing or wrong, and is checked by validateKpiDefinition. */
export interface KpiDraft {
  readonly name: string;
  readonly definition: string;
  readonly unit: KpiUnit;
  readonly share: ShareBasis | null;
  readonly direction: KpiDirection;
  readonly ownerId: PersonId;
  readonly frequency: KpiFrequency;
  readonly source: string;
  readonly theme: number | null;
  readonly baseline: MeasurementEntry & { readonly date: IsoDate };
  readonly target: { readonly value: number | null; readonly date: IsoDate };
}

/** A value as entered: a number, or for a share the part and the whole. */
export interface MeasurementEntry {
  readonly value?: number | null;
  readonly part?: number | null;
  readonly whole?: number | null;
}

const UNIT_NAMES: Readonly<Record<KpiUnit, string>> = {
  'currency-gbp': 'pounds',
  count: 'a count',
  hours: 'hours',
  percent: 'a percentage',
  number: 'a number',
};

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const given = (value: number | null | undefined): boolean => value !== null && value !== undefined;

/** Problems with an amount in a unit: a spend or a count cannot be negative, a count is whole. */
function amountProblems(
  label: string,
  value: number,
  unit: 'currency-gbp' | 'count' | 'hours' | 'number',
): string[] {
  if (unit === 'number') return [];
  if (value < 0) return [`${label} cannot be negative`];
  if (unit === 'count' && !Number.isInteger(value)) return [`${label} must be a whole number`];
  return [];
}

function percentProblems(label: string, value: number): string[] {
  if (value < 0) return [`${label} cannot be negative`];
  if (value > 100) return [`${label} is over 100%`];
  return [];
}

/**
 * A value entered for a KPI, checked and, for a share, computed. `label` names it in messages ("The
 * baseline", "The value for Q1 2024/25").
 */
export function measure(
  kpi: Pick<KpiDefinition, 'unit' | 'share'>,
  entry: MeasurementEntry,
  label: string,
): Result<Measurement> {
  const problems: string[] = [];
  for (const name of ['value', 'part', 'whole'] as const) {
    const value: unknown = entry[name];
    if (value !== null && value !== undefined && !isNumber(value))
      problems.push(`${label}: ${name} must be a number`);
  }
  if (problems.length > 0) return refuse('VALIDATION', problems.join('; '), { problems });
  if (kpi.share) {
    const { partLabel, wholeLabel, unit } = kpi.share;
    const part = entry.part ?? null;
    const whole = entry.whole ?? null;
    if (given(entry.value) && part === null && whole === null) {
      problems.push(
        `${label}: enter ${partLabel} and ${wholeLabel}; the percentage is computed from them, not typed`,
      );
    } else {
      if (part === null) problems.push(`${label}: enter ${partLabel}`);
      if (whole === null) problems.push(`${label}: enter ${wholeLabel} so the share can be computed`);
    }
    if (part !== null) problems.push(...amountProblems(`${label}: ${partLabel}`, part, unit));
    if (whole !== null) problems.push(...amountProblems(`${label}: ${wholeLabel}`, whole, unit));
    if (problems.length === 0 && part !== null && whole !== null) {
      if (whole === 0) problems.push(`${label}: ${wholeLabel} is zero, so the share cannot be computed`);
      else if (part > whole) problems.push(`${label}: ${partLabel} is more than ${wholeLabel} (over 100%)`);
    }
    if (problems.length > 0 || part === null || whole === null)
      return refuse('VALIDATION', problems.join('; '), { problems });
    return ok({ value: (part / whole) * 100, part, whole });
  }
  const value = entry.value ?? null;
  if (given(entry.part) || given(entry.whole))
    problems.push(`${label}: this KPI is entered as one value, not as a part and a whole`);
  if (value === null) problems.push(`${label}: enter a value (${UNIT_NAMES[kpi.unit]})`);
  else if (kpi.unit === 'percent') problems.push(...percentProblems(label, value));
  else problems.push(...amountProblems(label, value, kpi.unit));
  if (problems.length > 0 || value === null) return refuse('VALIDATION', problems.join('; '), { problems });
  return ok({ value, part: null, whole: null });
}

function textProblem(value: string, max: number, missing: string, name: string): string | null {
  if (typeof value !== 'string' || value.trim() === '') return missing;
  return value.trim().length > max ? `${name} must be at most ${max} characters` : null;
}

/** Checks a draft into a definition, naming every problem at once so the form can show them all. */
export function validateKpiDefinition(
  draft: KpiDraft,
  context: { readonly themes: readonly number[] },
): Result<KpiDefinition> {
  const problems: string[] = [];
  const push = (problem: string | null): void => {
    if (problem !== null) problems.push(problem);
  };
  push(textProblem(draft.name, KPI_LIMITS.name, 'Give the KPI a name', 'The name'));
  push(textProblem(draft.definition, KPI_LIMITS.definition, 'Say what the KPI measures', 'The definition'));
  push(textProblem(draft.source, KPI_LIMITS.source, 'Say where the figures come from', 'The source'));
  if (typeof draft.ownerId !== 'string' || draft.ownerId.trim() === '') problems.push('Name an owner');
  if (!KPI_UNITS.includes(draft.unit)) problems.push(`"${String(draft.unit)}" is not a unit`);
  if (!KPI_DIRECTIONS.includes(draft.direction)) problems.push('Say whether higher or lower is better');
  if (!KPI_FREQUENCIES.includes(draft.frequency))
    problems.push('Choose how often it is measured: monthly, quarterly or annually');
  if (draft.theme !== null && !context.themes.includes(draft.theme))
    problems.push(`Theme ${draft.theme} is not a theme of this plan`);
  if (draft.share !== null) {
    if (draft.unit !== 'percent') problems.push('Only a percentage can be computed from a part and a whole');
    push(
      textProblem(draft.share.partLabel, KPI_LIMITS.label, 'Name the part of the share', 'The part’s name'),
    );
    push(
      textProblem(
        draft.share.wholeLabel,
        KPI_LIMITS.label,
        'Name the whole of the share',
        'The whole’s name',
      ),
    );
    if (!['currency-gbp', 'count', 'hours'].includes(draft.share.unit))
      problems.push('The part and whole are pounds, a count or hours');
  }
  const baselineDate = isIsoDate(draft.baseline.date);
  const targetDate = isIsoDate(draft.target.date);
  if (!baselineDate) problems.push('Give the date of the baseline');
  if (!targetDate) problems.push('Give the date of the target');
  if (baselineDate && targetDate && draft.target.date <= draft.baseline.date) {
    problems.push(
      `The target date (${draft.target.date}) must be after the baseline date (${draft.baseline.date})`,
    );
  }
  if (problems.length > 0) return refuse('VALIDATION', problems.join('; '), { problems });

  const shape = { unit: draft.unit, share: draft.share };
  const baseline = measure(shape, draft.baseline, 'The baseline');
  if (!baseline.ok) problems.push(...problemsOf(baseline.error));
  const targetValue = draft.target.value;
  if (!isNumber(targetValue)) problems.push('Give the target value');
  else if (draft.unit === 'percent') problems.push(...percentProblems('The target', targetValue));
  else problems.push(...amountProblems('The target', targetValue, draft.unit));
  if (baseline.ok && isNumber(targetValue)) {
    const b = baseline.value.value;
    if (draft.direction === 'higher-is-better' && targetValue < b)
      problems.push(
        `The target (${targetValue}) is below the baseline (${round(b)}) but higher is better: check the direction`,
      );
    if (draft.direction === 'lower-is-better' && targetValue > b)
      problems.push(
        `The target (${targetValue}) is above the baseline (${round(b)}) but lower is better: check the direction`,
      );
  }
  if (problems.length > 0 || !baseline.ok || !isNumber(targetValue))
    return refuse('VALIDATION', problems.join('; '), { problems });
  return ok({
    name: draft.name.trim(),
    definition: draft.definition.trim(),
    unit: draft.unit,
    share: draft.share
      ? {
          partLabel: draft.share.partLabel.trim(),
          wholeLabel: draft.share.wholeLabel.trim(),
          unit: draft.share.unit,
        }
      : null,
    direction: draft.direction,
    ownerId: draft.ownerId.trim(),
    frequency: draft.frequency,
    source: draft.source.trim(),
    theme: draft.theme,
    baseline: { ...baseline.value, date: draft.baseline.date },
    target: { value: targetValue, date: draft.target.date },
  });
}

const round = (value: number): number => Math.round(value * 100) / 100;

export function problemsOf(refusal: Refusal): string[] {
  const problems = refusal.details?.['problems'];
  return Array.isArray(problems) ? problems.map(String) : [refusal.message];
}

/** The theme numbers a plan has, for checking the theme a KPI or milestone is attached to. */
export const planThemes = (plan: Plan): number[] =>
  [
    ...new Set(plan.sections.flatMap((s) => (s.definition.theme === undefined ? [] : [s.definition.theme]))),
  ].sort((a, b) => a - b);

// ------------------------------------------------------------------------------------ authorisation

/**
 * KPIs and milestones are part of the plan's content, so the plan lead manages them, and so do the
 * people writing the plan's KPI or milestone section.
 */
export function mayManageKpis(plan: Plan, actorId: PersonId): boolean {
  return (
    actorId === plan.leadId ||
    plan.sections.some(
      (s) =>
        (s.definition.kind === 'kpis' || s.definition.kind === 'milestones') && canEditSection(s, actorId),
    )
  );
}

export function onlyKpiManagers(plan: Plan, actorId: PersonId, what: string): Refusal | null {
  return mayManageKpis(plan, actorId)
    ? null
    : {
        code: 'NOT_ALLOWED',
        message: `Only the plan lead or the people writing the plan’s KPIs can ${what}.`,
      };
}

/** A check-in is the owner's; the plan lead may record one for them (an owner away, a late return). */
export function onlyKpiOwnerOrLead(plan: Plan, kpi: Kpi, actorId: PersonId): Refusal | null {
  return actorId === kpi.ownerId || actorId === plan.leadId
    ? null
    : {
        code: 'NOT_ALLOWED',
        message: `Only the owner of "${kpi.name}" or the plan lead can record its value.`,
      };
}

/** The new KPI from a checked definition. */
export function newKpi(
  id: string,
  planId: string,
  definition: KpiDefinition,
  by: PersonId,
  at: IsoDateTime,
): Kpi {
  return { ...definition, id, planId, revision: 1, retired: false, updatedBy: by, updatedAt: at };
}

/** Whether two definitions say the same thing (a repeated save changes nothing). */
export function sameDefinition(a: KpiDefinition, b: KpiDefinition): boolean {
  const pick = (k: KpiDefinition) => ({
    name: k.name,
    definition: k.definition,
    unit: k.unit,
    share: k.share,
    direction: k.direction,
    ownerId: k.ownerId,
    frequency: k.frequency,
    source: k.source,
    theme: k.theme,
    baseline: k.baseline,
    target: k.target,
  });
  return canonicalJson(pick(a)) === canonicalJson(pick(b));
}

/** A value as people read it: "4.2%", "£1,250", "12,400", "36.5 hours". */
export function formatKpiValue(value: number, unit: KpiUnit): string {
  switch (unit) {
    case 'percent':
      return formatPercent(value);
    case 'number':
      return formatFigure(value, 'count');
    default:
      return formatFigure(value, unit);
  }
}

/** A value with its basis, for a share: "4.2% (£4,200,000 of £100,000,000)". */
export function describeMeasurement(kpi: Pick<KpiDefinition, 'unit' | 'share'>, m: Measurement): string {
  const shown = formatKpiValue(m.value, kpi.unit);
  if (!kpi.share || m.part === null || m.whole === null) return shown;
  return `${shown} (${formatFigure(m.part, kpi.share.unit)} of ${formatFigure(m.whole, kpi.share.unit)})`;
}
