import { describe, expect, it } from 'vitest';
import { mayManageKpis } from '../../../src/domain/kpis/kpi.js';
import {
  milestoneProgress,
  newMilestone,
  validateMilestoneDefinition,
  validateProgressChange,
  type Milestone,
} from '../../../src/domain/kpis/milestone.js';
import { applyAll, newTestPlan, testPeople } from '../../support/fixtures/index.js';

const base: Milestone = newMilestone(
  'm-1',
  'plan-1',
  { title: 'Agency framework re-let', ownerId: testPeople.owner, dueDate: '2024-09-30', theme: 3 },
  testPeople.lead,
  '2024-07-01T09:00:00Z',
);

describe('milestones', () => {
  it('need a title, an owner, a real due date and a theme of the plan', () => {
    expect(
      validateMilestoneDefinition(
        { title: ' Re-let ', ownerId: testPeople.owner, dueDate: '2024-09-30', theme: null },
        { themes: [1] },
      ),
    ).toEqual({
      ok: true,
      value: { title: 'Re-let', ownerId: testPeople.owner, dueDate: '2024-09-30', theme: null },
    });
    const bad = validateMilestoneDefinition(
      { title: '', ownerId: ' ', dueDate: '2024-02-30', theme: 5 },
      { themes: [1, 2] },
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!bad.ok)
      expect(bad.error.details?.['problems']).toEqual([
        'Give the milestone a title',
        'Name an owner',
        'Give the due date',
        'Theme 5 is not a theme of this plan',
      ]);
  });

  it('are complete only with a completion date that has come, and only complete ones have one', () => {
    const today = '2024-10-01';
    expect(
      validateProgressChange({ status: 'complete', completedOn: '2024-09-20', note: ' ' }, today),
    ).toEqual({
      ok: true,
      value: { status: 'complete', completedOn: '2024-09-20', note: null },
    });
    for (const change of [
      { status: 'complete' as const, completedOn: null, note: null },
      { status: 'complete' as const, completedOn: '2024-10-02', note: null },
      { status: 'in-progress' as const, completedOn: '2024-09-20', note: null },
      { status: 'at-risk' as const, completedOn: null, note: 'x'.repeat(1001) },
    ])
      expect(validateProgressChange(change, today).ok, JSON.stringify(change)).toBe(false);
  });

  it('are overdue once their date passes uncompleted, whatever the owner last said', () => {
    expect(milestoneProgress(base, '2024-09-30')).toMatchObject({ state: 'not-started', rag: 'green' });
    expect(milestoneProgress({ ...base, status: 'at-risk' }, '2024-09-01')).toMatchObject({
      state: 'at-risk',
      rag: 'amber',
    });
    expect(milestoneProgress({ ...base, status: 'in-progress' }, '2024-10-01')).toMatchObject({
      state: 'overdue',
      rag: 'red',
    });
    expect(
      milestoneProgress({ ...base, status: 'complete', completedOn: '2024-09-30' }, '2025-01-01'),
    ).toMatchObject({
      state: 'complete',
      rag: 'green',
    });
    expect(
      milestoneProgress({ ...base, status: 'complete', completedOn: '2024-10-03' }, '2025-01-01'),
    ).toMatchObject({
      state: 'complete-late',
      rag: 'amber',
    });
  });
});

describe('who manages KPIs and milestones', () => {
  it('is the plan lead and the people writing the plan’s KPI or milestone section, nobody else', () => {
    const plan = applyAll(newTestPlan().plan, [
      [
        {
          type: 'assignSection',
          sectionKey: 'kpis',
          ownerId: testPeople.owner,
          contributorIds: [testPeople.contributor],
          dueDate: null,
        },
        testPeople.lead,
      ],
    ]);
    expect(mayManageKpis(plan, testPeople.lead)).toBe(true);
    expect(mayManageKpis(plan, testPeople.owner)).toBe(true);
    expect(mayManageKpis(plan, testPeople.contributor)).toBe(true);
    expect(mayManageKpis(plan, testPeople.finance)).toBe(false);
    expect(mayManageKpis(newTestPlan().plan, testPeople.owner)).toBe(false);
  });
});
