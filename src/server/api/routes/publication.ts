/** After the approvals: the meeting's decision, publication with its links, and the submission. */
import express, { type Router } from 'express';
import { decisionWithCallIn } from '../../../app/plans/decision.js';
import { publishPlan } from '../../../app/publication/publish-plan.js';
import { submissionChecks } from '../../../domain/checks/submission-checks.js';
import type { PublishedDto, SubmissionChecksDto } from '../../../shared/kpi-api.js';
import type { ApiDeps } from '../api-deps.js';
import { linkedFor } from '../document-links.js';
import { sendError } from '../errors.js';
import { planDecisionSchema, publishSchema, submissionSchema } from '../kpi-requests.js';
import { actorOf, body, param, useCaseRoute, type RouteKit } from '../route-kit.js';

export function publicationRoutes(deps: ApiDeps, kit: RouteKit): Router {
  const router = express.Router();

  router.post('/plans/:planId/decision', async (request, response) => {
    const input = body(planDecisionSchema, request, response);
    if (!input) return;
    const plan = await kit.loadPlan(request, response);
    if (!plan) return;
    const decisionStages = plan.stages.filter((s) => s.kind === 'decision');
    const stage = decisionStages.find((s) => s.state === 'open') ?? decisionStages[0];
    if (!stage) {
      sendError(response, 'INVALID_STATE', `“${plan.title}” has no decision stage to record.`);
      return;
    }
    const decided = await kit.runPlanCommand(
      request,
      response,
      decisionWithCallIn(deps, { type: 'recordDecision', stageKey: stage.key, ...input }),
    );
    if (decided) await kit.sendPlan(response, decided);
  });

  router.post(
    '/plans/:planId/publish',
    useCaseRoute(
      publishSchema,
      (input, request, response) =>
        publishPlan(
          deps.publishing,
          param(request, 'planId'),
          actorOf(response),
          input.callInOverride === undefined ? {} : { callInOverride: input.callInOverride },
        ),
      async ({ plan }, _request, response) => {
        const links = plan.publication ? linkedFor(deps.documentLink, plan.publication).links : [];
        response.json({ links, plan: await kit.planView(response, plan) } satisfies PublishedDto);
      },
    ),
  );

  router.post(
    '/plans/:planId/submission',
    kit.commandRoute(submissionSchema, (input) => ({ type: 'recordSubmission', ...input }), 'plan'),
  );

  router.get('/plans/:planId/submission-checks', async (request, response) => {
    const plan = await kit.loadPlan(request, response);
    if (!plan) return;
    const answer: SubmissionChecksDto = {
      checks: submissionChecks(plan, undefined, deps.clock.now()),
      decision: plan.decision,
      publication: linkedFor(deps.documentLink, plan.publication),
      submission: plan.submission,
    };
    response.json(answer);
  });

  return router;
}
