/** The plan's approval stages: start the rounds, answer a stage, record a stage's decision. */
import express, { type Router } from 'express';
import { recordDecisionSchema, respondSchema } from '../requests.js';
import { body, param, type RouteKit } from '../route-kit.js';

export function approvalRoutes(kit: RouteKit): Router {
  const router = express.Router();

  router.post('/plans/:planId/approvals/start', async (request, response) => {
    await kit.command(request, response, { type: 'startApprovals' }, 'plan');
  });

  router.post('/plans/:planId/stages/:stageKey/respond', async (request, response) => {
    const input = body(respondSchema, request, response);
    if (!input) return;
    await kit.command(
      request,
      response,
      {
        type: 'respond',
        stageKey: param(request, 'stageKey'),
        decision: input.decision,
        comment: input.comment,
        versionHash: input.versionHash,
        ...(input.onBehalfOf ? { onBehalfOf: input.onBehalfOf } : {}),
      },
      'plan',
    );
  });

  router.post('/plans/:planId/stages/:stageKey/decision', async (request, response) => {
    const input = body(recordDecisionSchema, request, response);
    if (!input) return;
    await kit.command(
      request,
      response,
      { type: 'recordDecision', stageKey: param(request, 'stageKey'), ...input },
      'plan',
    );
  });

  return router;
}
