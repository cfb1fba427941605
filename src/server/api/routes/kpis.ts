/** A plan's KPIs: the overview, one KPI, define, update and retire. */
import express, { type Router } from 'express';
import { defineKpi, retireKpi, updateKpi } from '../../../app/kpis/kpi-definitions.js';
import type { ApiDeps } from '../api-deps.js';
import { defineKpiSchema, retireKpiSchema, updateKpiSchema } from '../kpi-requests.js';
import { actorOf, param, useCaseRoute } from '../route-kit.js';
import type { KpiAnswers } from './kpi-answers.js';

export function kpiRoutes(deps: ApiDeps, answers: KpiAnswers): Router {
  const router = express.Router();

  router.get('/plans/:planId/kpis', async (request, response) => {
    await answers.sendOverview(request, response);
  });

  router.get('/plans/:planId/kpis/:kpiId', async (request, response) => {
    await answers.sendKpi(request, response, param(request, 'kpiId'));
  });

  router.post(
    '/plans/:planId/kpis',
    useCaseRoute(
      defineKpiSchema,
      (input, request, response) =>
        defineKpi(deps.kpis, param(request, 'planId'), input.draft, actorOf(response), input.id),
      (made, request, response) => answers.sendKpi(request, response, made.item.id, made.changed ? 201 : 200),
    ),
  );

  router.put(
    '/plans/:planId/kpis/:kpiId',
    useCaseRoute(
      updateKpiSchema,
      (input, request, response) =>
        updateKpi(
          deps.kpis,
          param(request, 'planId'),
          param(request, 'kpiId'),
          input.baseRevision,
          input.draft,
          actorOf(response),
        ),
      (_done, request, response) => answers.sendKpi(request, response, param(request, 'kpiId')),
    ),
  );

  router.post(
    '/plans/:planId/kpis/:kpiId/retire',
    useCaseRoute(
      retireKpiSchema,
      (input, request, response) =>
        retireKpi(
          deps.kpis,
          param(request, 'planId'),
          param(request, 'kpiId'),
          input.baseRevision,
          actorOf(response),
        ),
      (_done, request, response) => answers.sendOverview(request, response),
    ),
  );

  return router;
}
