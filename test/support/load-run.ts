/**
 * A bounded load on one server over loopback: officers saving their sections through the tab's API and
 * management-team members clicking Approve through the bot endpoint, all at once, for a fixed time.
 * Reports throughput, latency, every non-success by code, and the Graph requests and SharePoint resource
 * units spent against a small tenant's per-minute budget.
 */
import { contentHash } from '../../src/domain/documents/content-hash.js';
import { createPlan } from '../../src/domain/plan/create-plan.js';
import type { ReportFormat } from '../../src/domain/templates/report-format.js';
import type { BotHarness } from './bot-harness.js';
import {
  acceptedEverywhere,
  applyAll,
  catalog,
  paragraph,
  T0,
  templateWithSections,
} from './fixtures/index.js';

/** A tenant with up to 1,000 licences gets 1,250 resource units a minute per app (graph-sharepoint.md §6). */
export const SMALL_TENANT_RU_PER_MINUTE = 1_250;

export interface Latency {
  readonly count: number;
  readonly medianMs: number;
  readonly p95Ms: number;
}

export interface LoadReport {
  readonly seconds: number;
  readonly officers: number;
  readonly approvers: number;
  readonly requests: number;
  readonly perSecond: number;
  readonly saves: Latency;
  readonly clicks: Latency;
  /** Answers other than success, by status and code (typed conflicts are expected; nothing else is). */
  readonly refusals: Readonly<Record<string, number>>;
  readonly savesStored: number;
  readonly savesReported: number;
  readonly responsesStored: number;
  readonly graphRequests: number;
  readonly resourceUnits: number;
  readonly ruPerMinute: number;
}

const quantile = (sorted: readonly number[], q: number): number =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

const latency = (values: number[]): Latency => {
  const sorted = [...values].sort((a, b) => a - b);
  return { count: sorted.length, medianMs: quantile(sorted, 0.5), p95Ms: quantile(sorted, 0.95) };
};

const person = (prefix: string, i: number) => ({
  id: `${prefix}000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  displayName: `${prefix === 'a' ? 'Officer' : 'Member'} ${i}`,
  mail: `${prefix}${i}@load.example`,
});

export async function runLoad(
  bot: BotHarness,
  options: { seconds: number; officers: number; approvers: number },
): Promise<LoadReport> {
  const emulator = bot.app.emulator;
  if (!emulator) throw new Error('the load runs against the local emulator');
  const officers = Array.from({ length: options.officers }, (_, i) => person('a', i));
  const members = Array.from({ length: options.approvers }, (_, i) => person('b', i));
  const lead = person('c', 0);
  for (const p of [...officers, ...members, lead]) emulator.admin.upsertUser(p);

  const base = catalog.reportFormats.find((f) => f.id === 'durham-cabinet')!;
  const format: ReportFormat = {
    ...base,
    id: 'load-format',
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
  const roles: Record<string, string[]> = { 'management-team': members.map((m) => m.id) };
  for (const role of format.roles)
    if (!roles[role.key] && role.key !== 'plan-lead' && !role.group) roles[role.key] = [lead.id];
  const make = async (id: string, sections: number) => {
    const created = createPlan(
      templateWithSections(sections),
      format,
      { id, title: `Load ${id}`, leadId: lead.id, roles },
      { id: lead.id },
      T0,
    );
    if (!created.ok) throw new Error(created.error.message);
    const stored = await bot.app.store.create(created.value.plan, created.value.audit);
    if (!stored.ok) throw new Error(stored.error.message);
    return stored.value;
  };
  // The officers' plan: one section each, in draft.
  const writing = await make('load-writing', options.officers);
  const assigned = applyAll(
    writing.plan,
    officers.map((o, i) => [
      { type: 'assignSection', sectionKey: `section-${i}`, ownerId: o.id, contributorIds: [], dueDate: null },
      lead.id,
    ]),
  );
  const savedWriting = await bot.app.store.save(writing, assigned, [], lead.id);
  if (!savedWriting.ok) throw new Error(savedWriting.error.message);
  // The approvers' plan: ready, with the management team stage open.
  const approving = await make('load-approving', 2);
  const ready = applyAll(acceptedEverywhere(approving.plan), [
    [{ type: 'startApprovals', delivery: { kind: 'one-to-one' } }, lead.id],
  ]);
  const savedApproving = await bot.app.store.save(approving, ready, [], lead.id);
  if (!savedApproving.ok) throw new Error(savedApproving.error.message);
  const clickData = {
    planId: ready.id,
    stageKey: 'emt',
    round: 1,
    versionHash: contentHash(ready),
    decision: 'approve',
  };

  emulator.stats.reset();
  const saves: number[] = [];
  const clicks: number[] = [];
  const refusals: Record<string, number> = {};
  const refuse = (key: string): void => void (refusals[key] = (refusals[key] ?? 0) + 1);
  let savesReported = 0;
  const stopAt = performance.now() + options.seconds * 1000;
  const started = performance.now();

  const officerLoop = async (officer: (typeof officers)[number], i: number): Promise<void> => {
    let revision = 0;
    let n = 0;
    while (performance.now() < stopAt) {
      const t0 = performance.now();
      const response = await fetch(`${bot.server.url}/api/plans/${writing.plan.id}/sections/section-${i}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', 'x-pb-dev-user': officer.id },
        body: JSON.stringify({
          baseRevision: revision,
          content: paragraph(`Save ${++n} by ${officer.displayName}.`),
        }),
      });
      saves.push(performance.now() - t0);
      const body = (await response.json().catch(() => null)) as {
        section?: { revision?: number };
        error?: { code?: string };
      } | null;
      if (response.ok) {
        savesReported += 1;
        revision = body?.section?.revision ?? revision + 1;
      } else {
        refuse(`${response.status} ${body?.error?.code ?? 'unknown'}`);
        if (response.status === 409)
          revision =
            (body as { error?: { details?: { current?: { revision?: number } } } }).error?.details?.current
              ?.revision ?? revision;
      }
    }
  };
  const memberLoop = async (member: (typeof members)[number]): Promise<void> => {
    while (performance.now() < stopAt) {
      const t0 = performance.now();
      const response = await bot.invoke(
        { id: member.id, name: member.displayName },
        'approval.respond',
        clickData,
        { conversationId: '19:load@thread.v2' },
      );
      clicks.push(performance.now() - t0);
      if (response.status !== 200) refuse(`${response.status} bot`);
      // A person clicks again after a moment, not in a tight loop.
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };
  await Promise.all([...officers.map(officerLoop), ...members.map(memberLoop)]);
  const seconds = (performance.now() - started) / 1000;
  const stats = emulator.stats.snapshot();

  const afterWriting = await bot.app.store.load(writing.plan.id);
  const afterApproving = await bot.app.store.load(ready.id);
  if (!afterWriting.ok || !afterApproving.ok) throw new Error('plans vanished');
  const savesStored = afterWriting.value.plan.sections
    .filter((s) => s.definition.key.startsWith('section-'))
    .reduce((sum, s) => sum + s.revision, 0);
  return {
    seconds,
    officers: options.officers,
    approvers: options.approvers,
    requests: saves.length + clicks.length,
    perSecond: (saves.length + clicks.length) / seconds,
    saves: latency(saves),
    clicks: latency(clicks),
    refusals,
    savesStored,
    savesReported,
    responsesStored: afterApproving.value.plan.stages.find((s) => s.key === 'emt')!.responses.length,
    graphRequests: stats.requests,
    resourceUnits: stats.resourceUnits,
    ruPerMinute: (stats.resourceUnits / seconds) * 60,
  };
}
