/** KPIs and values for the domain tests: a realistic pair (a share that should fall, a count that should rise). */
import type { Kpi, KpiDraft, KpiValue } from '../../../src/domain/kpis/kpi.js';
import { newKpi, validateKpiDefinition } from '../../../src/domain/kpis/kpi.js';
import { periodFromKey } from '../../../src/domain/kpis/periods.js';

export const OWNER = '00000000-0000-4000-8000-000000000002';
export const LEAD = '00000000-0000-4000-8000-000000000001';
export const AT = '2024-07-10T09:00:00Z';

/** Agency spend as a share of the staff budget: 4.2% on 31 March 2024, to fall to 3% by 31 March 2026. */
export function agencyShareDraft(overrides: Partial<KpiDraft> = {}): KpiDraft {
  return {
    name: 'Agency spend as a share of the staff budget',
    definition: 'Spend on agency staff in the period divided by the staff budget for the period.',
    unit: 'percent',
    share: { partLabel: 'Agency spend', wholeLabel: 'Staff budget', unit: 'currency-gbp' },
    direction: 'lower-is-better',
    ownerId: OWNER,
    frequency: 'quarterly',
    source: 'General ledger, cost centre 4100',
    theme: 3,
    baseline: { part: 4_200_000, whole: 100_000_000, date: '2024-03-31' },
    target: { value: 3, date: '2026-03-31' },
    ...overrides,
  };
}

/** Online transactions a month: 10,000 in March 2024, to rise to 16,000 by March 2025. */
export function onlineDraft(overrides: Partial<KpiDraft> = {}): KpiDraft {
  return {
    name: 'Online transactions',
    definition: 'Transactions completed online without staff help, a month.',
    unit: 'count',
    share: null,
    direction: 'higher-is-better',
    ownerId: OWNER,
    frequency: 'monthly',
    source: 'Web analytics',
    theme: 2,
    baseline: { value: 10_000, date: '2024-03-31' },
    target: { value: 16_000, date: '2025-03-31' },
    ...overrides,
  };
}

export const THEMES = { themes: [1, 2, 3, 4] };

export function kpiFrom(draft: KpiDraft, id = 'kpi-1', planId = 'plan-1'): Kpi {
  const definition = validateKpiDefinition(draft, THEMES);
  if (!definition.ok) throw new Error(definition.error.message);
  return newKpi(id, planId, definition.value, LEAD, AT);
}

export function valueOf(
  kpi: Kpi,
  periodKey: string,
  value: number,
  commentary: string | null = null,
): KpiValue {
  const period = periodFromKey(periodKey);
  if (!period) throw new Error(periodKey);
  return {
    kpiId: kpi.id,
    planId: kpi.planId,
    periodKey,
    asOf: period.end,
    measurement: { value, part: null, whole: null },
    commentary,
    recordedBy: kpi.ownerId,
    recordedAt: AT,
    correctedBy: null,
    correctedAt: null,
  };
}
