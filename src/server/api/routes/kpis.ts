/** A plan's KPIs: the overview, one KPI, define, update and retire. */
import express, { type Router } from 'express';
import { defineKpi, retireKpi, updateKpi } from '../../../app/kpis/kpi-definitions.js';
import type { ApiDeps } from '../api-deps.js';
import { defineKpiSchema, retireKpiSchema, updateKpiSchema } from '../kpi-requests.js';
import { actorOf, body, param, settled } from '../route-kit.js';
import type { KpiAnswers } from './kpi-answers.js';

export function kpiRoutes(deps: ApiDeps, answers: KpiAnswers): Router {
  const router = express.Router();

  router.get('/plans/:planId/kpis', async (request, response) => {
    await answers.sendOverview(request, response);
  });

  router.get('/plans/:planId/kpis/:kpiId', async (request, response) => {
    await answers.sendKpi(request, response, param(request, 'kpiId'));
  });

  router.post('/plans/:planId/kpis', async (request, response) => {
    const input = body(defineKpiSchema, request, response);
    if (!input) return;
    const made = settled(
      response,
      await defineKpi(deps.kpis, param(request, 'planId'), input.draft, actorOf(response), input.id),
    );
    if (made) await answers.sendKpi(request, response, made.item.id, made.changed ? 201 : 200);
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
    if (done) await answers.sendKpi(request, response, kpiId);
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
    if (done) await answers.sendOverview(request, response);
  });

  return router;
}
