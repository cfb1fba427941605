/** A KPI's values, one a period: record the period's check-in, or correct one already recorded. */
import express, { type Router } from 'express';
import { correctCheckIn, recordCheckIn } from '../../../app/kpis/check-ins.js';
import { refuse } from '../../../domain/support/result.js';
import type { ApiDeps } from '../api-deps.js';
import { recordValueSchema } from '../kpi-requests.js';
import { actorOf, param, useCaseRoute } from '../route-kit.js';
import type { KpiAnswers } from './kpi-answers.js';

export function checkInRoutes(deps: ApiDeps, answers: KpiAnswers): Router {
  const router = express.Router();

  router.post(
    '/plans/:planId/kpis/:kpiId/values',
    useCaseRoute(
      recordValueSchema,
      async (input, request, response) => {
        if (input.periodKey === undefined) {
          return refuse('VALIDATION', 'The request is not valid: periodKey: is required.', {
            problems: ['periodKey: is required'],
          });
        }
        return recordCheckIn(
          deps.kpis,
          {
            kpiId: param(request, 'kpiId'),
            periodKey: input.periodKey,
            reading: input.reading,
            commentary: input.commentary,
          },
          actorOf(response),
          param(request, 'planId'),
        );
      },
      (done, request, response) =>
        answers.sendKpi(request, response, param(request, 'kpiId'), done.changed ? 201 : 200),
    ),
  );

  router.put(
    '/plans/:planId/kpis/:kpiId/values/:periodKey',
    useCaseRoute(
      recordValueSchema,
      async (input, request, response) => {
        const periodKey = param(request, 'periodKey');
        if (input.periodKey !== undefined && input.periodKey !== periodKey) {
          return refuse('VALIDATION', 'The period in the body is not the period in the address.');
        }
        return correctCheckIn(
          deps.kpis,
          param(request, 'planId'),
          { kpiId: param(request, 'kpiId'), periodKey, reading: input.reading, commentary: input.commentary },
          actorOf(response),
        );
      },
      (_done, request, response) => answers.sendKpi(request, response, param(request, 'kpiId')),
    ),
  );

  return router;
}
