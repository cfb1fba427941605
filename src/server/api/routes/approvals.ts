/**
 * The plan's approval stages: start the rounds, answer a stage, record a stage's decision, and what
 * changed since someone answered.
 */
import express, { type Router } from 'express';
import { decisionWithCallIn } from '../../../app/plans/decision.js';
import { checkDelivery, groupDeliveryOptions } from '../../../app/plans/group-delivery.js';
import { sendRefusal } from '../errors.js';
import { recordDecisionSchema, respondSchema, startApprovalsSchema } from '../requests.js';
import { stageChanges } from '../../../app/plans/stage-changes.js';
import type { GroupDeliveryOptionsDto, StageChangesDto } from '../../../shared/api.js';
import type { ApiDeps } from '../api-deps.js';
import { actorOf, body, param, useCaseRoute, type RouteKit } from '../route-kit.js';

export function approvalRoutes(deps: ApiDeps, kit: RouteKit): Router {
  const router = express.Router();

  // A stage for the whole management team with no chat chosen needs the plan lead's choice first
  // (CHOICE_NEEDED); a chosen chat must be one the app is in.
  router.post('/plans/:planId/approvals/start', async (request, response) => {
    const input = body(startApprovalsSchema, request, response);
    if (input === null) return;
    const checked = await checkDelivery(deps.conversations, input.delivery);
    if (!checked.ok) return sendRefusal(response, checked.error);
    const delivery = checked.value;
    await kit.command(
      request,
      response,
      { type: 'startApprovals', ...(delivery ? { delivery } : {}) },
      'plan',
    );
  });

  router.get(
    '/plans/:planId/approvals/delivery',
    useCaseRoute(
      null,
      (_input, request, response) =>
        groupDeliveryOptions(
          { store: deps.store, clock: deps.clock, conversations: deps.conversations },
          param(request, 'planId'),
          actorOf(response),
        ),
      async (options, _request, response) => {
        const known = await kit.names(options.members.map((m) => m.id));
        const dto: GroupDeliveryOptionsDto = {
          stage: options.stage,
          chats: options.chats.map((c) => ({
            conversationKey: c.conversationKey,
            title: c.title ?? (c.kind === 'channel' ? 'A channel' : 'A group chat'),
            kind: c.kind,
          })),
          members: options.members.map((m) => ({
            id: m.id,
            name: known[m.id]?.displayName ?? m.id,
            reachable: m.reachable,
          })),
        };
        response.json(dto);
      },
    ),
  );

  router.post(
    '/plans/:planId/stages/:stageKey/respond',
    kit.commandRoute(
      respondSchema,
      (input, request) => ({
        type: 'respond',
        stageKey: param(request, 'stageKey'),
        decision: input.decision,
        comment: input.comment,
        versionHash: input.versionHash,
        ...(input.onBehalfOf ? { onBehalfOf: input.onBehalfOf } : {}),
      }),
      'plan',
    ),
  );

  router.post(
    '/plans/:planId/stages/:stageKey/decision',
    kit.commandRoute(
      recordDecisionSchema,
      // Where the decision can be called in and no end is given, it is worked out from the council's rules.
      (input, request) =>
        decisionWithCallIn(deps, { type: 'recordDecision', stageKey: param(request, 'stageKey'), ...input }),
      'plan',
    ),
  );

  // What changed since the person asking approved (or since the last round), word by word.
  router.get(
    '/plans/:planId/stages/:stageKey/changes',
    useCaseRoute(
      null,
      (_input, request, response) =>
        stageChanges(
          { store: deps.store, clock: deps.clock, documents: deps.publishing.documents },
          param(request, 'planId'),
          param(request, 'stageKey'),
          actorOf(response),
        ),
      async (changes: StageChangesDto, _request, response) => {
        response.json(changes);
      },
    ),
  );

  return router;
}
