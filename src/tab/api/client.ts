/** The tab's side of the API: typed calls, and every failure turned into an ApiError with a code. */
import type {
  DevPeopleDto,
  UnreachableDto,
  GroupDeliveryOptionsDto,
  StartApprovalsRequest,
  AcceptSectionsDto,
  AcceptSectionsRequest,
  CompleteAsNoneRequest,
  SetToFollowRequest,
  StageChangesDto,
  ApiErrorBody,
  ApiErrorCode,
  AssignSectionRequest,
  CatalogDto,
  CreatePlanRequest,
  EditSectionRequest,
  MeDto,
  PeopleSearchDto,
  PlanCreatedDto,
  PlanListItemDto,
  PlanViewDto,
  RecordDecisionRequest,
  RespondRequest,
  SectionDto,
  SessionInfo,
  SetDatesRequest,
  TimelinePreviewDto,
  VersionDto,
} from '../../shared/api.js';
import type {
  DefineKpiRequest,
  DefineMilestoneRequest,
  KpiCardDto,
  KpiOverviewDto,
  MilestoneCardDto,
  MilestoneProgressRequest,
  ProgressRespondRequest,
  ProgressUpdateDto,
  ProgressUpdateListDto,
  PublishedDto,
  PublishPlanRequest,
  RecordPlanDecisionRequest,
  RecordSubmissionRequest,
  RecordValueRequest,
  SubmissionChecksDto,
  UpdateKpiRequest,
  UpdateMilestoneRequest,
} from '../../shared/kpi-api.js';
import type {
  ArchivePlanRequest,
  ChangeReportFormatRequest,
  PlanSettingsDto,
  SetHeaderRequest,
  SetStageRuleRequest,
  SetTitleRequest,
} from '../../shared/settings-api.js';

export type ClientErrorCode = ApiErrorCode | 'NETWORK';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ClientErrorCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> | undefined,
    readonly retryAfterSeconds: number | null,
  ) {
    super(message);
  }
}

/** Headers that say who is asking: an SSO bearer in Teams, the acting-as header in local mode. */
export type Credentials = () => Promise<Record<string, string>>;

function isErrorBody(value: unknown): value is ApiErrorBody {
  const error = (value as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

export class ApiClient {
  constructor(
    private readonly credentials: Credentials,
    private readonly base = './api',
  ) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${this.base}${path}`, {
        method,
        headers: {
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...(await this.credentials()),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw new ApiError(0, 'NETWORK', 'The Plan Builder server cannot be reached.', undefined, null);
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    if (response.ok) return parsed as T;
    const retryAfter = Number(response.headers.get('Retry-After'));
    if (isErrorBody(parsed)) {
      throw new ApiError(
        response.status,
        parsed.error.code,
        parsed.error.message,
        parsed.error.details,
        Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
      );
    }
    throw new ApiError(
      response.status,
      response.status === 413 ? 'TOO_LARGE' : 'INTERNAL',
      `The server answered ${response.status} ${response.statusText}.`,
      undefined,
      null,
    );
  }

  session = () => this.call<SessionInfo>('GET', '/session');
  devPeople = () => this.call<DevPeopleDto>('GET', '/dev/people');
  me = () => this.call<MeDto>('GET', '/me');
  searchPeople = (text: string) =>
    this.call<PeopleSearchDto>('GET', `/people?search=${encodeURIComponent(text)}`);
  catalog = () => this.call<CatalogDto>('GET', '/catalog');
  plans = () => this.call<{ plans: PlanListItemDto[] }>('GET', '/plans');
  createPlan = (request: CreatePlanRequest) => this.call<PlanCreatedDto>('POST', '/plans', request);
  previewNewPlan = (request: CreatePlanRequest) =>
    this.call<TimelinePreviewDto>('POST', '/plans/preview', request);
  previewDates = (planId: string, dates: SetDatesRequest) =>
    this.call<TimelinePreviewDto>('POST', `/plans/${enc(planId)}/dates/preview`, dates);
  plan = (planId: string) => this.call<PlanViewDto>('GET', `/plans/${enc(planId)}`);
  unreachable = (planId: string) => this.call<UnreachableDto>('GET', `/plans/${enc(planId)}/unreachable`);
  setDates = (planId: string, dates: SetDatesRequest) =>
    this.call<PlanViewDto>('PUT', `/plans/${enc(planId)}/dates`, dates);
  bindRole = (planId: string, role: string, personIds: readonly string[]) =>
    this.call<PlanViewDto>('PUT', `/plans/${enc(planId)}/roles/${enc(role)}`, { personIds });
  planSettings = (planId: string) => this.call<PlanSettingsDto>('GET', `/plans/${enc(planId)}/settings`);
  setTitle = (planId: string, request: SetTitleRequest) =>
    this.call<PlanSettingsDto>('PUT', `/plans/${enc(planId)}/title`, request);
  setHeader = (planId: string, request: SetHeaderRequest) =>
    this.call<PlanSettingsDto>('PUT', `/plans/${enc(planId)}/header`, request);
  setStageRule = (planId: string, stageKey: string, request: SetStageRuleRequest) =>
    this.call<PlanSettingsDto>('PUT', `/plans/${enc(planId)}/stages/${enc(stageKey)}/rule`, request);
  changeReportFormat = (planId: string, request: ChangeReportFormatRequest) =>
    this.call<PlanSettingsDto>('PUT', `/plans/${enc(planId)}/report-format`, request);
  archivePlan = (planId: string, request: ArchivePlanRequest) =>
    this.call<PlanSettingsDto>('POST', `/plans/${enc(planId)}/archive`, request);
  deletePlan = (planId: string) => this.call<null>('DELETE', `/plans/${enc(planId)}`);
  version = (planId: string, version: number) =>
    this.call<VersionDto>('GET', `/plans/${enc(planId)}/versions/${version}`);
  section = (planId: string, key: string) =>
    this.call<SectionDto>('GET', `/plans/${enc(planId)}/sections/${enc(key)}`);
  editSection = (planId: string, key: string, edit: EditSectionRequest) =>
    this.call<SectionDto>('PUT', `/plans/${enc(planId)}/sections/${enc(key)}`, edit);
  /**
   * The same save, sent as the page goes away: the browser finishes it after the page is gone
   * (`keepalive`), so no answer is read. Whether it landed is known on the next visit.
   */
  editSectionAsPageLeaves = (planId: string, key: string, edit: EditSectionRequest): void => {
    void this.credentials()
      .then((credentials) =>
        fetch(`${this.base}/plans/${enc(planId)}/sections/${enc(key)}`, {
          method: 'PUT',
          keepalive: true,
          headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...credentials },
          body: JSON.stringify(edit),
        }),
      )
      .catch(() => undefined);
  };
  assign = (planId: string, key: string, request: AssignSectionRequest) =>
    this.call<SectionDto>('POST', `/plans/${enc(planId)}/sections/${enc(key)}/assign`, request);
  submit = (planId: string, key: string) =>
    this.call<SectionDto>('POST', `/plans/${enc(planId)}/sections/${enc(key)}/submit`);
  accept = (planId: string, key: string) =>
    this.call<SectionDto>('POST', `/plans/${enc(planId)}/sections/${enc(key)}/accept`);
  requestChanges = (planId: string, key: string, comment: string) =>
    this.call<SectionDto>('POST', `/plans/${enc(planId)}/sections/${enc(key)}/request-changes`, { comment });
  startApprovals = (planId: string, request: StartApprovalsRequest = {}) =>
    this.call<PlanViewDto>('POST', `/plans/${enc(planId)}/approvals/start`, request);
  groupDelivery = (planId: string) =>
    this.call<GroupDeliveryOptionsDto>('GET', `/plans/${enc(planId)}/approvals/delivery`);
  respond = (planId: string, stageKey: string, request: RespondRequest) =>
    this.call<PlanViewDto>('POST', `/plans/${enc(planId)}/stages/${enc(stageKey)}/respond`, request);
  setToFollow = (planId: string, key: string, request: SetToFollowRequest) =>
    this.call<SectionDto>('PUT', `/plans/${enc(planId)}/sections/${enc(key)}/to-follow`, request);
  clearToFollow = (planId: string, key: string) =>
    this.call<SectionDto>('DELETE', `/plans/${enc(planId)}/sections/${enc(key)}/to-follow`);
  completeAsNone = (planId: string, key: string, baseRevision: number) =>
    this.call<SectionDto>('POST', `/plans/${enc(planId)}/sections/${enc(key)}/none`, {
      baseRevision,
    } satisfies CompleteAsNoneRequest);
  acceptSections = (planId: string, sectionKeys: readonly string[]) =>
    this.call<AcceptSectionsDto>('POST', `/plans/${enc(planId)}/sections/accept`, {
      sectionKeys,
    } satisfies AcceptSectionsRequest);
  stageChanges = (planId: string, stageKey: string) =>
    this.call<StageChangesDto>('GET', `/plans/${enc(planId)}/stages/${enc(stageKey)}/changes`);
  recordDecision = (planId: string, stageKey: string, request: RecordDecisionRequest) =>
    this.call<PlanViewDto>('POST', `/plans/${enc(planId)}/stages/${enc(stageKey)}/decision`, request);

  kpis = (planId: string) => this.call<KpiOverviewDto>('GET', `/plans/${enc(planId)}/kpis`);
  kpi = (planId: string, kpiId: string) =>
    this.call<KpiCardDto>('GET', `/plans/${enc(planId)}/kpis/${enc(kpiId)}`);
  defineKpi = (planId: string, request: DefineKpiRequest) =>
    this.call<KpiCardDto>('POST', `/plans/${enc(planId)}/kpis`, request);
  updateKpi = (planId: string, kpiId: string, request: UpdateKpiRequest) =>
    this.call<KpiCardDto>('PUT', `/plans/${enc(planId)}/kpis/${enc(kpiId)}`, request);
  retireKpi = (planId: string, kpiId: string, baseRevision: number) =>
    this.call<KpiOverviewDto>('POST', `/plans/${enc(planId)}/kpis/${enc(kpiId)}/retire`, { baseRevision });
  recordValue = (planId: string, kpiId: string, request: RecordValueRequest) =>
    this.call<KpiCardDto>('POST', `/plans/${enc(planId)}/kpis/${enc(kpiId)}/values`, request);
  correctValue = (planId: string, kpiId: string, periodKey: string, request: RecordValueRequest) =>
    this.call<KpiCardDto>(
      'PUT',
      `/plans/${enc(planId)}/kpis/${enc(kpiId)}/values/${enc(periodKey)}`,
      request,
    );
  defineMilestone = (planId: string, request: DefineMilestoneRequest) =>
    this.call<MilestoneCardDto>('POST', `/plans/${enc(planId)}/milestones`, request);
  updateMilestone = (planId: string, id: string, request: UpdateMilestoneRequest) =>
    this.call<MilestoneCardDto>('PUT', `/plans/${enc(planId)}/milestones/${enc(id)}`, request);
  milestoneProgress = (planId: string, id: string, request: MilestoneProgressRequest) =>
    this.call<MilestoneCardDto>('POST', `/plans/${enc(planId)}/milestones/${enc(id)}/progress`, request);

  progressUpdates = (planId: string) =>
    this.call<ProgressUpdateListDto>('GET', `/plans/${enc(planId)}/progress-updates`);
  startProgressUpdate = (planId: string, periodKey: string) =>
    this.call<ProgressUpdateDto>('POST', `/plans/${enc(planId)}/progress-updates`, { periodKey });
  progressUpdate = (planId: string, periodKey: string) =>
    this.call<ProgressUpdateDto>('GET', `/plans/${enc(planId)}/progress-updates/${enc(periodKey)}`);
  progressSummary = (planId: string, periodKey: string, summary: string | null) =>
    this.call<ProgressUpdateDto>('PUT', `/plans/${enc(planId)}/progress-updates/${enc(periodKey)}/summary`, {
      summary,
    });
  submitProgress = (planId: string, periodKey: string) =>
    this.call<ProgressUpdateDto>('POST', `/plans/${enc(planId)}/progress-updates/${enc(periodKey)}/submit`);
  respondToProgress = (planId: string, periodKey: string, request: ProgressRespondRequest) =>
    this.call<ProgressUpdateDto>(
      'POST',
      `/plans/${enc(planId)}/progress-updates/${enc(periodKey)}/respond`,
      request,
    );
  publishProgress = (planId: string, periodKey: string) =>
    this.call<ProgressUpdateDto>('POST', `/plans/${enc(planId)}/progress-updates/${enc(periodKey)}/publish`);

  recordPlanDecision = (planId: string, request: RecordPlanDecisionRequest) =>
    this.call<PlanViewDto>('POST', `/plans/${enc(planId)}/decision`, request);
  publishPlan = (planId: string, request: PublishPlanRequest = {}) =>
    this.call<PublishedDto>('POST', `/plans/${enc(planId)}/publish`, request);
  recordSubmission = (planId: string, request: RecordSubmissionRequest) =>
    this.call<PlanViewDto>('POST', `/plans/${enc(planId)}/submission`, request);
  submissionChecks = (planId: string) =>
    this.call<SubmissionChecksDto>('GET', `/plans/${enc(planId)}/submission-checks`);
}

const enc = encodeURIComponent;

/** What to tell the person, and what they can do about it, for any failure. */
export function describeError(error: unknown): { title: string; detail: string; next: string } {
  if (!(error instanceof ApiError)) {
    return {
      title: 'Something went wrong in the tab',
      detail: error instanceof Error ? error.message : String(error),
      next: 'Reload the page. If it happens again, tell your administrator what you were doing.',
    };
  }
  const next: Record<ClientErrorCode, string> = {
    NETWORK: 'Check your connection, then try again.',
    UNAUTHENTICATED: 'Reload the tab to sign in again.',
    NOT_ALLOWED: 'If you should be able to do this, ask the plan lead to add you.',
    NOT_FOUND: 'Go back to the list of plans and choose again.',
    VALIDATION: 'Correct what is described and try again.',
    STALE_VERSION: 'Reload to see the latest version, then make your change again.',
    CONFLICT: 'Someone else changed this at the same time. Reload and try again.',
    ALREADY_RESPONDED: 'Your earlier answer stands. Reload to see it.',
    INVALID_STATE: 'Reload to see where the plan is now.',
    CHOICE_NEEDED: 'Make the choice described, then try again.',
    HEADER_INCOMPLETE: 'Fill in the missing header values in the plan settings, then try again.',
    UNPLACED_TEXT: 'Move or clear the text listed, then try again.',
    TOO_LARGE: 'Shorten the text, or move detail to an appendix, and try again.',
    UNAVAILABLE: `Try again${error.retryAfterSeconds ? ` in ${error.retryAfterSeconds} seconds` : ' shortly'}; nothing was lost.`,
    TOO_MANY_REQUESTS: `Wait${error.retryAfterSeconds ? ` ${error.retryAfterSeconds} seconds` : ' a moment'}, then try again; nothing was lost.`,
    INTERNAL: 'Try again. If it keeps happening, tell your administrator.',
  };
  const titles: Partial<Record<ClientErrorCode, string>> = {
    NETWORK: 'The server cannot be reached',
    UNAUTHENTICATED: 'You are not signed in',
    NOT_ALLOWED: 'You cannot do this',
    NOT_FOUND: 'Not found',
    VALIDATION: 'Not accepted',
    UNAVAILABLE: 'SharePoint is busy',
    TOO_LARGE: 'Too long',
  };
  return { title: titles[error.code] ?? 'That did not work', detail: error.message, next: next[error.code] };
}
