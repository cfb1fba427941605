/** Plans built from the shipped templates, for tests that need realistic data. */
import { randomUUID } from 'node:crypto';
import { createPlan } from '../../src/domain/create-plan.js';
import type { Plan } from '../../src/domain/plan.js';
import type { RichText } from '../../src/domain/rich-text.js';
import type { PlanTemplate } from '../../src/domain/template.js';
import type { AuditEntry } from '../../src/domain/events.js';
import { loadCatalog } from '../../src/templates/load.js';

export const catalog = loadCatalog();

export const demoPeople = {
  lead: '00000000-0000-4000-8000-000000000001',
  owner: '00000000-0000-4000-8000-000000000002',
  contributor: '00000000-0000-4000-8000-000000000003',
  finance: '00000000-0000-4000-8000-000000000004',
  legal: '00000000-0000-4000-8000-000000000005',
  portfolio: '00000000-0000-4000-8000-000000000006',
  chiefExecutive: '00000000-0000-4000-8000-000000000007',
  cmt: Array.from(
    { length: 12 },
    (_, i) => `00000000-0000-4000-8000-0000000001${String(i).padStart(2, '0')}`,
  ),
} as const;

export const T0 = '2024-06-03T09:00:00Z';

export function text(value: string): RichText {
  return [{ type: 'paragraph', children: [{ type: 'text', text: value }] }];
}

/** A template with `count` narrative sections, for size tests. */
export function templateWithSections(count: number): PlanTemplate {
  const base = catalog.planTemplates[0]!;
  return {
    ...base,
    id: `${base.id}-x${count}`,
    sections: Array.from({ length: count }, (_, i) => ({
      ...base.sections[1]!,
      key: `section-${i}`,
      title: `Section ${i}`,
      promptQuestions: [],
      figures: [],
    })),
  };
}

export function newTestPlan(options: { formatId?: string; template?: PlanTemplate; id?: string } = {}): {
  plan: Plan;
  audit: AuditEntry;
} {
  const format = catalog.reportFormats.find((f) => f.id === (options.formatId ?? 'durham-cabinet'));
  if (!format) throw new Error(`no format ${options.formatId}`);
  const roles: Record<string, string[]> = {
    'chief-finance-officer': [demoPeople.finance],
    'monitoring-officer': [demoPeople.legal],
    'management-team': [...demoPeople.cmt],
    'portfolio-holder': [demoPeople.portfolio],
  };
  for (const role of format.roles) {
    if (!roles[role.key] && role.key !== 'plan-lead' && !role.group)
      roles[role.key] = [demoPeople.chiefExecutive];
  }
  const created = createPlan(
    options.template ?? catalog.planTemplates[0]!,
    format,
    { id: options.id ?? randomUUID(), title: 'Productivity Plan 2024', leadId: demoPeople.lead, roles },
    { id: demoPeople.lead },
    T0,
  );
  if (!created.ok) throw new Error(created.error.message);
  return { plan: created.value.plan, audit: created.value.audit };
}
