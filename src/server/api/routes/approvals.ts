/** The plan's approval stages: start the rounds, answer a stage, record a stage's decision. */
import express, { type Router } from 'express';
import { decisionWithCallIn } from '../../../app/plans/decision.js';
import type { ApiDeps } from '../api-deps.js';
import { recordDecisionSchema, respondSchema } from '../requests.js';
import { param, type RouteKit } from '../route-kit.js';

export function approvalRoutes(deps: Pick<ApiDeps, 'rules' | 'calendar'>, kit: RouteKit): Router {
  const router = express.Router();

  router.post(
    '/plans/:planId/approvals/start',
    kit.commandRoute(null, () => ({ type: 'startApprovals' }), 'plan'),
  );

  router.post(
    '/plans/:planId/stages/:stageKey/respond',
    kit.commandRoute(
      respondSchema,
      (input, request) => ({
        type: 'respond',
        stageKey: param(request, 'stageKey'),
        decision: input.decision,
        comment: input.comment,
        versionHash: input.versionHash,
        ...(input.onBehalfOf ? { onBehalfOf: input.onBehalfOf } : {}),
      }),
      'plan',
    ),
  );

  router.post(
    '/plans/:planId/stages/:stageKey/decision',
    kit.commandRoute(
      recordDecisionSchema,
      // Where the decision can be called in and no end is given, it is worked out from the council's rules.
      (input, request) =>
        decisionWithCallIn(deps, { type: 'recordDecision', stageKey: param(request, 'stageKey'), ...input }),
      'plan',
    ),
  );

  return router;
}
