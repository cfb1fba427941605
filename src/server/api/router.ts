/**
 * The tab's HTTP API: typed routes over the use cases, one module a resource in routes/. Every route
 * after sign-in has a validated identity (the token, or the dev header in local mode), checks its body,
 * calls one use case, and answers a DTO from src/shared or a typed error (errors.ts).
 */
import express, { type Router } from 'express';
import type { ApiDeps } from './api-deps.js';
import { apiErrorHandler, sendError } from './errors.js';
import { routeKit } from './route-kit.js';
import { approvalRoutes } from './routes/approvals.js';
import { catalogRoutes } from './routes/catalog.js';
import { checkInRoutes } from './routes/check-ins.js';
import { kpiAnswers } from './routes/kpi-answers.js';
import { kpiRoutes } from './routes/kpis.js';
import { milestoneRoutes } from './routes/milestones.js';
import { peopleRoutes } from './routes/people.js';
import { planRoutes } from './routes/plans.js';
import { progressUpdateRoutes } from './routes/progress-updates.js';
import { publicationRoutes } from './routes/publication.js';
import { sectionRoutes } from './routes/sections.js';
import { sessionRoutes } from './routes/session.js';
import { settingsRoutes } from './routes/settings.js';
import { versionRoutes } from './routes/versions.js';
import { signIn } from './sign-in.js';

/** Section content is at most 60,000 characters of JSON; answers and figures add little. */
export const BODY_LIMIT_BYTES = 256 * 1024;

export function createApiRouter(deps: ApiDeps): Router {
  const kit = routeKit(deps);
  const kpis = kpiAnswers(deps, kit);
  const router = express.Router();
  router.use(express.json({ limit: BODY_LIMIT_BYTES }));
  router.use(sessionRoutes(deps));
  router.use(signIn(deps));
  router.use(
    peopleRoutes(deps, kit),
    catalogRoutes(deps),
    planRoutes(deps, kit),
    versionRoutes(deps, kit),
    sectionRoutes(deps, kit),
    approvalRoutes(deps, kit),
    kpiRoutes(deps, kpis),
    checkInRoutes(deps, kpis),
    milestoneRoutes(deps, kpis),
    progressUpdateRoutes(deps, kit),
    publicationRoutes(deps, kit),
    settingsRoutes(deps, kit),
  );
  router.use((request, response) => {
    sendError(response, 'NOT_FOUND', `No API route for ${request.method} /api${request.path}`);
  });
  router.use(apiErrorHandler(`${BODY_LIMIT_BYTES / 1024} KB`));
  return router;
}
