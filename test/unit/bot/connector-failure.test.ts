/**
 * The errors are the real ones: the Agents SDK's connector client sends to a loopback server that answers
 * as Teams does (status, body, headers), and what it throws is classified.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Activity, ActivityTypes } from '@microsoft/agents-activity';
import { ConnectorClient } from '@microsoft/agents-hosting';
import { classifyConnectorError, connectorFailure } from '../../../src/adapters/bot/connector-failure.js';

let server: Server;
let url = '';
let answer: { status: number; body: string; headers: Record<string, string> } = {
  status: 200,
  body: '{}',
  headers: {},
};

beforeAll(async () => {
  server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers });
      response.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** What the SDK throws when Teams answers a send with this status, body and headers. */
async function teams(status: number, data: unknown, headers: Record<string, string> = {}): Promise<unknown> {
  answer = { status, body: typeof data === 'string' ? data : JSON.stringify(data), headers };
  const client = ConnectorClient.createClientWithToken(url, '');
  try {
    await client.sendToConversation(
      'a:conversation',
      Activity.fromObject({ type: ActivityTypes.Message, text: 'hello' }),
    );
  } catch (error) {
    return error;
  }
  throw new Error(`The SDK took a ${status} as success`);
}
const code = (c: string) => ({ error: { code: c, message: c } });

describe('what a Bot Connector error means for the sender', () => {
  it.each([
    [404, code('ConversationNotFound'), 'conversation-not-found'],
    [403, code('BotNotInConversationRoster'), 'removed'],
    [403, code('ConversationBlockedByUser'), 'blocked'],
    [403, code('BotDisabledByAdmin'), 'disabled-by-admin'],
    [403, code('ForbiddenOperationException'), 'not-installed'],
    [403, code('NotEnoughPermissions'), 'forbidden'],
    [401, code('BotNotRegistered'), 'forbidden'],
    [
      403,
      {
        errorCode: 209,
        message:
          '{\r\n  "subCode": "MessageWritesBlocked",\r\n  "details": "Thread is blocked from message writes.",\r\n  "errorCode": null,\r\n  "errorSubCode": null\r\n}',
      },
      'blocked',
    ],
  ])('%i %j: the recipient cannot be reached (%s)', async (status, body, reason) => {
    expect(classifyConnectorError(await teams(status, body))).toEqual({ kind: 'unreachable', reason });
  });

  it.each([412, 429, 502, 503, 504])('%i is worth trying again', async (status) => {
    expect(classifyConnectorError(await teams(status, code('x')))).toEqual({
      kind: 'retry',
      retryAfterSeconds: null,
    });
  });

  it('keeps Retry-After, and retries when Teams did not answer at all', async () => {
    expect(classifyConnectorError(await teams(429, code('Throttled'), { 'Retry-After': '7' }))).toEqual({
      kind: 'retry',
      retryAfterSeconds: 7,
    });
    expect(classifyConnectorError(new TypeError('fetch failed'))).toEqual({
      kind: 'retry',
      retryAfterSeconds: null,
    });
  });

  it.each([
    [400, 'BadArgument'],
    [413, 'MessageSizeTooBig'],
    [500, 'ServiceError'],
    [404, 'ActivityNotFoundInConversation'],
    [403, 'InvalidBotApiHost'],
  ])('%i %s is refused for good, and is not about reaching anyone', async (status, c) => {
    expect(classifyConnectorError(await teams(status, code(c)))).toEqual({ kind: 'rejected' });
  });

  it('says what Teams said', async () => {
    const failure = connectorFailure(await teams(404, code('ConversationNotFound')));
    expect(failure.message).toContain('404');
    expect(failure.message).toContain('ConversationNotFound');
    expect(failure.unreachable).toBe('conversation-not-found');
    expect(failure.retryable).toBe(false);
  });
});
