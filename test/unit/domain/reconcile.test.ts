import { describe, expect, it } from 'vitest';
import { contentHash } from '../../../src/domain/documents/content-hash.js';
import type { Plan } from '../../../src/domain/plan/plan.js';
import { reconcile } from '../../../src/domain/workflow/reconcile.js';
import { must, paragraph, readyForApproval, stage, T0, testPeople } from '../../support/fixtures/index.js';

/** What a store holds after a save that wrote some items and not others. */
function withStage(
  plan: Plan,
  key: string,
  change: (s: Plan['stages'][number]) => Plan['stages'][number],
): Plan {
  return { ...plan, stages: plan.stages.map((s) => (s.key === key ? change(s) : s)) };
}

describe('reconcile', () => {
  it('closes a stage whose stored responses meet its rule, opens the next, and is idempotent', () => {
    const plan = must(
      readyForApproval(),
      { type: 'startApprovals', delivery: { kind: 'one-to-one' } },
      testPeople.lead,
    ).plan;
    const hash = contentHash(plan);
    // Both officers' responses landed, but the stage item was never updated.
    const partial = withStage(plan, 'implications', (s) => ({
      ...s,
      responses: [testPeople.finance, testPeople.legal].map((id) => ({
        round: 1,
        approverId: id,
        responderId: id,
        decision: 'approve' as const,
        comment: null,
        at: T0,
        hash,
      })),
    }));
    const once = reconcile(partial, T0);
    expect(stage(once.plan, 'implications').state).toBe('approved');
    expect(stage(once.plan, 'management-team')).toMatchObject({ state: 'open', round: 1, boundHash: hash });
    expect(once.events.map((e) => e.type)).toEqual(['StageApproved', 'StageOpened']);
    const twice = reconcile(once.plan, T0);
    expect(twice.events).toEqual([]);
    expect(twice.plan).toEqual(once.plan);
  });

  it('reopens approvals bound to the old hash when an unfinished save changed the content', () => {
    const plan = must(
      readyForApproval(),
      { type: 'startApprovals', delivery: { kind: 'one-to-one' } },
      testPeople.lead,
    ).plan;
    // A section item was rewritten, but the plan and stage items were not.
    const partial: Plan = {
      ...plan,
      sections: plan.sections.map((s) =>
        s.definition.key === 'theme-1'
          ? { ...s, content: paragraph('changed'), revision: s.revision + 1 }
          : s,
      ),
    };
    const result = reconcile(partial, T0);
    expect(result.plan.contentVersion).toBe(plan.contentVersion);
    expect(stage(result.plan, 'implications').state).toBe('waiting');
    expect(result.events).toContainEqual(
      expect.objectContaining({ type: 'ApprovalsReopened', stageKeys: ['implications'] }),
    );
    expect(reconcile(result.plan, T0).events).toEqual([]);
  });
});
