/**
 * "None" from the assignment card, at the protocol level: the real server and Agents SDK, the local
 * SharePoint emulator and a recording fake Bot Connector as Teams. The officer's card carries the button;
 * the click completes and submits the paragraph; a repeated click changes nothing; a click on a card for
 * an older revision, after text was written, is refused and loses nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlanFromTemplate } from '../../../src/app/plans/create-plan.js';
import { runCommand } from '../../../src/app/plans/run-command.js';
import { demoPeople } from '../../../src/local/demo/people.js';
import type { Plan } from '../../../src/domain/plan/plan.js';
import { startBotHarness, type BotHarness, type Person } from '../../support/bot-harness.js';

let bot: BotHarness;
const lead: Person = { id: demoPeople.planLead.id, name: demoPeople.planLead.displayName };
const officer: Person = { id: demoPeople.hrLead.id, name: demoPeople.hrLead.displayName };
const planId = 'bot-none-plan';
const KEY = 'implications.staffing';

type Card = Record<string, unknown>;
const cardOf = (response: { body: unknown }): Card => (response.body as { value: Card }).value;

async function current(): Promise<Plan> {
  const loaded = await bot.app.store.load(planId);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value.plan;
}

beforeAll(async () => {
  bot = await startBotHarness();
  const created = await createPlanFromTemplate(
    bot.app,
    {
      planId,
      templateId: 'dluhc-productivity-plan-2024',
      reportFormatId: 'demo-borough-cabinet',
      title: 'Productivity Plan',
    },
    { id: lead.id },
  );
  if (!created.ok) throw new Error(created.error.message);
  await bot.say(officer, 'help'); // the app is in the officer's 1:1 chat
  for (const key of [KEY, 'implications.health']) {
    const assigned = await runCommand(
      bot.app.commands,
      planId,
      { type: 'assignSection', sectionKey: key, ownerId: officer.id, contributorIds: [], dueDate: null },
      { id: lead.id },
    );
    if (!assigned.ok) throw new Error(assigned.error.message);
  }
  await bot.app.dispatch();
});
afterAll(async () => {
  await bot?.close();
});

/** The Action.Execute on the officer's assignment card for `key`. */
function noneButton(key: string): { verb: string; data: Record<string, unknown> } {
  const cards = bot.connector.cardsIn(`a:personal-${officer.id}`, 'POST');
  const card = cards.find((c) => JSON.stringify(c).includes(`"sectionKey":"${key}"`));
  expect(card, `an assignment card for ${key}`).toBeDefined();
  const actions =
    (card!['actions'] as { type: string; verb?: string; data?: Record<string, unknown> }[]) ?? [];
  const none = actions.find((a) => a.verb === 'section.none');
  expect(none, 'a "Complete as none" button').toBeDefined();
  expect(JSON.stringify(card)).toContain('There are no specific implications arising from this report.');
  return { verb: none!.verb!, data: none!.data! };
}

describe('"None" from the assignment card', () => {
  it('completes and submits the paragraph in one click, and a repeated click changes nothing', async () => {
    const button = noneButton(KEY);
    const answer = await bot.invoke(officer, button.verb, button.data);
    expect(answer.status).toBe(200);
    expect(JSON.stringify(cardOf(answer))).toContain('Completed as none');
    const section = (await current()).sections.find((s) => s.definition.key === KEY)!;
    expect(section.status).toBe('submitted');
    expect(JSON.stringify(section.content)).toContain(
      'There are no specific implications arising from this report.',
    );
    const audit = await bot.app.store.auditLog(planId);
    expect(audit.at(-1)).toMatchObject({ actorId: officer.id, command: 'completeAsNone' });

    const again = await bot.invoke(officer, button.verb, button.data);
    expect(JSON.stringify(cardOf(again))).toContain('Completed as none');
    expect(await bot.app.store.auditLog(planId)).toHaveLength(audit.length);
  });

  it('refuses a click from an older card once text has been written, and the text is kept', async () => {
    const button = noneButton('implications.health');
    const written = await runCommand(
      bot.app.commands,
      planId,
      {
        type: 'editSection',
        sectionKey: 'implications.health',
        baseRevision: 0,
        content: [{ type: 'paragraph', children: [{ type: 'text', text: 'A real health paragraph.' }] }],
      },
      { id: officer.id },
    );
    expect(written.ok).toBe(true);
    const answer = await bot.invoke(officer, button.verb, button.data);
    expect(JSON.stringify(cardOf(answer))).toContain('Not completed');
    const section = (await current()).sections.find((s) => s.definition.key === 'implications.health')!;
    expect(JSON.stringify(section.content)).toContain('A real health paragraph.');
    expect(section.status).toBe('drafting');
  });

  it('is refused to someone who does not own the paragraph', async () => {
    const stranger: Person = { id: demoPeople.digitalLead.id, name: demoPeople.digitalLead.displayName };
    const answer = await bot.invoke(stranger, 'section.none', { planId, sectionKey: KEY, revision: 0 });
    expect(JSON.stringify(cardOf(answer))).toContain('Not completed');
  });

  it('a joint author\'s "Agree and submit" records their agreement, and says who is still to agree', async () => {
    const chair: Person = { id: demoPeople.portfolioHolder.id, name: demoPeople.portfolioHolder.displayName };
    const steps = [
      {
        type: 'assignSection' as const,
        sectionKey: 'foreword',
        ownerId: officer.id,
        contributorIds: [chair.id],
        dueDate: null,
        jointAuthors: true,
      },
    ];
    for (const command of steps)
      expect((await runCommand(bot.app.commands, planId, command, { id: lead.id })).ok).toBe(true);
    const written = await runCommand(
      bot.app.commands,
      planId,
      {
        type: 'editSection',
        sectionKey: 'foreword',
        baseRevision: 0,
        content: [{ type: 'paragraph', children: [{ type: 'text', text: 'From us both.' }] }],
      },
      { id: officer.id },
    );
    expect(written.ok).toBe(true);
    const agreed = await bot.invoke(officer, 'section.submit', {
      planId,
      sectionKey: 'foreword',
      revision: 1,
    });
    const text = JSON.stringify(cardOf(agreed));
    expect(text).toContain('Agreed');
    expect(text).toContain(`It goes to the plan lead when ${chair.name} agrees too.`);
    const last = await bot.invoke(chair, 'section.submit', { planId, sectionKey: 'foreword', revision: 1 });
    expect(JSON.stringify(cardOf(last))).toContain('is with the plan lead for review');
    expect((await current()).sections.find((s) => s.definition.key === 'foreword')!.status).toBe('submitted');
  });
});
