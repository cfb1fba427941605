/**
 * Every route after this middleware has a validated actor: identity from the token (or the dev header in
 * local mode), then the per-person rate limit, counted after sign-in so nobody can spend someone else's
 * budget.
 */
import type { RequestHandler } from 'express';
import { DEV_HEADER, refusalHeaders } from '../identity/authenticate.js';
import type { ApiDeps } from './api-deps.js';
import { sendError } from './errors.js';

export function signIn(deps: Pick<ApiDeps, 'authenticator' | 'limiter'>): RequestHandler {
  return async (request, response, next) => {
    const devUser = request.get(DEV_HEADER);
    const outcome = await deps.authenticator.authenticate({
      authorization: request.get('authorization'),
      devUser,
    });
    if (!outcome.ok) {
      // 401 with an RFC 6750 challenge, or 503 with Retry-After when the sign-in could not be checked;
      // either way the stable reason is in details.
      for (const [name, value] of Object.entries(refusalHeaders(outcome))) response.setHeader(name, value);
      sendError(response, outcome.code, outcome.message, {
        reason: outcome.reason,
        ...(outcome.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: outcome.retryAfterSeconds }),
      });
      return;
    }
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
  };
}
