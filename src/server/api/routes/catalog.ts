/** The plan templates and report formats a new plan can be made from. */
import express, { type Router } from 'express';
import {
  initialKeyDecision,
  managementTeamStep,
  planGovernance,
} from '../../../domain/governance/governance.js';
import type { CatalogDto } from '../../../shared/api.js';
import type { ApiDeps } from '../api-deps.js';

export function catalogRoutes(deps: ApiDeps): Router {
  const router = express.Router();
  router.get('/catalog', (_request, response) => {
    const catalog: CatalogDto = {
      templates: deps.catalog.planTemplates.map((t) => ({
        id: t.id,
        name: t.name,
        planType: t.planType,
        issuedBy: t.issuedBy,
        pageBudget: { minPages: t.pageBudget.minPages, maxPages: t.pageBudget.maxPages },
        submissionDeadline: t.submission.deadline,
      })),
      reportFormats: deps.catalog.reportFormats.map((f) => ({
        id: f.id,
        council: f.council,
        name: f.name,
        decisionBody: f.decisionBody,
        governance: {
          model: planGovernance(f).model,
          keyDecision: planGovernance(f).keyDecision,
          keyDecisionDefault: initialKeyDecision(f),
        },
        managementTeamStep: managementTeamStep(f),
      })),
    };
    response.json(catalog);
  });
  return router;
}
