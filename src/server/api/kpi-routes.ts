/**
 * Routes for what follows the plan's approval: KPIs, milestones, progress updates, the decision,
 * publication and submission. Mounted by createApiRouter after identity is established, so every
 * handler here has a validated actor; each checks its body, calls one use case and answers a DTO.
 */
import type { Request, Response, Router } from 'express';
import type { z } from 'zod';
import {
  correctCheckIn,
  defineKpi,
  defineMilestone,
  kpiOverview,
  recordCheckIn,
  retireKpi,
  setMilestoneProgress,
  updateKpi,
  updateMilestone,
  type KpiDeps,
} from '../../app/kpis.js';
import {
  previewProgressUpdate,
  publishProgressUpdate,
  respondToProgress,
  startProgressUpdate,
  submitProgressUpdate,
  writeProgressSummary,
  type ProgressPublishDeps,
} from '../../app/progress-updates.js';
import { publishPlan, type PublishDeps } from '../../app/publish-plan.js';
import type { BankHolidayCalendar } from '../../domain/calendar.js';
import type { Actor, Command } from '../../domain/commands.js';
import { periodFromKey } from '../../domain/kpi-periods.js';
import type { PersonId, Plan } from '../../domain/plan.js';
import type { Result } from '../../domain/result.js';
import { submissionChecks } from '../../domain/submission-checks.js';
import type { PeopleDto } from '../../shared/api.js';
import type {
  KpiCardDto,
  KpiOverviewDto,
  MilestoneCardDto,
  ProgressUpdateListDto,
  PublishedDto,
  SubmissionChecksDto,
} from '../../shared/kpi-api.js';
import { sendError, sendRefusal } from './errors.js';
import {
  defineKpiSchema,
  defineMilestoneSchema,
  milestoneProgressSchema,
  planDecisionSchema,
  progressRespondSchema,
  progressSummarySchema,
  recordValueSchema,
  retireKpiSchema,
  startProgressSchema,
  submissionSchema,
  updateKpiSchema,
  updateMilestoneSchema,
} from './kpi-requests.js';
import { kpiOverviewView, progressUpdateView } from './kpi-dtos.js';

export interface KpiRouteDeps {
  readonly kpis: KpiDeps;
  readonly progress: ProgressPublishDeps;
  readonly publishing: PublishDeps;
  readonly calendar: BankHolidayCalendar;
}

/** What the main router lends: identity, body checks, plan loading and its answers. */
export interface RouteKit {
  readonly actorOf: (response: Response) => Actor;
  readonly param: (request: Request, name: string) => string;
  readonly body: <T>(schema: z.ZodType<T>, request: Request, response: Response) => T | null;
  readonly loadPlan: (request: Request, response: Response) => Promise<Plan | null>;
  readonly sendPlan: (response: Response, plan: Plan, status?: number) => Promise<void>;
  /** Runs a plan command; answers a refusal and returns null, or returns the plan as it now stands. */
  readonly runPlanCommand: (request: Request, response: Response, command: Command) => Promise<Plan | null>;
  readonly names: (ids: Iterable<PersonId>) => Promise<PeopleDto>;
}

export function registerKpiRoutes(router: Router, deps: KpiRouteDeps, kit: KpiRouteKit): void {
  const { actorOf, param, body, loadPlan, names } = kit;
  const overviewDeps = { ...deps.kpis, calendar: deps.calendar };

  const overview = async (response: Response, plan: Plan): Promise<KpiOverviewDto | null> => {
    const found = await kpiOverview(overviewDeps, plan.id);
    if (!found.ok) {
      sendRefusal(response, found.error);
      return null;
    }
    const values = (await deps.kpis.kpis.forPlan(plan.id)).values.map((v) => v.item);
    return kpiOverviewView(plan, found.value, values, deps.calendar, actorOf(response), names);
  };

  /** Answers one KPI's card as it now stands (201 when the request made something new). */
  const sendKpi = async (request: Request, response: Response, kpiId: string, status = 200) => {
    const plan = await loadPlan(request, response);
    if (!plan) return;
    const view = await overview(response, plan);
    if (!view) return;
    const card: KpiCardDto | undefined = view.kpis.find((k) => k.kpi.id === kpiId);
    if (!card) {
      sendError(response, 'NOT_FOUND', `The plan has no current KPI "${kpiId}" (it may have been retired).`);
      return;
    }
    response.status(status).json(card);
  };

  const sendMilestone = async (request: Request, response: Response, milestoneId: string, status = 200) => {
    const plan = await loadPlan(request, response);
    if (!plan) return;
    const view = await overview(response, plan);
    if (!view) return;
    const card: MilestoneCardDto | undefined = view.milestones.find((m) => m.milestone.id === milestoneId);
    if (card) response.status(status).json(card);
    else sendError(response, 'NOT_FOUND', `The plan has no milestone "${milestoneId}".`);
  };

  /** A refusal is answered; otherwise the caller goes on with the value. */
  const settled = <T>(response: Response, result: Result<T>): T | null => {
    if (result.ok) return result.value;
    sendRefusal(response, result.error);
    return null;
  };

  // ------------------------------------------------------------------------------------------ KPIs

  router.get('/plans/:planId/kpis', async (request, response) => {
    const plan = await loadPlan(request, response);
    if (!plan) return;
    const view = await overview(response, plan);
    if (view) response.json(view);
  });

  router.get('/plans/:planId/kpis/:kpiId', async (request, response) => {
    await sendKpi(request, response, param(request, 'kpiId'));
  });

  router.post('/plans/:planId/kpis', async (request, response) => {
    const input = body(defineKpiSchema, request, response);
    if (!input) return;
    const made = settled(
      response,
      await defineKpi(deps.kpis, param(request, 'planId'), input.draft, actorOf(response), input.id),
    );
    if (made) await sendKpi(request, response, made.item.id, made.changed ? 201 : 200);
  });

  router.put('/plans/:planId/kpis/:kpiId', async (request, response) => {
    const input = body(updateKpiSchema, request, response);
    if (!input) return;
    const kpiId = param(request, 'kpiId');
    const done = settled(
      response,
      await updateKpi(
        deps.kpis,
        param(request, 'planId'),
        kpiId,
        input.baseRevision,
        input.draft,
        actorOf(response),
      ),
    );
    if (done) await sendKpi(request, response, kpiId);
  });

  router.post('/plans/:planId/kpis/:kpiId/retire', async (request, response) => {
    const input = body(retireKpiSchema, request, response);
    if (!input) return;
    const done = settled(
      response,
      await retireKpi(
        deps.kpis,
        param(request, 'planId'),
        param(request, 'kpiId'),
        input.baseRevision,
        actorOf(response),
      ),
    );
    if (!done) return;
    const plan = await loadPlan(request, response);
    const view = plan ? await overview(response, plan) : null;
    if (view) response.json(view);
  });

  router.post('/plans/:planId/kpis/:kpiId/values', async (request, response) => {
    const input = body(recordValueSchema, request, response);
    if (!input) return;
    if (input.periodKey === undefined) {
      sendError(response, 'VALIDATION', 'The request is not valid: periodKey: is required.', {
        problems: ['periodKey: is required'],
      });
      return;
    }
    const kpiId = param(request, 'kpiId');
    const done = settled(
      response,
      await recordCheckIn(
        deps.kpis,
        { kpiId, periodKey: input.periodKey, reading: input.reading, commentary: input.commentary },
        actorOf(response),
        param(request, 'planId'),
      ),
    );
    if (done) await sendKpi(request, response, kpiId, done.changed ? 201 : 200);
  });

  router.put('/plans/:planId/kpis/:kpiId/values/:periodKey', async (request, response) => {
    const input = body(recordValueSchema, request, response);
    if (!input) return;
    const kpiId = param(request, 'kpiId');
    const periodKey = param(request, 'periodKey');
    if (input.periodKey !== undefined && input.periodKey !== periodKey) {
      sendError(response, 'VALIDATION', 'The period in the body is not the period in the address.');
      return;
    }
    const done = settled(
      response,
      await correctCheckIn(
        deps.kpis,
        param(request, 'planId'),
        { kpiId, periodKey, reading: input.reading, commentary: input.commentary },
        actorOf(response),
      ),
    );
    if (done) await sendKpi(request, response, kpiId);
  });

  // ------------------------------------------------------------------------------------ milestones

  router.post('/plans/:planId/milestones', async (request, response) => {
    const input = body(defineMilestoneSchema, request, response);
    if (!input) return;
    const made = settled(
      response,
      await defineMilestone(
        deps.kpis,
        param(request, 'planId'),
        input.definition,
        actorOf(response),
        input.id,
      ),
    );
    if (made) await sendMilestone(request, response, made.item.id, made.changed ? 201 : 200);
  });

  router.put('/plans/:planId/milestones/:milestoneId', async (request, response) => {
    const input = body(updateMilestoneSchema, request, response);
    if (!input) return;
    const milestoneId = param(request, 'milestoneId');
    const done = settled(
      response,
      await updateMilestone(
        deps.kpis,
        param(request, 'planId'),
        milestoneId,
        input.baseRevision,
        input.definition,
        actorOf(response),
      ),
    );
    if (done) await sendMilestone(request, response, milestoneId);
  });

  router.post('/plans/:planId/milestones/:milestoneId/progress', async (request, response) => {
    const input = body(milestoneProgressSchema, request, response);
    if (!input) return;
    const milestoneId = param(request, 'milestoneId');
    const done = settled(
      response,
      await setMilestoneProgress(
        deps.kpis,
        param(request, 'planId'),
        milestoneId,
        input.baseRevision,
        input.change,
        actorOf(response),
      ),
    );
    if (done) await sendMilestone(request, response, milestoneId);
  });

  // ------------------------------------------------------------------------------ progress updates

  const sendUpdate = async (request: Request, response: Response, periodKey: string, status = 200) => {
    const plan = await loadPlan(request, response);
    if (!plan) return;
    const preview = settled(response, await previewProgressUpdate(deps.progress, plan.id, periodKey));
    if (preview)
      response.status(status).json(await progressUpdateView(plan, preview, actorOf(response), names));
  };

  router.get('/plans/:planId/progress-updates', async (request, response) => {
    const plan = await loadPlan(request, response);
    if (!plan) return;
    const stored = await deps.progress.updates.progressUpdates(plan.id);
    const body: ProgressUpdateListDto = {
      updates: stored
        .map((s) => s.item)
        .sort((a, b) => b.periodKey.localeCompare(a.periodKey))
        .map((u) => ({
          periodKey: u.periodKey,
          periodLabel: periodFromKey(u.periodKey)?.label ?? u.periodKey,
          status: u.status,
        })),
    };
    response.json(body);
  });

  router.post('/plans/:planId/progress-updates', async (request, response) => {
    const input = body(startProgressSchema, request, response);
    if (!input) return;
    const started = settled(
      response,
      await startProgressUpdate(deps.progress, param(request, 'planId'), input.periodKey, actorOf(response)),
    );
    if (started) await sendUpdate(request, response, started.update.periodKey, started.changed ? 201 : 200);
  });

  router.get('/plans/:planId/progress-updates/:periodKey', async (request, response) => {
    await sendUpdate(request, response, param(request, 'periodKey'));
  });

  router.put('/plans/:planId/progress-updates/:periodKey/summary', async (request, response) => {
    const input = body(progressSummarySchema, request, response);
    if (!input) return;
    const periodKey = param(request, 'periodKey');
    const done = settled(
      response,
      await writeProgressSummary(
        deps.progress,
        param(request, 'planId'),
        periodKey,
        input.summary,
        actorOf(response),
      ),
    );
    if (done) await sendUpdate(request, response, periodKey);
  });

  router.post('/plans/:planId/progress-updates/:periodKey/submit', async (request, response) => {
    const periodKey = param(request, 'periodKey');
    const done = settled(
      response,
      await submitProgressUpdate(deps.progress, param(request, 'planId'), periodKey, actorOf(response)),
    );
    if (done) await sendUpdate(request, response, periodKey);
  });

  router.post('/plans/:planId/progress-updates/:periodKey/respond', async (request, response) => {
    const input = body(progressRespondSchema, request, response);
    if (!input) return;
    const periodKey = param(request, 'periodKey');
    const done = settled(
      response,
      await respondToProgress(deps.progress, param(request, 'planId'), periodKey, input, actorOf(response)),
    );
    if (done) await sendUpdate(request, response, periodKey);
  });

  router.post('/plans/:planId/progress-updates/:periodKey/publish', async (request, response) => {
    const periodKey = param(request, 'periodKey');
    const done = settled(
      response,
      await publishProgressUpdate(deps.progress, param(request, 'planId'), periodKey, actorOf(response)),
    );
    if (done) await sendUpdate(request, response, periodKey);
  });

  // --------------------------------------------------------------- the decision, publication, submission

  router.post('/plans/:planId/decision', async (request, response) => {
    const input = body(planDecisionSchema, request, response);
    if (!input) return;
    const plan = await loadPlan(request, response);
    if (!plan) return;
    const decisionStages = plan.stages.filter((s) => s.kind === 'decision');
    const stage = decisionStages.find((s) => s.state === 'open') ?? decisionStages[0];
    if (!stage) {
      sendError(response, 'INVALID_STATE', `“${plan.title}” has no decision stage to record.`);
      return;
    }
    const decided = await kit.runPlanCommand(request, response, {
      type: 'recordDecision',
      stageKey: stage.key,
      ...input,
    });
    if (decided) await kit.sendPlan(response, decided);
  });

  router.post('/plans/:planId/publish', async (request, response) => {
    const published = settled(
      response,
      await publishPlan(deps.publishing, param(request, 'planId'), actorOf(response)),
    );
    if (!published) return;
    const plan = published.plan;
    const links = plan.publication?.links ?? [];
    response.json({
      links,
      plan: await kit.planView(response, plan),
    } satisfies PublishedDto);
  });

  router.post('/plans/:planId/submission', async (request, response) => {
    const input = body(submissionSchema, request, response);
    if (!input) return;
    const done = await kit.runPlanCommand(request, response, { type: 'recordSubmission', ...input });
    if (done) await kit.sendPlan(response, done);
  });

  router.get('/plans/:planId/submission-checks', async (request, response) => {
    const plan = await loadPlan(request, response);
    if (!plan) return;
    const answer: SubmissionChecksDto = {
      checks: submissionChecks(plan),
      decision: plan.decision,
      publication: plan.publication,
      submission: plan.submission,
    };
    response.json(answer);
  });
}

export type KpiRouteKit = RouteKit & {
  readonly planView: (response: Response, plan: Plan) => Promise<PublishedDto['plan']>;
};
