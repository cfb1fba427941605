/** A plan's milestones: define, update, and record progress. */
import express, { type Router } from 'express';
import { defineMilestone, setMilestoneProgress, updateMilestone } from '../../../app/kpis/milestones.js';
import type { ApiDeps } from '../api-deps.js';
import { defineMilestoneSchema, milestoneProgressSchema, updateMilestoneSchema } from '../kpi-requests.js';
import { actorOf, body, param, settled } from '../route-kit.js';
import type { KpiAnswers } from './kpi-answers.js';

export function milestoneRoutes(deps: ApiDeps, answers: KpiAnswers): Router {
  const router = express.Router();

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
    if (made) await answers.sendMilestone(request, response, made.item.id, made.changed ? 201 : 200);
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
    if (done) await answers.sendMilestone(request, response, milestoneId);
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
    if (done) await answers.sendMilestone(request, response, milestoneId);
  });

  return router;
}
