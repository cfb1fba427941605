/**
 * The plan aggregate. A plan is self-contained: it copies from its template and report format what it needs
 * (section definitions, prompt questions, figure fields, the approval chain), so later template versions
 * never change a plan already under way.
 */
import type { DecisionOutcome } from '../governance/decision-outcomes.js';
import type {
  ApprovalRule,
  ApprovalStageKind,
  Governance,
  GovernanceModel,
  HeaderField,
  ReopenRule,
  RoleDefinition,
  TimelineRuleOverrides,
  TimelineStepKind,
} from '../templates/report-format.js';
import type { RichText } from '../sections/rich-text.js';
import type { FigureField, PromptQuestion, SectionKind } from '../templates/template.js';

export type { DecisionOutcome } from '../governance/decision-outcomes.js';

export type PersonId = string;
/** `YYYY-MM-DD` */
export type IsoDate = string;
/** ISO 8601 instant in UTC to the second, e.g. `2024-07-10T09:30:00Z` (SharePoint keeps no finer time). */
export type IsoDateTime = string;

export type SectionStatus = 'not-started' | 'drafting' | 'submitted' | 'accepted' | 'changes-requested';

/** Which document a section belongs to: the plan itself, the cover report, or an implications paragraph. */
export type SectionPart = 'plan' | 'report' | 'implications';

export type PromptAnswer =
  { readonly state: 'answered' } | { readonly state: 'not-applicable'; readonly reason: string };

export interface SectionDefinition {
  readonly key: string;
  readonly title: string;
  readonly part: SectionPart;
  readonly kind: SectionKind | 'report';
  readonly guidance: string;
  readonly wordBudget: number;
  readonly required: boolean;
  readonly theme?: number;
  readonly promptQuestions: readonly PromptQuestion[];
  readonly figureFields: readonly FigureField[];
  /** For implications: the role whose holder completes and signs the paragraph. */
  readonly completedByRole?: string;
  /** The council's standard wording for "none", which the owner may enter and submit in one step. */
  readonly noneText?: string;
}

/** A section the plan goes ahead without for now, where a stage allows it; the document says so. */
export interface ToFollow {
  /** Who it is awaited from, in words: "the Leader of the Council", "the county chief executives". */
  readonly from: string;
  readonly by: IsoDate | null;
  readonly markedBy: PersonId;
  readonly markedAt: IsoDateTime;
}

/** Someone outside the council whose text the section carries; its owner chases it and enters it. */
export interface OutsideParty {
  readonly organisation: string;
  readonly contactName: string;
  readonly email: string | null;
}

/** A joint author's agreement to the text at one revision; a later edit needs it again. */
export interface AuthorAgreement {
  readonly authorId: PersonId;
  readonly revision: number;
  readonly at: IsoDateTime;
}

export interface SectionEdit {
  readonly by: PersonId;
  readonly at: IsoDateTime;
}

export interface Section {
  readonly definition: SectionDefinition;
  readonly ownerId: PersonId | null;
  readonly contributorIds: readonly PersonId[];
  readonly dueDate: IsoDate | null;
  readonly status: SectionStatus;
  readonly content: RichText;
  /** Entered figures by key; shares are always computed, never stored. */
  readonly figures: Readonly<Record<string, number | null>>;
  readonly promptAnswers: Readonly<Record<string, PromptAnswer>>;
  /** Bumps on every content edit; an editor must name the revision it started from. */
  readonly revision: number;
  readonly lastEdit: SectionEdit | null;
  /** The plan lead's latest change request, shown to the owner until the section is submitted again. */
  readonly reviewComment: string | null;
  /** Set by the plan lead while the text is awaited; cleared when the section is accepted (it has landed). */
  readonly toFollow: ToFollow | null;
  /** The text comes from outside the council; the owner is the officer who chases and enters it. */
  readonly outsideParty: OutsideParty | null;
  /** The owner and every contributor are joint authors: each must agree before it counts as submitted. */
  readonly jointAuthors: boolean;
  /** Joint authors' agreements; only those at the current revision count. */
  readonly agreements: readonly AuthorAgreement[];
}

export type ResponseDecision = 'approve' | 'request-changes';

export interface StageResponse {
  readonly round: number;
  /** The approver the response counts for. */
  readonly approverId: PersonId;
  /** Who clicked: the approver, or their named deputy. */
  readonly responderId: PersonId;
  readonly decision: ResponseDecision;
  readonly comment: string | null;
  readonly at: IsoDateTime;
  readonly hash: string;
  /** The version the responder saw and each section's hash in it, so later changes can be named. */
  readonly seen?: SeenVersion | null;
}

export interface SeenVersion {
  readonly version: number;
  readonly sections: Readonly<Record<string, string>>;
}

export interface Delegation {
  readonly approverId: PersonId;
  readonly deputyId: PersonId;
  readonly by: PersonId;
  readonly at: IsoDateTime;
}

export type StageState = 'waiting' | 'open' | 'approved' | 'changes-requested';

export interface ApprovalStage {
  readonly key: string;
  readonly title: string;
  readonly kind: ApprovalStageKind;
  readonly rule: ApprovalRule;
  readonly approverRoles: readonly string[];
  readonly mandatoryRoles: readonly string[];
  /** Resolved from the roles when the stage opens, and fixed for that round. */
  readonly approverIds: readonly PersonId[];
  readonly mandatoryIds: readonly PersonId[];
  readonly delegations: readonly Delegation[];
  readonly state: StageState;
  /** 0 until first opened; each opening starts a new round. */
  readonly round: number;
  readonly boundHash: string | null;
  readonly boundVersion: number | null;
  /**
   * Each section's document hash in the bound version: what a `reopens: 'sections'` rule compares, and what
   * a response records as seen. Absent on stages bound before it was kept.
   */
  readonly boundSections?: Readonly<Record<string, string>> | null;
  /**
   * The rule data of the stage, copied from the report format. Absent means the default (read them through
   * src/domain/approvals/reopen-rule.ts): allowsPending unless a decision stage, re-opened by any change.
   */
  readonly allowsPending?: boolean;
  readonly reopens?: ReopenRule;
  readonly covers?: readonly string[];
  /** Every response of every round; only the current round's count. */
  readonly responses: readonly StageResponse[];
  readonly openedAt: IsoDateTime | null;
  readonly closedAt: IsoDateTime | null;
  /** Decision stages: what the meeting may resolve (absent: the four outcomes every format had before). */
  readonly outcomes?: readonly DecisionOutcome[];
  /** Decision stages: the outcomes that carry the plan on (absent: approved, approved with amendments). */
  readonly publishableOutcomes?: readonly DecisionOutcome[];
  /** Decision stages: who decides here, where it is not the plan's decision body. */
  readonly decisionBody?: string;
  /** Other stages: the timeline step the stage is (absent: worked out from its kind and roles). */
  readonly timelineStep?: TimelineStepKind;
}

export interface Decision {
  readonly stageKey: string;
  readonly meetingBody: string;
  readonly meetingDate: IsoDate;
  readonly minuteReference: string;
  readonly callInEndsOn: IsoDate | null;
  readonly outcome: DecisionOutcome;
  readonly hash: string;
  readonly recordedBy: PersonId;
  readonly recordedAt: IsoDateTime;
}

/** Publication before call-in ended, on the council's urgency rule: who agreed, and why. */
export interface CallInOverride {
  readonly reason: string;
  /** Who the council's rules say must agree, e.g. "the Chair of the Overview and Scrutiny Committee". */
  readonly agreedBy: string;
  /** The end of call-in that was not waited for. */
  readonly callInEndsOn: IsoDate;
  readonly recordedBy: PersonId;
  readonly recordedAt: IsoDateTime;
}

export interface Publication {
  readonly hash: string;
  readonly version: number;
  readonly links: readonly { readonly label: string; readonly url: string }[];
  readonly publishedBy: PersonId;
  readonly publishedAt: IsoDateTime;
  /** Present when the plan was published during call-in as urgent. */
  readonly callInOverride?: CallInOverride;
}

export interface Submission {
  readonly to: string;
  readonly submittedOn: IsoDate;
  readonly reference: string | null;
  readonly recordedBy: PersonId;
  readonly recordedAt: IsoDateTime;
}

export interface PlanDates {
  readonly submissionDeadline: IsoDate | null;
  readonly decisionMeeting: { readonly body: string; readonly date: IsoDate } | null;
  readonly keyDecision: boolean;
  readonly managementTeamMeeting: IsoDate | null;
}

export type PlanStatus = 'drafting' | 'in-approval' | 'awaiting-decision' | 'decided' | 'published';

export type HeaderValue = string | boolean | null;

/**
 * The council's route to the decision, copied from the report format when the plan is created: who
 * decides, whether the plan can be a key decision, whether it can be called in, and the format's own timeline
 * rules (over the England defaults).
 */
export interface PlanGovernance {
  readonly model: GovernanceModel;
  readonly decisionBody: string;
  readonly keyDecision: NonNullable<Governance['keyDecision']>['mode'];
  readonly callIn: NonNullable<Governance['callIn']>['appliesTo'];
  /** Who may agree that a decision cannot wait for call-in to end; null: the council has no such route. */
  readonly callInUrgency: { readonly agreedBy: string; readonly description?: string } | null;
  readonly timelineRules: TimelineRuleOverrides;
}

/** An archived plan is kept whole and left off the lists; a deleted one is gone for everyone. */
export interface PlanLifecycle {
  readonly state: 'archived' | 'deleted';
  readonly by: PersonId;
  readonly at: IsoDateTime;
}

export interface Plan {
  readonly id: string;
  readonly title: string;
  readonly council: string;
  readonly templateId: string;
  readonly templateVersion: number;
  readonly reportFormatId: string;
  readonly pageBudget: { readonly minPages: number; readonly maxPages: number };
  readonly status: PlanStatus;
  readonly leadId: PersonId;
  /** Copied from the report format, so role bindings and header values validate without it. */
  readonly roleDefinitions: readonly RoleDefinition[];
  readonly headerFields: readonly HeaderField[];
  readonly governance: PlanGovernance;
  readonly roles: Readonly<Record<string, readonly PersonId[]>>;
  readonly dates: PlanDates;
  readonly header: Readonly<Record<string, HeaderValue>>;
  readonly sections: readonly Section[];
  readonly stages: readonly ApprovalStage[];
  /**
   * Version N is the Nth distinct content that went round for approval (0 while nothing has): a stage that
   * opens on content not yet numbered gives it the next number. Drafting does not change it, so saving a
   * section never touches the plan's own item.
   */
  readonly contentVersion: number;
  /** The content hash that `contentVersion` numbers ('' before the first). */
  readonly versionHash: string;
  readonly decision: Decision | null;
  readonly publication: Publication | null;
  readonly submission: Submission | null;
  /** The group chat or channel where the management team endorses (a conversation key), if chosen. */
  readonly managementTeamChat: string | null;
  readonly createdBy: PersonId;
  readonly createdAt: IsoDateTime;
  /** Absent while the plan is in use. */
  readonly lifecycle?: PlanLifecycle;
}

export function findSection(plan: Plan, key: string): Section | undefined {
  return plan.sections.find((section) => section.definition.key === key);
}

export function findStage(plan: Plan, key: string): ApprovalStage | undefined {
  return plan.stages.find((stage) => stage.key === key);
}

export function canEditSection(section: Section, personId: PersonId): boolean {
  return section.ownerId === personId || section.contributorIds.includes(personId);
}
