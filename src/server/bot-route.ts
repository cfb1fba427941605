/**
 * POST /api/messages. The SDK validates the caller's token and the activity; an activity it cannot read is
 * the caller's mistake, so it is answered 400 here rather than surfacing as a server error.
 */
import express, { type RequestHandler } from 'express';
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
      bot
        .handle(request as unknown as AgentRequest, response as unknown as WebResponse)
        .catch((error: unknown) => {
          if (isActivityError(error) && !response.headersSent) {
            response.status(400).json(badActivity('The activity could not be read.'));
            return;
          }
          next(error);
        });
    },
  ];
}
