/** A small template and report format built in code, so domain tests do not depend on shipped data. */
import type { Actor, Command } from '../../../src/domain/plan/commands.js';
import { contentHash } from '../../../src/domain/documents/content-hash.js';
import { createPlan } from '../../../src/domain/plan/create-plan.js';
import type { Plan } from '../../../src/domain/plan/plan.js';
import type { ApprovalRule, ReportFormat } from '../../../src/domain/templates/report-format.js';
import type { RichText } from '../../../src/domain/sections/rich-text.js';
import type { PlanTemplate, SourceRef } from '../../../src/domain/templates/template.js';
import { decide, type Decided } from '../../../src/domain/workflow/decide.js';

export const letter: SourceRef = { title: 'A letter', author: 'A minister', date: '2024-04-16' };

export const people = {
  lead: 'lead-0001',
  owner: 'owner-0002',
  contributor: 'contrib-0003',
  stranger: 'stranger-0004',
  finance: 'finance-0005',
  legal: 'legal-0006',
  cmt: ['cmt-a', 'cmt-b', 'cmt-c', 'cmt-d'],
  portfolio: 'portfolio-0007',
  deputy: 'deputy-0008',
} as const;

export const template: PlanTemplate = {
  id: 'test-plan',
  version: 1,
  name: 'Test plan',
  planType: 'test',
  issuedBy: 'Test department',
  sources: [letter],
  pageBudget: { minPages: 1, maxPages: 2, source: letter },
  submission: { deadline: '2024-07-19', to: 'plans@example.gov.uk', source: letter },
  requiredSteps: [],
  sections: [
    {
      key: 'theme-1',
      title: 'Theme one',
      kind: 'narrative',
      guidance: 'Say what you did.',
      wordBudget: 400,
      required: true,
      theme: 1,
      promptQuestions: [
        { id: 't1.q1', text: 'What changed?', source: letter },
        { id: 't1.q2', text: 'How do you measure it?', source: letter },
      ],
      figures: [],
    },
    {
      key: 'theme-3',
      title: 'Theme three',
      kind: 'narrative',
      guidance: 'Spend.',
      wordBudget: 400,
      required: true,
      theme: 3,
      promptQuestions: [
        { id: 't3.q1', text: 'What share is agency?', source: letter, figureKeys: ['agencyShare'] },
      ],
      figures: [
        { key: 'staffBudget', label: 'Total staff budget', kind: 'entered', unit: 'currency-gbp' },
        { key: 'agencySpend', label: 'Agency spend', kind: 'entered', unit: 'currency-gbp' },
        {
          key: 'agencyShare',
          label: 'Agency share',
          kind: 'share',
          numeratorKey: 'agencySpend',
          denominatorKey: 'staffBudget',
        },
      ],
    },
    {
      key: 'extra',
      title: 'Optional extra',
      kind: 'narrative',
      guidance: '',
      wordBudget: 100,
      required: false,
      promptQuestions: [],
      figures: [],
    },
  ],
};

export function formatWith(
  managementRule: ApprovalRule = { kind: 'all' },
  mandatoryRoles: string[] = [],
): ReportFormat {
  return {
    id: 'test-council',
    council: 'Test Council',
    name: 'Cabinet report',
    decisionBody: 'Cabinet',
    paragraphNumbering: 'by-section',
    roles: [
      { key: 'plan-lead', title: 'Plan lead', group: false },
      { key: 'chief-finance-officer', title: 'Chief finance officer', group: false },
      { key: 'monitoring-officer', title: 'Monitoring officer', group: false },
      { key: 'management-team', title: 'Management team', group: true },
      { key: 'chief-executive', title: 'Chief executive', group: false },
      { key: 'portfolio-holder', title: 'Cabinet member', group: false },
    ],
    headerFields: [
      { key: 'keyDecision', label: 'Key decision', type: 'boolean', required: true },
      { key: 'wards', label: 'Wards affected', type: 'wards', required: true },
    ],
    headings: [
      { key: 'summary', title: 'Summary', kind: 'summary', numbered: false },
      {
        key: 'implications',
        title: 'Implications',
        kind: 'implications',
        numbered: true,
        implicationKeys: ['financial', 'legal'],
      },
    ],
    implications: {
      presentation: 'sections',
      headings: [
        { key: 'financial', title: 'Financial implications', completedByRole: 'chief-finance-officer' },
        { key: 'legal', title: 'Legal implications', completedByRole: 'monitoring-officer' },
      ],
    },
    authorisation: { title: 'Authorisation', roles: ['chief-finance-officer', 'monitoring-officer'] },
    appendices: [{ key: 'plan', title: 'Appendix 1 - the plan', content: 'plan' }],
    approvalChain: [
      {
        key: 'implications',
        title: 'Implications sign-off',
        kind: 'sign-off',
        approverRoles: ['implication-officers'],
        rule: { kind: 'all' },
        mandatoryRoles: [],
      },
      {
        key: 'management-team',
        title: 'Management team endorsement',
        kind: 'endorsement',
        approverRoles: ['management-team'],
        rule: managementRule,
        mandatoryRoles,
      },
      {
        key: 'portfolio-holder',
        title: 'Cabinet member sign-off',
        kind: 'sign-off',
        approverRoles: ['portfolio-holder'],
        rule: { kind: 'all' },
        mandatoryRoles: [],
      },
      {
        key: 'cabinet',
        title: 'Cabinet decision',
        kind: 'decision',
        approverRoles: [],
        rule: { kind: 'any' },
        mandatoryRoles: [],
      },
    ],
  };
}

export const T0 = '2024-06-01T09:00:00.000Z';

export function paragraph(text: string): RichText {
  return [{ type: 'paragraph', children: [{ type: 'text', text }] }];
}

export function newPlan(format: ReportFormat = formatWith()): Plan {
  const created = createPlan(
    template,
    format,
    {
      id: 'plan-1',
      title: 'Productivity Plan 2024',
      leadId: people.lead,
      roles: {
        'chief-finance-officer': [people.finance],
        'monitoring-officer': [people.legal],
        'management-team': [...people.cmt],
        'portfolio-holder': [people.portfolio],
        'chief-executive': [people.cmt[0]],
      },
    },
    { id: people.lead },
    T0,
  );
  if (!created.ok) throw new Error(created.error.message);
  return created.value.plan;
}

/** Applies a command that must succeed and returns what it decided. */
export function must(plan: Plan, command: Command, actor: Actor | string): Decided {
  const result = decide(plan, command, typeof actor === 'string' ? { id: actor } : actor, T0);
  if (!result.ok) throw new Error(`${command.type} refused: ${result.error.code} ${result.error.message}`);
  return result.value;
}

export function refusal(plan: Plan, command: Command, actor: string): string {
  const result = decide(plan, command, { id: actor }, T0);
  if (result.ok) throw new Error(`${command.type} was expected to be refused`);
  return result.error.code;
}

/** Writes, submits and accepts every section that needs it, so approvals can start. */
export function readyForApproval(start: Plan = newPlan()): Plan {
  let plan = start;
  for (const section of plan.sections) {
    if (!section.definition.required) continue;
    const key = section.definition.key;
    const owner = section.ownerId ?? people.owner;
    if (section.ownerId === null) {
      plan = must(
        plan,
        { type: 'assignSection', sectionKey: key, ownerId: owner, contributorIds: [], dueDate: null },
        people.lead,
      ).plan;
    }
    const figures = section.definition.figureFields.some((f) => f.kind === 'entered')
      ? { staffBudget: 1000, agencySpend: 50 }
      : undefined;
    const current = plan.sections.find((s) => s.definition.key === key)!;
    plan = must(
      plan,
      {
        type: 'editSection',
        sectionKey: key,
        baseRevision: current.revision,
        content: paragraph(`Text of ${key}`),
        ...(figures ? { figures } : {}),
      },
      owner,
    ).plan;
    plan = must(plan, { type: 'submitSection', sectionKey: key }, owner).plan;
    plan = must(plan, { type: 'acceptSection', sectionKey: key }, people.lead).plan;
  }
  return plan;
}

export function stage(plan: Plan, key: string) {
  const found = plan.stages.find((s) => s.key === key);
  if (!found) throw new Error(`no stage ${key}`);
  return found;
}

export const hashOf = contentHash;
