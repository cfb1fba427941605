/** Plans: the list, a new plan from a template, one plan, who it cannot reach, its dates and its roles. */
import express, { type Router } from 'express';
import { createPlanFromTemplate } from '../../../app/plans/create-plan.js';
import { overviewOf } from '../../../app/plans/read-plan.js';
import { createPlan } from '../../../domain/plan/create-plan.js';
import { decide } from '../../../domain/workflow/decide.js';
import { cannotReach, UNREACHABLE_WORDING } from '../../../app/notifications/cannot-reach.js';
import type {
  PlanCreatedDto,
  PlanListItemDto,
  TimelinePreviewDto,
  UnreachableDto,
} from '../../../shared/api.js';
import type { ApiDeps } from '../api-deps.js';
import { sendRefusal } from '../errors.js';
import { bindRoleSchema, createPlanSchema, setDatesSchema } from '../requests.js';
import { actorOf, body, param, settled, withoutUndefined, type RouteKit } from '../route-kit.js';

export function planRoutes(deps: ApiDeps, kit: RouteKit): Router {
  const router = express.Router();

  router.get('/plans', async (request, response) => {
    const plans = await deps.store.list({ includeArchived: request.query['archived'] === 'include' });
    const leads = await kit.names(plans.map((p) => p.leadId));
    const items: PlanListItemDto[] = plans.map((p) => ({
      id: p.id,
      title: p.title,
      council: p.council,
      status: p.status,
      leadId: p.leadId,
      leadName: leads[p.leadId]?.displayName ?? 'Unknown',
      contentVersion: p.contentVersion,
      archived: p.archived === true,
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

  // The timeline a new plan's dates would give, before it is created: nothing is stored.
  router.post('/plans/preview', async (request, response) => {
    const input = body(createPlanSchema, request, response);
    if (!input) return;
    const template = deps.catalog.planTemplates.find((t) => t.id === input.templateId);
    const format = deps.catalog.reportFormats.find((f) => f.id === input.reportFormatId);
    if (!template || !format) {
      sendRefusal(response, { code: 'VALIDATION', message: 'Choose a template and a report format.' });
      return;
    }
    const actor = actorOf(response);
    const created = settled(
      response,
      createPlan(
        template,
        format,
        {
          id: 'preview',
          title: input.title.trim() || template.name,
          leadId: actor.id,
          ...(input.dates ? { dates: withoutUndefined(input.dates) } : {}),
        },
        actor,
        deps.clock.now(),
      ),
    );
    if (!created) return;
    const answer: TimelinePreviewDto = { timeline: overviewOf(deps, created.plan, actor).timeline };
    response.json(answer);
  });

  router.get('/plans/:planId', async (request, response) => {
    const plan = await kit.loadPlan(request, response);
    if (plan) await kit.sendPlan(response, plan);
  });

  router.get('/plans/:planId/unreachable', async (request, response) => {
    const plan = await kit.loadPlan(request, response);
    if (!plan) return;
    const found = await cannotReach(deps.outbox, deps.conversations, plan.id);
    const known = await kit.names(found.people.map((p) => p.personId));
    const titles = await Promise.all(
      found.chats.map(async (c) => (await deps.conversations.get(c.conversationKey))?.title ?? null),
    );
    const body: UnreachableDto = {
      people: found.people.map((p) => ({
        id: p.personId,
        name: known[p.personId]?.displayName ?? p.personId,
        reason: p.reason,
        explanation: UNREACHABLE_WORDING[p.reason],
        since: p.since,
      })),
      chats: found.chats.map((c, i) => ({
        conversationKey: c.conversationKey,
        title:
          titles[i] ??
          (plan.managementTeamChat === c.conversationKey ? "The management team's chat" : 'A chat'),
        reason: c.reason,
        explanation: UNREACHABLE_WORDING[c.reason],
        since: c.since,
      })),
    };
    response.json(body);
  });

  router.put(
    '/plans/:planId/dates',
    kit.commandRoute(
      setDatesSchema,
      (dates) => ({ type: 'setDates', dates: withoutUndefined(dates) }),
      'plan',
    ),
  );

  // The timeline these dates would give the plan, with its warnings, before they are saved.
  router.post('/plans/:planId/dates/preview', async (request, response) => {
    const dates = body(setDatesSchema, request, response);
    if (!dates) return;
    const plan = await kit.loadPlan(request, response);
    if (!plan) return;
    const actor = actorOf(response);
    const tried = settled(
      response,
      decide(plan, { type: 'setDates', dates: withoutUndefined(dates) }, actor, deps.clock.now()),
    );
    if (!tried) return;
    const answer: TimelinePreviewDto = { timeline: overviewOf(deps, tried.plan, actor).timeline };
    response.json(answer);
  });

  router.put(
    '/plans/:planId/roles/:role',
    kit.commandRoute(
      bindRoleSchema,
      (input, request) => ({ type: 'bindRole', role: param(request, 'role'), personIds: input.personIds }),
      'plan',
    ),
  );

  return router;
}
