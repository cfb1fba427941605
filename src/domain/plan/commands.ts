/** Everything a person can ask of a plan. The bot and the tab both speak only these. */
import type { ApprovalRule, ReportFormat } from '../templates/report-format.js';
import type {
  DecisionOutcome,
  HeaderValue,
  IsoDate,
  OutsideParty,
  PersonId,
  PlanDates,
  PromptAnswer,
  ResponseDecision,
} from './plan.js';

/** How a stage for the whole management team reaches it: a chat the plan lead chose, or 1:1 cards. */
export type GroupDelivery =
  { readonly kind: 'chat'; readonly conversationKey: string } | { readonly kind: 'one-to-one' };

export type Command =
  | { readonly type: 'setDates'; readonly dates: Partial<PlanDates> }
  | { readonly type: 'bindRole'; readonly role: string; readonly personIds: readonly PersonId[] }
  | { readonly type: 'setHeaderField'; readonly key: string; readonly value: HeaderValue }
  /** Which chat or channel gets the management team's endorsement card (a conversation key; null: 1:1). */
  | { readonly type: 'setManagementTeamChat'; readonly conversationKey: string | null }
  | {
      readonly type: 'assignSection';
      readonly sectionKey: string;
      readonly ownerId: PersonId;
      readonly contributorIds: readonly PersonId[];
      readonly dueDate: IsoDate | null;
      /** The owner and contributors are joint authors: each must agree. Omitted: unchanged. */
      readonly jointAuthors?: boolean;
      /** The text comes from outside; the owner chases and enters it. null: from the council. Omitted: unchanged. */
      readonly outsideParty?: OutsideParty | null;
    }
  | {
      readonly type: 'editSection';
      readonly sectionKey: string;
      /** The section revision the editor started from. */
      readonly baseRevision: number;
      /** Already validated with validateRichText at the edge, or raw: the workflow validates again. */
      readonly content?: unknown;
      readonly figures?: Readonly<Record<string, number | null>>;
      readonly promptAnswers?: Readonly<Record<string, PromptAnswer | null>>;
    }
  | { readonly type: 'submitSection'; readonly sectionKey: string }
  | { readonly type: 'acceptSection'; readonly sectionKey: string }
  | { readonly type: 'requestSectionChanges'; readonly sectionKey: string; readonly comment: string }
  | {
      readonly type: 'startApprovals';
      /** How a stage for the whole management team reaches it, when no chat is chosen yet. */
      readonly delivery?: GroupDelivery;
    }
  | {
      readonly type: 'respond';
      readonly stageKey: string;
      readonly decision: ResponseDecision;
      readonly comment: string | null;
      /** The version hash the responder saw; a response to any other version is refused. */
      readonly versionHash: string;
      /** For a deputy: the approver they answer for. Omitted when acting for oneself. */
      readonly onBehalfOf?: PersonId;
      /** The round the responder's card was for; a card from an earlier round is refused as stale. */
      readonly round?: number;
    }
  | {
      readonly type: 'delegate';
      readonly stageKey: string;
      readonly approverId: PersonId;
      /** null withdraws the delegation. */
      readonly deputyId: PersonId | null;
    }
  | {
      readonly type: 'recordDecision';
      readonly stageKey: string;
      readonly meetingBody: string;
      readonly meetingDate: IsoDate;
      readonly minuteReference: string;
      readonly callInEndsOn: IsoDate | null;
      readonly outcome: DecisionOutcome;
      readonly versionHash: string;
    }
  | {
      readonly type: 'publish';
      readonly versionHash: string;
      readonly links: readonly { readonly label: string; readonly url: string }[];
      /** Publish before call-in ends, where the council's rules allow urgency: the reason is recorded. */
      readonly callInOverride?: { readonly reason: string };
    }
  | {
      readonly type: 'recordSubmission';
      readonly to: string;
      readonly submittedOn: IsoDate;
      readonly reference: string | null;
    }
  /** Mark a section "to follow" (awaited from whom, by when), or withdraw the mark with null. */
  | {
      readonly type: 'setToFollow';
      readonly sectionKey: string;
      readonly toFollow: { readonly from: string; readonly by: IsoDate | null } | null;
    }
  /** Complete a section with the council's standard "None" wording and submit it, in one step. */
  | { readonly type: 'completeAsNone'; readonly sectionKey: string; readonly baseRevision: number }
  // Plan settings and lifecycle (the settings view)
  | { readonly type: 'setTitle'; readonly title: string }
  /** Every value checked before any is kept; null clears one. */
  | { readonly type: 'setHeaderFields'; readonly values: Readonly<Record<string, HeaderValue>> }
  | {
      readonly type: 'setStageRule';
      readonly stageKey: string;
      readonly rule: ApprovalRule;
      readonly mandatoryRoles: readonly string[];
    }
  /** The report format to move to (the edge looks it up in the catalog); refused once approvals start. */
  | { readonly type: 'changeReportFormat'; readonly format: ReportFormat }
  | { readonly type: 'archivePlan'; readonly archived: boolean }
  | { readonly type: 'deletePlan' };

export type CommandType = Command['type'];

export interface Actor {
  /** The validated identity (Entra object id): from the token or the activity, never from a request body. */
  readonly id: PersonId;
}
