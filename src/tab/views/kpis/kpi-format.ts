/** KPIs in words: values in their units, RAG status spelt out (colour is never the only signal). */
import type { Kpi, RagResult } from '../../../shared/kpi-api.js';

const numbers = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const pounds = new Intl.NumberFormat('en-GB', {
  style: 'currency',
  currency: 'GBP',
  maximumFractionDigits: 0,
});

export function formatValue(kpi: Pick<Kpi, 'unit'>, value: number): string {
  switch (kpi.unit) {
    case 'currency-gbp':
      return pounds.format(value);
    case 'percent':
      return `${numbers.format(Math.round(value * 10) / 10)}%`;
    case 'hours':
      return `${numbers.format(value)} hours`;
    default:
      return numbers.format(value);
  }
}

export const RAG_WORDS: Readonly<Record<RagResult['status'], string>> = {
  green: 'Green: on track',
  amber: 'Amber: behind the trajectory',
  red: 'Red: no better than the baseline',
  none: 'No status yet',
};

export const RAG_COLOUR: Readonly<
  Record<RagResult['status'], 'success' | 'warning' | 'danger' | 'informative'>
> = { green: 'success', amber: 'warning', red: 'danger', none: 'informative' };

export const DIRECTION_WORDS = {
  'higher-is-better': 'Higher is better',
  'lower-is-better': 'Lower is better',
} as const;

export const FREQUENCY_WORDS = { monthly: 'Monthly', quarterly: 'Quarterly', annually: 'Annually' } as const;

export const UNIT_WORDS = {
  'currency-gbp': 'Pounds (£)',
  count: 'A count',
  hours: 'Hours',
  percent: 'A percentage',
  number: 'A number',
} as const;

/**
 * The unit a KPI's name says it is in ("% of spend with local firms", "Percentage of calls answered"):
 * what a new KPI starts with until someone picks a unit, so a percentage is never offered as a count or £.
 */
export function unitSaidBy(name: string): keyof typeof UNIT_WORDS | null {
  if (/%|\bper ?cent(age)?s?\b|\bproportion\b|\bshare of\b/i.test(name)) return 'percent';
  if (/£|\bpounds\b/i.test(name)) return 'currency-gbp';
  if (/\bhours\b/i.test(name)) return 'hours';
  return null;
}

/** The problems a refusal lists (details.problems), or its message alone. */
export function problemsIn(error: unknown): string[] {
  const details = (error as { details?: Readonly<Record<string, unknown>> } | null)?.details;
  const problems = details?.['problems'];
  return Array.isArray(problems) ? problems.map(String) : [];
}
