/**
 * KPI check-ins from cards at the protocol level: the real Agents SDK and the local SharePoint emulator,
 * with a recording fake Bot Connector as Teams. The schedule sends the owner a card; the owner's click
 * (posted as Teams posts it, input values as text) records the value once, however often it is clicked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineKpi } from '../../../src/app/kpis/kpi-definitions.js';
import { unescapeMarkdown } from '../../../src/cards/escape.js';
import type { Kpi } from '../../../src/domain/kpis/kpi.js';
import type { Plan } from '../../../src/domain/plan/plan.js';
import type { Person } from '../../support/bot-harness.js';
import { startKpiBotHarness, type KpiBotHarness } from '../../support/kpi-bot-harness.js';
import { agencyShareDraft, onlineDraft, publishedPlan, testPeople } from '../../support/fixtures/index.js';

const owner: Person = { id: testPeople.owner, name: 'Sam Owner' };
const lead: Person = { id: testPeople.lead, name: 'Alex Lead' };
const stranger: Person = { id: testPeople.chiefExecutive, name: 'Chris Stranger' };

let bot: KpiBotHarness;
let plan: Plan;
let agency: Kpi;
let online: Kpi;

type Card = Record<string, unknown>;
const cardOf = (response: { body: unknown }): Card => (response.body as { value: Card }).value;
/** Everything the card shows, as people read it (card text is escaped markdown). */
const shown = (card: unknown): string =>
  unescapeMarkdown(
    [...JSON.stringify(card).matchAll(/"(?:text|value|title)":"((?:[^"\\]|\\.)*)"/g)]
      .map((m) => JSON.parse(`"${m[1]!}"`) as string)
      .join('\n'),
  );
const textOf = (response: { body: unknown }): string => shown(cardOf(response));
const verbsIn = (card: Card): string[] =>
  [...JSON.stringify(card).matchAll(/"verb":"([^"]+)"/g)].map((m) => m[1]!);

function checkInButton(card: Card): Record<string, unknown> {
  const action = (card['actions'] as { type: string; verb?: string; data?: Record<string, unknown> }[]).find(
    (a) => a.verb === 'kpi.checkin',
  );
  if (!action?.data) throw new Error('no check-in button');
  return action.data;
}

async function valuesOf(kpi: Kpi) {
  return (await bot.kpiDeps.kpis.forPlan(plan.id)).values
    .map((v) => v.item)
    .filter((v) => v.kpiId === kpi.id);
}

beforeAll(async () => {
  bot = await startKpiBotHarness('2024-07-01T08:00:00Z');
  for (const person of [owner, lead, stranger])
    bot.site.emulator.admin.upsertUser({
      id: person.id,
      displayName: person.name,
      mail: `${person.id}@example.org`,
    });
  plan = publishedPlan({ on: '2024-06-28' });
  const stored = await bot.site.store.create(plan, {
    at: plan.createdAt,
    planId: plan.id,
    actorId: plan.leadId,
    command: 'createPlan',
    version: plan.contentVersion,
    hash: plan.versionHash,
    summary: 'created',
  });
  if (!stored.ok) throw new Error(stored.error.message);
  const a = await defineKpi(bot.kpiDeps, plan.id, agencyShareDraft(), { id: lead.id });
  const o = await defineKpi(bot.kpiDeps, plan.id, onlineDraft(), { id: lead.id });
  if (!a.ok || !o.ok) throw new Error('KPIs not defined');
  agency = a.value.item;
  online = o.value.item;
  // The app is in the owner's and the lead's 1:1 chats.
  await bot.say(owner, 'help');
  await bot.say(lead, 'help');
});
afterAll(async () => {
  await bot.close();
});

describe('the check-in card', () => {
  it('is sent to the owner when the period ends, once however many passes run', async () => {
    const first = await bot.scheduleAndSend();
    expect(first.enqueued).toBe(2);
    const again = await bot.scheduleAndSend();
    expect(again.enqueued).toBe(0);
    const cards = bot.connector
      .cardsIn(`a:personal-${owner.id}`, 'POST')
      .filter((c) => verbsIn(c).includes('kpi.checkin'));
    expect(cards).toHaveLength(2);
    const forAgency = cards.find((c) => checkInButton(c)['kpiId'] === agency.id)!;
    expect(checkInButton(forAgency)).toEqual({
      planId: plan.id,
      kpiId: agency.id,
      periodKey: 'FY2024-25-Q1',
    });
    const inputs = (forAgency['body'] as { type: string; id?: string }[]).filter((e) =>
      e.type.startsWith('Input.'),
    );
    expect(inputs.map((i) => [i.type, i.id])).toEqual([
      ['Input.Number', 'part'],
      ['Input.Number', 'whole'],
      ['Input.Text', 'comment'],
    ]);
  });
});

describe('answering from the card', () => {
  const click = async (who: Person, inputs: Record<string, string>) => {
    const card = bot.connector
      .cardsIn(`a:personal-${owner.id}`, 'POST')
      .find((c) => verbsIn(c).includes('kpi.checkin') && checkInButton(c)['kpiId'] === agency.id)!;
    // As the renderers send it: the button's data with every input's value merged in, as text.
    return bot.invoke(who, 'kpi.checkin', { ...checkInButton(card), ...inputs });
  };
  const answer = { part: '1000000', whole: '25000000', comment: 'Fewer locums in adult social care.' };

  it('refuses a value that cannot be, keeping what was typed on the card, and records nothing', async () => {
    bot.setNow('2024-07-02T09:00:00Z');
    const refused = await click(owner, { ...answer, part: '30000000' });
    expect(refused.status).toBe(200);
    expect(textOf(refused)).toContain('over 100%');
    expect(verbsIn(cardOf(refused))).toEqual(['kpi.checkin']);
    expect(JSON.stringify(cardOf(refused))).toContain('"value":30000000');
    expect(await valuesOf(agency)).toEqual([]);
  });

  it('records the value once, even when clicked twice, and says so the second time', async () => {
    const first = await click(owner, answer);
    expect(first.status).toBe(200);
    expect(textOf(first)).toContain('Recorded');
    expect(textOf(first)).toMatch(/Green: on track/);
    const second = await click(owner, answer);
    expect(textOf(second)).toContain('already recorded; nothing changed');
    const stored = await valuesOf(agency);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      periodKey: 'FY2024-25-Q1',
      measurement: { value: 4, part: 1_000_000, whole: 25_000_000 },
      commentary: 'Fewer locums in adult social care.',
      recordedBy: owner.id,
    });
  });

  it('records one value when clicked many times at once', async () => {
    const card = bot.connector
      .cardsIn(`a:personal-${owner.id}`, 'POST')
      .find((c) => verbsIn(c).includes('kpi.checkin') && checkInButton(c)['kpiId'] === online.id)!;
    const data = { ...checkInButton(card), value: '12400', comment: 'Up on May.' };
    const results = await Promise.all(
      Array.from({ length: 6 }, () => bot.invoke(owner, 'kpi.checkin', data)),
    );
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(200));
    expect(results.filter((r) => textOf(r).includes('Recorded. Thank you.'))).toHaveLength(1);
    expect(results.filter((r) => textOf(r).includes('already recorded; nothing changed'))).toHaveLength(5);
    expect(await valuesOf(online)).toHaveLength(1);
  });

  it('keeps the first value when a different one arrives for the same period, and shows which stands', async () => {
    const changed = await click(owner, { ...answer, part: '2000000' });
    expect(textOf(changed)).toContain('was already recorded on 2024-07-02');
    expect(textOf(changed)).toContain('4%');
    expect((await valuesOf(agency)).map((v) => v.measurement.value)).toEqual([4]);
  });

  it('trusts nothing in the card data: strangers, other plans and damaged data record nothing', async () => {
    const before = await bot.kpiDeps.kpis.forPlan(plan.id);
    const notOwner = await bot.invoke(stranger, 'kpi.checkin', {
      planId: plan.id,
      kpiId: agency.id,
      periodKey: 'FY2024-25-Q1',
      part: '1',
      whole: '2',
    });
    expect(textOf(notOwner)).toContain('Only the owner');
    const otherPlan = await bot.invoke(owner, 'kpi.checkin', {
      planId: 'another-plan',
      kpiId: agency.id,
      periodKey: 'FY2024-25-Q1',
      part: '1',
      whole: '2',
    });
    expect(textOf(otherPlan)).toContain('no longer exists');
    const damaged = await bot.invoke(owner, 'kpi.checkin', {
      planId: plan.id,
      kpiId: agency.id,
      periodKey: 'Q1',
    });
    expect(textOf(damaged)).toContain('damaged');
    expect(await bot.kpiDeps.kpis.forPlan(plan.id)).toEqual(before);
  });

  it('stops the schedule asking once answered, and escalates what is overdue to the plan lead', async () => {
    bot.setNow('2024-08-16T08:00:00Z');
    await bot.scheduleAndSend();
    // July's online value was due on 14 August and is missing; the quarter is answered.
    const toOwner = bot.connector
      .cardsIn(`a:personal-${owner.id}`, 'POST')
      .filter((c) => verbsIn(c).includes('kpi.checkin'));
    expect(toOwner.map((c) => checkInButton(c)['periodKey'])).toEqual(['FY2024-25-Q1', '2024-06', '2024-07']);
    expect(shown(toOwner.at(-1))).toContain('Check-in overdue');
    const digests = () =>
      bot.connector
        .cardsIn(`a:personal-${lead.id}`, 'POST')
        .filter((c) => shown(c).includes('Overdue KPI check-ins'));
    expect(digests()).toHaveLength(1);
    expect(shown(digests()[0])).toContain('Sam Owner');
    expect(shown(digests()[0])).toContain('Online transactions');
    expect(shown(digests()[0])).not.toContain(agency.name);
    await bot.scheduleAndSend();
    expect(digests()).toHaveLength(1);
  });
});
