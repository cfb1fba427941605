/**
 * The tab's HTTP API for what happens after the decision: KPIs, milestones, progress updates, the
 * decision itself, publication and submission. Plain types only, like api.ts.
 */
import type { Kpi, KpiDraft, KpiValue, MeasurementEntry } from '../domain/kpis/kpi.js';
import type { Period } from '../domain/kpis/periods.js';
import type {
  Milestone,
  MilestoneDefinition,
  MilestoneProgress,
  MilestoneProgressChange,
} from '../domain/kpis/milestone.js';
import type {
  ApprovalStage,
  Decision,
  DecisionOutcome,
  IsoDate,
  PersonId,
  PlanStatus,
  Publication,
  ResponseDecision,
  Submission,
} from '../domain/plan/plan.js';
import type { ProgressUpdateStatus } from '../domain/kpis/progress-update.js';
import type { RagResult } from '../domain/kpis/rag.js';
import type { SubmissionCheck } from '../domain/checks/submission-checks.js';
import type { PeopleDto, PlanViewDto } from './api.js';

export type { Kpi, KpiDraft, KpiValue, Milestone, RagResult, SubmissionCheck };

export interface KpiTrendPointDto {
  readonly periodKey: string;
  readonly label: string;
  readonly asOf: IsoDate;
  readonly value: number;
  readonly expected: number;
}

export interface KpiCardDto {
  readonly kpi: Kpi;
  readonly rag: RagResult;
  readonly trend: readonly KpiTrendPointDto[];
  /** Every value recorded, oldest first, with its commentary. */
  readonly values: readonly KpiValue[];
  /** The latest ended period with no value, and when it was (or is) due. */
  readonly missing: { readonly period: Period; readonly dueBy: IsoDate; readonly overdue: boolean } | null;
  /** The period now running, whose value is asked for once it ends. */
  readonly nextCheckIn: { readonly period: Period; readonly dueBy: IsoDate };
  /** The person asking may record or correct its values (its owner, or the plan lead). */
  readonly canRecord: boolean;
}

export interface MilestoneCardDto {
  readonly milestone: Milestone;
  readonly progress: MilestoneProgress;
  /** The person asking may set its status (its owner, or the plan lead). */
  readonly canUpdate: boolean;
}

/** GET /api/plans/:planId/kpis */
export interface KpiOverviewDto {
  readonly planId: string;
  readonly planTitle: string;
  readonly planStatus: PlanStatus;
  readonly asOf: IsoDate;
  readonly themes: readonly number[];
  /** Each theme's name (the title of the plan section that answers it). */
  readonly themeTitles: Readonly<Record<number, string>>;
  readonly kpis: readonly KpiCardDto[];
  readonly milestones: readonly MilestoneCardDto[];
  /** The person asking may define and change KPIs and milestones. */
  readonly canManage: boolean;
  readonly isLead: boolean;
  readonly people: PeopleDto;
}

/** POST /api/plans/:planId/kpis → 201 KpiCardDto */
export interface DefineKpiRequest {
  readonly draft: KpiDraft;
  /** Chosen by the client so a retried request finds the KPI it already made. */
  readonly id?: string;
}

/** PUT /api/plans/:planId/kpis/:kpiId → KpiCardDto */
export interface UpdateKpiRequest {
  readonly baseRevision: number;
  readonly draft: KpiDraft;
}

/** POST /api/plans/:planId/kpis/:kpiId/retire → KpiOverviewDto */
export interface RetireKpiRequest {
  readonly baseRevision: number;
}

/** POST …/kpis/:kpiId/values (record) and PUT …/kpis/:kpiId/values/:periodKey (correct) → KpiCardDto */
export interface RecordValueRequest {
  /** Only on POST: the period the value is for. */
  readonly periodKey?: string;
  readonly reading: MeasurementEntry;
  readonly commentary: string | null;
}

/** POST /api/plans/:planId/milestones → 201 MilestoneCardDto; PUT …/milestones/:id adds baseRevision. */
export interface DefineMilestoneRequest {
  readonly definition: MilestoneDefinition;
  readonly id?: string;
}

export interface UpdateMilestoneRequest {
  readonly baseRevision: number;
  readonly definition: MilestoneDefinition;
}

/** POST …/milestones/:id/progress → MilestoneCardDto */
export interface MilestoneProgressRequest {
  readonly baseRevision: number;
  readonly change: MilestoneProgressChange;
}

// ------------------------------------------------------------------------------------ progress updates

export interface ProgressStageDto {
  readonly key: string;
  readonly title: string;
  readonly state: ApprovalStage['state'];
  readonly round: number;
  readonly approverIds: readonly PersonId[];
  readonly responses: ApprovalStage['responses'];
  /** The person asking may answer this stage now. */
  readonly myTurn: boolean;
}

/** GET /api/plans/:planId/progress-updates/:periodKey — the update and its preview. */
export interface ProgressUpdateDto {
  readonly planId: string;
  readonly planTitle: string;
  readonly periodKey: string;
  readonly periodLabel: string;
  readonly status: ProgressUpdateStatus;
  readonly summary: string | null;
  readonly version: number;
  /** The hash an approval now would bind to. */
  readonly hash: string;
  /** The hash the current round was submitted with (null before the first submission). */
  readonly submittedHash: string | null;
  readonly stages: readonly ProgressStageDto[];
  readonly publication: Publication | null;
  /** Our own escaped HTML (renderHtmlBody): shown only inside a sandboxed iframe. */
  readonly previewHtml: string;
  readonly isLead: boolean;
  readonly people: PeopleDto;
}

/** POST /api/plans/:planId/progress-updates */
export interface StartProgressUpdateRequest {
  readonly periodKey: string;
}

/** PUT …/progress-updates/:periodKey/summary */
export interface ProgressSummaryRequest {
  readonly summary: string | null;
}

/** POST …/progress-updates/:periodKey/respond */
export interface ProgressRespondRequest {
  readonly stageKey: string;
  readonly decision: ResponseDecision;
  readonly comment: string | null;
  /** The hash the approver was shown. */
  readonly hash: string;
}

// ------------------------------------------------------------------------ decision and publication

/** POST /api/plans/:planId/decision → PlanViewDto: the decision stage now open, found by the server. */
export interface RecordPlanDecisionRequest {
  readonly meetingBody: string;
  readonly meetingDate: IsoDate;
  readonly minuteReference: string;
  readonly callInEndsOn: IsoDate | null;
  readonly outcome: DecisionOutcome;
  readonly versionHash: string;
}

/** POST /api/plans/:planId/publish (body optional) → PublishedDto */
export interface PublishPlanRequest {
  /** Publish before call-in ends, where the council's rules allow urgency: the reason is recorded. */
  readonly callInOverride?: { readonly reason: string };
}

/** POST /api/plans/:planId/publish → PublishedDto */
export interface PublishedDto {
  readonly links: readonly { readonly label: string; readonly url: string }[];
  readonly plan: PlanViewDto;
}

/** POST /api/plans/:planId/submission → PlanViewDto */
export interface RecordSubmissionRequest {
  readonly to: string;
  readonly submittedOn: IsoDate;
  readonly reference: string | null;
}

/** GET /api/plans/:planId/submission-checks */
export interface SubmissionChecksDto {
  readonly checks: readonly SubmissionCheck[];
  readonly decision: Decision | null;
  readonly publication: Publication | null;
  readonly submission: Submission | null;
}

/** GET /api/plans/:planId/progress-updates */
export interface ProgressUpdateListDto {
  readonly planTitle: string;
  /** Ended periods with no update yet that this person can start one for, newest first. */
  readonly periodsToStart: readonly { readonly key: string; readonly label: string }[];
  /** Why this person cannot start an update (not the plan lead, the plan not published), or null. */
  readonly cannotStart: string | null;
  readonly updates: readonly {
    readonly periodKey: string;
    readonly periodLabel: string;
    readonly status: ProgressUpdateStatus;
  }[];
}
