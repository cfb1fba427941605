/**
 * How the KPI and milestone routes answer: the plan's KPI overview, or one KPI's or one milestone's card
 * from it as it now stands (201 when the request made something new).
 */
import type { Request, Response } from 'express';
import { kpiOverview } from '../../../app/kpis/kpi-overview.js';
import type { Plan } from '../../../domain/plan/plan.js';
import type { KpiCardDto, KpiOverviewDto, MilestoneCardDto } from '../../../shared/kpi-api.js';
import type { ApiDeps } from '../api-deps.js';
import { sendError } from '../errors.js';
import { kpiOverviewView } from '../kpi-dtos.js';
import { actorOf, settled, type RouteKit } from '../route-kit.js';

export interface KpiAnswers {
  readonly overview: (response: Response, plan: Plan) => Promise<KpiOverviewDto | null>;
  /** The overview of the plan the address names. */
  readonly sendOverview: (request: Request, response: Response) => Promise<void>;
  readonly sendKpi: (request: Request, response: Response, kpiId: string, status?: number) => Promise<void>;
  readonly sendMilestone: (
    request: Request,
    response: Response,
    milestoneId: string,
    status?: number,
  ) => Promise<void>;
}

export function kpiAnswers(deps: Pick<ApiDeps, 'kpis' | 'calendar'>, kit: RouteKit): KpiAnswers {
  const overviewDeps = { ...deps.kpis, calendar: deps.calendar };

  const overview = async (response: Response, plan: Plan): Promise<KpiOverviewDto | null> => {
    const found = settled(response, await kpiOverview(overviewDeps, plan.id));
    if (!found) return null;
    const values = (await deps.kpis.kpis.forPlan(plan.id)).values.map((v) => v.item);
    return kpiOverviewView(plan, found, values, deps.calendar, actorOf(response), kit.names);
  };

  const overviewOf = async (request: Request, response: Response): Promise<KpiOverviewDto | null> => {
    const plan = await kit.loadPlan(request, response);
    return plan ? overview(response, plan) : null;
  };

  return {
    overview,
    sendOverview: async (request, response) => {
      const view = await overviewOf(request, response);
      if (view) response.json(view);
    },
    sendKpi: async (request, response, kpiId, status = 200) => {
      const view = await overviewOf(request, response);
      if (!view) return;
      const card: KpiCardDto | undefined = view.kpis.find((k) => k.kpi.id === kpiId);
      if (!card) {
        sendError(
          response,
          'NOT_FOUND',
          `The plan has no current KPI "${kpiId}" (it may have been retired).`,
        );
        return;
      }
      response.status(status).json(card);
    },
    sendMilestone: async (request, response, milestoneId, status = 200) => {
      const view = await overviewOf(request, response);
      if (!view) return;
      const card: MilestoneCardDto | undefined = view.milestones.find((m) => m.milestone.id === milestoneId);
      if (card) response.status(status).json(card);
      else sendError(response, 'NOT_FOUND', `The plan has no milestone "${milestoneId}".`);
    },
  };
}
