/** A plan's progress updates, one a period: list, start, read, summarise, submit, answer and publish. */
import express, { type Request, type Response, type Router } from 'express';
import {
  previewProgressUpdate,
  publishProgressUpdate,
  respondToProgress,
  startProgressUpdate,
  submitProgressUpdate,
  writeProgressSummary,
} from '../../../app/progress/progress-updates.js';
import { progressList } from '../../../app/progress/progress-list.js';
import { periodFromKey } from '../../../domain/kpis/periods.js';
import type { ProgressUpdateListDto } from '../../../shared/kpi-api.js';
import type { ApiDeps } from '../api-deps.js';
import { linkedFor } from '../document-links.js';
import { progressRespondSchema, progressSummarySchema, startProgressSchema } from '../kpi-requests.js';
import { progressUpdateView } from '../kpi-dtos.js';
import { actorOf, param, settled, useCaseRoute, type RouteKit } from '../route-kit.js';

export function progressUpdateRoutes(deps: ApiDeps, kit: RouteKit): Router {
  const router = express.Router();

  /** The update as it now stands, with its preview (201 when the request started it). */
  const sendUpdate = async (request: Request, response: Response, periodKey: string, status = 200) => {
    const plan = await kit.loadPlan(request, response);
    if (!plan) return;
    const preview = settled(response, await previewProgressUpdate(deps.progress, plan.id, periodKey));
    if (!preview) return;
    const view = await progressUpdateView(plan, preview, actorOf(response), kit.names);
    response.status(status).json({ ...view, publication: linkedFor(deps.documentLink, view.publication) });
  };

  router.get('/plans/:planId/progress-updates', async (request, response) => {
    const plan = await kit.loadPlan(request, response);
    if (!plan) return;
    const list = await progressList(deps.progress, plan, actorOf(response));
    const body: ProgressUpdateListDto = {
      planTitle: plan.title,
      periodsToStart: list.periodsToStart.map(({ key, label }) => ({ key, label })),
      cannotStart: list.cannotStart,
      updates: list.updates.map((u) => ({
        periodKey: u.periodKey,
        periodLabel: periodFromKey(u.periodKey)?.label ?? u.periodKey,
        status: u.status,
      })),
    };
    response.json(body);
  });

  router.post(
    '/plans/:planId/progress-updates',
    useCaseRoute(
      startProgressSchema,
      (input, request, response) =>
        startProgressUpdate(deps.progress, param(request, 'planId'), input.periodKey, actorOf(response)),
      (started, request, response) =>
        sendUpdate(request, response, started.update.periodKey, started.changed ? 201 : 200),
    ),
  );

  router.get('/plans/:planId/progress-updates/:periodKey', async (request, response) => {
    await sendUpdate(request, response, param(request, 'periodKey'));
  });

  /** The update the address names, as it now stands. */
  const sendNamed = (_done: unknown, request: Request, response: Response) =>
    sendUpdate(request, response, param(request, 'periodKey'));

  router.put(
    '/plans/:planId/progress-updates/:periodKey/summary',
    useCaseRoute(
      progressSummarySchema,
      (input, request, response) =>
        writeProgressSummary(
          deps.progress,
          param(request, 'planId'),
          param(request, 'periodKey'),
          input.summary,
          actorOf(response),
        ),
      sendNamed,
    ),
  );

  router.post(
    '/plans/:planId/progress-updates/:periodKey/submit',
    useCaseRoute(
      null,
      (_none, request, response) =>
        submitProgressUpdate(
          deps.progress,
          param(request, 'planId'),
          param(request, 'periodKey'),
          actorOf(response),
        ),
      sendNamed,
    ),
  );

  router.post(
    '/plans/:planId/progress-updates/:periodKey/respond',
    useCaseRoute(
      progressRespondSchema,
      (input, request, response) =>
        respondToProgress(
          deps.progress,
          param(request, 'planId'),
          param(request, 'periodKey'),
          input,
          actorOf(response),
        ),
      sendNamed,
    ),
  );

  router.post(
    '/plans/:planId/progress-updates/:periodKey/publish',
    useCaseRoute(
      null,
      (_none, request, response) =>
        publishProgressUpdate(
          deps.progress,
          param(request, 'planId'),
          param(request, 'periodKey'),
          actorOf(response),
        ),
      sendNamed,
    ),
  );

  return router;
}
