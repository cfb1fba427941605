/** With a bot client id configured, only activities carrying a valid Bot Framework token are heard. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  it('refuses an activity with no token', async () => {
    expect((await bot.post(activity)).status).toBe(401);
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
    for (const token of [unsigned, forged, wrongAudience, 'garbage']) {
      expect((await bot.post(activity, { Authorization: `Bearer ${token}` })).status).toBe(401);
    }
    expect(bot.connector.calls).toHaveLength(0);
  });
});
