/**
 * Every message the bot sends, card or text only, carries user text (plan, section and stage titles,
 * meeting bodies, comments, people's names, KPI names) only in its markdown-safe form: the walk below
 * makes every composer speak about a plan in which all of that is hostile, and reads every card and every
 * text-only message as a markdown reader would. A text-only message may link to the tab, and only there.
 */
import MarkdownIt from 'markdown-it';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TabLinks } from '../../../src/adapters/bot/links.js';
import { KpiCheckInComposer } from '../../../src/adapters/bot/kpi-checkins.js';
import { CardComposer } from '../../../src/adapters/bot/notification-composer.js';
import type { PeopleNames } from '../../../src/adapters/bot/people-names.js';
import { NoticeComposer } from '../../../src/app/notifications/notices/notice-composer.js';
import { unescapeMarkdown } from '../../../src/cards/escape.js';
import type { AdaptiveCard } from '../../../src/cards/elements.js';
import type { DomainEvent } from '../../../src/domain/plan/events.js';
import { periodFromKey } from '../../../src/domain/kpis/periods.js';
import type { Plan } from '../../../src/domain/plan/plan.js';
import { DEMO_PLAN_ID } from '../../../src/local/demo/seed.js';
import type { PlanStore } from '../../../src/ports/plan-store.js';
import type { OutgoingMessage } from '../../../src/ports/outbox.js';
import { startTabServer, type TabServer } from '../../support/tab-server.js';
import { kpiFrom, onlineDraft } from '../../support/fixtures/kpis.js';
import { renderedTexts } from '../../unit/cards/support/inspect.js';
import { expectNoMarkup, FORMATTING } from '../../unit/cards/support/markdown-safety.js';
import { EVIL } from '../../unit/cards/support/views.js';

const TAB = 'https://plans.example';
const NOW = '2024-06-03T09:00:00Z';
const markdown = MarkdownIt({ linkify: true });

let tab: TabServer;
let plan: Plan;

/** Everyone is called EVIL, and every title, body and comment a person can type is EVIL. */
const names = {
  name: async () => EVIL,
  names: async (ids: readonly string[]) => Object.fromEntries(ids.map((id) => [id, EVIL])),
} as unknown as PeopleNames;

function hostile(demo: Plan): Plan {
  const approverIds = demo.roles['management-team'] ?? [demo.leadId];
  return {
    ...demo,
    title: EVIL,
    managementTeamChat: null,
    dates: { ...demo.dates, decisionMeeting: { body: EVIL, date: '2030-07-09' } },
    sections: demo.sections.map((s, i) => ({
      ...s,
      definition: { ...s.definition, title: EVIL },
      ...(i === 0 ? { status: 'changes-requested', reviewComment: EVIL } : {}),
    })),
    stages: demo.stages.map((stage) => ({
      ...stage,
      title: EVIL,
      state: 'open' as const,
      round: 1,
      approverIds,
      boundHash: demo.versionHash || 'a'.repeat(64),
      boundVersion: 1,
      responses: [
        {
          round: 1,
          approverId: approverIds[0]!,
          responderId: approverIds[0]!,
          decision: 'changes-requested' as const,
          comment: EVIL,
          at: NOW,
          hash: demo.versionHash || 'a'.repeat(64),
        },
      ],
    })),
    contentVersion: 1,
    decision: {
      stageKey: demo.stages.find((s) => s.kind === 'decision')?.key ?? 'decision',
      meetingBody: EVIL,
      meetingDate: '2030-07-09',
      minuteReference: EVIL,
      callInEndsOn: null,
      outcome: 'approved-with-amendments',
      hash: 'c'.repeat(64),
      recordedBy: demo.leadId,
      recordedAt: NOW,
    },
  } as unknown as Plan;
}

beforeAll(async () => {
  tab = await startTabServer();
  const loaded = await tab.app.store.load(DEMO_PLAN_ID);
  if (!loaded.ok) throw new Error(loaded.error.message);
  plan = hostile(loaded.value.plan);
});
afterAll(() => tab?.close());

/** One event of every kind a notice exists for, about real sections and stages of the plan. */
function everyEvent(p: Plan): DomainEvent[] {
  const section = p.sections[0]!.definition.key;
  const stage = (p.stages.find((s) => s.kind === 'endorsement') ??
    p.stages.find((s) => s.kind !== 'decision'))!.key;
  const decision = p.stages.find((s) => s.kind === 'decision')!.key;
  const someone = p.stages[0]!.approverIds[0]!;
  const base = { planId: p.id };
  return [
    {
      ...base,
      type: 'SectionAssigned',
      sectionKey: section,
      ownerId: someone,
      contributorIds: [],
      dueDate: '2030-07-01',
      previousOwnerId: null,
    },
    { ...base, type: 'SectionChangesRequested', sectionKey: section, ownerId: someone, comment: EVIL },
    { ...base, type: 'SectionSubmitted', sectionKey: section, by: someone },
    {
      ...base,
      type: 'StageOpened',
      stageKey: stage,
      round: 1,
      hash: 'a'.repeat(64),
      version: 1,
      approverIds: [someone],
    },
    {
      ...base,
      type: 'StageOpened',
      stageKey: decision,
      round: 1,
      hash: 'a'.repeat(64),
      version: 1,
      approverIds: [someone],
    },
    {
      ...base,
      type: 'ResponseRecorded',
      stageKey: stage,
      round: 1,
      approverId: someone,
      responderId: someone,
      decision: 'changes-requested',
      comment: EVIL,
    },
    { ...base, type: 'StageApproved', stageKey: stage, round: 1 },
    { ...base, type: 'StageChangesRequested', stageKey: stage, round: 1 },
    { ...base, type: 'DelegationChanged', stageKey: stage, approverId: someone, deputyId: someone },
    {
      ...base,
      type: 'DecisionRecorded',
      stageKey: decision,
      outcome: 'approved-with-amendments',
      meetingBody: EVIL,
      meetingDate: '2030-07-09',
      minuteReference: EVIL,
      callInEndsOn: null,
    },
    {
      ...base,
      type: 'ApprovalsReopened',
      stageKeys: [stage],
      previousHash: 'a'.repeat(64),
      hash: 'b'.repeat(64),
    },
  ] as unknown as DomainEvent[];
}

function expectSafe(message: OutgoingMessage): void {
  if (message.card) {
    for (const text of renderedTexts(message.card as unknown as AdaptiveCard)) expectNoMarkup(text);
    return;
  }
  if (message.live) return; // the card is rendered when it is sent: the approval card, checked above
  // A text-only message: Teams renders it as markdown.
  const html = markdown.render(message.text);
  const links = [...html.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)];
  for (const [, href, label] of links) {
    expect(href!.startsWith(TAB), message.text).toBe(true);
    expect(label, 'a link shows where it goes').toBe(href);
  }
  expect(html.replace(/<a href="[^"]*">[^<]*<\/a>/g, ''), message.text).not.toMatch(FORMATTING);
  expect(message.text).not.toMatch(/<at>/i);
  expect(message.text).not.toContain('\\');
  expect(unescapeMarkdown(message.text), 'the user text is there, as typed').toContain(
    '[click](https://evil.example)',
  );
}

describe('every outgoing message about a plan full of hostile text', () => {
  it('every event notice: cards and text-only messages carry the text markdown-safe', async () => {
    const cards = new CardComposer(names, new TabLinks(TAB), {
      load: async () => ({ ok: true, value: { plan } }),
      refresh: async () => ({ ok: true, value: { plan } }),
    } as unknown as PlanStore);
    const composer = new NoticeComposer(cards);
    let textOnly = 0;
    // Once with the management team endorsing in 1:1 chats, once in their group chat.
    const inChat = { ...plan, managementTeamChat: 'conversation-1' };
    for (const event of everyEvent(plan)) {
      const messages = [
        ...(await composer.forEvents(plan, [event], NOW)),
        ...(await composer.forEvents(inChat, [event], NOW)),
      ];
      expect(messages.length, `${event.type} sends something`).toBeGreaterThan(0);
      for (const message of messages) {
        expectSafe(message);
        if (!message.card && !message.live) textOnly += 1;
      }
    }
    expect(textOnly).toBeGreaterThanOrEqual(3);
    // The live approval card, as the outbox renders it when it sends.
    const stage = plan.stages.find((s) => s.kind !== 'decision')!;
    const live = await cards.render(plan.id, { kind: 'approval', stageKey: stage.key, round: 1 });
    expect(live).not.toBeNull();
    for (const text of renderedTexts(live!.card as unknown as AdaptiveCard)) expectNoMarkup(text);
  });

  it('reminders and escalations', async () => {
    const composer = new NoticeComposer(new CardComposer(names, new TabLinks(TAB), {} as PlanStore));
    const section = plan.sections[0]!;
    const owner = plan.stages[0]!.approverIds[0]!;
    const reminders = (['upcoming', 'due-today', 'overdue'] as const).map((kind) => ({
      key: `r/${kind}`,
      planId: plan.id,
      sectionKey: section.definition.key,
      ownerId: owner,
      kind,
      dueDate: '2030-07-01',
      pointDate: '2030-06-28',
    }));
    const escalation = {
      key: 'e/1',
      planId: plan.id,
      leadId: plan.leadId,
      pointDate: '2030-07-02',
      overdue: [{ sectionKey: section.definition.key, ownerId: owner, dueDate: '2030-07-01' }],
    };
    const messages = await composer.forReminders(plan, reminders as never, escalation, NOW);
    expect(messages.length).toBe(4);
    messages.forEach(expectSafe);
  });

  it('KPI check-ins and their escalation to the plan lead', async () => {
    const kpi = { ...kpiFrom(onlineDraft(), 'kpi-1', plan.id), name: EVIL, definition: EVIL };
    const period = periodFromKey('2030-06')!;
    const composer = new KpiCheckInComposer(names, new TabLinks(TAB));
    const messages = await composer.forCheckIns(
      plan,
      [kpi],
      [],
      {
        requests: [
          {
            key: 'k/1',
            planId: plan.id,
            kpiId: kpi.id,
            ownerId: plan.leadId,
            kind: 'overdue',
            period,
            dueBy: '2030-07-12',
          },
        ],
        escalation: {
          key: 'k/e',
          planId: plan.id,
          leadId: plan.leadId,
          overdue: [{ kpiId: kpi.id, ownerId: plan.leadId, period, dueBy: '2030-07-12' }],
        },
      } as never,
      NOW,
    );
    expect(messages.length).toBe(2);
    messages.forEach(expectSafe);
  });
});
