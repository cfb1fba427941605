/**
 * The management team's chat, chosen from the chat, at the protocol level (the real server and Agents SDK,
 * the local SharePoint emulator, a recording fake Bot Connector as Teams): the welcome when the app is
 * added to a group chat, who may press "Use this chat…", the open stage's card posted there once, and
 * `status` answering for the chat's plan. Then a chat and a person Teams says cannot be reached: marked
 * with the reason, listed on the dashboard API, not tried again, and nobody sent the SDK's error text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../../src/app/plans/run-command.js';
import type { Plan } from '../../../src/domain/plan/plan.js';
import { demoPeople, managementTeamGroup } from '../../../src/local/demo/people.js';
import { conversationKey, personalKey } from '../../../src/ports/conversations.js';
import { LOCAL_BOT_ID } from '../../../src/server/config.js';
import type { UnreachableDto } from '../../../src/shared/api.js';
import { startBotHarness, type BotHarness, type Person } from '../../support/bot-harness.js';
import {
  managementTeamFirstFormat,
  startPlanInBot,
  type StartedPlan,
} from '../../support/bot-started-plan.js';

const CHAT = '19:binding-test@thread.v2';
const GONE_CHAT = '19:deleted-chat@thread.v2';
const PLAN_ID = 'bot-binding-plan';
const GENERIC = 'The agent encountered an error or bug';
const person = (p: { id: string; displayName: string }): Person => ({ id: p.id, name: p.displayName });
const lead = person(demoPeople.planLead);
const members = managementTeamGroup.memberIds.map((id) => ({ id, name: `Member ${id.slice(-2)}` }));
const member = members[0]!;
const holder = person(demoPeople.portfolioHolder);

const format = managementTeamFirstFormat('bot-binding-format', { kind: 'any' });

let bot: BotHarness;
let started: StartedPlan;
type Card = Record<string, unknown>;
const cardOf = (response: { body: unknown }): Card => (response.body as { value: Card }).value;
const textOf = (value: unknown): string => JSON.stringify(value);

const currentPlan = (): Promise<Plan> => started.current();

/** Teams telling the bot it was added to a group chat. */
const addedTo = (chatId: string, by: Person) =>
  bot.post({
    type: 'conversationUpdate',
    id: `cu-${chatId}`,
    channelId: 'msteams',
    serviceUrl: bot.connector.url,
    recipient: { id: LOCAL_BOT_ID, name: 'Plan Builder' },
    from: { id: `29:${by.id}`, aadObjectId: by.id, name: by.name },
    conversation: { id: chatId, conversationType: 'groupChat', isGroup: true, tenantId: 'local-tenant' },
    channelData: { tenant: { id: 'local-tenant' } },
    membersAdded: [{ id: LOCAL_BOT_ID, name: 'Plan Builder' }],
  });

const unreachable = async (): Promise<UnreachableDto> => {
  const response = await fetch(`${bot.server.url}/api/plans/${PLAN_ID}/unreachable`, {
    headers: { 'x-pb-dev-user': lead.id },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as UnreachableDto;
};

beforeAll(async () => {
  bot = await startBotHarness();
  // Members have talked to the bot 1:1, so their 1:1 chats are known; the stage opens with no chat chosen.
  started = await startPlanInBot(bot, {
    id: PLAN_ID,
    title: 'Binding Plan',
    format,
    lead,
    roles: { 'management-team': members.map((m) => m.id), 'portfolio-holder': [holder.id] },
    talkedOneToOne: [...members, lead, holder],
    delivery: { kind: 'one-to-one' },
  });
});
afterAll(async () => {
  await bot.close();
});

describe('choosing the management team chat from the chat', () => {
  it('greets a group chat it is added to with a button for the plan lead of each plan without a chat', async () => {
    expect((await addedTo(CHAT, member)).status).toBe(200);
    const welcome = bot.connector.cardsIn(CHAT, 'POST').at(-1)!;
    expect(textOf(welcome)).toContain('Plan Builder is here');
    expect(textOf(welcome)).toContain(`"title":"Use this chat for Binding Plan"`);
    expect(textOf(welcome)).toContain('"verb":"chat.bind"');
    expect(textOf(welcome)).toContain(demoPeople.planLead.displayName);
  });

  it('lists the command in help, in the group chat', async () => {
    await bot.sayInGroup(member, CHAT, 'help');
    expect(textOf(bot.connector.cardsIn(CHAT, 'POST').at(-1))).toContain('use this chat for management team');
  });

  it('tells anyone but the plan lead who can choose, and changes nothing', async () => {
    const pressed = await bot.invoke(member, 'chat.bind', { planId: PLAN_ID }, { conversationId: CHAT });
    expect(textOf(cardOf(pressed))).toContain('Only the plan lead can choose this chat');
    expect(textOf(cardOf(pressed))).toContain(demoPeople.planLead.displayName);
    expect((await currentPlan()).managementTeamChat).toBeNull();
  });

  it('binds the chat when the plan lead presses, and posts the open stage’s card there once', async () => {
    const before = bot.connector.cardsIn(CHAT, 'POST').length;
    const pressed = await bot.invoke(lead, 'chat.bind', { planId: PLAN_ID }, { conversationId: CHAT });
    expect(textOf(cardOf(pressed))).toContain('will be posted here');
    expect(textOf(cardOf(pressed))).toContain('Management team endorsement');
    expect((await currentPlan()).managementTeamChat).toBe(conversationKey(CHAT));
    await bot.app.dispatch();
    // Pressed again (a double click): still the one card.
    await bot.invoke(lead, 'chat.bind', { planId: PLAN_ID }, { conversationId: CHAT });
    await bot.app.dispatch();
    const stageCards = bot.connector
      .cardsIn(CHAT, 'POST')
      .slice(before)
      .filter((c) => textOf(c).includes('Endorsement requested'));
    expect(stageCards).toHaveLength(1);
    expect(textOf(stageCards[0])).toContain('"verb":"approval.respond"');
  });

  it('answers status in the chat for the chat’s plan', async () => {
    await bot.sayInGroup(member, CHAT, 'status');
    const answer = textOf(bot.connector.cardsIn(CHAT, 'POST').at(-1));
    expect(answer).toContain('Plan status');
    expect(answer).toContain('Binding Plan');
  });
});

describe('a chat or person Teams says cannot be reached', () => {
  it('marks the chat with the reason, lists it on the dashboard, and does not send to it again', async () => {
    // The plan lead moves the team to another chat, which is then deleted: Teams says 404 for it.
    await bot.sayInGroup(lead, GONE_CHAT, 'help');
    const moved = await bot.invoke(lead, 'chat.bind', { planId: PLAN_ID }, { conversationId: GONE_CHAT });
    expect(textOf(cardOf(moved))).toContain('will be posted here');
    bot.connector.failFor(GONE_CHAT, 404, {
      error: { code: 'ConversationNotFound', message: 'Conversation not found.' },
    });
    await bot.app.dispatch();
    const tried = bot.connector.callsFor(GONE_CHAT).length;
    expect(tried).toBeGreaterThan(0);
    const stored = await bot.app.conversations.get(conversationKey(GONE_CHAT));
    expect(stored?.unreachable).toMatchObject({ reason: 'conversation-not-found' });
    const listed = await unreachable();
    expect(listed.chats).toEqual([
      expect.objectContaining({
        conversationKey: conversationKey(GONE_CHAT),
        reason: 'conversation-not-found',
      }),
    ]);
    // No endless retry: more passes send nothing more there.
    for (let pass = 0; pass < 3; pass++) await bot.app.dispatch();
    expect(bot.connector.callsFor(GONE_CHAT).length).toBe(tried);
  });

  it('marks a person whose 1:1 chat is gone, and tells the plan lead once, in words', async () => {
    const gone = holder;
    bot.connector.failFor(`a:personal-${gone.id}`, 403, {
      error: { code: 'ConversationBlockedByUser', message: 'User blocked the conversation with the bot.' },
    });
    const plan = await currentPlan();
    // A deputy card is one message to one person: a member names the portfolio holder deputy.
    const named = await runCommand(
      bot.app.commands,
      PLAN_ID,
      { type: 'delegate', stageKey: 'emt', approverId: members[2]!.id, deputyId: gone.id },
      { id: members[2]!.id },
    );
    expect(named.ok, JSON.stringify(named)).toBe(true);
    for (let pass = 0; pass < 3; pass++) await bot.app.dispatch();
    expect((await bot.app.conversations.get(personalKey(gone.id)))?.unreachable).toMatchObject({
      reason: 'blocked',
    });
    const listed = await unreachable();
    expect(listed.people).toEqual([expect.objectContaining({ id: gone.id, reason: 'blocked' })]);
    const toLead = bot.connector
      .callsFor(`a:personal-${lead.id}`)
      .map((c) => String(c.body?.['text'] ?? ''))
      .filter((t) => t.includes('cannot reach'));
    expect(toLead).toHaveLength(1);
    expect(toLead[0]).toContain('blocked');
    // Named as the plan lead knows them, not by their directory id.
    expect(toLead[0]).toContain(`cannot reach ${demoPeople.portfolioHolder.displayName} in Teams`);
    expect(toLead[0]).not.toContain(gone.id);
    expect(plan.id).toBe(PLAN_ID);
  });

  it('a person seen again is reachable again', async () => {
    const gone = holder;
    bot.connector.heal(`a:personal-${gone.id}`);
    await bot.say(gone, 'help'); // they unblocked the app and wrote to it
    expect((await bot.app.conversations.get(personalKey(gone.id)))?.unreachable ?? null).toBeNull();
    expect((await unreachable()).people).toEqual([]);
  });

  it('sends the card they missed again, once, now Teams shows their chat, and the mark clears', async () => {
    const deputyCards = () =>
      bot.connector
        .callsFor(`a:personal-${holder.id}`)
        .filter((c) => c.method === 'POST' && textOf(c.body).includes('named you deputy'));
    // Tried once while blocked (refused), then given up: nothing delivered yet.
    const triedWhileBlocked = deputyCards().length;
    expect(triedWhileBlocked).toBe(1);
    const key = `delegated/${PLAN_ID}/emt/1/${members[2]!.id}/${holder.id}`;
    expect(await bot.app.outbox.get(key)).toMatchObject({ state: 'pending', unreachable: null });
    await bot.app.dispatch();
    expect(deputyCards()).toHaveLength(triedWhileBlocked + 1);
    expect(textOf(deputyCards().at(-1)!.body)).toContain('"verb":"approval.respond"');
    expect(await bot.app.outbox.get(key)).toMatchObject({ state: 'sent', unreachable: null });
    // They write again, and the worker runs more passes: no second card for the round.
    await bot.say(holder, 'help');
    for (let pass = 0; pass < 3; pass++) await bot.app.dispatch();
    expect(deputyCards()).toHaveLength(triedWhileBlocked + 1);
    expect((await unreachable()).people).toEqual([]);
  });

  it('never sent anyone the SDK’s generic error text', () => {
    const texts = bot.connector.calls.map((c) => JSON.stringify(c.body ?? {}));
    expect(texts.filter((t) => t.includes(GENERIC))).toEqual([]);
  });
});
