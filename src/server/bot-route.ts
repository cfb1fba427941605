/**
 * POST /api/messages. The SDK validates the caller's token and the activity; an activity it cannot read is
 * the caller's mistake, so it is answered 400 here rather than surfacing as a server error. The SDK's own
 * 401 bodies carry its error text, which can name internal hosts (the key endpoint it failed to reach): the
 * caller gets one typed body instead, and the detail stays in the server's log.
 */
import express, { type RequestHandler, type Response } from 'express';
import type { Request as AgentRequest, WebResponse } from '@microsoft/agents-hosting';
import { z } from 'zod';
import type { BotRuntime } from '../adapters/bot/bot-runtime.js';

const nonBlank = z.string().trim().min(1);

/** What every activity the bot can act on carries; the SDK checks the rest. */
const activityShape = z.looseObject({
  type: nonBlank,
  channelId: nonBlank,
  serviceUrl: z.url(),
  conversation: z.looseObject({ id: nonBlank }),
  from: z.looseObject({ id: nonBlank }),
  recipient: z.looseObject({ id: nonBlank }),
});

const badActivity = (message: string) => ({ error: { code: 'VALIDATION', message } });

export const BOT_UNAUTHENTICATED = {
  error: {
    code: 'UNAUTHENTICATED',
    message: 'The sender of this activity could not be verified as Microsoft Teams or Azure Bot Service.',
  },
} as const;

/** The response as the SDK sees it, with any 401 body it sends replaced by ours. */
function guarded(response: Response): WebResponse {
  const web: WebResponse = {
    status(code) {
      response.status(code);
      return web;
    },
    setHeader(name, value) {
      response.setHeader(name, value);
      return web;
    },
    send(body) {
      if (response.statusCode === 401) {
        console.warn('Bot endpoint: activity refused:', JSON.stringify(body));
        response.setHeader('WWW-Authenticate', 'Bearer');
        response.json(BOT_UNAUTHENTICATED);
      } else {
        response.send(body);
      }
      return web;
    },
    end() {
      response.end();
      return web;
    },
    get headersSent() {
      return response.headersSent;
    },
    get writableEnded() {
      return response.writableEnded;
    },
  };
  return web;
}

/** The SDK's own parse failures: its activity schema (zod) and its "Activity X undefined" errors. */
function isActivityError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name === 'ZodError' || /^\[-1100\d\d\]/.test(error.message);
}

export function botMessagesRoute(bot: BotRuntime): RequestHandler[] {
  return [
    express.json({ limit: '1mb' }),
    (request, response, next) => {
      const checked = activityShape.safeParse(request.body);
      if (!checked.success) {
        const issue = checked.error.issues[0];
        response
          .status(400)
          .json(
            badActivity(`Not an activity: ${issue?.path.join('.') || 'body'} ${issue?.message ?? ''}`.trim()),
          );
        return;
      }
      bot.handle(request as unknown as AgentRequest, guarded(response)).catch((error: unknown) => {
        if (isActivityError(error) && !response.headersSent) {
          response.status(400).json(badActivity('The activity could not be read.'));
          return;
        }
        next(error);
      });
    },
  ];
}
