/** A plan's sections: read, edit, assign, submit, accept and ask for changes. */
import express, { type Request, type Router } from 'express';
import { assignSectionSchema, editSectionSchema, requestChangesSchema } from '../requests.js';
import { param, type RouteKit } from '../route-kit.js';

const sectionKeyOf = (request: Request): string => param(request, 'sectionKey');

export function sectionRoutes(kit: RouteKit): Router {
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
        ...input,
        contributorIds: input.contributorIds,
      }),
      'section',
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
