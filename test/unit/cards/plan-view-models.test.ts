import { describe, expect, it } from 'vitest';
import { approvalCard } from '../../../src/cards/approval-card.js';
import {
  approvalViewFromPlan,
  changesRequestedViewFromPlan,
  daysOverdue,
  mySectionsViewFromPlans,
  sectionAssignmentViewFromPlan,
  statusViewFromPlan,
} from '../../../src/cards/plan-view-models.js';
import { statusCard } from '../../../src/cards/status-cards.js';
import { tally } from '../../../src/domain/approvals/rule.js';
import { contentHash } from '../../../src/domain/documents/content-hash.js';
import type { Command } from '../../../src/domain/plan/commands.js';
import type { Plan } from '../../../src/domain/plan/plan.js';
import { findStage } from '../../../src/domain/plan/plan.js';
import {
  acceptedEverywhere,
  applyAll,
  managementTeamOnlyFormat,
  newTestPlan,
  paragraph,
  testPeople,
} from '../../support/fixtures/index.js';
import { checkCard } from './support/schema-1-5.js';
import { titles } from './support/inspect.js';

/** The i-th management team member. */
const cmt = (i: number): string => testPeople.cmt[i]!;
const nameOf = (id: string) => `Name of ${id.slice(-3)}`;
const DOC = 'https://example.sharepoint.com/doc.docx';

/** The management team stage open (5 of 12 must approve), two approvals, one request, one delegation. */
function underWay(): Plan {
  const { plan } = newTestPlan({ format: managementTeamOnlyFormat({ kind: 'quorum', n: 5 }) });
  const ready = applyAll(acceptedEverywhere(plan), [
    [{ type: 'startApprovals', delivery: { kind: 'one-to-one' } }, testPeople.lead],
  ]);
  const respond = (decision: 'approve' | 'request-changes', comment: string | null) => ({
    type: 'respond' as const,
    stageKey: 'management-team',
    decision,
    comment,
    versionHash: contentHash(ready),
  });
  return applyAll(ready, [
    [respond('approve', null), cmt(0)],
    [respond('approve', 'Good.'), cmt(1)],
    [respond('request-changes', 'Add figures.'), cmt(2)],
    [
      { type: 'delegate', stageKey: 'management-team', approverId: cmt(3), deputyId: testPeople.owner },
      cmt(3),
    ],
  ]);
}

const context = (viewerId: string | null) => ({
  nameOf,
  documentUrl: DOC,
  changes: null,
  viewerId,
  deputyCandidates: [testPeople.owner, testPeople.contributor, cmt(5), ...(viewerId ? [viewerId] : [])],
  refreshIdOf: (id: string) => `29:${id}`,
});

describe('approvalViewFromPlan', () => {
  const plan = underWay();
  const stage = findStage(plan, 'management-team')!;

  it('counts as the domain does, and words the rule as the domain does', () => {
    const view = approvalViewFromPlan(plan, 'management-team', context(null))!;
    const counted = tally(stage);
    expect(view.tally.approved.map((e) => e.name)).toEqual(counted.approved.map(nameOf));
    expect(view.tally.changesRequested).toEqual([
      { name: nameOf(cmt(2)), comment: 'Add figures.', deputyName: null },
    ]);
    expect(view.tally.approved[1]).toEqual({ name: nameOf(cmt(1)), comment: 'Good.', deputyName: null });
    expect(view.tally.waiting).toEqual(counted.waiting.map(nameOf));
    expect(view.tally.needed).toBe(5);
    expect(view.rule).toBe('5 of 12 must approve');
    expect(view).toMatchObject({
      state: 'open',
      round: 1,
      versionHash: stage.boundHash,
      version: stage.boundVersion,
      // T0 is 3 June 2024, 09:00 UTC: the day it went round in England.
      versionDate: '2024-06-03',
    });
  });

  it('words a rule with those who must approve among them as a sentence, by their role', () => {
    const { plan: fresh } = newTestPlan({
      format: {
        ...managementTeamOnlyFormat({ kind: 'quorum', n: 3 }),
        approvalChain: managementTeamOnlyFormat({ kind: 'quorum', n: 3 }).approvalChain.map((s, i) =>
          i === 0
            ? {
                ...s,
                approverRoles: ['management-team', 'chief-executive'],
                mandatoryRoles: ['chief-executive'],
              }
            : s,
        ),
      },
    });
    const opened = applyAll(acceptedEverywhere(fresh), [
      [{ type: 'startApprovals', delivery: { kind: 'one-to-one' } }, testPeople.lead],
    ]);
    const view = approvalViewFromPlan(opened, 'management-team', context(null))!;
    const count = findStage(opened, 'management-team')!.approverIds.length;
    const title = opened.roleDefinitions.find((r) => r.key === 'chief-executive')!.title;
    expect(view.rule).toBe(`3 of ${count} must approve, including the ${title}`);
  });

  it('refreshes exactly the waiting approvers, then their deputies, as Teams ids', () => {
    const view = approvalViewFromPlan(plan, 'management-team', context(null))!;
    const waiting = tally(stage).waiting;
    expect(waiting).toHaveLength(9);
    expect(view.refreshUserIds).toEqual([...waiting, testPeople.owner].map((id) => `29:${id}`));
    expect(approvalCard(view).refresh?.userIds).toEqual(view.refreshUserIds);
  });

  it('gives a waiting approver buttons, with deputies who are not approvers or themselves', () => {
    const view = approvalViewFromPlan(plan, 'management-team', context(cmt(4)))!;
    expect(view.viewer).toEqual({
      kind: 'approver',
      onBehalfOf: null,
      deputies: [testPeople.owner, testPeople.contributor].map((id) => ({ id, name: nameOf(id) })),
    });
    expect(titles(approvalCard(view))).toContain('Approve');
  });

  it('gives a deputy the buttons of the approver they answer for', () => {
    const view = approvalViewFromPlan(plan, 'management-team', context(testPeople.owner))!;
    expect(view.viewer).toEqual({
      kind: 'approver',
      onBehalfOf: { id: cmt(3), name: nameOf(cmt(3)) },
      deputies: [],
    });
  });

  it('gives someone who answered, a stranger, and everyone the shared view (its buttons decided on the server)', () => {
    for (const viewerId of [cmt(0), cmt(2), testPeople.lead, null]) {
      const view = approvalViewFromPlan(plan, 'management-team', context(viewerId))!;
      expect(view.viewer).toEqual({ kind: 'everyone' });
      expect(titles(approvalCard(view))).toEqual([
        `Open version ${view.version}`,
        'Approve',
        'Request changes',
        'Send request for changes',
      ]);
    }
  });

  it('is null for a stage that has not opened or does not exist', () => {
    const { plan: fresh } = newTestPlan({ format: managementTeamOnlyFormat() });
    expect(approvalViewFromPlan(fresh, 'management-team', context(null))).toBeNull();
    expect(approvalViewFromPlan(plan, 'no-such-stage', context(null))).toBeNull();
  });

  it('a closed stage has no refresh list and no buttons', () => {
    const respond = { type: 'respond' as const, stageKey: 'management-team', decision: 'approve' as const };
    const closed = applyAll(
      plan,
      [cmt(4), cmt(5), cmt(6)].map((id): [Command, string] => [
        { ...respond, comment: null, versionHash: contentHash(plan) },
        id,
      ]),
    );
    const view = approvalViewFromPlan(closed, 'management-team', context(cmt(7)))!;
    expect(view.state).toBe('approved');
    expect(view.refreshUserIds).toEqual([]);
    expect(view.viewer).toEqual({ kind: 'everyone' });
    expect(approvalCard(view).refresh).toBeUndefined();
  });
});

describe('statusViewFromPlan', () => {
  it('reports the sections, coverage, pages and the stage under way, and makes a valid card', () => {
    const plan = underWay();
    const view = statusViewFromPlan(plan, { nameOf, planUrl: 'https://example.com/plan' });
    expect(view.sections).toHaveLength(plan.sections.length);
    expect(view.currentStage).toEqual({
      title: 'Management team endorsement',
      state: 'open',
      approved: 2,
      needed: 5,
      waiting: 9,
    });
    expect(view.planStatus).toBe('in-approval');
    expect(checkCard(statusCard(view)).ok).toBe(true);
  });

  it('names the first stage while none has opened', () => {
    const { plan } = newTestPlan({ format: managementTeamOnlyFormat() });
    const view = statusViewFromPlan(plan, { nameOf, planUrl: 'https://example.com/plan' });
    expect(view.currentStage).toMatchObject({ title: 'Management team endorsement', state: 'waiting' });
  });
});

describe('section views', () => {
  const { plan } = newTestPlan();
  const key = plan.sections.find((s) => s.definition.promptQuestions.length > 0)!.definition.key;
  const assigned = applyAll(plan, [
    [
      {
        type: 'assignSection',
        sectionKey: key,
        ownerId: testPeople.owner,
        contributorIds: [],
        dueDate: '2024-07-03',
      },
      testPeople.lead,
    ],
  ]);

  it('the assignment view carries the guidance, the questions and the due date', () => {
    const section = assigned.sections.find((s) => s.definition.key === key)!;
    const view = sectionAssignmentViewFromPlan(assigned, key, {
      sectionUrl: 'https://x.example/s',
      assignedByName: 'Lead',
    })!;
    expect(view).toMatchObject({
      planId: assigned.id,
      sectionKey: key,
      sectionTitle: section.definition.title,
      guidance: section.definition.guidance,
      dueDate: '2024-07-03',
      revision: section.revision,
    });
    expect(view.promptQuestions).toEqual(section.definition.promptQuestions.map((q) => q.text));
    expect(
      sectionAssignmentViewFromPlan(assigned, 'nope', { sectionUrl: 'https://x', assignedByName: null }),
    ).toBeNull();
  });

  it('the changes-requested view exists only while changes are requested', () => {
    const url = { sectionUrl: 'https://x.example/s', nameOf };
    expect(changesRequestedViewFromPlan(assigned, key, url)).toBeNull();
    const requested = applyAll(assigned, [
      [
        { type: 'editSection', sectionKey: key, baseRevision: 0, content: paragraph('Draft.') },
        testPeople.owner,
      ],
      [{ type: 'submitSection', sectionKey: key }, testPeople.owner],
      [{ type: 'requestSectionChanges', sectionKey: key, comment: 'More detail.' }, testPeople.lead],
    ]);
    expect(changesRequestedViewFromPlan(requested, key, url)).toMatchObject({
      comment: 'More detail.',
      requestedByName: nameOf(testPeople.lead),
    });
  });

  it('my sections lists what the person still has to do, soonest first, with days overdue', () => {
    const view = mySectionsViewFromPlans([assigned], testPeople.owner, {
      today: '2024-07-05',
      sectionUrl: (p, k) => `https://x.example/${p.id}/${k}`,
    });
    expect(view.sections).toEqual([
      expect.objectContaining({
        dueDate: '2024-07-03',
        daysOverdue: 2,
        sectionUrl: `https://x.example/${assigned.id}/${key}`,
      }),
    ]);
    expect(
      mySectionsViewFromPlans([assigned], 'someone-else', {
        today: '2024-07-05',
        sectionUrl: () => 'https://x',
      }).sections,
    ).toEqual([]);
  });

  it('daysOverdue is null until the day after the due date', () => {
    expect(daysOverdue('2024-07-03', '2024-07-03')).toBeNull();
    expect(daysOverdue('2024-07-03', '2024-07-02')).toBeNull();
    expect(daysOverdue('2024-07-03', '2024-07-04')).toBe(1);
    expect(daysOverdue('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysOverdue(null, '2024-07-04')).toBeNull();
    expect(daysOverdue('not a date', '2024-07-04')).toBeNull();
  });
});
