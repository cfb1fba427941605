/**
 * Who is told what about each kind of event, family by family (sections, approvals, the decision), and
 * about reminders. Events not listed tell nobody anything. How each notice reads is the renderer's.
 */
import type { DomainEvent } from '../../../domain/plan/events.js';
import type { Plan } from '../../../domain/plan/plan.js';
import { findStage } from '../../../domain/plan/plan.js';
import type { Escalation, SectionReminder } from '../../../domain/timeline/reminders.js';
import type { Notice } from '../../../ports/notices.js';
import {
  approvalRequests,
  approvalsReopened,
  delegationChanged,
  managementTeamChatChosen,
  responseRecorded,
  stageClosed,
} from './approval-notices.js';
import { decisionDue, decisionRecorded } from './decision-notices.js';
import { notice, toUser, type EventNotices } from './notice.js';
import {
  authorAgreed,
  sectionAssigned,
  sectionChangesRequested,
  sectionSubmitted,
} from './section-notices.js';

type NoticeTable = {
  readonly [T in DomainEvent['type']]?: EventNotices<Extract<DomainEvent, { type: T }>>;
};

const NOTICES: NoticeTable = {
  SectionAssigned: sectionAssigned,
  SectionChangesRequested: sectionChangesRequested,
  SectionSubmitted: sectionSubmitted,
  StageOpened: (event, plan) => {
    const stage = findStage(plan, event.stageKey);
    if (!stage) return [];
    return stage.kind === 'decision' ? decisionDue(event, stage, plan) : approvalRequests(event, stage, plan);
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

/** The notices the events send, one per key (several events about one thing make one message). */
export function eventNotices(plan: Plan, events: readonly DomainEvent[]): Notice[] {
  const notices = events.flatMap((event) => {
    const of = NOTICES[event.type] as EventNotices<DomainEvent> | undefined;
    return of ? of(event, plan) : [];
  });
  return [...new Map(notices.map((n) => [n.key, n] as const)).values()];
}

/** Section owners reminded as a due date nears or passes; the plan lead told of overdue sections. */
export function reminderNotices(
  reminders: readonly SectionReminder[],
  escalation: Escalation | null,
): Notice[] {
  const notices = reminders.map((reminder) =>
    notice(reminder.key, toUser(reminder.ownerId), { kind: 'section-reminder', reminder }),
  );
  if (escalation)
    notices.push(notice(escalation.key, toUser(escalation.leadId), { kind: 'escalation', escalation }));
  return notices;
}
