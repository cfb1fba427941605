/** Chat commands and conversation capture, at the protocol level. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personalKey } from '../../../src/ports/conversations.js';
import { demoPeople } from '../../../src/local/demo/people.js';
import { startBotHarness, type BotHarness } from '../../support/bot-harness.js';

let bot: BotHarness;
beforeAll(async () => {
  bot = await startBotHarness();
});
afterAll(async () => {
  await bot.close();
});

const lead = { id: demoPeople.planLead.id, name: demoPeople.planLead.displayName };
const owner = { id: demoPeople.transformationLead.id, name: demoPeople.transformationLead.displayName };

function textOf(card: Record<string, unknown> | undefined): string {
  return JSON.stringify(card ?? {});
}

describe('chat commands', () => {
  it('answers help with the list of commands and remembers the 1:1 chat', async () => {
    const before = bot.connector.calls.length;
    expect((await bot.say(lead, 'help')).status).toBe(200);
    const card = bot.connector.cardsIn(`a:personal-${lead.id}`).at(-1);
    expect(bot.connector.calls.length).toBeGreaterThan(before);
    expect(textOf(card)).toContain('my sections');
    expect(await bot.app.conversations.get(personalKey(lead.id))).toMatchObject({
      kind: 'personal',
      conversationId: `a:personal-${lead.id}`,
      serviceUrl: bot.connector.url,
    });
  });

  it('answers status with the plan the person leads', async () => {
    await bot.say(lead, 'status');
    const card = textOf(bot.connector.cardsIn(`a:personal-${lead.id}`).at(-1));
    expect(card).toContain('Productivity Plan');
    expect(card).toContain('How you have transformed the way you design and deliver services');
  });

  it('answers my sections with the sections the person writes', async () => {
    await bot.say(owner, 'my sections');
    const card = textOf(bot.connector.cardsIn(`a:personal-${owner.id}`).at(-1));
    expect(card).toContain('How you have transformed the way you design and deliver services');
    expect(card).toContain('Implementation milestones');
    expect(card).not.toContain('Key performance indicators');
  });

  it('answers anything else helpfully, quoting what was said as text', async () => {
    await bot.say(owner, 'what is [this](https://evil.example)?');
    const card = textOf(bot.connector.cardsIn(`a:personal-${owner.id}`).at(-1));
    expect(card).toContain('help');
    expect(card).not.toContain('](https://evil.example)');
  });

  it('lets the plan lead choose a group chat for management team endorsements, and no one else', async () => {
    const chat = '19:emt-chat@thread.v2';
    await bot.sayInGroup(owner, chat, 'use this chat for management team');
    expect(textOf(bot.connector.cardsIn(chat).at(-1))).toContain('Only a plan lead');
    await bot.sayInGroup(lead, chat, 'use this chat for management team');
    expect(textOf(bot.connector.cardsIn(chat).at(-1))).toContain('Done');
    const plan = await bot.app.store.load('demo-productivity-plan');
    expect(plan.ok && plan.value.plan.managementTeamChat).toBe(`conversation:${chat}`);
  });
});

describe('a flood from one person', () => {
  it('is cut off after the burst with a clear card, and does not affect anyone else', async () => {
    const flooder = { id: demoPeople.deputy.id, name: demoPeople.deputy.displayName };
    // 40 at once against a budget of 20 at once and two a second: never more answered than that.
    const started = performance.now();
    await Promise.all(Array.from({ length: 40 }, () => bot.say(flooder, 'help')));
    const seconds = (performance.now() - started) / 1000;
    const cards = bot.connector.cardsIn(`a:personal-${flooder.id}`).map((c) => JSON.stringify(c));
    expect(cards).toHaveLength(40);
    const answered = cards.filter((c) => c.includes('my sections')).length;
    expect(answered).toBeLessThanOrEqual(20 + Math.ceil(seconds * 2) + 1);
    expect(answered).toBeGreaterThanOrEqual(20);
    expect(cards.filter((c) => c.includes('try again in')).length).toBe(40 - answered);
    await bot.say(lead, 'help');
    expect(JSON.stringify(bot.connector.cardsIn(`a:personal-${lead.id}`).at(-1))).toContain('my sections');
  });
});
