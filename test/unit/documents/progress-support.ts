/** A realistic progress update: a published plan, four KPIs (one of each status), milestones, a summary. */
import type { ProgressUpdateInput } from '../../../src/domain/documents/assemble-progress-update.js';
import type { Kpi, KpiDraft, KpiValue } from '../../../src/domain/kpis/kpi.js';
import { newKpi, validateKpiDefinition } from '../../../src/domain/kpis/kpi.js';
import { periodFromKey } from '../../../src/domain/kpis/periods.js';
import type { Milestone } from '../../../src/domain/kpis/milestone.js';
import { agencyShareDraft, onlineDraft, publishedPlan, testPeople } from '../../support/fixtures/index.js';

export const plan = publishedPlan({ id: 'progress-plan', on: '2024-06-28' });

const define = (draft: KpiDraft, id: string, updatedAt = '2024-07-01T09:00:00Z'): Kpi => {
  const definition = validateKpiDefinition(draft, { themes: [1, 2, 3, 4] });
  if (!definition.ok) throw new Error(definition.error.message);
  return newKpi(id, plan.id, definition.value, testPeople.lead, updatedAt);
};

export const agency = define(agencyShareDraft(), 'kpi-agency');
export const online = define(onlineDraft(), 'kpi-online');
export const complaints = define(
  onlineDraft({
    name: 'Complaints answered within 10 working days',
    definition: 'Stage 1 complaints answered in time, as a percentage of those closed in the quarter.',
    unit: 'percent',
    frequency: 'quarterly',
    theme: 1,
    baseline: { value: 80, date: '2024-03-31' },
    target: { value: 95, date: '2025-03-31' },
    source: 'Complaints system',
  }),
  'kpi-complaints',
);
export const ediHours = define(
  onlineDraft({
    name: 'Staff hours of EDI training',
    definition: 'Hours of equality, diversity and inclusion training completed by staff in the year.',
    unit: 'hours',
    frequency: 'annually',
    theme: 3,
    baseline: { value: 2_000, date: '2024-03-31' },
    target: { value: 4_000, date: '2026-03-31' },
    source: 'Learning system',
  }),
  'kpi-edi',
);

export function value(
  kpi: Kpi,
  periodKey: string,
  v: number,
  commentary: string | null = null,
  basis: { part: number; whole: number } | null = null,
): KpiValue {
  const period = periodFromKey(periodKey)!;
  return {
    kpiId: kpi.id,
    planId: plan.id,
    periodKey,
    asOf: period.end,
    measurement: { value: v, part: basis?.part ?? null, whole: basis?.whole ?? null },
    commentary,
    recordedBy: kpi.ownerId,
    recordedAt: `${period.end}T16:00:00Z`,
    correctedBy: null,
    correctedAt: null,
  };
}

export const values: KpiValue[] = [
  value(agency, 'FY2024-25-Q1', 4, 'Fewer locums.', { part: 1_000_000, whole: 25_000_000 }),
  value(agency, 'FY2024-25-Q2', 4.1, 'Winter pressures came early.', { part: 1_025_000, whole: 25_000_000 }),
  ...(
    [
      ['2024-04', 10_400],
      ['2024-05', 10_200],
      ['2024-06', 12_000],
      ['2024-07', 9_000],
      ['2024-09', 9_800],
    ] as const
  ).map(([key, v]) => value(online, key, v)),
  value(complaints, 'FY2024-25-Q1', 84),
  value(complaints, 'FY2024-25-Q2', 90, 'New triage in place.'),
];

function milestone(id: string, overrides: Partial<Milestone>): Milestone {
  return {
    id,
    planId: plan.id,
    title: id,
    ownerId: testPeople.owner,
    dueDate: '2024-12-31',
    theme: 3,
    status: 'not-started',
    completedOn: null,
    note: null,
    revision: 1,
    updatedBy: testPeople.owner,
    updatedAt: '2024-07-01T09:00:00Z',
    ...overrides,
  };
}

export const milestones: Milestone[] = [
  milestone('m-done', {
    title: 'Agency framework re-let',
    status: 'complete',
    completedOn: '2024-08-30',
    dueDate: '2024-09-01',
  }),
  milestone('m-late', {
    title: 'Triage pilot evaluated',
    status: 'complete',
    completedOn: '2024-09-20',
    dueDate: '2024-09-01',
    theme: 1,
  }),
  milestone('m-overdue', {
    title: 'Data strategy agreed',
    status: 'in-progress',
    dueDate: '2024-08-31',
    theme: 2,
  }),
  milestone('m-risk', {
    title: 'Shared service business case',
    status: 'at-risk',
    dueDate: '2024-11-30',
    note: 'Partner council delayed.',
  }),
  milestone('m-future', { title: 'New HR system live', dueDate: '2025-03-31', theme: null }),
];

export const people = {
  [testPeople.lead]: 'Alex Lead',
  [testPeople.owner]: 'Sam Owner',
};

export function progressInput(overrides: Partial<ProgressUpdateInput> = {}): ProgressUpdateInput {
  return {
    plan,
    period: periodFromKey('FY2024-25-Q2')!,
    kpis: [agency, online, complaints, ediHours, { ...define(onlineDraft(), 'kpi-retired'), retired: true }],
    values,
    milestones,
    summary:
      'A mixed quarter.\n\nAgency spend rose with early winter pressures; complaints handling improved.',
    people,
    version: 1,
    ...overrides,
  };
}
