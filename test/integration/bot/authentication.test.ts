/** With a bot client id configured, only activities carrying a valid Bot Framework token are heard. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_UNAUTHENTICATED } from '../../../src/server/bot-route.js';
import { startBotHarness, type BotHarness } from '../../support/bot-harness.js';

let bot: BotHarness;
const clientId = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

beforeAll(async () => {
  bot = await startBotHarness((config) => ({
    ...config,
    bot: {
      ...config.bot,
      appId: clientId,
      auth: {
        kind: 'client-secret',
        tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
        clientId,
        secret: 'not-used-here',
      },
    },
  }));
});
afterAll(async () => {
  await bot.close();
});

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('incoming activity authentication', () => {
  const activity = {
    type: 'message',
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    text: 'help',
    from: { id: '29:x', aadObjectId: 'x' },
    recipient: { id: clientId },
    conversation: { id: 'a:1', conversationType: 'personal' },
  };

  /** A 401 with our typed body: no SDK error text, no host it tried to reach, no internal detail. */
  function expectRefused(answer: { status: number; body: unknown }): void {
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual(BOT_UNAUTHENTICATED);
    expect(JSON.stringify(answer.body)).not.toMatch(
      /login\.|botframework\.com|microsoftonline|getaddrinfo|ENOTFOUND|127\.0\.0\.1|jwt-auth-error/i,
    );
  }

  it('refuses an activity with no token', async () => {
    expectRefused(await bot.post(activity));
  });

  it('refuses unsigned, forged and wrong-audience tokens', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = {
      iss: 'https://api.botframework.com',
      aud: clientId,
      exp: now + 600,
      nbf: now - 10,
      serviceurl: activity.serviceUrl,
    };
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
    const forged = `${b64({ alg: 'RS256', typ: 'JWT', kid: 'made-up' })}.${b64(claims)}.${b64('not a signature')}`;
    const wrongAudience = `${b64({ alg: 'RS256', typ: 'JWT', kid: 'made-up' })}.${b64({ ...claims, aud: 'someone-else' })}.${b64('x')}`;
    // A v2 Entra token makes the SDK fetch the tenant's keys; unreachable here, the SDK's text would name the host.
    const entra = `${b64({ alg: 'RS256', typ: 'JWT', kid: 'made-up' })}.${b64({
      ...claims,
      iss: 'https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0',
      tid: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    })}.${b64('x')}`;
    for (const token of [unsigned, forged, wrongAudience, entra, 'garbage']) {
      for (const scheme of ['Bearer', 'bearer']) {
        expectRefused(await bot.post(activity, { Authorization: `${scheme} ${token}` }));
      }
    }
    expectRefused(await bot.post(activity, { Authorization: 'Basic dXNlcjpwYXNz' }));
    expect(bot.connector.calls).toHaveLength(0);
  });
});
