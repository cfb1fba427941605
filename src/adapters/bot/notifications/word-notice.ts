/** Every kind of notice and how it reads, family by family. */
import type { Notice, NoticeSubject } from '../../../ports/notices.js';
import {
  approvalCardClosed,
  approvalCardUpdated,
  approvalRequest,
  approvalsReopened,
  deputyNamed,
  stageOutcome,
} from './approval-wording.js';
import { decisionDue, decisionRecorded } from './decision-wording.js';
import type { NoticeContext, Worded, Wording } from './message.js';
import { escalation, sectionReminder } from './reminder-wording.js';
import {
  authorAgreed,
  sectionAssigned,
  sectionChangesRequested,
  sectionSubmitted,
} from './section-wording.js';

type WordingTable = { readonly [K in NoticeSubject['kind']]: Wording<K> };

const WORDING: WordingTable = {
  'approval-request': approvalRequest,
  'approval-card-updated': approvalCardUpdated,
  'approval-card-closed': approvalCardClosed,
  'stage-outcome': stageOutcome,
  'deputy-named': deputyNamed,
  'approvals-reopened': approvalsReopened,
  'decision-due': decisionDue,
  'decision-recorded': decisionRecorded,
  'section-assigned': sectionAssigned,
  'author-agreed': authorAgreed,
  'section-changes-requested': sectionChangesRequested,
  'section-submitted': sectionSubmitted,
  'section-reminder': sectionReminder,
  escalation,
};

export function wordNotice(notice: Notice, context: NoticeContext): Worded {
  const wording = WORDING[notice.subject.kind] as Wording<NoticeSubject['kind']>;
  return wording(notice.subject, context, notice);
}
