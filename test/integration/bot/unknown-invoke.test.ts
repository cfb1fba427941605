/**
 * A card action with a verb the bot does not know, or an invoke it has no handler for, is answered with a
 * refusal card that says nothing was done (and never echoes the verb as markup), not the SDK's 501; the
 * verbs it knows still work after it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople } from '../../../src/local/demo/people.js';
import { DEMO_PLAN_ID } from '../../../src/local/demo/seed.js';
import { startBotHarness, type BotHarness } from '../../support/bot-harness.js';
import { renderedTexts } from '../../unit/cards/support/inspect.js';
import { expectNoMarkup } from '../../unit/cards/support/markdown-safety.js';

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness();
});
afterAll(() => bot?.close());

const lead = { id: demoPeople.planLead.id, name: demoPeople.planLead.displayName };

interface InvokeBody {
  readonly statusCode: number;
  readonly type: string;
  readonly value: { readonly type: string; readonly body: { readonly text?: string }[] };
}

function expectRefusal(answer: { status: number; body: unknown }, names: RegExp): void {
  expect(answer.status).toBe(200);
  const body = answer.body as InvokeBody;
  expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
  expect(body.value.type).toBe('AdaptiveCard');
  const texts = renderedTexts(body.value as never);
  expect(texts.join(' ')).toMatch(/Nothing was done/);
  expect(texts.join(' ')).toMatch(names);
  for (const text of texts.slice(1)) expectNoMarkup(text);
}

describe('invokes the bot does not know', () => {
  it('a card action with an unknown verb gets a refusal card, not 501', async () => {
    const answer = await bot.invoke(lead, 'plan.delete-everything', { planId: DEMO_PLAN_ID });
    expectRefusal(answer, /plan\.?\u2060?delete-everything/);
  });

  it('a hostile verb is shown as text, never as a link', async () => {
    const answer = await bot.invoke(lead, '[click](https://evil.example)', {});
    expectRefusal(answer, /click/);
  });

  it('another invoke name gets the same refusal', async () => {
    const answer = await bot.post({
      type: 'invoke',
      name: 'task/fetch',
      channelId: 'msteams',
      serviceUrl: bot.connector.url,
      from: { id: `29:${lead.id}`, aadObjectId: lead.id, name: lead.name },
      recipient: { id: bot.app.config.bot.appId },
      conversation: { id: `a:personal-${lead.id}`, conversationType: 'personal' },
      value: { data: {} },
    });
    expectRefusal(answer, /task\/fetch/);
  });

  it('the verbs it knows still answer as before', async () => {
    const answer = await bot.invoke(lead, 'approval.refresh', { planId: DEMO_PLAN_ID, stageKey: 'nope' });
    expect(answer.status).toBe(200);
    expect(JSON.stringify(answer.body)).not.toMatch(/not an action Plan Builder knows/);
  });
});
