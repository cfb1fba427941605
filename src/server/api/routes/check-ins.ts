/** A KPI's values, one a period: record the period's check-in, or correct one already recorded. */
import express, { type Router } from 'express';
import { correctCheckIn, recordCheckIn } from '../../../app/kpis/check-ins.js';
import type { ApiDeps } from '../api-deps.js';
import { sendError } from '../errors.js';
import { recordValueSchema } from '../kpi-requests.js';
import { actorOf, body, param, settled } from '../route-kit.js';
import type { KpiAnswers } from './kpi-answers.js';

export function checkInRoutes(deps: ApiDeps, answers: KpiAnswers): Router {
  const router = express.Router();

  router.post('/plans/:planId/kpis/:kpiId/values', async (request, response) => {
    const input = body(recordValueSchema, request, response);
    if (!input) return;
    if (input.periodKey === undefined) {
      sendError(response, 'VALIDATION', 'The request is not valid: periodKey: is required.', {
        problems: ['periodKey: is required'],
      });
      return;
    }
    const kpiId = param(request, 'kpiId');
    const done = settled(
      response,
      await recordCheckIn(
        deps.kpis,
        { kpiId, periodKey: input.periodKey, reading: input.reading, commentary: input.commentary },
        actorOf(response),
        param(request, 'planId'),
      ),
    );
    if (done) await answers.sendKpi(request, response, kpiId, done.changed ? 201 : 200);
  });

  router.put('/plans/:planId/kpis/:kpiId/values/:periodKey', async (request, response) => {
    const input = body(recordValueSchema, request, response);
    if (!input) return;
    const kpiId = param(request, 'kpiId');
    const periodKey = param(request, 'periodKey');
    if (input.periodKey !== undefined && input.periodKey !== periodKey) {
      sendError(response, 'VALIDATION', 'The period in the body is not the period in the address.');
      return;
    }
    const done = settled(
      response,
      await correctCheckIn(
        deps.kpis,
        param(request, 'planId'),
        { kpiId, periodKey, reading: input.reading, commentary: input.commentary },
        actorOf(response),
      ),
    );
    if (done) await answers.sendKpi(request, response, kpiId);
  });

  return router;
}
