/**
 * The tab's HTTP API as types: what each route takes and answers. Shared by the server (which builds
 * these from the use cases) and the tab (which only ever sees these), so neither can drift from the other.
 * Plain types only: nothing here runs.
 */
import type { CoverageSummary } from '../domain/checks/coverage.js';
import type { ComputedShare } from '../domain/sections/figures.js';
import type { PageEstimate } from '../domain/checks/page-estimate.js';
import type {
  ApprovalStage,
  Decision,
  DecisionOutcome,
  IsoDate,
  IsoDateTime,
  OutsideParty,
  PersonId,
  PlanDates,
  PlanStatus,
  PromptAnswer,
  Publication,
  ResponseDecision,
  SectionEdit,
  SectionPart,
  SectionStatus,
  StageResponse,
} from '../domain/plan/plan.js';
import type { RefusalCode } from '../domain/support/result.js';
import type { RichText } from '../domain/sections/rich-text.js';
import type { FigureField, PromptQuestion, SectionKind } from '../domain/templates/template.js';
import type { ReopenRule } from '../domain/templates/report-format.js';
import type { DiffPart } from '../domain/sections/text-diff.js';
import type { Timeline } from '../domain/timeline/timeline.js';

export type { RichText, PromptAnswer, IsoDate, IsoDateTime, PersonId, SectionStatus, PlanStatus };
export type { OutsideParty, ReopenRule, DiffPart };

/** Header naming the demo person a local-mode request acts as. Refused in tenant mode. */
export type DevIdentityHeader = 'x-pb-dev-user';

// ---------------------------------------------------------------------------------------------------
// Errors

export type ApiErrorCode =
  | RefusalCode
  /** No identity, or one that failed validation (401). */
  | 'UNAUTHENTICATED'
  /** The request body is over the size limit (413). */
  | 'TOO_LARGE'
  /** SharePoint / Graph is throttling or down; retry after the Retry-After header (503). */
  | 'UNAVAILABLE'
  /** This person sent too much too fast; retry after the Retry-After header (429). */
  | 'TOO_MANY_REQUESTS'
  | 'INTERNAL';

/** Body of POST /plans/:planId/approvals/start. */
export interface StartApprovalsRequest {
  /** How a stage for the whole management team reaches it, when no chat is chosen (CHOICE_NEEDED asks). */
  readonly delivery?:
    { readonly kind: 'chat'; readonly conversationKey: string } | { readonly kind: 'one-to-one' };
}

/** GET /plans/:planId/approvals/delivery: what the plan lead can choose from (plan lead only). */
export interface GroupDeliveryOptionsDto {
  /** The stage for the whole management team with no chat chosen; null when no choice is needed. */
  readonly stage: { readonly key: string; readonly title: string } | null;
  /** Group chats and channels Plan Builder is in (and can post to). */
  readonly chats: readonly {
    readonly conversationKey: string;
    readonly title: string;
    readonly kind: 'groupChat' | 'channel';
  }[];
  /** The stage's members; `reachable` false: no 1:1 chat with them is known yet. */
  readonly members: readonly { readonly id: PersonId; readonly name: string; readonly reachable: boolean }[];
}

/** People the bot cannot reach in Teams for a plan. */
/** Why the bot cannot reach someone or a chat (stable codes; the wording comes with them). */
export type UnreachableReasonDto =
  'not-installed' | 'conversation-not-found' | 'removed' | 'blocked' | 'disabled-by-admin' | 'forbidden';

export interface UnreachableDto {
  readonly people: readonly {
    readonly id: string;
    readonly name: string;
    readonly reason: UnreachableReasonDto;
    /** What is wrong and what would put it right, in words. */
    readonly explanation: string;
    /** When a send found it out. */
    readonly since: string;
  }[];
  /** The management team's chat (or another shared chat), when the bot cannot post there. */
  readonly chats: readonly {
    readonly conversationKey: string;
    readonly title: string;
    readonly reason: UnreachableReasonDto;
    readonly explanation: string;
    readonly since: string;
  }[];
}

export interface ApiErrorBody {
  readonly error: {
    readonly code: ApiErrorCode;
    readonly message: string;
    readonly details?: Readonly<Record<string, unknown>>;
  };
}

// ---------------------------------------------------------------------------------------------------
// Session and people

/** GET /api/session (no identity needed): how the tab should sign in. */
export interface SessionInfo {
  readonly mode: 'local' | 'tenant';
  /** True only in local mode: the "acting as" picker may be shown and its header is accepted. */
  readonly devIdentity: boolean;
  /** The section editor saves at most once per this many seconds (SharePoint's budget); default 10. */
  readonly autosaveSeconds?: number;
}

export interface PersonDto {
  readonly id: PersonId;
  readonly displayName: string;
  readonly mail: string | null;
  readonly jobTitle: string | null;
}

/** GET /api/me */
export interface MeDto {
  readonly person: PersonDto;
  readonly via: 'sso' | 'dev';
}

/** Names for the ids a view mentions, so the tab never shows a bare id. */
export type PeopleDto = Readonly<Record<PersonId, PersonDto>>;

// ---------------------------------------------------------------------------------------------------
// Catalog and plans

/** GET /api/catalog */
export interface CatalogDto {
  readonly templates: readonly {
    readonly id: string;
    readonly name: string;
    readonly planType: string;
    readonly issuedBy: string;
    readonly pageBudget: { readonly minPages: number; readonly maxPages: number };
    readonly submissionDeadline: IsoDate;
  }[];
  readonly reportFormats: readonly {
    readonly id: string;
    readonly council: string;
    readonly name: string;
    readonly decisionBody: string;
    readonly governance: {
      readonly model: 'executive' | 'committee';
      readonly keyDecision: 'per-plan' | 'always' | 'never';
      /** The key-decision value a new plan starts with. */
      readonly keyDecisionDefault: boolean;
    };
    /** The approval chain's management-team stage (its title), whose meeting date the plan lead may set. */
    readonly managementTeamStep: string | null;
  }[];
}

/** GET /api/plans */
export interface PlanListItemDto {
  readonly id: string;
  readonly title: string;
  readonly council: string;
  readonly status: PlanStatus;
  readonly leadId: PersonId;
  readonly leadName: string;
  readonly contentVersion: number;
  /** Listed only when archived plans are asked for (`?archived=include`). */
  readonly archived: boolean;
}

/** POST /api/plans → 201 PlanCreatedDto */
export interface CreatePlanRequest {
  readonly templateId: string;
  readonly reportFormatId: string;
  readonly title: string;
  /** Chosen by the client so a retried request finds the plan it already created. */
  readonly planId?: string;
  readonly dates?: Partial<PlanDates>;
}

export interface PlanCreatedDto {
  readonly planId: string;
}

export interface QuestionTally {
  readonly total: number;
  readonly answered: number;
  readonly notApplicable: number;
  readonly missing: number;
}

export interface SectionSummaryDto {
  readonly key: string;
  readonly title: string;
  readonly part: SectionPart;
  readonly kind: SectionKind | 'report';
  readonly theme: number | null;
  readonly required: boolean;
  readonly ownerId: PersonId | null;
  readonly contributorIds: readonly PersonId[];
  readonly dueDate: IsoDate | null;
  readonly status: SectionStatus;
  readonly revision: number;
  readonly lastEdit: SectionEdit | null;
  readonly reviewComment: string | null;
  readonly words: number;
  readonly wordBudget: number;
  readonly questions: QuestionTally;
  readonly contribution: ContributionDto;
}

/** How a section's text arrives: to follow, from outside the council, from joint authors; and "None". */
export interface ContributionDto {
  /** Awaited (the plan goes ahead without it where stages allow); the documents show a placeholder. */
  readonly toFollow: { readonly from: string; readonly by: IsoDate | null } | null;
  /** The text comes from outside; the owner is the officer who chases and enters it. */
  readonly outsideParty: OutsideParty | null;
  /** Joint authors in order, and whether each has agreed to the text as it stands; null for one owner. */
  readonly jointAuthors: readonly { readonly id: PersonId; readonly agreed: boolean }[] | null;
  /** Optional, empty and not awaited: the documents leave it out. */
  readonly notIncluded: boolean;
  /** The council's standard "None" wording, when the section can be completed with it in one step. */
  readonly noneText: string | null;
}

export interface StageTallyDto {
  readonly approved: readonly PersonId[];
  readonly changesRequested: readonly PersonId[];
  readonly waiting: readonly PersonId[];
  readonly needed: number;
}

export interface StageDto {
  readonly key: string;
  readonly title: string;
  readonly kind: ApprovalStage['kind'];
  readonly state: ApprovalStage['state'];
  readonly round: number;
  /** The rule as a sentence, e.g. "3 of 5 must approve, including the Chief Executive". */
  readonly rule: string;
  readonly approverIds: readonly PersonId[];
  readonly mandatoryIds: readonly PersonId[];
  readonly delegations: ApprovalStage['delegations'];
  /** The frozen version this round approves, and its content hash. */
  readonly boundVersion: number | null;
  readonly boundHash: string | null;
  readonly openedAt: IsoDateTime | null;
  readonly closedAt: IsoDateTime | null;
  /** Every response of every round, oldest first. */
  readonly responses: readonly StageResponse[];
  /** The current round's count (null before the stage first opens). */
  readonly tally: StageTallyDto | null;
  /** Whether the person asking may answer this stage now (and for whom). */
  readonly myTurn: { readonly approverId: PersonId } | null;
  /** A decision stage: the outcomes the meeting may resolve, and which of them carry the plan on. */
  readonly outcomes: readonly DecisionOutcomeDto[] | null;
  /** A decision stage: who decides. */
  readonly decisionBody: string | null;
  /** What re-opens the stage: any change, only the sections it covers, or nothing (a draft endorsement). */
  readonly reopens: ReopenRule;
  readonly covers: readonly { readonly key: string; readonly title: string }[];
  /** It may go ahead while sections are to follow (a decision stage: the decision may be recorded). */
  readonly allowsPending: boolean;
  /**
   * Sections changed since the person asking last approved this stage (or, for anyone else, since its last
   * round was answered): what to read again. Null when there is nothing earlier to compare with.
   */
  readonly changedSince: ChangedSinceDto | null;
}

export interface DecisionOutcomeDto {
  readonly value: DecisionOutcome;
  readonly label: string;
  /** The plan goes on (to the next stage, or to publication) after this outcome. */
  readonly publishable: boolean;
}

/** The council's route to the decision, as the plan has it. */
export interface GovernanceDto {
  readonly model: 'executive' | 'committee';
  readonly decisionBody: string;
  readonly keyDecision: 'per-plan' | 'always' | 'never';
  /** Whether this plan's decision can be called in (its governance and its key-decision value). */
  readonly callInApplies: boolean;
  /** The call-in rule in words, when it applies. */
  readonly callInRule: string | null;
  /** Who may agree that the decision cannot wait for call-in; null where the council has no such route. */
  readonly callInUrgency: string | null;
}

export interface ChangedSinceDto {
  readonly version: number;
  readonly sections: readonly { readonly key: string; readonly title: string }[];
  /** The document changed outside the sections (title, report details). */
  readonly otherChanges: boolean;
}

/** GET /api/plans/:planId/stages/:stageKey/changes — what changed, word by word, since `sinceVersion`. */
export interface StageChangesDto {
  readonly stageKey: string;
  readonly sinceVersion: number | null;
  readonly currentVersion: number;
  /** False when the frozen text of that version is not in the library (only titles are known). */
  readonly textAvailable: boolean;
  readonly sections: readonly {
    readonly key: string;
    readonly title: string;
    /** Word-level parts; null when the earlier text is not available. */
    readonly diff: readonly DiffPart[] | null;
  }[];
}

export type ActionKind =
  | 'write'
  | 'revise'
  | 'review'
  | 'start-approvals'
  | 'respond'
  | 'record-decision'
  /** The plan lead: a section past due waits on someone (`waitingFor`). */
  | 'chase';

export interface ActionItemDto {
  readonly kind: ActionKind;
  /** One sentence, e.g. "Write “Theme 1: Transformation”, due 12 July". */
  readonly label: string;
  readonly sectionKey: string | null;
  readonly stageKey: string | null;
  readonly dueDate: IsoDate | null;
  /** Who the item waits on: joint authors still to agree, the officer chasing text from outside. */
  readonly waitingFor: readonly PersonId[];
}

/** GET /api/plans/:planId — the dashboard. */
export interface PlanViewDto {
  readonly id: string;
  readonly title: string;
  readonly council: string;
  readonly status: PlanStatus;
  readonly leadId: PersonId;
  readonly templateId: string;
  readonly reportFormatId: string;
  readonly contentVersion: number;
  readonly versionHash: string;
  readonly dates: PlanDates;
  readonly sections: readonly SectionSummaryDto[];
  readonly coverage: CoverageSummary;
  /** Each theme's name (the title of the plan section that answers it). */
  readonly themeTitles: Readonly<Record<number, string>>;
  readonly pages: PageEstimate;
  readonly timeline: Timeline;
  readonly stages: readonly StageDto[];
  readonly decision: Decision | null;
  readonly publication: Publication | null;
  readonly needsMyAction: readonly ActionItemDto[];
  readonly isLead: boolean;
  /** Labels of the report header's required fields that would print empty (shown before approvals start). */
  readonly missingHeader: readonly string[];
  readonly people: PeopleDto;
  readonly governance: GovernanceDto;
  /** The recorded decision's end of call-in, and whether publication and submission still wait for it. */
  readonly callIn: { readonly endsOn: IsoDate; readonly open: boolean } | null;
}

/** GET /api/plans/:planId/sections/:sectionKey — the editor. */
export interface SectionDto {
  readonly planId: string;
  readonly planTitle: string;
  readonly planStatus: PlanStatus;
  readonly leadId: PersonId;
  readonly key: string;
  readonly title: string;
  readonly part: SectionPart;
  readonly kind: SectionKind | 'report';
  readonly guidance: string;
  readonly theme: number | null;
  readonly wordBudget: number;
  readonly required: boolean;
  readonly ownerId: PersonId | null;
  readonly contributorIds: readonly PersonId[];
  readonly dueDate: IsoDate | null;
  readonly status: SectionStatus;
  readonly revision: number;
  readonly lastEdit: SectionEdit | null;
  readonly reviewComment: string | null;
  readonly content: RichText;
  readonly words: number;
  readonly promptQuestions: readonly PromptQuestion[];
  readonly promptAnswers: Readonly<Record<string, PromptAnswer>>;
  readonly figureFields: readonly FigureField[];
  readonly figures: Readonly<Record<string, number | null>>;
  readonly shares: readonly ComputedShare[];
  readonly contribution: ContributionDto;
  /** The person asking is the owner or a contributor. */
  readonly canEdit: boolean;
  /** The person asking is the plan lead (accepts, asks for changes, assigns). */
  readonly canReview: boolean;
  readonly people: PeopleDto;
}

/** PUT /api/plans/:planId/sections/:sectionKey → SectionDto; 409 STALE_VERSION carries `details.current`. */
export interface EditSectionRequest {
  /** The revision the editor started from. */
  readonly baseRevision: number;
  readonly content?: RichText;
  readonly figures?: Readonly<Record<string, number | null>>;
  /** Only the answers that changed; null clears one. */
  readonly promptAnswers?: Readonly<Record<string, PromptAnswer | null>>;
}

/** What a 409 STALE_VERSION on an edit carries, for the editor's merge view. */
export interface StaleSectionDetails {
  readonly sectionKey: string;
  readonly revision: number;
  readonly lastEdit: SectionEdit | null;
  readonly current: SectionDto;
}

/** POST /api/plans/:planId/sections/:sectionKey/assign → SectionDto */
export interface AssignSectionRequest {
  readonly ownerId: PersonId;
  readonly contributorIds: readonly PersonId[];
  readonly dueDate: IsoDate | null;
  /** The owner and contributors must each agree before it counts as submitted. Omitted: unchanged. */
  readonly jointAuthors?: boolean;
  /** The text comes from outside the council; null: it does not. Omitted: unchanged. */
  readonly outsideParty?: OutsideParty | null;
}

/** PUT /api/plans/:planId/sections/:sectionKey/to-follow → SectionDto (DELETE withdraws the mark). */
export interface SetToFollowRequest {
  readonly from: string;
  readonly by: IsoDate | null;
}

/** POST /api/plans/:planId/sections/:sectionKey/none → SectionDto: complete as "None" and submit. */
export interface CompleteAsNoneRequest {
  /** The revision the person saw: "None" replaces the text, so only from that revision. */
  readonly baseRevision: number;
}

/** POST /api/plans/:planId/sections/accept → AcceptSectionsDto: the plan lead accepts several at once. */
export interface AcceptSectionsRequest {
  readonly sectionKeys: readonly string[];
}

export interface AcceptSectionsDto {
  readonly plan: PlanViewDto;
  readonly accepted: readonly string[];
  /** Sections that could not be accepted, each with why; the others were. */
  readonly refused: readonly { readonly sectionKey: string; readonly message: string }[];
}

/** POST /api/plans/:planId/sections/:sectionKey/request-changes → SectionDto */
export interface RequestChangesRequest {
  readonly comment: string;
}

/** PUT /api/plans/:planId/dates → PlanViewDto */
export type SetDatesRequest = Partial<PlanDates>;

/**
 * POST /api/plans/preview (a CreatePlanRequest) and POST /api/plans/:planId/dates/preview (a
 * SetDatesRequest): the timeline those dates would give, worked out and nothing saved. Dates that
 * cannot be used are refused (400) as saving them would be.
 */
export interface TimelinePreviewDto {
  readonly timeline: Timeline;
}

/** PUT /api/plans/:planId/roles/:role → PlanViewDto: who holds a role of the report format. */
export interface BindRoleRequest {
  readonly personIds: readonly PersonId[];
}

/** POST /api/plans/:planId/stages/:stageKey/respond → PlanViewDto */
export interface RespondRequest {
  readonly decision: ResponseDecision;
  readonly comment: string | null;
  /** The version hash the responder is looking at. */
  readonly versionHash: string;
  readonly onBehalfOf?: PersonId;
}

/** POST /api/plans/:planId/stages/:stageKey/decision → PlanViewDto */
export interface RecordDecisionRequest {
  readonly meetingBody: string;
  readonly meetingDate: IsoDate;
  readonly minuteReference: string;
  readonly callInEndsOn: IsoDate | null;
  readonly outcome: DecisionOutcome;
  readonly versionHash: string;
}

export interface VersionAuditDto {
  readonly at: IsoDateTime;
  readonly actorId: PersonId;
  readonly command: string;
  readonly summary: string;
  /** Whom the actor acted for: the outside organisation whose text an officer entered. */
  readonly onBehalfOf: string | null;
}

/** GET /api/plans/:planId/versions/:version — the version approvers are asked about. */
export interface VersionDto {
  readonly planId: string;
  readonly planTitle: string;
  readonly version: number;
  readonly currentVersion: number;
  /** The content hash of that version, when it is known from the approvals or the audit log. */
  readonly hash: string | null;
  readonly isCurrent: boolean;
  /** The text of that version: present only while it is still the current one (older text is not kept). */
  readonly sections:
    readonly { readonly key: string; readonly title: string; readonly content: RichText }[] | null;
  /** Stages whose rounds were bound to this version. */
  readonly stages: readonly {
    readonly key: string;
    readonly title: string;
    readonly state: ApprovalStage['state'];
  }[];
  readonly history: readonly VersionAuditDto[];
  readonly people: PeopleDto;
}

/** GET /api/people?search=… */
/** GET /dev/people (local mode): whom the tab may act as, and each one's Agents Playground page if one runs. */
export interface DevPeopleDto extends PeopleSearchDto {
  readonly playgrounds: Readonly<Record<PersonId, string>>;
}

export interface PeopleSearchDto {
  readonly people: readonly PersonDto[];
}
