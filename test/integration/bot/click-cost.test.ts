/**
 * What an approval click costs and what a burst of them sends, at the protocol level: the real server and
 * Agents SDK, the real Graph client against the local SharePoint emulator (its request stats count every
 * round trip), and a recording fake Bot Connector as Teams. A click reads the plan once and saves once;
 * settling the plan and updating the posted card happen after the answer, once per burst; a click sent
 * twice records one response.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECENT_MS } from '../../../src/adapters/sharepoint/plan-cache.js';
import { startBotHarness, type BotHarness, type Person } from '../../support/bot-harness.js';
import {
  managementTeamFirstFormat,
  startPlanInBot,
  type StartedPlan,
} from '../../support/bot-started-plan.js';

const CHAT = '19:click-cost@thread.v2';
const MEMBERS = 14;
const BURST = 10;
const members: Person[] = Array.from({ length: MEMBERS }, (_, i) => ({
  id: `d0000000-0000-4000-8000-0000000000${String(i).padStart(2, '0')}`,
  name: `Member ${i}`,
}));
const lead: Person = { id: 'd1000000-0000-4000-8000-000000000001', name: 'Lead' };

const format = managementTeamFirstFormat('click-cost-format', { kind: 'all' });

let bot: BotHarness;
let plan: StartedPlan;
let chatCardKey: string;

const storedPlan = () => plan.current();
const approve = () => plan.respondData('emt');

const click = (who: Person, data: Record<string, unknown>) =>
  bot.invoke(who, 'approval.respond', data, { conversationId: CHAT });

const answerText = (response: { body: unknown }): string => JSON.stringify(response.body);

const responsesStored = async (): Promise<number> =>
  (await storedPlan()).stages.find((s) => s.key === 'emt')!.responses.length;

beforeAll(async () => {
  bot = await startBotHarness();
  plan = await startPlanInBot(bot, {
    id: 'click-cost-plan',
    title: 'Click cost plan',
    format,
    lead,
    roles: { 'management-team': members.map((m) => m.id) },
    chat: { id: CHAT, speaker: members[0]! },
  });
  // The card is posted to the chat (and every name on it looked up once, as a running server has).
  const posted = bot.connector
    .cardsIn(CHAT, 'POST')
    .filter((c) => JSON.stringify(c).includes('"verb":"approval.refresh"'));
  expect(posted).toHaveLength(1);
  expect(await bot.app.outbox.due('9999-01-01T00:00:00Z', 100)).toHaveLength(0);
  chatCardKey = `approval/${plan.id}/emt/1/chat/`;
});
afterAll(async () => {
  await bot.close();
});

describe('one approval click', () => {
  it('reads the plan once (one delta round) and saves once before it is answered; the settle comes after', async () => {
    const data = await approve();
    // A lone click: no read of the plan begun in the moment before it to share.
    await new Promise((resolve) => setTimeout(resolve, RECENT_MS + 50));
    const stats = bot.app.emulator!.stats;
    stats.reset();
    const answer = await click(members[0]!, data);
    expect(answerText(answer)).toContain('Your approval is recorded');
    const onTheClick = stats.snapshot();
    // One read: a delta round asks the plan's four lists what changed, in one $batch. One save: the
    // response and its audit entry, one chained $batch. Nothing else on the way to the answer.
    expect(onTheClick.requests).toBe(2);
    expect(onTheClick.byRoute['GET /sites/{}/lists/{}/items/delta']).toBe(4);
    expect(onTheClick.byRoute['POST /sites/{}/lists/{}/items']).toBe(2);
    expect(onTheClick.byRoute['PATCH /sites/{}/lists/{}/items/{}/fields'] ?? 0).toBe(0);
    stats.reset();
    await bot.app.settled();
    // After the answer: one fresh read and the card update enqueued (nothing to close yet).
    expect(stats.snapshot().requests).toBe(2);
    expect(await responsesStored()).toBe(1);
  });

  it('sent again (a retry), or twice at once, records one response and says it was already recorded', async () => {
    const data = await approve();
    const again = await click(members[0]!, data);
    expect(answerText(again)).toContain('already recorded');
    const twice = await Promise.all([click(members[1]!, data), click(members[1]!, data)]);
    expect(twice.map((r) => r.status)).toEqual([200, 200]);
    const texts = twice.map(answerText);
    expect(texts.filter((t) => t.includes('Your approval is recorded'))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('already recorded'))).toHaveLength(1);
    await bot.app.settled();
    const responses = (await storedPlan()).stages.find((s) => s.key === 'emt')!.responses;
    expect(responses.map((r) => r.approverId).sort()).toEqual([members[0]!.id, members[1]!.id].sort());
    const audit = await bot.app.store.auditLog(plan.id);
    expect(audit.filter((e) => e.command === 'respond')).toHaveLength(2);
  });
});

describe('a burst of clicks on one plan', () => {
  it(`${BURST} at once: every response stored, the card updated once per dispatch pass, showing them all`, async () => {
    await bot.app.dispatch(); // the updates from the clicks above are sent first
    const putsBefore = bot.connector.cardsIn(CHAT, 'PUT').length;
    const data = await approve();
    const burst = members.slice(2, 2 + BURST);
    const answers = await Promise.all(burst.map((m) => click(m, data)));
    expect(answers.map(answerText).every((t) => t.includes('Your approval is recorded'))).toBe(true);
    await bot.app.settled();
    // The settles of a burst coalesce: far fewer card updates are queued than there were clicks.
    const queued = (await bot.app.outbox.due('9999-01-01T00:00:00Z', 100)).filter((e) =>
      e.replacesKey?.startsWith(chatCardKey),
    );
    expect(queued.length).toBeGreaterThan(0);
    expect(queued.length).toBeLessThanOrEqual(BURST / 2);
    await bot.app.dispatch();
    const updates = bot.connector.cardsIn(CHAT, 'PUT').slice(putsBefore);
    expect(updates).toHaveLength(1);
    const expected = 2 + BURST;
    expect(await responsesStored()).toBe(expected);
    expect(JSON.stringify(updates[0])).toContain(`Approved: ${expected} of ${MEMBERS} needed`);
  });
});
