/**
 * The tab's HTTP API: typed routes over the use cases. Every route authenticates first (identity from
 * the validated token, or the dev header in local mode), checks its body, calls one use case, and answers
 * a DTO from src/shared/api.ts or a typed error (errors.ts).
 */
import type { UnreachableDto } from '../../shared/api.js';
import type { RateLimiter } from '../../ports/rate-limit.js';
import type { Outbox } from '../../ports/outbox.js';
import { unreachablePeople } from '../../app/unreachable.js';
import express, { type Request, type Response, type Router } from 'express';
import type { z } from 'zod';
import { createPlanFromTemplate } from '../../app/create-plan.js';
import { planVersion } from '../../app/plan-version.js';
import { overviewOf, readPlan, type OverviewDeps } from '../../app/read-plan.js';
import { runCommand, type CommandDeps } from '../../app/run-command.js';
import type { Actor, Command } from '../../domain/commands.js';
import type { Plan } from '../../domain/plan.js';
import { findSection } from '../../domain/plan.js';
import type { Result } from '../../domain/result.js';
import type { Clock, IdGenerator } from '../../ports/clock.js';
import type { Directory, Person } from '../../ports/directory.js';
import type { EventSink } from '../../ports/event-sink.js';
import type { PlanStore } from '../../ports/plan-store.js';
import type { TemplateCatalog } from '../../ports/template-catalog.js';
import type {
  CatalogDto,
  MeDto,
  PeopleSearchDto,
  PlanCreatedDto,
  PlanListItemDto,
  SessionInfo,
  StaleSectionDetails,
} from '../../shared/api.js';
import { DEV_HEADER, type Authenticator } from '../identity/authenticate.js';
import { apiErrorHandler, sendError, sendRefusal } from './errors.js';
import { registerKpiRoutes, type KpiRouteDeps } from './kpi-routes.js';
import { toDto, type PeopleCache } from './people-cache.js';
import {
  assignSectionSchema,
  bindRoleSchema,
  createPlanSchema,
  editSectionSchema,
  parseBody,
  recordDecisionSchema,
  requestChangesSchema,
  respondSchema,
  setDatesSchema,
} from './requests.js';
import { planView, sectionView, versionView } from './plan-dtos.js';

/** Section content is at most 60,000 characters of JSON; answers and figures add little. */
export const BODY_LIMIT_BYTES = 256 * 1024;

export interface ApiDeps extends Omit<OverviewDeps, 'store' | 'clock'>, Omit<KpiRouteDeps, 'calendar'> {
  readonly store: PlanStore;
  readonly catalog: TemplateCatalog;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly events: EventSink;
  readonly commands: CommandDeps;
  /** The notification outbox: who could not be reached. */
  readonly outbox: Outbox;
  readonly directory: Directory;
  readonly authenticator: Authenticator;
  /** Names for ids, shared with the authenticator so a person is looked up once. */
  readonly people: PeopleCache;
  /** Local mode: the people the "acting as" picker offers. */
  readonly actingAs: readonly Person[] | null;
  /** Per person: how much one person may ask in a short time. */
  readonly limiter: RateLimiter;
}

const actorOf = (response: Response): Actor => response.locals['actor'] as Actor;
const param = (request: Request, name: string): string => String(request.params[name] ?? '');

export function createApiRouter(deps: ApiDeps): Router {
  const router = express.Router();
  const names = (ids: Iterable<string>) => deps.people.people(ids);
  const overviewDeps: OverviewDeps = { ...deps, store: deps.store, clock: deps.clock };

  router.use(express.json({ limit: BODY_LIMIT_BYTES }));

  router.get('/session', (_request, response) => {
    const body: SessionInfo = { mode: deps.authenticator.mode, devIdentity: deps.actingAs !== null };
    response.json(body);
  });

  if (deps.actingAs !== null) {
    const actingAs = deps.actingAs;
    router.get('/dev/people', (_request, response) => {
      response.json({ people: actingAs.map(toDto) } satisfies PeopleSearchDto);
    });
  }

  router.use(async (request, response, next) => {
    const devUser = request.get(DEV_HEADER);
    const outcome = await deps.authenticator.authenticate({
      authorization: request.get('authorization'),
      devUser,
    });
    if (!outcome.ok) {
      response.setHeader('WWW-Authenticate', 'Bearer');
      sendError(response, 'UNAUTHENTICATED', outcome.message);
      return;
    }
    // Counted per validated person, after sign-in, so nobody can spend someone else's budget.
    const budget = deps.limiter.take(outcome.actor.id);
    if (!budget.allowed) {
      response.setHeader('Retry-After', String(budget.retryAfterSeconds));
      sendError(
        response,
        'TOO_MANY_REQUESTS',
        `Too many requests at once. Try again in ${budget.retryAfterSeconds} seconds.`,
      );
      return;
    }
    response.locals['actor'] = outcome.actor;
    response.locals['via'] = outcome.via;
    next();
  });

  const body = <T>(schema: z.ZodType<T>, request: Request, response: Response): T | null => {
    const parsed = parseBody(schema, request.body);
    if (parsed.ok) return parsed.value;
    sendRefusal(response, parsed.error);
    return null;
  };

  const loadPlan = async (request: Request, response: Response): Promise<Plan | null> => {
    const plan = await readPlan(deps, param(request, 'planId'));
    if (plan.ok) return plan.value;
    sendRefusal(response, plan.error);
    return null;
  };

  const sendPlan = async (response: Response, plan: Plan, status = 200): Promise<void> => {
    const actor = actorOf(response);
    response.status(status).json(await planView(overviewOf(overviewDeps, plan, actor), actor, names));
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

  /** Runs a command and answers the plan (or one section of it) as it now stands. */
  const command = async (
    request: Request,
    response: Response,
    what: Command,
    answer: 'plan' | { section: string },
  ): Promise<void> => {
    const planId = param(request, 'planId');
    const result: Result<{ plan: Plan }> = await runCommand(deps.commands, planId, what, actorOf(response));
    if (!result.ok) {
      if (result.error.code === 'STALE_VERSION' && what.type === 'editSection') {
        await sendStale(response, planId, what.sectionKey, result.error);
        return;
      }
      sendRefusal(response, result.error);
      return;
    }
    if (answer === 'plan') await sendPlan(response, result.value.plan);
    else await sendSection(response, result.value.plan, answer.section);
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

  router.get('/me', async (_request, response) => {
    const actor = actorOf(response);
    const person = (await names([actor.id]))[actor.id]!;
    response.json({ person, via: response.locals['via'] as MeDto['via'] } satisfies MeDto);
  });

  router.get('/people', async (request, response) => {
    const text = typeof request.query['search'] === 'string' ? request.query['search'].slice(0, 100) : '';
    const found = await deps.directory.search(text, 10);
    response.json({ people: found.map(toDto) } satisfies PeopleSearchDto);
  });

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
      })),
    };
    response.json(catalog);
  });

  router.get('/plans', async (_request, response) => {
    const plans = await deps.store.list();
    const leads = await names(plans.map((p) => p.leadId));
    const items: PlanListItemDto[] = plans.map((p) => ({
      id: p.id,
      title: p.title,
      council: p.council,
      status: p.status,
      leadId: p.leadId,
      leadName: leads[p.leadId]?.displayName ?? 'Unknown',
      contentVersion: p.contentVersion,
    }));
    response.json({ plans: items });
  });

  router.post('/plans', async (request, response) => {
    const input = body(createPlanSchema, request, response);
    if (!input) return;
    const created = await createPlanFromTemplate(
      deps,
      {
        templateId: input.templateId,
        reportFormatId: input.reportFormatId,
        title: input.title,
        ...(input.planId ? { planId: input.planId } : {}),
        ...(input.dates ? { dates: withoutUndefined(input.dates) } : {}),
      },
      actorOf(response),
    );
    if (!created.ok) {
      sendRefusal(response, created.error);
      return;
    }
    response.status(201).json({ planId: created.value.plan.id } satisfies PlanCreatedDto);
  });

  router.get('/plans/:planId', async (request, response) => {
    const plan = await loadPlan(request, response);
    if (plan) await sendPlan(response, plan);
  });

  router.get('/plans/:planId/unreachable', async (request, response) => {
    const plan = await loadPlan(request, response);
    if (!plan) return;
    const ids = await unreachablePeople(deps.outbox, plan.id);
    const known = await names(ids);
    const body: UnreachableDto = { people: ids.map((id) => ({ id, name: known[id]?.displayName ?? id })) };
    response.json(body);
  });

  router.put('/plans/:planId/dates', async (request, response) => {
    const dates = body(setDatesSchema, request, response);
    if (dates) await command(request, response, { type: 'setDates', dates: withoutUndefined(dates) }, 'plan');
  });

  router.put('/plans/:planId/roles/:role', async (request, response) => {
    const input = body(bindRoleSchema, request, response);
    if (input) {
      await command(
        request,
        response,
        { type: 'bindRole', role: param(request, 'role'), personIds: input.personIds },
        'plan',
      );
    }
  });

  router.get('/plans/:planId/versions/:version', async (request, response) => {
    const found = await planVersion(deps, param(request, 'planId'), Number(param(request, 'version')));
    if (!found.ok) {
      sendRefusal(response, found.error);
      return;
    }
    response.json(await versionView(found.value, names));
  });

  router.get('/plans/:planId/sections/:sectionKey', async (request, response) => {
    const plan = await loadPlan(request, response);
    if (plan) await sendSection(response, plan, param(request, 'sectionKey'));
  });

  router.put('/plans/:planId/sections/:sectionKey', async (request, response) => {
    const edit = body(editSectionSchema, request, response);
    if (!edit) return;
    const sectionKey = param(request, 'sectionKey');
    await command(
      request,
      response,
      {
        type: 'editSection',
        sectionKey,
        baseRevision: edit.baseRevision,
        ...(edit.content === undefined ? {} : { content: edit.content }),
        ...(edit.figures === undefined ? {} : { figures: edit.figures }),
        ...(edit.promptAnswers === undefined ? {} : { promptAnswers: edit.promptAnswers }),
      },
      { section: sectionKey },
    );
  });

  router.post('/plans/:planId/sections/:sectionKey/assign', async (request, response) => {
    const input = body(assignSectionSchema, request, response);
    if (!input) return;
    const sectionKey = param(request, 'sectionKey');
    await command(
      request,
      response,
      { type: 'assignSection', sectionKey, ...input, contributorIds: input.contributorIds },
      { section: sectionKey },
    );
  });

  for (const [path, type] of [
    ['submit', 'submitSection'],
    ['accept', 'acceptSection'],
  ] as const) {
    router.post(`/plans/:planId/sections/:sectionKey/${path}`, async (request, response) => {
      const sectionKey = param(request, 'sectionKey');
      await command(request, response, { type, sectionKey }, { section: sectionKey });
    });
  }

  router.post('/plans/:planId/sections/:sectionKey/request-changes', async (request, response) => {
    const input = body(requestChangesSchema, request, response);
    if (!input) return;
    const sectionKey = param(request, 'sectionKey');
    await command(
      request,
      response,
      { type: 'requestSectionChanges', sectionKey, comment: input.comment },
      { section: sectionKey },
    );
  });

  router.post('/plans/:planId/approvals/start', async (request, response) => {
    await command(request, response, { type: 'startApprovals' }, 'plan');
  });

  router.post('/plans/:planId/stages/:stageKey/respond', async (request, response) => {
    const input = body(respondSchema, request, response);
    if (!input) return;
    await command(
      request,
      response,
      {
        type: 'respond',
        stageKey: param(request, 'stageKey'),
        decision: input.decision,
        comment: input.comment,
        versionHash: input.versionHash,
        ...(input.onBehalfOf ? { onBehalfOf: input.onBehalfOf } : {}),
      },
      'plan',
    );
  });

  router.post('/plans/:planId/stages/:stageKey/decision', async (request, response) => {
    const input = body(recordDecisionSchema, request, response);
    if (!input) return;
    await command(
      request,
      response,
      { type: 'recordDecision', stageKey: param(request, 'stageKey'), ...input },
      'plan',
    );
  });

  registerKpiRoutes(router, deps, {
    actorOf,
    param,
    body,
    loadPlan,
    sendPlan,
    names,
    planView: async (response, plan) => {
      const actor = actorOf(response);
      return planView(overviewOf(overviewDeps, plan, actor), actor, names);
    },
    runPlanCommand: async (request, response, what) => {
      const result = await runCommand(deps.commands, param(request, 'planId'), what, actorOf(response));
      if (result.ok) return result.value.plan;
      sendRefusal(response, result.error);
      return null;
    },
  });

  router.use((request, response) => {
    sendError(response, 'NOT_FOUND', `No API route for ${request.method} /api${request.path}`);
  });
  router.use(apiErrorHandler(`${BODY_LIMIT_BYTES / 1024} KB`));
  return router;
}

/** zod's optional fields come back as `undefined`; the domain's partial updates must not see them. */
function withoutUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]: Exclude<T[K], undefined>;
  };
}
