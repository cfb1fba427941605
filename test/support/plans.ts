/** Plans built from the shipped templates, for tests that need realistic data. */
import { randomUUID } from 'node:crypto';
import { createPlan } from '../../src/domain/plan/create-plan.js';
import type { Plan } from '../../src/domain/plan/plan.js';
import type { RichText } from '../../src/domain/sections/rich-text.js';
import type { PlanTemplate } from '../../src/domain/templates/template.js';
import type { ReportFormat } from '../../src/domain/templates/report-format.js';
import { decide } from '../../src/domain/workflow/decide.js';
import type { Command } from '../../src/domain/plan/commands.js';
import type { AuditEntry } from '../../src/domain/plan/events.js';
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

export interface TestPlanOptions {
  readonly formatId?: string;
  readonly format?: ReportFormat;
  readonly template?: PlanTemplate;
  readonly id?: string;
}

export function newTestPlan(options: TestPlanOptions = {}): { plan: Plan; audit: AuditEntry } {
  const format =
    options.format ?? catalog.reportFormats.find((f) => f.id === (options.formatId ?? 'durham-cabinet'));
  if (!format) throw new Error(`no format ${options.formatId}`);
  const preferred: Record<string, string[]> = {
    'chief-finance-officer': [demoPeople.finance],
    'monitoring-officer': [demoPeople.legal],
    'management-team': [...demoPeople.cmt],
    'portfolio-holder': [demoPeople.portfolio],
  };
  // Every role the format has: the people above where they fit, the chief executive for the rest.
  const roles: Record<string, string[]> = {};
  for (const role of format.roles) {
    if (role.key === 'plan-lead') continue;
    roles[role.key] = preferred[role.key] ?? (role.group ? [...demoPeople.cmt] : [demoPeople.chiefExecutive]);
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

export function applyAll(plan: Plan, steps: readonly [Command, string][]): Plan {
  let current = plan;
  for (const [command, actor] of steps) {
    const result = decide(current, command, { id: actor }, T0);
    if (!result.ok) throw new Error(`${command.type}: ${result.error.code} ${result.error.message}`);
    current = result.value.plan;
  }
  return current;
}

/** Every required section written by its owner (the demo owner where unassigned) and accepted. */
export function acceptedEverywhere(plan: Plan): Plan {
  let current = plan;
  for (const section of plan.sections.filter((s) => s.definition.required)) {
    const key = section.definition.key;
    const owner = section.ownerId ?? demoPeople.owner;
    current = applyAll(current, [
      ...(section.ownerId
        ? []
        : [
            [
              { type: 'assignSection', sectionKey: key, ownerId: owner, contributorIds: [], dueDate: null },
              plan.leadId,
            ] as [Command, string],
          ]),
      [
        {
          type: 'editSection',
          sectionKey: key,
          baseRevision: 0,
          content: text(`About ${section.definition.title}.`),
        },
        owner,
      ],
      [{ type: 'submitSection', sectionKey: key }, owner],
      [{ type: 'acceptSection', sectionKey: key }, plan.leadId],
    ]);
  }
  return current;
}

/** A format whose chain is one management-team endorsement with the given rule, then the decision. */
export function managementTeamOnlyFormat(
  rule: ReportFormat['approvalChain'][number]['rule'] = { kind: 'all' },
): ReportFormat {
  const base = catalog.reportFormats.find((f) => f.id === 'durham-cabinet')!;
  return {
    ...base,
    id: 'test-management-team-only',
    approvalChain: [
      {
        key: 'management-team',
        title: 'Management team endorsement',
        kind: 'endorsement',
        approverRoles: ['management-team'],
        rule,
        mandatoryRoles: [],
      },
      base.approvalChain.at(-1)!,
    ],
  };
}
