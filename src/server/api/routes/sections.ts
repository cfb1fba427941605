/** A plan's sections: read, edit, assign, submit, accept and ask for changes. */
import express, { type Router } from 'express';
import { assignSectionSchema, editSectionSchema, requestChangesSchema } from '../requests.js';
import { body, param, type RouteKit } from '../route-kit.js';

export function sectionRoutes(kit: RouteKit): Router {
  const router = express.Router();

  router.get('/plans/:planId/sections/:sectionKey', async (request, response) => {
    const plan = await kit.loadPlan(request, response);
    if (plan) await kit.sendSection(response, plan, param(request, 'sectionKey'));
  });

  router.put('/plans/:planId/sections/:sectionKey', async (request, response) => {
    const edit = body(editSectionSchema, request, response);
    if (!edit) return;
    const sectionKey = param(request, 'sectionKey');
    await kit.command(
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
    await kit.command(
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
      await kit.command(request, response, { type, sectionKey }, { section: sectionKey });
    });
  }

  router.post('/plans/:planId/sections/:sectionKey/request-changes', async (request, response) => {
    const input = body(requestChangesSchema, request, response);
    if (!input) return;
    const sectionKey = param(request, 'sectionKey');
    await kit.command(
      request,
      response,
      { type: 'requestSectionChanges', sectionKey, comment: input.comment },
      { section: sectionKey },
    );
  });

  return router;
}
