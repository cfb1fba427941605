/**
 * What every resource's routes share: the signed-in actor, address parameters, body checks, refusals
 * answered once, the plan loaded, and the plan or a section answered as it now stands.
 */
import type { Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import { overviewOf, readPlan, type OverviewDeps } from '../../app/plans/read-plan.js';
import { runCommand, type CommandFor } from '../../app/plans/run-command.js';
import type { Actor } from '../../domain/plan/commands.js';
import type { PersonId, Plan } from '../../domain/plan/plan.js';
import { findSection } from '../../domain/plan/plan.js';
import type { Result } from '../../domain/support/result.js';
import type { PeopleDto, PlanViewDto, StaleSectionDetails } from '../../shared/api.js';
import type { ApiDeps } from './api-deps.js';
import { linkedFor } from './document-links.js';
import { sendError, sendRefusal } from './errors.js';
import { planView, sectionView } from './plan-dtos.js';
import { parseBody } from './requests.js';

export const actorOf = (response: Response): Actor => response.locals['actor'] as Actor;
export const param = (request: Request, name: string): string => String(request.params[name] ?? '');

/** A refusal is answered; otherwise the caller goes on with the value. */
export function settled<T>(response: Response, result: Result<T>): T | null {
  if (result.ok) return result.value;
  sendRefusal(response, result.error);
  return null;
}

/** The request's body checked against its schema; a refusal is answered when it does not fit. */
export const body = <T>(schema: z.ZodType<T>, request: Request, response: Response): T | null =>
  settled(response, parseBody(schema, request.body));

/**
 * A route that checks its body against `schema` (null: it reads none), runs one use case, and answers
 * with what the use case gave; a refusal, of the body or by the use case, is answered instead.
 */
export function useCaseRoute<I, T>(
  schema: z.ZodType<I> | null,
  run: (input: I, request: Request, response: Response) => Promise<Result<T>>,
  answer: (value: T, request: Request, response: Response) => Promise<void>,
): RequestHandler {
  return async (request, response) => {
    const input = schema === null ? (undefined as I) : body(schema, request, response);
    if (input === null) return;
    const value = settled(response, await run(input, request, response));
    if (value !== null) await answer(value, request, response);
  };
}

/** zod's optional fields come back as `undefined`; the domain's partial updates must not see them. */
export function withoutUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}

/** The shared helpers that need the API's dependencies. */
export interface RouteKit {
  readonly names: (ids: Iterable<PersonId>) => Promise<PeopleDto>;
  /** The plan the address names; a refusal is answered when it cannot be read. */
  readonly loadPlan: (request: Request, response: Response) => Promise<Plan | null>;
  readonly planView: (response: Response, plan: Plan) => Promise<PlanViewDto>;
  readonly sendPlan: (response: Response, plan: Plan, status?: number) => Promise<void>;
  readonly sendSection: (response: Response, plan: Plan, sectionKey: string) => Promise<void>;
  /** Runs a plan command; answers a refusal and returns null, or returns the plan as it now stands. */
  readonly runPlanCommand: (
    request: Request,
    response: Response,
    command: CommandFor,
  ) => Promise<Plan | null>;
  /** Runs a command and answers the plan (or one section of it) as it now stands. */
  readonly command: (
    request: Request,
    response: Response,
    what: CommandFor,
    answer: 'plan' | { section: string },
  ) => Promise<void>;
  /**
   * A route that checks its body against `schema` (null: it reads none), sends the plan the command it
   * makes, and answers the plan, or the section the address names, as it now stands.
   */
  readonly commandRoute: <I>(
    schema: z.ZodType<I> | null,
    toCommand: (input: I, request: Request) => CommandFor,
    answer: 'plan' | 'section',
  ) => RequestHandler;
}

export function routeKit(deps: ApiDeps): RouteKit {
  const names = (ids: Iterable<string>) => deps.people.people(ids);
  const overviewDeps: OverviewDeps = { ...deps, store: deps.store, clock: deps.clock };

  const view = async (response: Response, plan: Plan): Promise<PlanViewDto> => {
    const actor = actorOf(response);
    const dto = await planView(overviewOf(overviewDeps, plan, actor), actor, names);
    return { ...dto, publication: linkedFor(deps.documentLink, dto.publication) };
  };

  const sendPlan = async (response: Response, plan: Plan, status = 200): Promise<void> => {
    response.status(status).json(await view(response, plan));
  };

  const sendSection = async (response: Response, plan: Plan, sectionKey: string): Promise<void> => {
    const section = findSection(plan, sectionKey);
    if (!section) {
      sendError(response, 'NOT_FOUND', `There is no section "${sectionKey}" in “${plan.title}”.`, {
        sectionKey,
      });
      return;
    }
    response.json(await sectionView(plan, section, actorOf(response), names));
  };

  /** A stale edit answers with the version it ran into, so the editor can show it and merge. */
  const sendStale = async (
    response: Response,
    planId: string,
    sectionKey: string,
    refusal: { message: string; details?: Readonly<Record<string, unknown>> },
  ): Promise<void> => {
    const plan = await readPlan(deps, planId);
    const section = plan.ok ? findSection(plan.value, sectionKey) : undefined;
    if (!plan.ok || !section) {
      sendError(response, 'STALE_VERSION', refusal.message, refusal.details);
      return;
    }
    const details: StaleSectionDetails = {
      sectionKey,
      revision: section.revision,
      lastEdit: section.lastEdit,
      current: await sectionView(plan.value, section, actorOf(response), names),
    };
    sendError(response, 'STALE_VERSION', refusal.message, { ...details });
  };

  const runPlanCommand = async (
    request: Request,
    response: Response,
    what: CommandFor,
  ): Promise<Plan | null> => {
    const planId = param(request, 'planId');
    const result: Result<{ plan: Plan }> = await runCommand(deps.commands, planId, what, actorOf(response));
    if (result.ok) return result.value.plan;
    if (result.error.code === 'STALE_VERSION' && typeof what !== 'function' && what.type === 'editSection') {
      await sendStale(response, planId, what.sectionKey, result.error);
    } else {
      sendRefusal(response, result.error);
    }
    return null;
  };

  const command: RouteKit['command'] = async (request, response, what, answer) => {
    const plan = await runPlanCommand(request, response, what);
    if (!plan) return;
    if (answer === 'plan') await sendPlan(response, plan);
    else await sendSection(response, plan, answer.section);
  };

  return {
    names,
    loadPlan: async (request, response) => settled(response, await readPlan(deps, param(request, 'planId'))),
    planView: view,
    sendPlan,
    sendSection,
    runPlanCommand,
    command,
    commandRoute: (schema, toCommand, answer) => async (request, response) => {
      const input = schema === null ? (undefined as never) : body(schema, request, response);
      if (input === null) return;
      const what = toCommand(input, request);
      await command(
        request,
        response,
        what,
        answer === 'plan' ? 'plan' : { section: param(request, 'sectionKey') },
      );
    },
  };
}
