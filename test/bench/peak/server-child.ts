/**
 * The Plan Builder server in a process of its own for the bench: local mode against the emulator running
 * in another process (PB_BENCH_EMULATOR_URL), its outbox and reminder workers on their usual timers, the
 * tab API and the bot endpoint on a free loopback port. The parent sets the council up over IPC and reads
 * the server's own counters (cache rounds, budget waits) at the end.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CachedPlanStore } from '../../../src/adapters/sharepoint/plan-cache.js';
import { runCommand } from '../../../src/app/plans/run-command.js';
import { contentHash } from '../../../src/domain/documents/content-hash.js';
import { createPlan } from '../../../src/domain/plan/create-plan.js';
import type { ReportFormat } from '../../../src/domain/templates/report-format.js';
import { conversationKey } from '../../../src/ports/conversations.js';
import { compose } from '../../../src/server/composition.js';
import { readConfig } from '../../../src/server/config.js';
import { startHttpServer } from '../../../src/server/http-server.js';
import {
  acceptedEverywhere,
  applyAll,
  catalog,
  T0,
  templateWithSections,
} from '../../support/fixtures/index.js';
import { serve } from './ipc.js';
import { startCpuProfile, stopCpuProfile } from './cpu-profile.js';
import { PhaseProfile } from './phase-profile.js';
import { profileServer } from './server-phases.js';

const emulatorUrl = process.env['PB_BENCH_EMULATOR_URL'];
const connectorUrl = process.env['PB_BENCH_CONNECTOR_URL'];
if (!emulatorUrl || !connectorUrl)
  throw new Error('PB_BENCH_EMULATOR_URL and PB_BENCH_CONNECTOR_URL are needed');

const base = readConfig({
  PB_MODE: 'local',
  PB_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'pb-bench-server-')),
  PB_BOT_SERVICE_URL: connectorUrl,
});
if (base.mode !== 'local') throw new Error('local config expected');
const app = await compose(
  { ...base, port: 0, emulatorPort: 0 },
  { quiet: true, remoteEmulatorUrl: emulatorUrl, caches: process.env['PB_BENCH_BEFORE'] !== '1' },
);
const profile = new PhaseProfile();
profileServer(profile, app);
const server = await startHttpServer(app);

export interface CouncilSetup {
  readonly officers: readonly string[];
  readonly approvers: readonly string[];
  readonly leadId: string;
  readonly plans: number;
  /** Due dates for the officers' sections: in the last week, so reminders are due. */
  readonly dueDates: readonly string[];
  readonly chatId: string;
  /** Plans with their management team's stage open and card posted, one per burst (default 1). */
  readonly approvals?: number;
}

export interface Council {
  /** Per officer: the plan and section they write. */
  readonly sections: readonly { readonly planId: string; readonly sectionKey: string }[];
  readonly planIds: readonly string[];
  /** The first of `approvals`. */
  readonly approval: ApprovalTarget;
  readonly approvals: readonly ApprovalTarget[];
}

/** What a member's Approve on a posted card names: the plan, its stage and round, the version shown. */
export interface ApprovalTarget {
  readonly planId: string;
  readonly stageKey: string;
  readonly round: number;
  readonly versionHash: string;
}

function formatFor(
  approvers: readonly string[],
  leadId: string,
): {
  format: ReportFormat;
  roles: Record<string, string[]>;
} {
  const durham = catalog.reportFormats.find((f) => f.id === 'durham-cabinet')!;
  const format: ReportFormat = {
    ...durham,
    id: 'peak-format',
    approvalChain: [
      {
        key: 'emt',
        title: 'Management team endorsement',
        kind: 'endorsement',
        approverRoles: ['management-team'],
        rule: { kind: 'all' },
        mandatoryRoles: [],
      },
      durham.approvalChain.at(-1)!,
    ],
  };
  const roles: Record<string, string[]> = { 'management-team': [...approvers] };
  for (const role of format.roles)
    if (!roles[role.key] && role.key !== 'plan-lead' && !role.group) roles[role.key] = [leadId];
  return { format, roles };
}

async function setUp(setup: CouncilSetup): Promise<Council> {
  const { format, roles } = formatFor(setup.approvers, setup.leadId);
  const make = async (id: string, sections: number) => {
    const created = createPlan(
      templateWithSections(sections),
      format,
      { id, title: `Plan ${id}`, leadId: setup.leadId, roles },
      { id: setup.leadId },
      T0,
    );
    if (!created.ok) throw new Error(created.error.message);
    const stored = await app.store.create(created.value.plan, created.value.audit);
    if (!stored.ok) throw new Error(stored.error.message);
    return stored.value;
  };
  const perPlan = Math.ceil(setup.officers.length / setup.plans);
  const sections: { planId: string; sectionKey: string }[] = [];
  const planIds: string[] = [];
  for (let p = 0; p < setup.plans; p++) {
    const mine = setup.officers.slice(p * perPlan, (p + 1) * perPlan);
    const stored = await make(`peak-plan-${p + 1}`, mine.length);
    const assigned = applyAll(
      stored.plan,
      mine.map((officer, i) => [
        {
          type: 'assignSection',
          sectionKey: `section-${i}`,
          ownerId: officer,
          contributorIds: [],
          dueDate: setup.dueDates[(p * perPlan + i) % setup.dueDates.length]!,
        },
        setup.leadId,
      ]),
    );
    const saved = await app.store.save(stored, assigned, [], setup.leadId);
    if (!saved.ok) throw new Error(saved.error.message);
    planIds.push(stored.plan.id);
    mine.forEach((_, i) => sections.push({ planId: stored.plan.id, sectionKey: `section-${i}` }));
  }
  // The plan going to the management team this week: ready, its endorsement open, its card in their chat.
  await app.conversations.save({
    key: conversationKey(setup.chatId),
    kind: 'groupChat',
    conversationId: setup.chatId,
    serviceUrl: connectorUrl!,
    tenantId: 'local-tenant',
    botId: app.config.bot.appId,
    userId: null,
    title: 'Management team',
    updatedAt: T0,
  });
  const approvals: ApprovalTarget[] = [];
  for (let n = 1; n <= (setup.approvals ?? 1); n++)
    approvals.push(await startApproving(n === 1 ? 'peak-approving' : `peak-approving-${n}`));
  return { sections, planIds, approval: approvals[0]!, approvals };

  async function startApproving(id: string): Promise<ApprovalTarget> {
    const approving = await make(id, 2);
    const prepared = applyAll(acceptedEverywhere(approving.plan), [
      [{ type: 'setManagementTeamChat', conversationKey: conversationKey(setup.chatId) }, setup.leadId],
    ]);
    const saved = await app.store.save(approving, prepared, [], setup.leadId);
    if (!saved.ok) throw new Error(saved.error.message);
    // Started as the lead starts it, so the stage's card is posted to the chat (and the burst updates it).
    const started = await runCommand(
      app.commands,
      prepared.id,
      { type: 'startApprovals' },
      { id: setup.leadId },
    );
    if (!started.ok) throw new Error(started.error.message);
    const ready = started.value.plan;
    return { planId: ready.id, stageKey: 'emt', round: 1, versionHash: contentHash(ready) };
  }
}

serve(
  {
    setUp,
    /** The reminders and messages due before the peak, sent before it is measured. */
    catchUp: async () => {
      await app.remind();
      for (let i = 0; i < 20; i++) if ((await app.dispatch()).sent === 0) break;
    },
    startWorkers: () => app.startWorkers(),
    /** Sends what the outbox holds until nothing is due (the card updates after a burst, say). */
    drain: async () => {
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      for (let i = 0; i < 10; i++) if ((await app.dispatch()).sent === 0) break;
    },
    counts: () => ({
      rounds: app.store instanceof CachedPlanStore ? app.store.mirror.counts.rounds : null,
      fullReads: app.store instanceof CachedPlanStore ? app.store.mirror.counts.fullReads : null,
      throttled: app.budget.counts.throttled,
      backgroundWaits: app.budget.counts.backgroundWaits,
    }),
    /** CPU time this process has used (user + system, ms): what the burst cost it. */
    cpuMs: () => {
      const used = process.cpuUsage();
      return (used.user + used.system) / 1000;
    },
    resetProfile: async () => {
      profile.reset();
      await startCpuProfile();
    },
    profile: async () => {
      await stopCpuProfile();
      return profile.figures();
    },
    responses: async (planId: string, stageKey: string) => {
      const loaded = await app.store.refresh(planId);
      if (!loaded.ok) throw new Error(loaded.error.message);
      return loaded.value.plan.stages.find((s) => s.key === stageKey)?.responses.length ?? 0;
    },
    close: async () => {
      await server.close();
      await app.close();
    },
  },
  { url: server.url },
);
