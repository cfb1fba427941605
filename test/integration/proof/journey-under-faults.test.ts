/**
 * The whole journey — create, assign, write, submit, accept, sign-offs, management-team endorsement,
 * portfolio holder, decision, publish — with two server instances sharing one SharePoint (requests
 * alternating between them), 20% of Graph requests answered 429/503 with added latency, and one instance
 * restarted in the middle of the endorsement round. Afterwards every edit and response is there once, each
 * stage has one outcome, no card or reminder went out twice, and the audit log is complete and in order.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GraphStoreError } from '../../../src/adapters/sharepoint/store-errors.js';
import { createPlanFromTemplate } from '../../../src/app/plans/create-plan.js';
import { requiredHeader } from '../../support/fixtures/index.js';
import { publishPlan } from '../../../src/app/publication/publish-plan.js';
import { runCommand } from '../../../src/app/plans/run-command.js';
import { addCalendarDays } from '../../../src/domain/dates/calendar.js';
import type { Command } from '../../../src/domain/plan/commands.js';
import { contentHash } from '../../../src/domain/documents/content-hash.js';
import type { Plan } from '../../../src/domain/plan/plan.js';
import type { Result } from '../../../src/domain/support/result.js';
import { demoPeople, managementTeamGroup } from '../../../src/local/demo/people.js';
import { startEmulator, type SharePointEmulator } from '../../../src/local/emulator/index.js';
import { FakeConnector, startBotHarness, type BotHarness, type Person } from '../../support/bot-harness.js';

const dir = mkdtempSync(path.join(tmpdir(), 'pb-journey-'));
let emulator: SharePointEmulator;
const connector = new FakeConnector();
const harnesses: BotHarness[] = [];
afterAll(async () => {
  for (const h of harnesses) await h.close().catch(() => undefined);
  await connector.close();
  await emulator?.close();
  rmSync(dir, { recursive: true, force: true });
});

function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const person = (p: { id: string; displayName: string }): Person => ({ id: p.id, name: p.displayName });
const lead = person(demoPeople.planLead);
const CHAT = '19:demo-emt@thread.v2';

/** What a client does when SharePoint is busy: try the same thing again. */
async function persist<T>(
  attempt: () => Promise<T>,
  failed: (value: T) => boolean = () => false,
): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      const value = await attempt();
      if (!failed(value) || i >= 8) return value;
    } catch (error) {
      if (!(error instanceof GraphStoreError && error.code === 'GRAPH_UNAVAILABLE') || i >= 8) throw error;
    }
  }
}

describe('the whole journey under faults, on two instances, with a restart', () => {
  it('ends with every edit and response once, one outcome per stage, no duplicate card or reminder, and a complete audit log', async () => {
    emulator = await startEmulator({
      dbPath: path.join(dir, 'sharepoint.db'),
      hostname: 'demo-borough.sharepoint.com',
      random: seeded(9),
    });
    let a = await startBotHarness((c) => c, {
      sharedEmulator: emulator,
      sharedConnector: await connector.start().then(() => connector),
    });
    const b = await startBotHarness((c) => c, { sharedEmulator: emulator, sharedConnector: connector });
    harnesses.push(a, b);
    let turn = 0;
    const next = (): BotHarness => (turn++ % 2 === 0 ? a : b);
    const command = (planId: string, c: Command, actor: string): Promise<Result<unknown>> =>
      persist(
        () => runCommand(next().app.commands, planId, c, { id: actor }),
        (r) => !r.ok && r.error.code === 'CONFLICT',
      );
    const must = async (planId: string, c: Command, actor: string): Promise<void> => {
      const result = await command(planId, c, actor);
      if (!result.ok) throw new Error(`${c.type} by ${actor}: ${result.error.code} ${result.error.message}`);
    };
    const load = async (planId: string): Promise<Plan> => {
      // The plan as it stands now (instance a may hold a copy a few seconds older than b's last write).
      const loaded = await persist(() => a.app.store.refresh(planId));
      if (!loaded.ok) throw new Error(loaded.error.message);
      return loaded.value.plan;
    };
    const click = async (
      who: Person,
      data: Record<string, unknown>,
      conversationId?: string,
    ): Promise<string> => {
      const response = await persist(
        () => next().invoke(who, 'approval.respond', data, conversationId ? { conversationId } : {}),
        (r) => r.status !== 200 || JSON.stringify(r.body).includes('Try again in a moment'),
      );
      return JSON.stringify(response.body);
    };
    const drain = async (): Promise<void> => {
      for (let i = 0; i < 6; i++) await persist(() => next().app.dispatch());
    };

    // The app meets its people: 1:1 chats and the management team's group chat.
    for (const p of Object.values(demoPeople)) await persist(() => next().say(person(p), 'help'));
    await persist(() => next().sayInGroup(lead, CHAT, 'help'));

    emulator.faults.set([
      { status: 429, share: 0.1, retryAfterSeconds: 0, latencyMs: 2 },
      { status: 503, share: 0.112, retryAfterSeconds: 0 },
    ]);

    // 1. Create and assign.
    const created = await persist(() =>
      createPlanFromTemplate(
        { ...a.app.commands, catalog: a.app.catalog, ids: a.app.ids },
        {
          planId: 'journey-plan',
          templateId: 'dluhc-productivity-plan-2024',
          reportFormatId: 'demo-borough-cabinet',
          title: 'Productivity Plan',
          roles: {
            'report-author': [lead.id],
            'accountable-director': [demoPeople.director.id],
            'chief-finance-officer': [demoPeople.financeOfficer.id],
            'monitoring-officer': [demoPeople.monitoringOfficer.id],
            'management-team': managementTeamGroup.memberIds,
            'portfolio-holder': [demoPeople.portfolioHolder.id],
          },
        },
        { id: lead.id },
      ),
    );
    if (!created.ok) throw new Error(created.error.message);
    const planId = created.value.plan.id;
    const writers = [demoPeople.transformationLead, demoPeople.digitalLead, demoPeople.hrLead];
    let plan = await load(planId);
    const owners = new Map<string, string>();
    let w = 0;
    const today = a.app.clock.now().slice(0, 10);
    const assignedByLead: string[] = [];
    for (const section of plan.sections.filter((s) => s.definition.required)) {
      const owner =
        section.ownerId ?? (section.definition.part === 'plan' ? writers[w++ % writers.length]!.id : lead.id);
      owners.set(section.definition.key, owner);
      if (!section.ownerId) {
        await must(
          planId,
          {
            type: 'assignSection',
            sectionKey: section.definition.key,
            ownerId: owner,
            contributorIds: [],
            dueDate: today,
          },
          lead.id,
        );
        assignedByLead.push(section.definition.key);
      }
    }
    await must(planId, { type: 'setManagementTeamChat', conversationKey: `conversation:${CHAT}` }, lead.id);

    // 2. Write (twice each, with the reminder scheduler running on both instances in between), submit, accept.
    let edits = 0;
    const write = async (key: string, owner: string, words: string): Promise<void> => {
      const current = (await load(planId)).sections.find((s) => s.definition.key === key)!;
      await must(
        planId,
        {
          type: 'editSection',
          sectionKey: key,
          baseRevision: current.revision,
          content: [{ type: 'paragraph', children: [{ type: 'text', text: `${words} ${key}.` }] }],
          ...(current.definition.figureFields.length > 0
            ? {
                figures: {
                  'staff-budget': 1000,
                  'agency-spend': 10,
                  'consultant-spend': 5,
                  'facility-time-cost': 1,
                  'pay-bill': 900,
                },
              }
            : {}),
        },
        owner,
      );
      edits += 1;
    };
    for (const [key, owner] of owners) await write(key, owner, 'First draft of');
    // Due today and still in draft: each owner is reminded once, however many passes on however many instances.
    for (let i = 0; i < 3; i++)
      await Promise.all([persist(() => a.app.remind()), persist(() => b.app.remind())]);
    await drain();
    for (const [key, owner] of owners) {
      await write(key, owner, 'Final text of');
      await must(planId, { type: 'submitSection', sectionKey: key }, owner);
      await must(planId, { type: 'acceptSection', sectionKey: key }, lead.id);
    }

    // 3. Approvals (the report header's required rows filled first): implications officers, then the
    // management team in the group chat.
    await must(planId, { type: 'setHeaderFields', values: requiredHeader(await load(planId)) }, lead.id);
    await must(planId, { type: 'startApprovals', delivery: { kind: 'one-to-one' } }, lead.id);
    plan = await load(planId);
    const stageData = (p: Plan, key: string) => ({
      planId,
      stageKey: key,
      round: p.stages.find((s) => s.key === key)!.round,
      versionHash: contentHash(p),
      decision: 'approve',
    });
    for (const officer of [demoPeople.financeOfficer, demoPeople.monitoringOfficer]) {
      expect(await click(person(officer), stageData(plan, 'implications-sign-off'))).toContain('recorded');
    }
    await drain();
    plan = await load(planId);
    expect(plan.stages.find((s) => s.key === 'management-team-endorsement')!.state).toBe('open');
    const endorsement = stageData(plan, 'management-team-endorsement');
    await click(person(demoPeople.peopleDirector), endorsement, CHAT);
    await click(person(demoPeople.placeDirector), endorsement, CHAT);

    // An instance restarts in the middle of the round, on the same SharePoint.
    const index = harnesses.indexOf(a);
    await a.close();
    a = await startBotHarness((c) => c, { sharedEmulator: emulator, sharedConnector: connector });
    harnesses[index] = a;

    await click(person(demoPeople.director), endorsement, CHAT);
    // A click after the stage closed changes nothing.
    expect(await click(person(demoPeople.chiefExecutive), endorsement, CHAT)).not.toContain(
      'Your approval is recorded',
    );
    await drain();

    // 4. Portfolio holder in 1:1, decision, publication.
    plan = await load(planId);
    await click(person(demoPeople.portfolioHolder), stageData(plan, 'portfolio-holder-sign-off'));
    plan = await load(planId);
    const decision = plan.stages.find((s) => s.kind === 'decision')!;
    await must(
      planId,
      {
        type: 'recordDecision',
        stageKey: decision.key,
        meetingBody: 'Cabinet',
        // Publication waits for call-in to end, so the meeting and its call-in are before today.
        meetingDate: addCalendarDays(today, -14),
        minuteReference: 'Min. 42',
        callInEndsOn: addCalendarDays(today, -1),
        outcome: 'approved',
        versionHash: contentHash(plan),
      },
      lead.id,
    );
    // Instance b publishes: it sees the decision (which either instance may have recorded) once its copy
    // is current, as within one delta round.
    await persist(() => b.app.store.refresh(planId));
    const published = await persist(() => publishPlan(b.app.publishing, planId, { id: lead.id }));
    if (!published.ok) throw new Error(published.error.message);
    await drain();
    emulator.faults.clear();

    // Afterwards.
    plan = await load(planId);
    expect(plan.status).toBe('published');
    expect(plan.stages.every((s) => s.state === 'approved')).toBe(true);
    for (const [key] of owners) expect(plan.sections.find((s) => s.definition.key === key)!.revision).toBe(2);
    for (const stage of plan.stages) {
      const who = stage.responses.map((r) => `${r.round}/${r.approverId}`);
      expect(new Set(who).size).toBe(who.length);
    }
    expect(plan.stages.find((s) => s.key === 'management-team-endorsement')!.responses).toHaveLength(3);

    const audit = await a.app.store.auditLog(planId);
    expect(audit.filter((e) => e.command === 'editSection')).toHaveLength(edits);
    expect(audit[0]!.command).toBe('createPlan');
    expect(audit.at(-1)!.command).toBe('publish');
    expect(audit.map((e) => e.at)).toEqual([...audit.map((e) => e.at)].sort());
    const summaries = audit.map((e) => `${e.command}|${e.actorId}|${e.summary}`);
    expect(new Set(summaries).size).toBe(summaries.length);

    // Teams saw each card once: one endorsement card in the chat, one outcome per stage to the lead.
    const postedInChat = connector
      .cardsIn(CHAT, 'POST')
      .filter((c) => JSON.stringify(c).includes('"verb":"approval.refresh"'));
    expect(postedInChat).toHaveLength(1);
    for (const stage of plan.stages.filter((s) => s.kind !== 'decision')) {
      const outcome = await a.app.outbox.get(`outcome/${planId}/${stage.key}/${stage.round}`);
      expect(outcome, stage.title).toMatchObject({
        state: 'sent',
        recipient: { kind: 'user', userId: lead.id },
      });
    }
    for (const key of assignedByLead) {
      const reminder = await a.app.outbox.get(
        `reminder/${planId}/${key}/${owners.get(key)}/${today}/${today}`,
      );
      expect(reminder, key).toMatchObject({ state: 'sent' });
    }
    const sent = connector.calls.filter(
      (c) => c.method === 'POST' && c.path.includes('/activities') && !c.path.match(/activities\/m\d+$/),
    );
    const bodies = sent.map(
      (c) => `${c.path}|${JSON.stringify(c.body?.['attachments'] ?? c.body?.['text'])}`,
    );
    expect(new Set(bodies).size).toBe(bodies.length);
  }, 240_000);
});
