/** What happened, for notifications (cards, reminders) and for the audit log. */
import type { DecisionOutcome, IsoDate, IsoDateTime, PersonId, ResponseDecision } from './plan.js';

export type DomainEvent =
  | { readonly type: 'PlanCreated'; readonly planId: string }
  | { readonly type: 'DatesChanged'; readonly planId: string }
  | {
      readonly type: 'RoleBound';
      readonly planId: string;
      readonly role: string;
      readonly personIds: readonly PersonId[];
    }
  | {
      readonly type: 'SectionAssigned';
      readonly planId: string;
      readonly sectionKey: string;
      readonly ownerId: PersonId;
      readonly contributorIds: readonly PersonId[];
      readonly dueDate: IsoDate | null;
      readonly previousOwnerId: PersonId | null;
    }
  | {
      readonly type: 'SectionEdited';
      readonly planId: string;
      readonly sectionKey: string;
      readonly revision: number;
    }
  | {
      readonly type: 'SectionSubmitted';
      readonly planId: string;
      readonly sectionKey: string;
      readonly by: PersonId;
    }
  | { readonly type: 'SectionAccepted'; readonly planId: string; readonly sectionKey: string }
  | {
      readonly type: 'SectionChangesRequested';
      readonly planId: string;
      readonly sectionKey: string;
      readonly ownerId: PersonId | null;
      readonly comment: string;
    }
  | {
      readonly type: 'ApprovalsReopened';
      readonly planId: string;
      readonly stageKeys: readonly string[];
      readonly previousHash: string;
      readonly hash: string;
    }
  | {
      readonly type: 'StageOpened';
      readonly planId: string;
      readonly stageKey: string;
      readonly round: number;
      readonly hash: string;
      readonly version: number;
      readonly approverIds: readonly PersonId[];
    }
  | {
      readonly type: 'ResponseRecorded';
      readonly planId: string;
      readonly stageKey: string;
      readonly round: number;
      readonly approverId: PersonId;
      readonly responderId: PersonId;
      readonly decision: ResponseDecision;
      readonly comment: string | null;
    }
  | {
      readonly type: 'StageApproved';
      readonly planId: string;
      readonly stageKey: string;
      readonly round: number;
    }
  | {
      readonly type: 'StageChangesRequested';
      readonly planId: string;
      readonly stageKey: string;
      readonly round: number;
    }
  | {
      readonly type: 'DelegationChanged';
      readonly planId: string;
      readonly stageKey: string;
      readonly approverId: PersonId;
      readonly deputyId: PersonId | null;
    }
  | {
      readonly type: 'DecisionRecorded';
      readonly planId: string;
      readonly stageKey: string;
      readonly outcome: DecisionOutcome;
    }
  | {
      readonly type: 'PlanPublished';
      readonly planId: string;
      readonly hash: string;
      readonly version: number;
    }
  | {
      readonly type: 'SubmissionRecorded';
      readonly planId: string;
      readonly to: string;
      readonly submittedOn: IsoDate;
    }
  | {
      /** A joint author agreed to the text; `outstanding` are the authors still to agree. */
      readonly type: 'AuthorAgreed';
      readonly planId: string;
      readonly sectionKey: string;
      readonly authorId: PersonId;
      readonly outstanding: readonly PersonId[];
    }
  | {
      readonly type: 'ToFollowChanged';
      readonly planId: string;
      readonly sectionKey: string;
      readonly toFollow: { readonly from: string; readonly by: IsoDate | null } | null;
    }
  | {
      /** A section that was to follow was accepted: the document now carries its text. */
      readonly type: 'SectionLanded';
      readonly planId: string;
      readonly sectionKey: string;
    }
  | {
      /** The plan lead chose the chat the management team works in (a `conversation:` key). */
      readonly type: 'ManagementTeamChatChosen';
      readonly planId: string;
      readonly conversationKey: string;
    };

export interface AuditEntry {
  readonly at: IsoDateTime;
  readonly planId: string;
  readonly actorId: PersonId;
  readonly command: string;
  /** The content version and hash after the command. */
  readonly version: number;
  readonly hash: string;
  readonly summary: string;
  /**
   * Whom the actor acted for, when not themselves: the outside organisation (and contact) whose text an
   * officer entered. Absent when the actor acted for themselves.
   */
  readonly onBehalfOf?: string;
}
