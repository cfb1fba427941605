/**
 * A plan's sections: read, edit, assign (with joint authors or an outside party), mark to follow, submit,
 * complete as "None", accept (one or several at once) and ask for changes.
 */
import express, { type Request, type Router } from 'express';
import { acceptSections } from '../../../app/plans/accept-sections.js';
import type { AcceptSectionsDto } from '../../../shared/api.js';
import type { ApiDeps } from '../api-deps.js';
import {
  acceptSectionsSchema,
  assignSectionSchema,
  completeAsNoneSchema,
  editSectionSchema,
  requestChangesSchema,
  setToFollowSchema,
} from '../requests.js';
import { actorOf, param, useCaseRoute, withoutUndefined, type RouteKit } from '../route-kit.js';

const sectionKeyOf = (request: Request): string => param(request, 'sectionKey');

export function sectionRoutes(deps: ApiDeps, kit: RouteKit): Router {
  const router = express.Router();

  router.get('/plans/:planId/sections/:sectionKey', async (request, response) => {
    const plan = await kit.loadPlan(request, response);
    if (plan) await kit.sendSection(response, plan, sectionKeyOf(request));
  });

  router.put(
    '/plans/:planId/sections/:sectionKey',
    kit.commandRoute(
      editSectionSchema,
      (edit, request) => ({
        type: 'editSection',
        sectionKey: sectionKeyOf(request),
        baseRevision: edit.baseRevision,
        ...(edit.content === undefined ? {} : { content: edit.content }),
        ...(edit.figures === undefined ? {} : { figures: edit.figures }),
        ...(edit.promptAnswers === undefined ? {} : { promptAnswers: edit.promptAnswers }),
      }),
      'section',
    ),
  );

  router.post(
    '/plans/:planId/sections/:sectionKey/assign',
    kit.commandRoute(
      assignSectionSchema,
      (input, request) => ({
        type: 'assignSection',
        sectionKey: sectionKeyOf(request),
        ...withoutUndefined(input),
        contributorIds: input.contributorIds,
      }),
      'section',
    ),
  );

  router.put(
    '/plans/:planId/sections/:sectionKey/to-follow',
    kit.commandRoute(
      setToFollowSchema,
      (input, request) => ({ type: 'setToFollow', sectionKey: sectionKeyOf(request), toFollow: input }),
      'section',
    ),
  );

  router.delete(
    '/plans/:planId/sections/:sectionKey/to-follow',
    kit.commandRoute(
      null,
      (_input, request) => ({ type: 'setToFollow', sectionKey: sectionKeyOf(request), toFollow: null }),
      'section',
    ),
  );

  router.post(
    '/plans/:planId/sections/:sectionKey/none',
    kit.commandRoute(
      completeAsNoneSchema,
      (input, request) => ({
        type: 'completeAsNone',
        sectionKey: sectionKeyOf(request),
        baseRevision: input.baseRevision,
      }),
      'section',
    ),
  );

  // The plan lead accepts several at once: one save, an audit entry for each section.
  router.post(
    '/plans/:planId/sections/accept',
    useCaseRoute(
      acceptSectionsSchema,
      (input, request, response) =>
        acceptSections(deps.commands, param(request, 'planId'), input.sectionKeys, actorOf(response)),
      async (done, _request, response) => {
        const answer: AcceptSectionsDto = {
          plan: await kit.planView(response, done.plan),
          accepted: done.accepted,
          refused: done.refused,
        };
        response.json(answer);
      },
    ),
  );

  for (const [path, type] of [
    ['submit', 'submitSection'],
    ['accept', 'acceptSection'],
  ] as const) {
    router.post(
      `/plans/:planId/sections/:sectionKey/${path}`,
      kit.commandRoute(null, (_none, request) => ({ type, sectionKey: sectionKeyOf(request) }), 'section'),
    );
  }

  router.post(
    '/plans/:planId/sections/:sectionKey/request-changes',
    kit.commandRoute(
      requestChangesSchema,
      (input, request) => ({
        type: 'requestSectionChanges',
        sectionKey: sectionKeyOf(request),
        comment: input.comment,
      }),
      'section',
    ),
  );

  return router;
}
