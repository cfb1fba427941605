/** Before sign-in: how the tab should sign in, and in local mode the people it may act as. */
import express, { type Router } from 'express';
import type { DevPeopleDto, SessionInfo } from '../../../shared/api.js';
import type { ApiDeps } from '../api-deps.js';
import { toDto } from '../people-cache.js';

export function sessionRoutes(
  deps: Pick<ApiDeps, 'authenticator' | 'actingAs' | 'autosaveSeconds' | 'playgrounds'>,
): Router {
  const router = express.Router();
  router.get('/session', (_request, response) => {
    const body: SessionInfo = {
      mode: deps.authenticator.mode,
      devIdentity: deps.actingAs !== null,
      ...(deps.autosaveSeconds === undefined ? {} : { autosaveSeconds: deps.autosaveSeconds }),
    };
    response.json(body);
  });
  if (deps.actingAs !== null) {
    const actingAs = deps.actingAs;
    router.get('/dev/people', (_request, response) => {
      response.json({
        people: actingAs.map(toDto),
        playgrounds: deps.playgrounds ?? {},
      } satisfies DevPeopleDto);
    });
  }
  return router;
}
