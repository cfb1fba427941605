/**
 * The plan's approval stages: start the rounds, answer a stage, record a stage's decision, and what
 * changed since someone answered.
 */
import express, { type Router } from 'express';
import { decisionWithCallIn } from '../../../app/plans/decision.js';
import { recordDecisionSchema, respondSchema } from '../requests.js';
import { stageChanges } from '../../../app/plans/stage-changes.js';
import type { StageChangesDto } from '../../../shared/api.js';
import type { ApiDeps } from '../api-deps.js';
import { actorOf, param, useCaseRoute, type RouteKit } from '../route-kit.js';

export function approvalRoutes(deps: ApiDeps, kit: RouteKit): Router {
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

  // What changed since the person asking approved (or since the last round), word by word.
  router.get(
    '/plans/:planId/stages/:stageKey/changes',
    useCaseRoute(
      null,
      (_input, request, response) =>
        stageChanges(
          { store: deps.store, clock: deps.clock, documents: deps.publishing.documents },
          param(request, 'planId'),
          param(request, 'stageKey'),
          actorOf(response),
        ),
      async (changes: StageChangesDto, _request, response) => {
        response.json(changes);
      },
    ),
  );

  return router;
}
