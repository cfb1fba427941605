/** Approvals that lead to a stage for the whole management team start only once the plan lead chose how it is reached. */
import { describe, expect, it } from 'vitest';
import { decide } from '../../../src/domain/workflow/decide.js';
import { must, readyForApproval, stage, T0, testPeople } from '../../support/fixtures/index.js';

const start = (delivery?: { kind: 'chat'; conversationKey: string } | { kind: 'one-to-one' }) => ({
  type: 'startApprovals' as const,
  ...(delivery ? { delivery } : {}),
});

describe('starting approvals with a management team stage ahead and no chat chosen', () => {
  it('is refused with CHOICE_NEEDED naming the stage, and nothing changes', () => {
    const plan = readyForApproval();
    const result = decide(plan, start(), { id: testPeople.lead }, T0);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('CHOICE_NEEDED');
    expect(result.error.details).toEqual({ choice: 'management-team-delivery', stageKey: 'management-team' });
    expect(result.error.message).toContain('Management team endorsement');
    expect(stage(plan, 'implications').state).toBe('waiting');
  });

  it('is for the plan lead before anything else: someone else is refused NOT_ALLOWED', () => {
    const result = decide(readyForApproval(), start(), { id: testPeople.owner }, T0);
    expect(!result.ok && result.error.code).toBe('NOT_ALLOWED');
  });

  it('starts with 1:1 chosen, leaving no chat bound', () => {
    const decided = must(readyForApproval(), start({ kind: 'one-to-one' }), testPeople.lead);
    expect(stage(decided.plan, 'implications').state).toBe('open');
    expect(decided.plan.managementTeamChat).toBeNull();
  });

  it('starts with a chat chosen, binding it in the same save', () => {
    const decided = must(
      readyForApproval(),
      start({ kind: 'chat', conversationKey: 'conversation:19:team@thread.v2' }),
      testPeople.lead,
    );
    expect(decided.plan.managementTeamChat).toBe('conversation:19:team@thread.v2');
    expect(stage(decided.plan, 'implications').state).toBe('open');
  });

  it('needs no choice once a chat is bound, and a chosen chat does not replace it', () => {
    const bound = { ...readyForApproval(), managementTeamChat: 'conversation:19:bound@thread.v2' };
    expect(must(bound, start(), testPeople.lead).plan.managementTeamChat).toBe(
      'conversation:19:bound@thread.v2',
    );
    const again = must(
      bound,
      start({ kind: 'chat', conversationKey: 'conversation:other' }),
      testPeople.lead,
    );
    expect(again.plan.managementTeamChat).toBe('conversation:19:bound@thread.v2');
  });
});
