/**
 * Contributions as councils make them: sections to follow, text from outside the council, joint authors,
 * "None" in one step, and stages that say what re-opens them.
 */
import { describe, expect, it } from 'vitest';
import { changedSinceAnswered } from '../../../src/domain/approvals/reopen-rule.js';
import { assembleDocument } from '../../../src/domain/documents/assemble-document.js';
import { contentHash } from '../../../src/domain/documents/content-hash.js';
import type { DocBlock } from '../../../src/domain/documents/document-model.js';
import type { Command } from '../../../src/domain/plan/commands.js';
import type { OutsideParty, Plan } from '../../../src/domain/plan/plan.js';
import { findSection } from '../../../src/domain/plan/plan.js';
import { submissionChecks } from '../../../src/domain/checks/submission-checks.js';
import { remindersDue } from '../../../src/domain/timeline/reminders.js';
import type { ApprovalStageTemplate, ReportFormat } from '../../../src/domain/templates/report-format.js';
import { loadCalendar } from '../../../src/templates/calendar-load.js';
import { actionsFor } from '../../../src/app/plans/my-actions.js';
import {
  must,
  newSmallPlan,
  paragraph,
  readyForApproval,
  refusal,
  smallFormat,
  smallTeam,
  stage,
  testPeople,
} from '../../support/fixtures/index.js';

const calendar = loadCalendar();

function withStages(
  changes: Partial<Record<string, Partial<ApprovalStageTemplate>>>,
  base: ReportFormat = smallFormat(),
): ReportFormat {
  return {
    ...base,
    approvalChain: base.approvalChain.map((s) => ({ ...s, ...(changes[s.key] ?? {}) })),
  };
}

const approveAll = (plan: Plan, stageKey: string): Plan => {
  let current = plan;
  for (const id of stage(current, stageKey).approverIds) {
    if (stage(current, stageKey).state !== 'open') break;
    current = must(
      current,
      {
        type: 'respond',
        stageKey,
        decision: 'approve',
        comment: null,
        versionHash: stage(current, stageKey).boundHash!,
      },
      id,
    ).plan;
  }
  return current;
};

const decision = (plan: Plan): Command => ({
  type: 'recordDecision',
  stageKey: 'cabinet',
  meetingBody: 'Cabinet',
  meetingDate: '2024-07-10',
  minuteReference: 'Min. 7',
  callInEndsOn: null,
  outcome: 'approved',
  versionHash: stage(plan, 'cabinet').boundHash ?? '',
});

const texts = (blocks: readonly DocBlock[]): string[] =>
  blocks.flatMap((b) =>
    b.type === 'paragraph'
      ? [b.runs.map((r) => r.text).join('')]
      : b.type === 'heading'
        ? [b.text]
        : b.type === 'table'
          ? b.rows.flat(2).map((line) => line.map((r) => r.text).join(''))
          : [],
  );

/** Accepted everywhere except the two sections marked to follow before approvals start. */
function withTwoToFollow(format: ReportFormat = smallFormat()): Plan {
  let plan = newSmallPlan(format);
  plan = must(
    plan,
    {
      type: 'setToFollow',
      sectionKey: 'theme-3',
      toFollow: { from: 'the Director of Finance', by: '2024-06-20' },
    },
    testPeople.lead,
  ).plan;
  plan = must(
    plan,
    {
      type: 'setToFollow',
      sectionKey: 'implications.legal',
      toFollow: { from: 'the Monitoring Officer', by: null },
    },
    testPeople.lead,
  ).plan;
  // Everything else written and accepted; the two awaited ones left as they are.
  const ready = readyForApproval(plan);
  return {
    ...ready,
    sections: ready.sections.map((s) =>
      s.definition.key === 'theme-3' || s.definition.key === 'implications.legal'
        ? plan.sections.find((p) => p.definition.key === s.definition.key)!
        : s,
    ),
  };
}

describe('sections to follow', () => {
  it('starts approvals without two awaited sections; the decision is refused until they land; the document shows placeholders', () => {
    let plan = withTwoToFollow();
    expect(plan.sections.filter((s) => s.toFollow !== null).map((s) => s.definition.key)).toEqual([
      'theme-3',
      'implications.legal',
    ]);
    plan = must(plan, { type: 'startApprovals', delivery: { kind: 'one-to-one' } }, testPeople.lead).plan;
    expect(stage(plan, 'implications').state).toBe('open');

    // The document says what is to follow, where it would be; never a silent gap.
    const lines = texts(assembleDocument(plan, smallFormat(), { signOffs: 'omit', people: {} }).blocks);
    expect(lines).toContain('To follow: awaited from the Director of Finance by 20 June 2024.');
    expect(lines).toContain('To follow: awaited from the Monitoring Officer.');

    // Sign-offs allow it; the decision stage (default) does not.
    for (const key of ['implications', 'management-team', 'portfolio-holder']) plan = approveAll(plan, key);
    expect(stage(plan, 'cabinet').state).toBe('open');
    const refused = refusal(plan, decision(plan), testPeople.lead);
    expect(refused).toBe('INVALID_STATE');
    expect(actionsFor(plan, testPeople.lead).find((a) => a.kind === 'record-decision')?.label).toMatch(
      /once “Theme three”, “Legal implications” have landed/,
    );

    // They land: written, submitted, accepted. Any-change stages re-open; the chain runs again.
    for (const key of ['theme-3', 'implications.legal']) {
      const section = findSection(plan, key)!;
      const owner = section.ownerId ?? testPeople.owner;
      const hashBefore = contentHash(plan);
      const statesBefore = plan.stages.map((s) => s.state);
      if (section.ownerId === null)
        plan = must(
          plan,
          { type: 'assignSection', sectionKey: key, ownerId: owner, contributorIds: [], dueDate: null },
          testPeople.lead,
        ).plan;
      plan = must(
        plan,
        {
          type: 'editSection',
          sectionKey: key,
          baseRevision: findSection(plan, key)!.revision,
          content: paragraph(`Arrived: ${key}`),
          ...(key === 'theme-3' ? { figures: { staffBudget: 1000, agencySpend: 50 } } : {}),
        },
        owner,
      ).plan;
      // Drafting an awaited section changes nothing approvers saw.
      expect(contentHash(plan)).toBe(hashBefore);
      expect(plan.stages.map((s) => s.state)).toEqual(statesBefore);
      plan = must(plan, { type: 'submitSection', sectionKey: key }, owner).plan;
      const accepted = must(plan, { type: 'acceptSection', sectionKey: key }, testPeople.lead);
      expect(accepted.events).toContainEqual(
        expect.objectContaining({ type: 'SectionLanded', sectionKey: key }),
      );
      plan = accepted.plan;
    }
    expect(plan.stages.every((s) => s.state === 'waiting')).toBe(true);
    plan = must(plan, { type: 'startApprovals', delivery: { kind: 'one-to-one' } }, testPeople.lead).plan;
    for (const key of ['implications', 'management-team', 'portfolio-holder']) plan = approveAll(plan, key);
    plan = must(plan, decision(plan), testPeople.lead).plan;
    expect(plan.status).toBe('decided');
    expect(
      texts(assembleDocument(plan, smallFormat(), { signOffs: 'include', people: {} }).blocks).join('\n'),
    ).not.toMatch(/To follow/);
  });

  it('a stage that does not allow it does not open, and a decision stage that allows it is recorded and published with the placeholder', () => {
    const strict = withStages({ implications: { allowsPending: false } });
    const blocked = withTwoToFollow(strict);
    const result = refusal(
      blocked,
      { type: 'startApprovals', delivery: { kind: 'one-to-one' } },
      testPeople.lead,
    );
    expect(result).toBe('INVALID_STATE');

    let plan = withTwoToFollow(withStages({ cabinet: { allowsPending: true } }));
    plan = must(plan, { type: 'startApprovals', delivery: { kind: 'one-to-one' } }, testPeople.lead).plan;
    for (const key of ['implications', 'management-team', 'portfolio-holder']) plan = approveAll(plan, key);
    plan = must(plan, decision(plan), testPeople.lead).plan;
    expect(plan.status).toBe('decided');
    plan = must(
      plan,
      {
        type: 'publish',
        versionHash: contentHash(plan),
        links: [{ label: 'Plan', url: 'https://example.org/p' }],
      },
      testPeople.lead,
    ).plan;
    expect(plan.status).toBe('published');
    expect(submissionChecks(plan).find((c) => c.key === 'to-follow')).toMatchObject({
      passed: false,
      blocking: false,
    });
  });

  it('is for the plan lead, names who it is awaited from, and is not for an accepted section', () => {
    const plan = readyForApproval();
    const mark = (key: string, from = 'the Leader'): Command => ({
      type: 'setToFollow',
      sectionKey: key,
      toFollow: { from, by: null },
    });
    expect(refusal(plan, mark('extra'), testPeople.owner)).toBe('NOT_ALLOWED');
    expect(refusal(plan, mark('extra', '  '), testPeople.lead)).toBe('VALIDATION');
    expect(refusal(plan, mark('extra', 'a\nb'), testPeople.lead)).toBe('VALIDATION');
    expect(refusal(plan, mark('theme-1'), testPeople.lead)).toBe('INVALID_STATE');
    const marked = must(plan, mark('extra'), testPeople.lead).plan;
    expect(must(marked, mark('extra'), testPeople.lead).changed).toBe(false);
    const cleared = must(
      marked,
      { type: 'setToFollow', sectionKey: 'extra', toFollow: null },
      testPeople.lead,
    );
    expect(findSection(cleared.plan, 'extra')!.toFollow).toBeNull();
  });
});

describe('the plan lead is told', () => {
  it('when a section to follow is past the date it was expected', () => {
    const plan = must(
      newSmallPlan(),
      { type: 'setToFollow', sectionKey: 'extra', toFollow: { from: 'the Leader', by: '2024-07-03' } },
      testPeople.lead,
    ).plan;
    expect(actionsFor(plan, testPeople.lead, '2024-07-03').some((a) => a.kind === 'chase')).toBe(false);
    expect(actionsFor(plan, testPeople.lead, '2024-07-04').find((a) => a.kind === 'chase')).toMatchObject({
      label: '“Optional extra” is to follow and overdue: awaited from the Leader',
      dueDate: '2024-07-03',
    });
  });
});

describe('what re-opens a stage', () => {
  const rules = withStages({
    implications: { reopens: 'sections', covers: ['implications.financial'] },
    'management-team': { reopens: 'draft' },
  });

  function revise(plan: Plan, key: string, text: string): Plan {
    const owner = findSection(plan, key)!.ownerId ?? testPeople.owner;
    let current = must(
      plan,
      { type: 'requestSectionChanges', sectionKey: key, comment: 'more' },
      testPeople.lead,
    ).plan;
    current = must(
      current,
      {
        type: 'editSection',
        sectionKey: key,
        baseRevision: findSection(current, key)!.revision,
        content: paragraph(text),
      },
      owner,
    ).plan;
    current = must(current, { type: 'submitSection', sectionKey: key }, owner).plan;
    return must(current, { type: 'acceptSection', sectionKey: key }, testPeople.lead).plan;
  }

  it("an edit to the foreword leaves the S151 officer's sign-off and the draft endorsement standing; an edit to the financial implications re-opens the sign-off only", () => {
    let plan = must(
      readyForApproval(newSmallPlan(rules)),
      { type: 'startApprovals', delivery: { kind: 'one-to-one' } },
      testPeople.lead,
    ).plan;
    plan = approveAll(plan, 'implications');
    plan = approveAll(plan, 'management-team');
    const endorsed = stage(plan, 'management-team');
    expect(endorsed).toMatchObject({ state: 'approved', boundVersion: 1 });

    plan = revise(plan, 'theme-1', 'The foreword arrived in July.');
    expect(stage(plan, 'implications').state).toBe('approved');
    expect(stage(plan, 'management-team')).toMatchObject({ state: 'approved', boundVersion: 1 });
    // The portfolio holder's sign-off was open on version 1: any change re-opens it.
    expect(stage(plan, 'portfolio-holder').state).toBe('waiting');
    plan = must(plan, { type: 'startApprovals', delivery: { kind: 'one-to-one' } }, testPeople.lead).plan;
    expect(stage(plan, 'portfolio-holder')).toMatchObject({ state: 'open', boundVersion: 2 });

    const reopened = revise(plan, 'implications.financial', 'There is a £2m saving.');
    expect(stage(reopened, 'implications').state).toBe('waiting');
    expect(stage(reopened, 'management-team').state).toBe('approved');
  });

  it('the audit says which version a draft endorsement endorsed, and what changed since each person approved', () => {
    let plan = must(
      readyForApproval(newSmallPlan(rules)),
      { type: 'startApprovals', delivery: { kind: 'one-to-one' } },
      testPeople.lead,
    ).plan;
    plan = approveAll(plan, 'implications');
    const response = must(
      plan,
      {
        type: 'respond',
        stageKey: 'management-team',
        decision: 'approve',
        comment: null,
        versionHash: stage(plan, 'management-team').boundHash!,
      },
      smallTeam[0],
    );
    expect(response.audit?.summary).toBe('Approved "Management team endorsement" on the draft, version 1');

    plan = revise(plan, 'implications.financial', 'New figures.');
    plan = revise(plan, 'theme-1', 'New theme text.');
    const since = changedSinceAnswered(plan, stage(plan, 'implications'), testPeople.finance);
    expect(since).toMatchObject({ version: 1, sectionKeys: ['theme-1', 'implications.financial'] });
    expect(changedSinceAnswered(plan, stage(plan, 'implications'), null)?.sectionKeys).toEqual([
      'theme-1',
      'implications.financial',
    ]);
  });
});

describe('text from outside the council', () => {
  const party = {
    organisation: 'County Chief Executives Group',
    contactName: 'Jane Smith',
    email: 'jane@county.example',
  };

  it('is chased by its officer (the reminders go to them), entered by them, and audited on whose behalf', () => {
    let plan = must(
      newSmallPlan(),
      {
        type: 'assignSection',
        sectionKey: 'extra',
        ownerId: testPeople.contributor,
        contributorIds: [],
        dueDate: '2024-07-12',
        outsideParty: party,
      },
      testPeople.lead,
    ).plan;
    expect(findSection(plan, 'extra')!.outsideParty).toEqual(party);
    const due = remindersDue(plan, '2024-07-12', calendar);
    expect(due.reminders.find((r) => r.sectionKey === 'extra')).toMatchObject({
      ownerId: testPeople.contributor,
      kind: 'due-today',
    });
    const late = remindersDue(plan, '2024-07-16', calendar);
    expect(late.escalation?.overdue).toContainEqual({
      sectionKey: 'extra',
      ownerId: testPeople.contributor,
      dueDate: '2024-07-12',
    });
    expect(actionsFor(plan, testPeople.contributor)[0]?.label).toBe(
      'Chase County Chief Executives Group for “Optional extra” and enter their text',
    );
    expect(actionsFor(plan, testPeople.lead, '2024-07-16').find((a) => a.kind === 'chase')).toMatchObject({
      label: '“Optional extra” is overdue: awaited from County Chief Executives Group',
      waitingFor: [testPeople.contributor],
    });

    const entered = must(
      plan,
      {
        type: 'editSection',
        sectionKey: 'extra',
        baseRevision: 0,
        content: paragraph('Agreed by the group.'),
      },
      testPeople.contributor,
    );
    expect(entered.audit).toMatchObject({
      actorId: testPeople.contributor,
      onBehalfOf: 'County Chief Executives Group (Jane Smith, jane@county.example)',
    });
    expect(entered.audit?.summary).toMatch(/on behalf of County Chief Executives Group/);
    plan = entered.plan;
    expect(
      remindersDue(
        must(plan, { type: 'submitSection', sectionKey: 'extra' }, testPeople.contributor).plan,
        '2024-07-16',
        calendar,
      ).reminders,
    ).toEqual([]);
  });

  it('names an organisation and a contact, and a real e-mail address', () => {
    const assign = (p: Partial<OutsideParty>): Command => ({
      type: 'assignSection',
      sectionKey: 'extra',
      ownerId: testPeople.contributor,
      contributorIds: [],
      dueDate: null,
      outsideParty: { ...party, ...p },
    });
    expect(refusal(newSmallPlan(), assign({ organisation: ' ' }), testPeople.lead)).toBe('VALIDATION');
    expect(refusal(newSmallPlan(), assign({ contactName: '' }), testPeople.lead)).toBe('VALIDATION');
    expect(refusal(newSmallPlan(), assign({ email: 'not an address' }), testPeople.lead)).toBe('VALIDATION');
    expect(refusal(newSmallPlan(), assign({ email: '<a@b.c>' }), testPeople.lead)).toBe('VALIDATION');
    expect(must(newSmallPlan(), assign({ email: null }), testPeople.lead).changed).toBe(true);
  });
});

describe('joint authors', () => {
  const joint: Command = {
    type: 'assignSection',
    sectionKey: 'extra',
    ownerId: testPeople.owner,
    contributorIds: [testPeople.contributor],
    dueDate: '2024-07-12',
    jointAuthors: true,
  };

  it('a joint foreword is submitted only when both authors have agreed to the same text', () => {
    let plan = must(newSmallPlan(), joint, testPeople.lead).plan;
    plan = must(
      plan,
      { type: 'editSection', sectionKey: 'extra', baseRevision: 0, content: paragraph('From us both.') },
      testPeople.owner,
    ).plan;
    const first = must(plan, { type: 'submitSection', sectionKey: 'extra' }, testPeople.owner);
    expect(findSection(first.plan, 'extra')!.status).toBe('drafting');
    expect(first.events).toEqual([
      expect.objectContaining({
        type: 'AuthorAgreed',
        authorId: testPeople.owner,
        outstanding: [testPeople.contributor],
      }),
    ]);
    // Each outstanding author is reminded; one who agreed is not.
    const reminded = remindersDue(first.plan, '2024-07-12', calendar).reminders.map((r) => r.ownerId);
    expect(reminded).toEqual([testPeople.contributor]);
    expect(
      actionsFor(first.plan, testPeople.lead, '2024-07-15').find((a) => a.kind === 'chase')?.waitingFor,
    ).toEqual([testPeople.contributor]);

    // The second author changes the text: the first must agree again.
    plan = must(
      first.plan,
      {
        type: 'editSection',
        sectionKey: 'extra',
        baseRevision: 1,
        content: paragraph('From us both, revised.'),
      },
      testPeople.contributor,
    ).plan;
    plan = must(plan, { type: 'submitSection', sectionKey: 'extra' }, testPeople.contributor).plan;
    expect(findSection(plan, 'extra')!.status).toBe('drafting');
    const last = must(plan, { type: 'submitSection', sectionKey: 'extra' }, testPeople.owner);
    expect(findSection(last.plan, 'extra')!.status).toBe('submitted');
    expect(last.events.map((e) => e.type)).toEqual(['AuthorAgreed', 'SectionSubmitted']);
    expect(must(last.plan, { type: 'submitSection', sectionKey: 'extra' }, testPeople.owner).changed).toBe(
      false,
    );
  });

  it('needs someone besides the owner', () => {
    expect(refusal(newSmallPlan(), { ...joint, contributorIds: [] } as Command, testPeople.lead)).toBe(
      'VALIDATION',
    );
  });
});

describe('"None" in one step', () => {
  it('an implications paragraph is completed as the format’s wording and submitted by its owner at once', () => {
    const format: ReportFormat = {
      ...smallFormat(),
      implications: {
        ...smallFormat().implications,
        noneText: 'There are no implications arising from this report.',
        headings: smallFormat().implications.headings.map((h) =>
          h.key === 'legal' ? { ...h, noneText: 'None.' } : h,
        ),
      },
    };
    const plan = newSmallPlan(format);
    const done = must(
      plan,
      { type: 'completeAsNone', sectionKey: 'implications.financial', baseRevision: 0 },
      testPeople.finance,
    );
    const section = findSection(done.plan, 'implications.financial')!;
    expect(section.status).toBe('submitted');
    expect(section.content).toEqual(paragraph('There are no implications arising from this report.'));
    expect(done.events.map((e) => e.type)).toEqual(['SectionEdited', 'SectionSubmitted']);
    expect(done.audit?.summary).toBe(
      'Completed "Financial implications" as “There are no implications arising from this report.”: submitted "Financial implications"',
    );
    expect(
      must(
        done.plan,
        { type: 'completeAsNone', sectionKey: 'implications.financial', baseRevision: 0 },
        testPeople.finance,
      ).changed,
    ).toBe(false);
    const legal = must(
      plan,
      { type: 'completeAsNone', sectionKey: 'implications.legal', baseRevision: 0 },
      testPeople.legal,
    );
    expect(findSection(legal.plan, 'implications.legal')!.content).toEqual(paragraph('None.'));
  });

  it('is refused to anyone but its owner, for a section without the wording, and over text written since', () => {
    const plan = newSmallPlan();
    expect(
      refusal(
        plan,
        { type: 'completeAsNone', sectionKey: 'implications.financial', baseRevision: 0 },
        testPeople.legal,
      ),
    ).toBe('NOT_ALLOWED');
    const assigned = must(
      plan,
      {
        type: 'assignSection',
        sectionKey: 'theme-1',
        ownerId: testPeople.owner,
        contributorIds: [],
        dueDate: null,
      },
      testPeople.lead,
    ).plan;
    expect(
      refusal(assigned, { type: 'completeAsNone', sectionKey: 'theme-1', baseRevision: 0 }, testPeople.owner),
    ).toBe('VALIDATION');
    const written = must(
      plan,
      {
        type: 'editSection',
        sectionKey: 'implications.financial',
        baseRevision: 0,
        content: paragraph('£2m.'),
      },
      testPeople.finance,
    ).plan;
    expect(
      refusal(
        written,
        { type: 'completeAsNone', sectionKey: 'implications.financial', baseRevision: 0 },
        testPeople.finance,
      ),
    ).toBe('STALE_VERSION');
  });
});

describe('optional sections', () => {
  it('an empty optional section is listed as not included in the submission checks', () => {
    expect(submissionChecks(readyForApproval()).find((c) => c.key === 'not-included')).toMatchObject({
      passed: false,
      blocking: false,
      message: expect.stringContaining('Optional extra'),
    });
  });
});
