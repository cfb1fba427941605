/**
 * Server-side latency of an approval click: 50 management-team members press Approve at once on the
 * card, posted as Teams posts the invoke to /api/messages, through the real Agents SDK, use case and
 * SharePoint adapter, with 100 ms added to every Graph round trip.
 */
import { contentHash } from '../../src/domain/documents/content-hash.js';
import { createPlan } from '../../src/domain/plan/create-plan.js';
import type { ReportFormat } from '../../src/domain/templates/report-format.js';
import { startBotHarness } from '../support/bot-harness.js';
import { acceptedEverywhere, applyAll, catalog, T0 } from '../support/fixtures/index.js';
import { roundTripLatency } from './measure.js';
import { median, percentile } from './sample-stats.js';

export interface ApprovalLatency {
  readonly approvers: number;
  readonly graphLatencyMs: number;
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly maxMs: number;
  readonly wallMs: number;
  readonly responsesStored: number;
  readonly stageState: string;
  readonly graphRequests: number;
}

export async function benchApprovalLatency(approvers = 50, graphLatencyMs = 100): Promise<ApprovalLatency> {
  const bot = await startBotHarness();
  try {
    const people = Array.from({ length: approvers }, (_, i) => ({
      id: `f0000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      name: `Member ${i}`,
    }));
    const lead = { id: 'f1000000-0000-4000-8000-000000000001', name: 'Lead' };
    const base = catalog.reportFormats.find((f) => f.id === 'durham-cabinet')!;
    const format: ReportFormat = {
      ...base,
      id: 'bench-format',
      approvalChain: [
        {
          key: 'emt',
          title: 'Management team endorsement',
          kind: 'endorsement',
          approverRoles: ['management-team'],
          rule: { kind: 'all' },
          mandatoryRoles: [],
        },
        base.approvalChain.at(-1)!,
      ],
    };
    const roles: Record<string, string[]> = { 'management-team': people.map((p) => p.id) };
    for (const role of format.roles)
      if (!roles[role.key] && role.key !== 'plan-lead' && !role.group) roles[role.key] = [lead.id];
    const created = createPlan(
      catalog.planTemplates[0]!,
      format,
      { id: 'bench-approvals', title: 'Bench plan', leadId: lead.id, roles },
      { id: lead.id },
      T0,
    );
    if (!created.ok) throw new Error(created.error.message);
    const stored = await bot.app.store.create(created.value.plan, created.value.audit);
    if (!stored.ok) throw new Error(stored.error.message);
    const ready = applyAll(acceptedEverywhere(stored.value.plan), [
      [{ type: 'startApprovals', delivery: { kind: 'one-to-one' } }, lead.id],
    ]);
    const saved = await bot.app.store.save(stored.value, ready, [], lead.id);
    if (!saved.ok) throw new Error(saved.error.message);
    const data = {
      planId: ready.id,
      stageKey: 'emt',
      round: 1,
      versionHash: contentHash(ready),
      decision: 'approve',
    };

    bot.app.emulator!.faults.set([...roundTripLatency(graphLatencyMs).rules]);
    bot.app.emulator!.stats.reset();
    const started = performance.now();
    const timings = await Promise.all(
      people.map(async (person) => {
        const t0 = performance.now();
        const response = await bot.invoke(person, 'approval.respond', data, {
          conversationId: '19:bench@thread.v2',
        });
        if (response.status !== 200)
          throw new Error(`approval by ${person.name} answered ${response.status}`);
        return performance.now() - t0;
      }),
    );
    const wallMs = performance.now() - started;
    const graphRequests = bot.app.emulator!.stats.snapshot().requests;
    bot.app.emulator!.faults.clear();
    const loaded = await bot.app.store.load(ready.id);
    if (!loaded.ok) throw new Error(loaded.error.message);
    const stage = loaded.value.plan.stages.find((s) => s.key === 'emt')!;
    if (stage.responses.length !== approvers)
      throw new Error(`expected ${approvers} responses, found ${stage.responses.length}`);
    return {
      approvers,
      graphLatencyMs,
      medianMs: median(timings),
      p95Ms: percentile(timings, 95),
      maxMs: Math.max(...timings),
      wallMs,
      responsesStored: stage.responses.length,
      stageState: stage.state,
      graphRequests,
    };
  } finally {
    await bot.close();
  }
}
