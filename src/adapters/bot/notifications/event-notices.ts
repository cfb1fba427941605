/**
 * Which notices each kind of event sends, family by family (sections, approvals, the decision). Events
 * not listed tell nobody anything.
 */
import type { DomainEvent } from '../../../domain/plan/events.js';
import { findStage } from '../../../domain/plan/plan.js';
import type { OutgoingMessage } from '../../../ports/outbox.js';
import {
  approvalRequests,
  approvalsReopened,
  delegationChanged,
  managementTeamChatChosen,
  responseRecorded,
  stageClosed,
} from './approval-notices.js';
import { decisionDue, decisionRecorded } from './decision-notices.js';
import type { EventNotice, NoticeContext } from './message.js';
import {
  authorAgreed,
  sectionAssigned,
  sectionChangesRequested,
  sectionSubmitted,
} from './section-notices.js';

type NoticeTable = {
  readonly [T in DomainEvent['type']]?: EventNotice<Extract<DomainEvent, { type: T }>>;
};

const NOTICES: NoticeTable = {
  SectionAssigned: sectionAssigned,
  SectionChangesRequested: sectionChangesRequested,
  SectionSubmitted: sectionSubmitted,
  StageOpened: (event, context) => {
    const stage = findStage(context.plan, event.stageKey);
    if (!stage) return [];
    return stage.kind === 'decision'
      ? decisionDue(event, stage, context)
      : approvalRequests(event, stage, context);
  },
  ResponseRecorded: responseRecorded,
  StageApproved: stageClosed,
  StageChangesRequested: stageClosed,
  DelegationChanged: delegationChanged,
  DecisionRecorded: decisionRecorded,
  ApprovalsReopened: approvalsReopened,
  AuthorAgreed: authorAgreed,
  ManagementTeamChatChosen: managementTeamChatChosen,
};

export function eventNotices(event: DomainEvent, context: NoticeContext): OutgoingMessage[] {
  const notice = NOTICES[event.type] as EventNotice<DomainEvent> | undefined;
  return notice ? notice(event, context) : [];
}
