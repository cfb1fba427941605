/** Sample view models for every card, and a hostile variant of each, where every piece of user text is `evil`. */
import type { ApprovalCardView, ApprovalViewer } from '../../../../src/cards/approval-card.js';
import type { OutcomeView } from '../../../../src/cards/outcome-card.js';
import type {
  ChangesRequestedView,
  EscalationView,
  ReminderView,
  SectionAssignmentView,
} from '../../../../src/cards/section-cards.js';
import type { MySectionsView, StatusView } from '../../../../src/cards/status-cards.js';

export const HASH = 'a3f9c1e0'.repeat(8);
export const OLD_HASH = '0b1c2d3e'.repeat(8);
export const SECTION_URL =
  'https://teams.microsoft.com/l/entity/app-id/plan?context=%7B%22subEntityId%22%3A%22s1%22%7D';
export const DOC_URL = 'https://council.sharepoint.com/sites/plans/Shared%20Documents/plan-v4.docx';

export const HOSTILE = {
  link: '[click](https://evil.example)',
  mention: '<at>CEO</at>',
  bold: '**bold**',
  heading: '# heading',
  script: 'javascript:alert(1)',
  long: 'A'.repeat(4990) + ' [x](http://e.x)',
} as const;

/** Every hostile string together, so one card shows them all. */
export const EVIL = Object.values(HOSTILE).slice(0, 5).join(' ');

export function assignmentView(text = (s: string) => s): SectionAssignmentView {
  return {
    planId: 'plan-1',
    planTitle: text('Productivity Plan 2024'),
    sectionKey: 'theme-1',
    sectionTitle: text('Theme 1: Transformation'),
    revision: 3,
    sectionUrl: SECTION_URL,
    guidance: text('Explain how services have been redesigned, and what it saved.'),
    promptQuestions: [text('How has the council transformed?'), text('What are the savings?')],
    dueDate: '2024-07-03',
    wordBudget: 600,
    assignedByName: text('Alex Lead'),
  };
}

export function changesView(text = (s: string) => s): ChangesRequestedView {
  return {
    planId: 'plan-1',
    planTitle: text('Productivity Plan 2024'),
    sectionKey: 'theme-1',
    sectionTitle: text('Theme 1: Transformation'),
    revision: 4,
    sectionUrl: SECTION_URL,
    comment: text('Please add the 2023/24 figures.'),
    requestedByName: text('Alex Lead'),
  };
}

export function reminderView(
  timing: ReminderView['timing'] = { kind: 'overdue', daysOverdue: 2 },
  text = (s: string) => s,
): ReminderView {
  return {
    planId: 'plan-1',
    planTitle: text('Productivity Plan 2024'),
    sectionKey: 'theme-1',
    sectionTitle: text('Theme 1: Transformation'),
    revision: 3,
    sectionUrl: SECTION_URL,
    dueDate: '2024-07-03',
    timing,
  };
}

export function escalationView(text = (s: string) => s): EscalationView {
  return {
    planTitle: text('Productivity Plan 2024'),
    planUrl: SECTION_URL,
    overdue: [
      { sectionTitle: text('Theme 1'), ownerName: text('Sam Owner'), dueDate: '2024-07-03', daysOverdue: 2 },
      { sectionTitle: text('Theme 2'), ownerName: null, dueDate: '2024-07-01', daysOverdue: 4 },
    ],
  };
}

export const APPROVERS = Array.from({ length: 8 }, (_, i) => `aad-${i}`);

export function approvalView(
  viewer: ApprovalViewer = { kind: 'everyone' },
  text = (s: string) => s,
): ApprovalCardView {
  return {
    planId: 'plan-1',
    planTitle: text('Productivity Plan 2024'),
    stageKey: 'management-team',
    stageTitle: text('Management team endorsement'),
    stageKind: 'endorsement',
    state: 'open',
    round: 2,
    version: 4,
    versionHash: HASH,
    versionDate: '2026-12-03',
    changes: [text('Theme 3 figures updated'), text('Foreword shortened')],
    documentUrl: DOC_URL,
    rule: text('5 of 8 must approve'),
    tally: {
      approved: [
        { name: text('Ann Approver'), comment: null, deputyName: null },
        { name: text('Bob Approver'), comment: text('Good work.'), deputyName: text('Dee Deputy') },
      ],
      changesRequested: [
        { name: text('Cat Critic'), comment: text('Section 2 needs numbers.'), deputyName: null },
      ],
      waiting: APPROVERS.slice(3).map((id) => text(`Person ${id}`)),
      needed: 5,
    },
    refreshUserIds: APPROVERS.slice(3),
    viewer,
    notice: null,
  };
}

export const approverViewer = (text = (s: string) => s): ApprovalViewer => ({
  kind: 'approver',
  onBehalfOf: null,
  deputies: [
    { id: 'aad-deputy-1', name: text('Dee Deputy') },
    { id: 'aad-deputy-2', name: text('Eve Deputy') },
  ],
});

export const deputyViewer = (text = (s: string) => s): ApprovalViewer => ({
  kind: 'approver',
  onBehalfOf: { id: 'aad-3', name: text('Person aad-3') },
  deputies: [],
});

export function outcomeViews(text = (s: string) => s): OutcomeView[] {
  const tally = approvalView(undefined, text).tally;
  return [
    {
      kind: 'stage-closed',
      outcome: 'approved',
      planTitle: text('Productivity Plan 2024'),
      stageTitle: text('Management team endorsement'),
      stageKind: 'endorsement',
      version: 4,
      versionHash: HASH,
      tally: { ...tally, waiting: [] },
      documentUrl: DOC_URL,
      nextStep: text('The portfolio holder is asked to sign off.'),
    },
    {
      kind: 'stage-closed',
      outcome: 'changes-requested',
      planTitle: text('Productivity Plan 2024'),
      stageTitle: text('Section 151 officer sign-off'),
      stageKind: 'sign-off',
      version: 4,
      versionHash: HASH,
      tally,
      documentUrl: DOC_URL,
      nextStep: null,
    },
    {
      kind: 'decision-recorded',
      planTitle: text('Productivity Plan 2024'),
      meetingBody: text('Cabinet'),
      meetingDate: '2024-07-23',
      minuteReference: text('CAB 24/31'),
      outcome: 'approved-with-amendments',
      callInEndsOn: '2024-07-30',
      version: 4,
      versionHash: HASH,
      documentUrl: DOC_URL,
    },
  ];
}

export function statusView(text = (s: string) => s): StatusView {
  return {
    planTitle: text('Productivity Plan 2024'),
    planStatus: 'drafting',
    version: 7,
    sections: [
      { title: text('Foreword'), status: 'accepted', ownerName: text('Alex Lead'), dueDate: '2024-06-20' },
      { title: text('Theme 1'), status: 'drafting', ownerName: text('Sam Owner'), dueDate: '2024-07-03' },
      { title: text('Theme 2'), status: 'not-started', ownerName: null, dueDate: null },
    ],
    coverage: { answered: 10, notApplicable: 2, missing: 13 },
    pages: { pages: 8.5, minPages: 6, maxPages: 12, status: 'within' },
    currentStage: {
      title: text('Management team endorsement'),
      state: 'open',
      approved: 2,
      needed: 5,
      waiting: 5,
    },
    planUrl: SECTION_URL,
  };
}

export function mySectionsView(text = (s: string) => s): MySectionsView {
  return {
    sections: [
      {
        planTitle: text('Productivity Plan 2024'),
        sectionTitle: text('Theme 1'),
        status: 'drafting',
        dueDate: '2024-07-03',
        daysOverdue: 2,
        sectionUrl: SECTION_URL,
      },
      {
        planTitle: text('Productivity Plan 2024'),
        sectionTitle: text('Theme 2'),
        status: 'not-started',
        dueDate: null,
        daysOverdue: null,
        sectionUrl: SECTION_URL,
      },
    ],
  };
}
