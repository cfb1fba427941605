/** A plan's milestones: define, update, and record progress. */
import express, { type Request, type Response, type Router } from 'express';
import { defineMilestone, setMilestoneProgress, updateMilestone } from '../../../app/kpis/milestones.js';
import type { ApiDeps } from '../api-deps.js';
import { defineMilestoneSchema, milestoneProgressSchema, updateMilestoneSchema } from '../kpi-requests.js';
import { actorOf, param, useCaseRoute } from '../route-kit.js';
import type { KpiAnswers } from './kpi-answers.js';

export function milestoneRoutes(deps: ApiDeps, answers: KpiAnswers): Router {
  const router = express.Router();
  const sendMilestone = (request: Request, response: Response) =>
    answers.sendMilestone(request, response, param(request, 'milestoneId'));

  router.post(
    '/plans/:planId/milestones',
    useCaseRoute(
      defineMilestoneSchema,
      (input, request, response) =>
        defineMilestone(deps.kpis, param(request, 'planId'), input.definition, actorOf(response), input.id),
      (made, request, response) =>
        answers.sendMilestone(request, response, made.item.id, made.changed ? 201 : 200),
    ),
  );

  router.put(
    '/plans/:planId/milestones/:milestoneId',
    useCaseRoute(
      updateMilestoneSchema,
      (input, request, response) =>
        updateMilestone(
          deps.kpis,
          param(request, 'planId'),
          param(request, 'milestoneId'),
          input.baseRevision,
          input.definition,
          actorOf(response),
        ),
      (_done, request, response) => sendMilestone(request, response),
    ),
  );

  router.post(
    '/plans/:planId/milestones/:milestoneId/progress',
    useCaseRoute(
      milestoneProgressSchema,
      (input, request, response) =>
        setMilestoneProgress(
          deps.kpis,
          param(request, 'planId'),
          param(request, 'milestoneId'),
          input.baseRevision,
          input.change,
          actorOf(response),
        ),
      (_done, request, response) => sendMilestone(request, response),
    ),
  );

  return router;
}
