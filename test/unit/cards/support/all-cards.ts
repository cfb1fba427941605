/** Every card the bot can send, each in its variants, built from the sample views. */
import { approvalCard, staleApprovalCard } from '../../../../src/cards/approval-card.js';
import type { AdaptiveCard } from '../../../../src/cards/elements.js';
import { outcomeCard } from '../../../../src/cards/outcome-card.js';
import {
  changesRequestedCard,
  escalationCard,
  reminderCard,
  sectionAssignmentCard,
} from '../../../../src/cards/section-cards.js';
import { helpCard, mySectionsCard, statusCard } from '../../../../src/cards/status-cards.js';
import {
  approvalView,
  approverViewer,
  assignmentView,
  changesView,
  deputyViewer,
  escalationView,
  mySectionsView,
  OLD_HASH,
  outcomeViews,
  reminderView,
  statusView,
} from './views.js';

export function allCards(text: (s: string) => string = (s) => s): [string, AdaptiveCard][] {
  return [
    ['section assignment', sectionAssignmentCard(assignmentView(text))],
    ['changes requested', changesRequestedCard(changesView(text))],
    ['reminder, upcoming', reminderCard(reminderView({ kind: 'upcoming', daysLeft: 3 }, text))],
    ['reminder, due today', reminderCard(reminderView({ kind: 'due-today' }, text))],
    ['reminder, overdue', reminderCard(reminderView({ kind: 'overdue', daysOverdue: 1 }, text))],
    ['escalation', escalationCard(escalationView(text))],
    ['approval, everyone', approvalCard(approvalView({ kind: 'everyone' }, text))],
    ['approval, approver', approvalCard(approvalView(approverViewer(text), text))],
    ['approval, deputy', approvalCard(approvalView(deputyViewer(text), text))],
    [
      'approval, first round',
      approvalCard({ ...approvalView(approverViewer(text), text), round: 1, changes: null }),
    ],
    ['approval, closed', approvalCard({ ...approvalView(approverViewer(text), text), state: 'approved' })],
    [
      'approval, with notice',
      approvalCard({
        ...approvalView(undefined, text),
        notice: { tone: 'good', text: text('Your approval is recorded.') },
      }),
    ],
    [
      'stale card',
      staleApprovalCard({ round: 1, versionHash: OLD_HASH }, approvalView(approverViewer(text), text)),
    ],
    ...outcomeViews(text).map((view): [string, AdaptiveCard] => [
      `outcome, ${view.kind}, ${view.outcome}`,
      outcomeCard(view),
    ]),
    ['status', statusCard(statusView(text))],
    ['my sections', mySectionsCard(mySectionsView(text))],
    ['my sections, none', mySectionsCard({ sections: [] })],
    ['help', helpCard()],
    ['help, unrecognised', helpCard(text('what is the weather'))],
    // How sections arrive, and what stages stand for (issue 15).
    [
      'section assignment, from outside the council',
      sectionAssignmentCard({
        ...assignmentView(text),
        contribution: {
          outsideParty: {
            organisation: text('County Chief Executives Group'),
            contactName: text('Jane Smith'),
            email: 'jane@county.example',
          },
          jointAuthors: null,
          toFollow: { from: text('the county group'), by: '2024-07-03' },
          noneText: null,
        },
      }),
    ],
    [
      'section assignment, joint authors with None',
      sectionAssignmentCard({
        ...assignmentView(text),
        contribution: {
          outsideParty: null,
          jointAuthors: { names: [text('Leader'), text('Chair')], outstanding: [text('Chair')] },
          toFollow: null,
          noneText: text('There are no specific implications arising from this report.'),
        },
      }),
    ],
    [
      'reminder, joint author',
      reminderCard({
        ...reminderView({ kind: 'overdue', daysOverdue: 2 }, text),
        contribution: {
          outsideParty: null,
          jointAuthors: { names: [text('Leader'), text('Chair')], outstanding: [text('Chair')] },
          toFollow: null,
          noneText: 'None.',
        },
      }),
    ],
    [
      'approval, covering some sections, with sections to follow',
      approvalCard({
        ...approvalView(approverViewer(text), text),
        scope: { rule: 'sections', covers: [text('Financial implications')] },
        toFollow: [{ title: text('Foreword'), from: text('the Leader'), by: '2024-07-03' }],
        changesSince: { version: 2, yours: true },
      }),
    ],
    [
      'approval, a draft endorsement',
      approvalCard({ ...approvalView({ kind: 'everyone' }, text), scope: { rule: 'draft' } }),
    ],
  ];
}
