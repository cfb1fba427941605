/**
 * Moving a plan to another report format before approvals start: the cover report's sections, the
 * approval chain, roles and header fields become the new format's; text moves to the section with the same
 * key or title; typed text the new format has no place for refuses the change and is named; once a round
 * has started the format is fixed.
 */
import { describe, expect, it } from 'vitest';
import { decide } from '../../../src/domain/workflow/decide.js';
import type { Plan } from '../../../src/domain/plan/plan.js';
import type { ReportFormat } from '../../../src/domain/templates/report-format.js';
import {
  must,
  newSmallPlan,
  paragraph,
  readyForApproval,
  refusal,
  smallFormat,
  T0,
  testPeople,
} from '../../support/fixtures/index.js';

const lead = testPeople.lead;

/** Another council's committee format: "Summary" under another key, reasons added, legal gone. */
function committeeFormat(): ReportFormat {
  const base = smallFormat();
  return {
    ...base,
    id: 'other-committee',
    council: 'Other Council',
    name: 'Committee report',
    decisionBody: 'Policy Committee',
    roles: base.roles.filter((r) => r.key !== 'monitoring-officer'),
    headerFields: [
      { key: 'wards', label: 'Wards affected', type: 'wards', required: true },
      { key: 'meetingDate', label: 'Meeting date', type: 'date', required: true },
    ],
    headings: [
      { key: 'exec-summary', title: 'Summary', kind: 'summary', numbered: false },
      { key: 'reasons', title: 'Reasons for the recommendation', kind: 'reasons', numbered: true },
      {
        key: 'implications',
        title: 'Implications',
        kind: 'implications',
        numbered: true,
        implicationKeys: ['financial', 'equalities'],
      },
    ],
    implications: {
      presentation: 'sections',
      headings: [
        { key: 'financial', title: 'Financial implications', completedByRole: 'chief-finance-officer' },
        { key: 'equalities', title: 'Equalities implications' },
      ],
    },
    authorisation: { title: 'Authorisation', roles: ['chief-finance-officer'] },
    approvalChain: [
      {
        key: 'finance',
        title: 'Finance sign-off',
        kind: 'sign-off',
        approverRoles: ['chief-finance-officer'],
        rule: { kind: 'all' },
        mandatoryRoles: [],
      },
      {
        key: 'committee',
        title: 'Policy Committee decision',
        kind: 'decision',
        approverRoles: [],
        rule: { kind: 'any' },
        mandatoryRoles: [],
      },
    ],
  };
}

function withText(plan: Plan, key: string, text: string): Plan {
  return {
    ...plan,
    sections: plan.sections.map((s) =>
      s.definition.key === key
        ? { ...s, content: paragraph(text), revision: s.revision + 1, status: 'drafting' }
        : s,
    ),
  };
}

const keys = (plan: Plan) => plan.sections.map((s) => s.definition.key);
const section = (plan: Plan, key: string) => plan.sections.find((s) => s.definition.key === key)!;

describe('changing the report format', () => {
  it('moves written text to the same section by key or title and takes the new chain, roles and header', () => {
    let plan = withText(newSmallPlan(), 'report.summary', 'We will grow.');
    plan = withText(plan, 'implications.financial', 'Costs £2m.');
    plan = withText(plan, 'theme-1', 'Theme text.');
    plan = { ...plan, header: { wards: 'All wards' } };
    const changed = must(plan, { type: 'changeReportFormat', format: committeeFormat() }, lead);
    const next = changed.plan;
    expect(next.reportFormatId).toBe('other-committee');
    expect(next.council).toBe('Other Council');
    expect(keys(next)).toEqual([
      'theme-1',
      'theme-3',
      'extra',
      'report.exec-summary',
      'report.reasons',
      'implications.financial',
      'implications.equalities',
    ]);
    // By title: "Summary" had another key; by key: the financial implications.
    expect(section(next, 'report.exec-summary').content).toEqual(paragraph('We will grow.'));
    expect(section(next, 'report.exec-summary').revision).toBe(1);
    expect(section(next, 'implications.financial').content).toEqual(paragraph('Costs £2m.'));
    expect(section(next, 'theme-1').content).toEqual(paragraph('Theme text.'));
    expect(section(next, 'report.reasons').content).toEqual([]);
    expect(next.stages.map((s) => s.key)).toEqual(['finance', 'committee']);
    expect(next.headerFields.map((f) => f.key)).toEqual(['wards', 'meetingDate']);
    expect(next.header).toEqual({ wards: 'All wards' });
    expect(next.roles['monitoring-officer']).toBeUndefined();
    expect(next.roles['plan-lead']).toEqual([lead]);
    expect(changed.audit).toMatchObject({ command: 'changeReportFormat', actorId: lead });
    expect(changed.audit?.summary).toMatch(
      /Committee report.*2 sections kept their text.*Monitoring officer/,
    );
  });

  it('refuses, naming each one, when typed text or a header value has no place in the new format', () => {
    let plan = withText(newSmallPlan(), 'implications.legal', 'Counsel advises the powers exist.');
    plan = { ...plan, header: { keyDecision: true, wards: 'All wards' } };
    const refused = decide(plan, { type: 'changeReportFormat', format: committeeFormat() }, { id: lead }, T0);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('UNPLACED_TEXT');
    expect(refused.error.details).toEqual({
      sections: [{ key: 'implications.legal', title: 'Legal implications' }],
      headerFields: [{ key: 'keyDecision', label: 'Key decision' }],
    });
    expect(refused.error.message).toContain('"Legal implications"');
    // Cleared, the change goes through; an empty section of the old format is simply not carried.
    const cleared = { ...withText(plan, 'implications.legal', ' '), header: { wards: 'All wards' } };
    expect(
      keys(must(cleared, { type: 'changeReportFormat', format: committeeFormat() }, lead).plan),
    ).not.toContain('implications.legal');
  });

  it('is the lead’s alone, changes nothing for the same format, and is fixed once a round has started', () => {
    const plan = newSmallPlan();
    expect(refusal(plan, { type: 'changeReportFormat', format: committeeFormat() }, testPeople.owner)).toBe(
      'NOT_ALLOWED',
    );
    expect(must(plan, { type: 'changeReportFormat', format: smallFormat() }, lead).changed).toBe(false);
    const started = must(
      { ...readyForApproval(), header: { keyDecision: false, wards: 'All wards' } },
      { type: 'startApprovals', delivery: { kind: 'one-to-one' } },
      lead,
    ).plan;
    const refused = decide(
      started,
      { type: 'changeReportFormat', format: committeeFormat() },
      { id: lead },
      T0,
    );
    expect(refused.ok ? null : refused.error).toMatchObject({
      code: 'INVALID_STATE',
      details: { reason: 'approvals-started' },
    });
  });
});
