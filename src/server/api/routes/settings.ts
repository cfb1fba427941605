/**
 * The plan settings view (plan lead only, decided here from the validated identity and again by every
 * command): read them, rename, change the report format, fill the report header, change a stage's rule,
 * archive, delete.
 */
import express, { type Request, type Response, type Router } from 'express';
import type { Command } from '../../../domain/plan/commands.js';
import type { Plan } from '../../../domain/plan/plan.js';
import type { ApiDeps } from '../api-deps.js';
import { sendError } from '../errors.js';
import { settingsView } from '../settings-dto.js';
import {
  archivePlanSchema,
  changeReportFormatSchema,
  setHeaderSchema,
  setStageRuleSchema,
  setTitleSchema,
} from '../settings-requests.js';
import { actorOf, body, param, type RouteKit } from '../route-kit.js';

export function settingsRoutes(deps: ApiDeps, kit: RouteKit): Router {
  const router = express.Router();

  const send = async (response: Response, plan: Plan): Promise<void> => {
    response.json(await settingsView(plan, deps.catalog.reportFormats, kit.names));
  };

  const run = async (request: Request, response: Response, command: Command): Promise<void> => {
    const plan = await kit.runPlanCommand(request, response, command);
    if (plan) await send(response, plan);
  };

  router.get('/plans/:planId/settings', async (request, response) => {
    const plan = await kit.loadPlan(request, response);
    if (!plan) return;
    if (plan.leadId !== actorOf(response).id) {
      sendError(response, 'NOT_ALLOWED', 'Only the plan lead can see and change the plan settings.');
      return;
    }
    await send(response, plan);
  });

  router.put('/plans/:planId/title', async (request, response) => {
    const input = body(setTitleSchema, request, response);
    if (input) await run(request, response, { type: 'setTitle', title: input.title });
  });

  router.put('/plans/:planId/header', async (request, response) => {
    const input = body(setHeaderSchema, request, response);
    if (input) await run(request, response, { type: 'setHeaderFields', values: input.values });
  });

  router.put('/plans/:planId/stages/:stageKey/rule', async (request, response) => {
    const input = body(setStageRuleSchema, request, response);
    if (!input) return;
    await run(request, response, {
      type: 'setStageRule',
      stageKey: param(request, 'stageKey'),
      rule: input.rule,
      mandatoryRoles: input.mandatoryRoles,
    });
  });

  router.put('/plans/:planId/report-format', async (request, response) => {
    const input = body(changeReportFormatSchema, request, response);
    if (!input) return;
    const format = deps.catalog.reportFormats.find((f) => f.id === input.reportFormatId);
    if (!format) {
      sendError(response, 'VALIDATION', `There is no report format "${input.reportFormatId}".`, {
        field: 'reportFormatId',
      });
      return;
    }
    await run(request, response, { type: 'changeReportFormat', format });
  });

  router.post('/plans/:planId/archive', async (request, response) => {
    const input = body(archivePlanSchema, request, response);
    if (input) await run(request, response, { type: 'archivePlan', archived: input.archived });
  });

  router.delete('/plans/:planId', async (request, response) => {
    const plan = await kit.runPlanCommand(request, response, { type: 'deletePlan' });
    if (plan) response.status(204).end();
  });

  return router;
}
