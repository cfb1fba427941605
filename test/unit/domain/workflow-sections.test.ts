import { describe, expect, it } from 'vitest';
import { decide } from '../../../src/domain/workflow/decide.js';
import {
  hashOf,
  must,
  newSmallPlan,
  paragraph,
  refusal,
  T0,
  testPeople,
} from '../../support/fixtures/index.js';

const assign = (sectionKey = 'theme-1') =>
  ({
    type: 'assignSection',
    sectionKey,
    ownerId: testPeople.owner,
    contributorIds: [testPeople.contributor],
    dueDate: '2024-06-20',
  }) as const;

function assigned() {
  return must(newSmallPlan(), assign(), testPeople.lead).plan;
}

const edit = (baseRevision: number, text: string) =>
  ({ type: 'editSection', sectionKey: 'theme-1', baseRevision, content: paragraph(text) }) as const;

describe('assigning sections', () => {
  it('is for the plan lead only, and tells the owner', () => {
    expect(refusal(newSmallPlan(), assign(), testPeople.owner)).toBe('NOT_ALLOWED');
    const decided = must(newSmallPlan(), assign(), testPeople.lead);
    expect(decided.events).toContainEqual(
      expect.objectContaining({
        type: 'SectionAssigned',
        sectionKey: 'theme-1',
        ownerId: testPeople.owner,
        dueDate: '2024-06-20',
      }),
    );
    expect(decided.audit).toMatchObject({ actorId: testPeople.lead, command: 'assignSection' });
  });

  it('refuses an unknown section and a malformed due date', () => {
    expect(refusal(newSmallPlan(), assign('nope'), testPeople.lead)).toBe('NOT_FOUND');
    expect(refusal(newSmallPlan(), { ...assign(), dueDate: '20/06/2024' }, testPeople.lead)).toBe(
      'VALIDATION',
    );
  });

  it('is idempotent when repeated', () => {
    const plan = assigned();
    const again = must(plan, assign(), testPeople.lead);
    expect(again.changed).toBe(false);
    expect(again.events).toEqual([]);
    expect(again.audit).toBeNull();
  });
});

describe('editing sections', () => {
  it('is allowed to the owner and contributors, and no one else — not even the plan lead', () => {
    const plan = assigned();
    expect(must(plan, edit(0, 'by owner'), testPeople.owner).plan.sections[0]!.revision).toBe(1);
    expect(must(plan, edit(0, 'by contributor'), testPeople.contributor).plan.sections[0]!.lastEdit?.by).toBe(
      testPeople.contributor,
    );
    expect(refusal(plan, edit(0, 'by lead'), testPeople.lead)).toBe('NOT_ALLOWED');
    expect(refusal(plan, edit(0, 'by stranger'), testPeople.stranger)).toBe('NOT_ALLOWED');
  });

  it('refuses an edit based on an older revision, naming who changed it', () => {
    const plan = must(assigned(), edit(0, 'first'), testPeople.owner).plan;
    const result = decide(plan, edit(0, 'second, from a stale copy'), { id: testPeople.contributor }, T0);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('STALE_VERSION');
    expect(result.error.details).toMatchObject({ revision: 1, lastEdit: { by: testPeople.owner } });
    expect(plan.sections[0]!.content).toEqual(paragraph('first'));
  });

  it('treats an identical retried save as already done, whatever revision it names', () => {
    const plan = must(assigned(), edit(0, 'first'), testPeople.owner).plan;
    const retry = must(plan, edit(0, 'first'), testPeople.owner);
    expect(retry.changed).toBe(false);
    expect(retry.plan).toBe(plan);
  });

  it('changes the hash approvals bind to, but not the version number, which drafting leaves alone', () => {
    const plan = assigned();
    const edited = must(plan, edit(0, 'text'), testPeople.owner).plan;
    expect(hashOf(edited)).not.toBe(hashOf(plan));
    expect(edited.contentVersion).toBe(plan.contentVersion);
  });

  it('refuses hostile or malformed content with a clear validation error', () => {
    const plan = assigned();
    const script = [
      { type: 'paragraph', children: [{ type: 'link', href: 'javascript:alert(1)', text: 'x' }] },
    ];
    expect(
      refusal(
        plan,
        { type: 'editSection', sectionKey: 'theme-1', baseRevision: 0, content: script },
        testPeople.owner,
      ),
    ).toBe('VALIDATION');
    const rawHtml = [{ type: 'html', value: '<script>alert(1)</script>' }];
    expect(
      refusal(
        plan,
        { type: 'editSection', sectionKey: 'theme-1', baseRevision: 0, content: rawHtml },
        testPeople.owner,
      ),
    ).toBe('VALIDATION');
  });

  it('records prompt answers; not applicable needs a reason', () => {
    const plan = assigned();
    const answered = must(
      plan,
      {
        type: 'editSection',
        sectionKey: 'theme-1',
        baseRevision: 0,
        promptAnswers: { 't1.q1': { state: 'answered' } },
      },
      testPeople.owner,
    ).plan;
    expect(answered.sections[0]!.promptAnswers['t1.q1']).toEqual({ state: 'answered' });
    expect(
      refusal(
        plan,
        {
          type: 'editSection',
          sectionKey: 'theme-1',
          baseRevision: 0,
          promptAnswers: { 't1.q2': { state: 'not-applicable', reason: ' ' } },
        },
        testPeople.owner,
      ),
    ).toBe('VALIDATION');
    expect(
      refusal(
        plan,
        {
          type: 'editSection',
          sectionKey: 'theme-1',
          baseRevision: 0,
          promptAnswers: { 'tX.q9': { state: 'answered' } },
        },
        testPeople.owner,
      ),
    ).toBe('VALIDATION');
  });
});

describe('submitting and reviewing', () => {
  const written = () => must(assigned(), edit(0, 'done'), testPeople.owner).plan;

  it('needs content before submission', () => {
    expect(refusal(assigned(), { type: 'submitSection', sectionKey: 'theme-1' }, testPeople.owner)).toBe(
      'VALIDATION',
    );
  });

  it('only the plan lead accepts, and only a submitted section', () => {
    const plan = written();
    expect(refusal(plan, { type: 'acceptSection', sectionKey: 'theme-1' }, testPeople.lead)).toBe(
      'INVALID_STATE',
    );
    const submitted = must(plan, { type: 'submitSection', sectionKey: 'theme-1' }, testPeople.owner).plan;
    expect(refusal(submitted, { type: 'acceptSection', sectionKey: 'theme-1' }, testPeople.owner)).toBe(
      'NOT_ALLOWED',
    );
    const accepted = must(submitted, { type: 'acceptSection', sectionKey: 'theme-1' }, testPeople.lead).plan;
    expect(accepted.sections[0]!.status).toBe('accepted');
    expect(refusal(accepted, edit(1, 'more'), testPeople.owner)).toBe('INVALID_STATE');
  });

  it('a change request reaches the owner with the comment and reopens the section', () => {
    const submitted = must(
      written(),
      { type: 'submitSection', sectionKey: 'theme-1' },
      testPeople.owner,
    ).plan;
    expect(
      refusal(
        submitted,
        { type: 'requestSectionChanges', sectionKey: 'theme-1', comment: '  ' },
        testPeople.lead,
      ),
    ).toBe('VALIDATION');
    const decided = must(
      submitted,
      { type: 'requestSectionChanges', sectionKey: 'theme-1', comment: 'Add figures' },
      testPeople.lead,
    );
    expect(decided.events).toContainEqual(
      expect.objectContaining({
        type: 'SectionChangesRequested',
        ownerId: testPeople.owner,
        comment: 'Add figures',
      }),
    );
    const section = decided.plan.sections[0]!;
    expect(section.status).toBe('changes-requested');
    expect(must(decided.plan, edit(1, 'with figures'), testPeople.owner).plan.sections[0]!.status).toBe(
      'drafting',
    );
  });

  it('refuses a share over 100% and, on submission, a share without its basis', () => {
    let plan = must(newSmallPlan(), { ...assign('theme-3') }, testPeople.lead).plan;
    expect(
      refusal(
        plan,
        {
          type: 'editSection',
          sectionKey: 'theme-3',
          baseRevision: 0,
          figures: { staffBudget: 10, agencySpend: 20 },
        },
        testPeople.owner,
      ),
    ).toBe('VALIDATION');
    expect(
      refusal(
        plan,
        { type: 'editSection', sectionKey: 'theme-3', baseRevision: 0, figures: { agencySpend: -1 } },
        testPeople.owner,
      ),
    ).toBe('VALIDATION');
    plan = must(
      plan,
      {
        type: 'editSection',
        sectionKey: 'theme-3',
        baseRevision: 0,
        content: paragraph('x'),
        figures: { agencySpend: 20 },
      },
      testPeople.owner,
    ).plan;
    expect(refusal(plan, { type: 'submitSection', sectionKey: 'theme-3' }, testPeople.owner)).toBe(
      'VALIDATION',
    );
  });
});

describe("the management team's chat", () => {
  it('is chosen by the plan lead, from conversations only', () => {
    const plan = newSmallPlan();
    const command = {
      type: 'setManagementTeamChat',
      conversationKey: 'conversation:19:emt@thread.v2',
    } as const;
    expect(refusal(plan, command, testPeople.owner)).toBe('NOT_ALLOWED');
    expect(refusal(plan, { ...command, conversationKey: 'user:someone' }, testPeople.lead)).toBe(
      'VALIDATION',
    );
    const decided = must(plan, command, testPeople.lead);
    expect(decided.plan.managementTeamChat).toBe('conversation:19:emt@thread.v2');
    expect(decided.plan.contentVersion).toBe(plan.contentVersion);
  });
});
