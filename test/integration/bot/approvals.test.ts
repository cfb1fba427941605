/**
 * Approvals from cards at the protocol level: the real server and Agents SDK, the local SharePoint
 * emulator, and a recording fake Bot Connector as Teams. Invokes are posted as Teams posts them,
 * including automatic refreshes from approvers and from people who are not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOT_AN_APPROVER } from '../../../src/adapters/bot/approval-actions.js';
import type { Plan } from '../../../src/domain/plan/plan.js';
import { startBotHarness, type BotHarness, type Person } from '../../support/bot-harness.js';
import {
  managementTeamFirstFormat,
  startPlanInBot,
  type StartedPlan,
} from '../../support/bot-started-plan.js';

const CHAT = '19:management-team@thread.v2';
const members: Person[] = Array.from({ length: 12 }, (_, i) => ({
  id: `e0000000-0000-4000-8000-0000000000${String(i).padStart(2, '0')}`,
  name: `Member ${i}`,
}));
const lead: Person = { id: 'e1000000-0000-4000-8000-000000000001', name: 'Lead' };
const portfolio: Person = { id: 'e1000000-0000-4000-8000-000000000002', name: 'Cabinet member' };
const stranger: Person = { id: 'e1000000-0000-4000-8000-000000000003', name: 'Stranger' };

const format = managementTeamFirstFormat('bot-test-format', { kind: 'all' }, [
  {
    key: 'cabinet-member',
    title: 'Cabinet member sign-off',
    kind: 'sign-off',
    approverRoles: ['portfolio-holder'],
    rule: { kind: 'all' },
    mandatoryRoles: [],
  },
]);

let bot: BotHarness;
let started: StartedPlan;
let planId: string;

const currentPlan = (): Promise<Plan> => started.current();

type Card = Record<string, unknown>;
const cardOf = (response: { body: unknown }): Card => (response.body as { value: Card }).value;
const verbsIn = (card: Card): string[] =>
  [...JSON.stringify(card).matchAll(/"verb":"([^"]+)"/g)].map((m) => m[1]!);
const respondData = (extra: Record<string, unknown> = {}) => started.respondData('emt', extra);

beforeAll(async () => {
  bot = await startBotHarness();
  // The implications officer here is the lead, so readiness edits are made by whoever owns each section.
  // The app is in the management team's chat and in the cabinet member's and the lead's 1:1 chats.
  started = await startPlanInBot(bot, {
    id: 'bot-approvals-plan',
    title: 'Productivity Plan',
    format,
    lead,
    roles: {
      'management-team': members.map((m) => m.id),
      'portfolio-holder': [portfolio.id],
      'chief-finance-officer': [lead.id],
      'monitoring-officer': [lead.id],
    },
    chat: { id: CHAT, speaker: members[0]! },
    talkedOneToOne: [portfolio, lead],
    delivery: { kind: 'one-to-one' },
  });
  planId = started.id;
});
afterAll(async () => {
  await bot.close();
});

describe('the management team card', () => {
  it('is posted once to the chosen group chat, for everyone, refreshing for the 12 waiting members', () => {
    const posted = bot.connector
      .cardsIn(CHAT, 'POST')
      .filter((c) => JSON.stringify(c).includes('Management team endorsement'));
    expect(posted).toHaveLength(1);
    // Buttons for whoever sees it (clients without user-specific views show everyone this card); the bot
    // decides from who pressed. The refresh still gives each waiting member their own view where supported.
    expect(verbsIn(posted[0]!)).toEqual(['approval.respond', 'approval.respond', 'approval.refresh']);
    const refresh = posted[0]!['refresh'] as { userIds: string[] };
    expect(refresh.userIds.sort()).toEqual(members.map((m) => `8:orgid:${m.id}`).sort());
  });

  it('shows an approver their own view on an automatic refresh (Delegate too), and everyone else the shared one', async () => {
    const data = { planId, stageKey: 'emt', round: 1 };
    const mine = await bot.invoke(members[1]!, 'approval.refresh', data, {
      conversationId: CHAT,
      trigger: 'automatic',
    });
    expect(mine.status).toBe(200);
    expect(verbsIn(cardOf(mine))).toEqual(expect.arrayContaining(['approval.respond', 'approval.delegate']));
    const theirs = await bot.invoke(stranger, 'approval.refresh', data, {
      conversationId: CHAT,
      trigger: 'automatic',
    });
    expect(verbsIn(cardOf(theirs))).not.toContain('approval.delegate');
    expect(JSON.stringify(cardOf(theirs))).toContain('Only the approvers’ answers count');
  });
});

describe('responding from the card', () => {
  it('records an approval, answers with the current card, and updates the posted card for everyone', async () => {
    const response = await bot.invoke(members[0]!, 'approval.respond', await respondData(), {
      conversationId: CHAT,
    });
    expect(JSON.stringify(cardOf(response))).toContain('Your approval is recorded');
    expect((await currentPlan()).stages.find((s) => s.key === 'emt')!.responses).toHaveLength(1);
    const puts = bot.connector.calls.filter((c) => c.method === 'PUT').length;
    await bot.app.dispatch();
    const updates = bot.connector.cardsIn(CHAT, 'PUT');
    expect(bot.connector.calls.filter((c) => c.method === 'PUT').length).toBe(puts + 1);
    const refresh = updates.at(-1)!['refresh'] as { userIds: string[] };
    expect(refresh.userIds).toHaveLength(11);
    expect(refresh.userIds).not.toContain(`8:orgid:${members[0]!.id}`);
  });

  it('changes nothing on a repeated click, and says so', async () => {
    const response = await bot.invoke(members[0]!, 'approval.respond', await respondData(), {
      conversationId: CHAT,
    });
    expect(JSON.stringify(cardOf(response))).toContain('already recorded');
    expect((await currentPlan()).stages.find((s) => s.key === 'emt')!.responses).toHaveLength(1);
  });

  it('trusts nothing in the card data: other plans, other people, old versions and damaged data change nothing', async () => {
    const before = JSON.stringify(await currentPlan());
    const callsBefore = bot.connector.calls.length;
    const notApprover = await bot.invoke(stranger, 'approval.respond', await respondData(), {
      conversationId: CHAT,
    });
    // Told on their own copy (the invoke response), nothing posted to the chat, nothing queued.
    expect(notApprover.status).toBe(200);
    expect(JSON.stringify(cardOf(notApprover))).toContain(NOT_AN_APPROVER);
    expect(bot.connector.calls.length).toBe(callsBefore);
    expect((await bot.app.outbox.due('9999-01-01T00:00:00Z', 100)).length).toBe(0);
    const onBehalf = await bot.invoke(
      members[2]!,
      'approval.respond',
      await respondData({ onBehalfOf: members[3]!.id }),
      { conversationId: CHAT },
    );
    expect(JSON.stringify(cardOf(onBehalf))).toContain('not an approver');
    const oldVersion = await bot.invoke(
      members[2]!,
      'approval.respond',
      await respondData({ versionHash: 'a'.repeat(64) }),
      { conversationId: CHAT },
    );
    expect(JSON.stringify(cardOf(oldVersion))).toContain('out of date');
    const otherPlan = await bot.invoke(
      members[2]!,
      'approval.respond',
      await respondData({ planId: 'demo-productivity-plan' }),
      { conversationId: CHAT },
    );
    expect(verbsIn(cardOf(otherPlan))).not.toContain('approval.respond');
    const damaged = await bot.invoke(
      members[2]!,
      'approval.respond',
      { planId, stageKey: 'emt', decision: 'approve' },
      { conversationId: CHAT },
    );
    expect(JSON.stringify(cardOf(damaged))).toContain('damaged');
    const demo = await bot.app.store.load('demo-productivity-plan');
    expect(demo.ok && demo.value.plan.stages.every((s) => s.responses.length === 0)).toBe(true);
    expect(JSON.stringify(await currentPlan())).toBe(before);
  });

  it('the other 11 responding at once: 12 responses, one outcome, the cabinet member asked once', async () => {
    const data = await respondData();
    const results = await Promise.all(
      members.slice(1).map((m) => bot.invoke(m, 'approval.respond', data, { conversationId: CHAT })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(11).fill(200));
    // The last approver's answer already shows the outcome; the stage is stored closed just after.
    expect(JSON.stringify(cardOf(results.at(-1)!))).toContain('recorded');
    await bot.app.settled();
    const plan = await currentPlan();
    const emt = plan.stages.find((s) => s.key === 'emt')!;
    expect(emt.responses).toHaveLength(12);
    expect(emt.state).toBe('approved');
    expect(plan.stages.find((s) => s.key === 'cabinet-member')!.state).toBe('open');
    const putsBefore = bot.connector.calls.filter((c) => c.method === 'PUT').length;
    await bot.app.dispatch();
    await bot.app.dispatch();
    const outcomes = bot.connector
      .cardsIn(`a:personal-${lead.id}`)
      .filter((c) => JSON.stringify(c).includes('Management team endorsement'));
    expect(outcomes).toHaveLength(1);
    const toCabinetMember = bot.connector
      .cardsIn(`a:personal-${portfolio.id}`, 'POST')
      .filter((c) => verbsIn(c).includes('approval.respond'));
    expect(toCabinetMember).toHaveLength(1);
    const finalUpdates = bot.connector.calls.filter((c) => c.method === 'PUT').length - putsBefore;
    expect(finalUpdates).toBe(1);
    expect(JSON.stringify(bot.connector.cardsIn(CHAT, 'PUT').at(-1))).toContain('Approved');
  });

  it('the cabinet member signs off in 1:1, and the plan lead is asked to record the decision', async () => {
    const response = await bot.invoke(
      portfolio,
      'approval.respond',
      await started.respondData('cabinet-member'),
    );
    expect(JSON.stringify(cardOf(response))).toContain('Your approval is recorded');
    await bot.app.settled();
    expect((await currentPlan()).status).toBe('awaiting-decision');
    await bot.app.dispatch();
    const toLead = bot.connector.calls
      .filter((c) => c.path.includes(`a:personal-${lead.id}`))
      .map((c) => String(c.body?.['text'] ?? ''));
    expect(toLead.some((t) => t.includes('record the decision in Plan Builder'))).toBe(true);
  });
});
