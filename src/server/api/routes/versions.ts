/** One numbered version of a plan: what approvers were asked about, and its history. */
import express, { type Router } from 'express';
import { planVersion } from '../../../app/plans/plan-version.js';
import type { ApiDeps } from '../api-deps.js';
import { versionView } from '../plan-dtos.js';
import { param, useCaseRoute, type RouteKit } from '../route-kit.js';

export function versionRoutes(deps: ApiDeps, kit: RouteKit): Router {
  const router = express.Router();
  router.get(
    '/plans/:planId/versions/:version',
    useCaseRoute(
      null,
      (_none, request) => planVersion(deps, param(request, 'planId'), Number(param(request, 'version'))),
      async (found, _request, response) => {
        response.json(await versionView(found, kit.names));
      },
    ),
  );
  return router;
}
