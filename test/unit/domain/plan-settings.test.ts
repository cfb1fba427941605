/**
 * The plan lead's settings and the plan's lifecycle through the workflow: the title, every header value at
 * once, each stage's rule (never of an open round), archive and restore, delete only before any approval
 * round, each audited and refused to anyone else; and which required header rows would print empty.
 */
import { describe, expect, it } from 'vitest';
import { submissionChecks } from '../../../src/domain/checks/submission-checks.js';
import { decide } from '../../../src/domain/workflow/decide.js';
import { missingHeaderFields, missingHeaderSentence } from '../../../src/domain/plan/header-values.js';
import { ruleSentence } from '../../../src/domain/wording/approval-rule.js';
import {
  must,
  newSmallPlan,
  readyForApproval,
  refusal,
  smallFormat,
  stage,
  T0,
  testPeople,
} from '../../support/fixtures/index.js';

const lead = testPeople.lead;

describe('plan settings', () => {
  it('renames the plan for the lead only, trimmed, audited, and refuses an empty or overlong title', () => {
    const plan = newSmallPlan();
    const renamed = must(plan, { type: 'setTitle', title: '  Productivity Plan 2025 ' }, lead);
    expect(renamed.plan.title).toBe('Productivity Plan 2025');
    expect(renamed.audit).toMatchObject({ command: 'setTitle', actorId: lead });
    expect(refusal(plan, { type: 'setTitle', title: 'Mine' }, testPeople.owner)).toBe('NOT_ALLOWED');
    expect(refusal(plan, { type: 'setTitle', title: '   ' }, lead)).toBe('VALIDATION');
    expect(refusal(plan, { type: 'setTitle', title: 'x'.repeat(256) }, lead)).toBe('VALIDATION');
    expect(must(renamed.plan, { type: 'setTitle', title: 'Productivity Plan 2025' }, lead).changed).toBe(
      false,
    );
  });

  it('sets every header value at once, or none, naming each field that is wrong', () => {
    const plan = { ...newSmallPlan(), header: {} };
    const bad = decide(
      plan,
      { type: 'setHeaderFields', values: { keyDecision: 'yes', wards: 'All wards', nonsense: 'x' } },
      { id: lead },
      T0,
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.code).toBe('VALIDATION');
    expect(Object.keys(bad.error.details?.['fields'] as object).sort()).toEqual(['keyDecision', 'nonsense']);
    expect(bad.error.details?.['problems']).toHaveLength(2);

    const set = must(
      plan,
      { type: 'setHeaderFields', values: { keyDecision: true, wards: 'All wards' } },
      lead,
    );
    expect(set.plan.header).toEqual({ keyDecision: true, wards: 'All wards' });
    expect(set.audit?.summary).toBe('Set the report header: Key decision, Wards affected');
    // An empty text clears the value.
    expect(
      must(set.plan, { type: 'setHeaderFields', values: { wards: '  ' } }, lead).plan.header['wards'],
    ).toBe(null);
    expect(refusal(plan, { type: 'setHeaderFields', values: { wards: 'x' } }, testPeople.owner)).toBe(
      'NOT_ALLOWED',
    );
  });

  it('does not start approvals while a required header row would print empty, naming each one', () => {
    const plan = { ...readyForApproval(), header: { wards: 'Abbey' } };
    const refused = decide(
      plan,
      { type: 'startApprovals', delivery: { kind: 'one-to-one' } },
      { id: lead },
      T0,
    );
    expect(refused.ok ? null : refused.error).toMatchObject({
      code: 'HEADER_INCOMPLETE',
      details: { fields: [{ key: 'keyDecision', label: 'Key decision' }] },
    });
    expect(refused.ok ? '' : refused.error.message).toContain('Key decision');
    const filled = must(plan, { type: 'setHeaderFields', values: { keyDecision: false } }, lead).plan;
    expect(
      stage(
        must(filled, { type: 'startApprovals', delivery: { kind: 'one-to-one' } }, lead).plan,
        'implications',
      ).state,
    ).toBe('open');
  });

  it('names the required header rows that would print empty, in the format order', () => {
    // The fixtures fill every required row; this plan has none of them.
    const plan = { ...newSmallPlan(), header: {} };
    expect(missingHeaderFields(plan).map((f) => f.key)).toEqual(['keyDecision', 'wards']);
    expect(missingHeaderSentence(plan)).toBe('Key decision and Wards affected');
    const check = submissionChecks(plan).find((c) => c.key === 'report-header')!;
    expect(check).toMatchObject({ passed: false, blocking: false });
    expect(check.message).toContain('Key decision and Wards affected');
    const filled = must(
      plan,
      { type: 'setHeaderFields', values: { keyDecision: false, wards: 'Abbey' } },
      lead,
    );
    expect(missingHeaderSentence(filled.plan)).toBeNull();
    expect(submissionChecks(filled.plan).find((c) => c.key === 'report-header')!.passed).toBe(true);
  });

  it('counts a person field as filled by the holder of its role, as the report prints it', () => {
    const format = smallFormat();
    const withPerson = {
      ...format,
      headerFields: [
        ...format.headerFields,
        {
          key: 'report-of',
          label: 'Report of',
          type: 'person' as const,
          required: true,
          defaultRole: 'portfolio-holder',
        },
      ],
    };
    const plan = newSmallPlan(withPerson);
    expect(missingHeaderFields(plan).map((f) => f.key)).not.toContain('report-of');
    const nobody = must(plan, { type: 'bindRole', role: 'portfolio-holder', personIds: [] }, lead).plan;
    expect(missingHeaderFields(nobody).map((f) => f.key)).toContain('report-of');
  });

  it("changes a stage's rule while it is not open, from its next round; an open round keeps its rule", () => {
    const plan = newSmallPlan();
    const quorum = must(
      plan,
      {
        type: 'setStageRule',
        stageKey: 'management-team',
        rule: { kind: 'quorum', n: 2 },
        mandatoryRoles: [],
      },
      lead,
    );
    expect(stage(quorum.plan, 'management-team').rule).toEqual({ kind: 'quorum', n: 2 });
    expect(quorum.audit?.command).toBe('setStageRule');
    for (const rule of [
      { kind: 'quorum' as const, n: 0 },
      { kind: 'quorum' as const, n: 1.5 },
    ]) {
      expect(
        refusal(plan, { type: 'setStageRule', stageKey: 'management-team', rule, mandatoryRoles: [] }, lead),
      ).toBe('VALIDATION');
    }
    // Only the stage's own approvers can be made to approve.
    expect(
      refusal(
        plan,
        {
          type: 'setStageRule',
          stageKey: 'management-team',
          rule: { kind: 'all' },
          mandatoryRoles: ['chief-executive'],
        },
        lead,
      ),
    ).toBe('VALIDATION');
    expect(
      refusal(
        plan,
        { type: 'setStageRule', stageKey: 'cabinet', rule: { kind: 'all' }, mandatoryRoles: [] },
        lead,
      ),
    ).toBe('VALIDATION');
    expect(
      refusal(
        plan,
        { type: 'setStageRule', stageKey: 'nope', rule: { kind: 'all' }, mandatoryRoles: [] },
        lead,
      ),
    ).toBe('NOT_FOUND');
    const started = must(
      readyForApproval(),
      { type: 'startApprovals', delivery: { kind: 'one-to-one' } },
      lead,
    ).plan;
    expect(stage(started, 'implications').state).toBe('open');
    expect(
      refusal(
        started,
        { type: 'setStageRule', stageKey: 'implications', rule: { kind: 'any' }, mandatoryRoles: [] },
        lead,
      ),
    ).toBe('INVALID_STATE');
    // A stage still waiting can change while another is open.
    expect(
      must(
        started,
        { type: 'setStageRule', stageKey: 'management-team', rule: { kind: 'any' }, mandatoryRoles: [] },
        lead,
      ).changed,
    ).toBe(true);
  });

  it('archives (kept whole, only restoring allowed) and restores, audited, lead only', () => {
    const plan = newSmallPlan();
    const archived = must(plan, { type: 'archivePlan', archived: true }, lead);
    expect(archived.plan.lifecycle).toEqual({ state: 'archived', by: lead, at: T0 });
    expect(archived.plan.sections).toEqual(plan.sections);
    expect(archived.audit).toMatchObject({ command: 'archivePlan', summary: 'Archived the plan' });
    expect(refusal(archived.plan, { type: 'setTitle', title: 'Changed' }, lead)).toBe('INVALID_STATE');
    expect(refusal(plan, { type: 'archivePlan', archived: true }, testPeople.owner)).toBe('NOT_ALLOWED');
    const restored = must(archived.plan, { type: 'archivePlan', archived: false }, lead);
    expect(restored.plan.lifecycle).toBeUndefined();
    expect(must(restored.plan, { type: 'setTitle', title: 'Changed' }, lead).plan.title).toBe('Changed');
  });

  it('deletes only before any approval round, audited; a deleted plan answers nothing', () => {
    const plan = newSmallPlan();
    const deleted = must(plan, { type: 'deletePlan' }, lead);
    expect(deleted.plan.lifecycle?.state).toBe('deleted');
    expect(deleted.audit).toMatchObject({
      command: 'deletePlan',
      summary: 'Deleted the plan "Productivity Plan 2024"',
    });
    expect(refusal(deleted.plan, { type: 'setTitle', title: 'Back' }, lead)).toBe('NOT_FOUND');
    expect(refusal(plan, { type: 'deletePlan' }, testPeople.owner)).toBe('NOT_ALLOWED');
    const started = must(
      readyForApproval(),
      { type: 'startApprovals', delivery: { kind: 'one-to-one' } },
      lead,
    ).plan;
    expect(refusal(started, { type: 'deletePlan' }, lead)).toBe('INVALID_STATE');
  });
});

describe('rules as sentences', () => {
  it('says who must approve in words members read', () => {
    expect(ruleSentence({ rule: { kind: 'all' }, count: 5, mandatory: [] })).toBe('All 5 must approve');
    expect(ruleSentence({ rule: { kind: 'all' }, count: 1, mandatory: [] })).toBe(
      'The one person named must approve',
    );
    expect(ruleSentence({ rule: { kind: 'quorum', n: 3 }, count: 5, mandatory: ['Chief Executive'] })).toBe(
      '3 of 5 must approve, including the Chief Executive',
    );
    expect(ruleSentence({ rule: { kind: 'any' }, count: null, mandatory: [] })).toBe(
      'Any one of those named may approve',
    );
    expect(
      ruleSentence({ rule: { kind: 'quorum', n: 2 }, count: null, mandatory: ['Director', 'Treasurer'] }),
    ).toBe('2 of those named must approve, including the Director and Treasurer');
  });
});
