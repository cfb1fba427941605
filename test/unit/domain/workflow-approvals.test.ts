import { describe, expect, it } from 'vitest';
import { tally } from '../../../src/domain/approvals/rule.js';
import type { Command } from '../../../src/domain/plan/commands.js';
import type { Plan } from '../../../src/domain/plan/plan.js';
import { decide } from '../../../src/domain/workflow/decide.js';
import {
  hashOf,
  must,
  newSmallPlan,
  paragraph,
  readyForApproval,
  refusal,
  smallFormat,
  smallTeam,
  stage,
  T0,
  testPeople,
} from '../../support/fixtures/index.js';

type Respond = Extract<Command, { type: 'respond' }>;

const approve = (plan: Plan, stageKey: string, extra: Partial<Respond> = {}): Respond => ({
  type: 'respond',
  stageKey,
  decision: 'approve',
  comment: null,
  versionHash: hashOf(plan),
  ...extra,
});

function started(plan: Plan = readyForApproval()): Plan {
  return must(plan, { type: 'startApprovals', delivery: { kind: 'one-to-one' } }, testPeople.lead).plan;
}

/** Through implications sign-off, so the management team stage is open. */
function atManagementTeam(plan: Plan = started()): Plan {
  let current = plan;
  for (const officer of [testPeople.finance, testPeople.legal])
    current = must(current, approve(current, 'implications'), officer).plan;
  expect(stage(current, 'management-team').state).toBe('open');
  return current;
}

describe('starting approvals', () => {
  it('needs every required section accepted', () => {
    expect(
      refusal(newSmallPlan(), { type: 'startApprovals', delivery: { kind: 'one-to-one' } }, testPeople.lead),
    ).toBe('VALIDATION');
  });

  it('is for the plan lead only, and opens the first stage bound to the current hash', () => {
    const plan = readyForApproval();
    expect(
      refusal(plan, { type: 'startApprovals', delivery: { kind: 'one-to-one' } }, testPeople.owner),
    ).toBe('NOT_ALLOWED');
    const decided = must(plan, { type: 'startApprovals', delivery: { kind: 'one-to-one' } }, testPeople.lead);
    const first = stage(decided.plan, 'implications');
    expect(first).toMatchObject({
      state: 'open',
      round: 1,
      boundHash: hashOf(plan),
      boundVersion: plan.contentVersion + 1,
    });
    expect([...first.approverIds].sort()).toEqual([testPeople.finance, testPeople.legal].sort());
    expect(decided.events).toContainEqual(
      expect.objectContaining({ type: 'StageOpened', stageKey: 'implications' }),
    );
    expect(decided.plan.status).toBe('in-approval');
    expect(
      refusal(decided.plan, { type: 'startApprovals', delivery: { kind: 'one-to-one' } }, testPeople.lead),
    ).toBe('INVALID_STATE');
  });
});

describe('responding', () => {
  it('only the approvers of the open stage respond', () => {
    const plan = started();
    expect(refusal(plan, approve(plan, 'implications'), testPeople.stranger)).toBe('NOT_ALLOWED');
    expect(refusal(plan, approve(plan, 'implications'), testPeople.lead)).toBe('NOT_ALLOWED');
    expect(refusal(plan, approve(plan, 'management-team'), smallTeam[0])).toBe('INVALID_STATE');
  });

  it('a stage completes exactly when its rule is met, then the next one opens', () => {
    let plan = atManagementTeam();
    for (const [i, member] of smallTeam.entries()) {
      expect(stage(plan, 'management-team').state).toBe('open');
      const decided = must(plan, approve(plan, 'management-team'), member);
      plan = decided.plan;
      const last = i === smallTeam.length - 1;
      expect(decided.events.some((e) => e.type === 'StageApproved')).toBe(last);
    }
    expect(stage(plan, 'management-team').state).toBe('approved');
    expect(stage(plan, 'portfolio-holder').state).toBe('open');
  });

  it('quorum: 2 of 4 completes on the second approval', () => {
    let plan = atManagementTeam(
      started(readyForApproval(newSmallPlan(smallFormat({ kind: 'quorum', n: 2 })))),
    );
    plan = must(plan, approve(plan, 'management-team'), smallTeam[1]).plan;
    expect(stage(plan, 'management-team').state).toBe('open');
    plan = must(plan, approve(plan, 'management-team'), smallTeam[2]).plan;
    expect(stage(plan, 'management-team').state).toBe('approved');
  });

  it('a mandatory member must approve even when the quorum is met', () => {
    let plan = atManagementTeam(
      started(readyForApproval(newSmallPlan(smallFormat({ kind: 'quorum', n: 2 }, ['chief-executive'])))),
    );
    plan = must(plan, approve(plan, 'management-team'), smallTeam[1]).plan;
    plan = must(plan, approve(plan, 'management-team'), smallTeam[2]).plan;
    expect(stage(plan, 'management-team').state).toBe('open');
    plan = must(plan, approve(plan, 'management-team'), smallTeam[0]).plan;
    expect(stage(plan, 'management-team').state).toBe('approved');
  });

  it('a request for changes that makes the rule unreachable closes the stage', () => {
    let plan = atManagementTeam();
    expect(
      refusal(plan, { ...approve(plan, 'management-team'), decision: 'request-changes' }, smallTeam[0]),
    ).toBe('VALIDATION');
    const decided = must(
      plan,
      { ...approve(plan, 'management-team'), decision: 'request-changes', comment: 'More on data' },
      smallTeam[0],
    );
    plan = decided.plan;
    expect(stage(plan, 'management-team').state).toBe('changes-requested');
    expect(plan.status).toBe('drafting');
    expect(decided.events).toContainEqual(
      expect.objectContaining({ type: 'StageChangesRequested', stageKey: 'management-team' }),
    );
  });

  it('a second identical response is idempotent; a different one is refused', () => {
    const plan = started();
    const once = must(plan, approve(plan, 'implications'), testPeople.finance);
    const twice = must(once.plan, approve(plan, 'implications'), testPeople.finance);
    expect(twice.changed).toBe(false);
    expect(twice.plan).toBe(once.plan);
    expect(stage(twice.plan, 'implications').responses).toHaveLength(1);
    expect(
      refusal(
        once.plan,
        { ...approve(plan, 'implications'), decision: 'request-changes', comment: 'no' },
        testPeople.finance,
      ),
    ).toBe('ALREADY_RESPONDED');
  });

  it('a repeated click after the stage closed still changes nothing', () => {
    let plan = started();
    plan = must(plan, approve(plan, 'implications'), testPeople.finance).plan;
    const closing = approve(plan, 'implications');
    plan = must(plan, closing, testPeople.legal).plan;
    expect(stage(plan, 'implications').state).toBe('approved');
    expect(must(plan, closing, testPeople.legal).changed).toBe(false);
  });

  it('a response on an old version is refused', () => {
    const plan = started();
    const old = { ...approve(plan, 'implications'), versionHash: 'f'.repeat(64) };
    const result = decide(plan, old, { id: testPeople.finance }, T0);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('STALE_VERSION');
      expect(result.error.details).toMatchObject({ hash: hashOf(plan) });
    }
  });
});

describe('editing after approval', () => {
  it('re-opens the stages bound to the old hash and refuses clicks on the old card', () => {
    let plan = atManagementTeam();
    const oldHash = hashOf(plan);
    const oldCard = approve(plan, 'management-team');
    // The lead reopens a section; its owner edits it.
    plan = must(
      plan,
      { type: 'requestSectionChanges', sectionKey: 'theme-1', comment: 'One more line' },
      testPeople.lead,
    ).plan;
    const section = plan.sections.find((s) => s.definition.key === 'theme-1')!;
    const edited = must(
      plan,
      {
        type: 'editSection',
        sectionKey: 'theme-1',
        baseRevision: section.revision,
        content: paragraph('Changed text'),
      },
      testPeople.owner,
    );
    plan = edited.plan;
    expect(hashOf(plan)).not.toBe(oldHash);
    expect(edited.events).toContainEqual(
      expect.objectContaining({
        type: 'ApprovalsReopened',
        stageKeys: ['implications', 'management-team'],
        previousHash: oldHash,
      }),
    );
    expect(stage(plan, 'implications').state).toBe('waiting');
    expect(stage(plan, 'management-team').state).toBe('waiting');
    expect(plan.status).toBe('drafting');
    expect(refusal(plan, oldCard, smallTeam[0])).toBe('INVALID_STATE');

    // A new round binds the new hash; the old card still cannot approve it.
    plan = must(plan, { type: 'submitSection', sectionKey: 'theme-1' }, testPeople.owner).plan;
    plan = must(plan, { type: 'acceptSection', sectionKey: 'theme-1' }, testPeople.lead).plan;
    plan = started(plan);
    expect(stage(plan, 'implications')).toMatchObject({ state: 'open', round: 2, boundHash: hashOf(plan) });
    expect(
      refusal(plan, { ...approve(plan, 'implications'), versionHash: oldHash }, testPeople.finance),
    ).toBe('STALE_VERSION');
    expect(tally(stage(plan, 'implications')).approved).toEqual([]);
  });
});

describe('delegation', () => {
  it('a deputy can respond only once named, and the response counts for the approver', () => {
    let plan = atManagementTeam();
    const card = approve(plan, 'management-team');
    expect(refusal(plan, card, testPeople.deputy)).toBe('NOT_ALLOWED');
    expect(
      refusal(
        plan,
        {
          type: 'delegate',
          stageKey: 'management-team',
          approverId: smallTeam[1],
          deputyId: testPeople.deputy,
        },
        testPeople.stranger,
      ),
    ).toBe('NOT_ALLOWED');
    plan = must(
      plan,
      {
        type: 'delegate',
        stageKey: 'management-team',
        approverId: smallTeam[1],
        deputyId: testPeople.deputy,
      },
      smallTeam[1],
    ).plan;
    const decided = must(plan, card, testPeople.deputy);
    const response = stage(decided.plan, 'management-team').responses.at(-1)!;
    expect(response).toMatchObject({ approverId: smallTeam[1], responderId: testPeople.deputy });
    // The approver's own click finds the response already made for them; a different answer is refused.
    expect(must(decided.plan, card, smallTeam[1]).changed).toBe(false);
    expect(refusal(decided.plan, { ...card, decision: 'request-changes', comment: 'no' }, smallTeam[1])).toBe(
      'ALREADY_RESPONDED',
    );
    expect(refusal(plan, { ...card, onBehalfOf: smallTeam[2] }, testPeople.deputy)).toBe('NOT_ALLOWED');
  });

  it('a deputy cannot be someone who already answers for the stage', () => {
    const plan = atManagementTeam();
    expect(
      refusal(
        plan,
        { type: 'delegate', stageKey: 'management-team', approverId: smallTeam[1], deputyId: smallTeam[2] },
        testPeople.lead,
      ),
    ).toBe('VALIDATION');
  });
});

describe('decision and publication', () => {
  function atDecision(): Plan {
    let plan = atManagementTeam();
    for (const member of smallTeam) plan = must(plan, approve(plan, 'management-team'), member).plan;
    plan = must(plan, approve(plan, 'portfolio-holder'), testPeople.portfolio).plan;
    expect(plan.status).toBe('awaiting-decision');
    return plan;
  }

  const decision = (plan: Plan): Command => ({
    type: 'recordDecision',
    stageKey: 'cabinet',
    meetingBody: 'Cabinet',
    meetingDate: '2024-05-22',
    minuteReference: 'Minute 23/24',
    callInEndsOn: '2024-05-31',
    outcome: 'approved',
    versionHash: hashOf(plan),
  });

  it('the lead records the decision on the approved version; content is then frozen', () => {
    let plan = atDecision();
    expect(refusal(plan, decision(plan), testPeople.portfolio)).toBe('NOT_ALLOWED');
    plan = must(plan, decision(plan), testPeople.lead).plan;
    expect(plan.status).toBe('decided');
    expect(plan.decision).toMatchObject({ minuteReference: 'Minute 23/24', hash: hashOf(plan) });
    expect(refusal(plan, { type: 'setHeaderField', key: 'wards', value: 'All' }, testPeople.lead)).toBe(
      'INVALID_STATE',
    );
  });

  it('publishes once, with links, and records the submission', () => {
    let plan = atDecision();
    plan = must(plan, decision(plan), testPeople.lead).plan;
    const publish: Command = {
      type: 'publish',
      versionHash: hashOf(plan),
      links: [
        { label: 'Plan (web page)', url: 'https://contoso.sharepoint.com/sites/Plans/SitePages/plan.aspx' },
      ],
    };
    expect(
      refusal(plan, { ...publish, links: [{ label: 'x', url: 'javascript:alert(1)' }] }, testPeople.lead),
    ).toBe('VALIDATION');
    const published = must(plan, publish, testPeople.lead);
    expect(published.plan.status).toBe('published');
    expect(must(published.plan, publish, testPeople.lead).changed).toBe(false);
    const submitted = must(
      published.plan,
      {
        type: 'recordSubmission',
        to: 'productivityplans@levellingup.gov.uk',
        submittedOn: '2024-07-18',
        reference: null,
      },
      testPeople.lead,
    );
    expect(submitted.plan.submission?.submittedOn).toBe('2024-07-18');
  });
});
