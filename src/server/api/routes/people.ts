/** The signed-in person (`/me`) and the people picker's directory search. */
import express, { type Router } from 'express';
import type { MeDto, PeopleSearchDto } from '../../../shared/api.js';
import type { ApiDeps } from '../api-deps.js';
import { toDto } from '../people-cache.js';
import { actorOf, type RouteKit } from '../route-kit.js';

export function peopleRoutes(deps: ApiDeps, kit: RouteKit): Router {
  const router = express.Router();
  router.get('/me', async (_request, response) => {
    const actor = actorOf(response);
    const person = (await kit.names([actor.id]))[actor.id]!;
    response.json({ person, via: response.locals['via'] as MeDto['via'] } satisfies MeDto);
  });
  router.get('/people', async (request, response) => {
    const text = typeof request.query['search'] === 'string' ? request.query['search'].slice(0, 100) : '';
    const found = await deps.directory.search(text, 10);
    response.json({ people: found.map(toDto) } satisfies PeopleSearchDto);
  });
  return router;
}
