/**
 * Runs the council's peak (council-week.ts) against the server and the emulator, each in a process of
 * its own, with this process as every person at once: officers typing into the section editor (saved by
 * the tab's own autosave policy), people coming back to plan dashboards, the management team approving on
 * the card. Reports SharePoint's resource units a minute (the emulator's count), latencies, and requests.
 */
import {
  DEFAULT_TIMING,
  nextSaveAt,
  type AutosaveTiming,
} from '../../../src/tab/views/section/autosave-policy.js';
import type { StatsSnapshot, FaultRule } from '../../../src/local/emulator/index.js';
import { LOCAL_BOT_ID } from '../../../src/server/config.js';
import { FakeConnector } from '../../support/bot-harness.js';
import { paragraph } from '../../support/fixtures/index.js';
import { percentile } from '../sample-stats.js';
import { between, officerActivity, random, type CouncilWeek } from './council-week.js';
import { start } from './ipc.js';
import type { Council, CouncilSetup } from './server-child.js';
import { approveInvoke } from './approve-invoke.js';

export interface Latencies {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
}

export interface PeakReport {
  readonly seconds: number;
  readonly ruPerMinute: number;
  /** The most resource units in any one minute of the run (10-second steps). */
  readonly busiestMinuteRu: number;
  readonly graphRequests: number;
  readonly saves: Latencies;
  readonly dashboards: Latencies;
  readonly clicks: Latencies;
  /** Answers other than success, by status and code. */
  readonly refusals: Readonly<Record<string, number>>;
  readonly throttled: number;
  readonly requestsPerSave: number;
  readonly deltaRounds: number | null;
  readonly responsesStored: number;
}

const summary = (values: readonly number[]): Latencies =>
  values.length === 0
    ? { count: 0, p50: NaN, p95: NaN }
    : { count: values.length, p50: percentile(values, 50), p95: percentile(values, 95) };

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, Math.max(0, ms)));

const person = (prefix: string, i: number): string =>
  `${prefix}0000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

export interface PeakOptions {
  readonly seed?: number;
  /** SharePoint's budget the emulator enforces (RateLimit headers from 80 %, 429 past it). */
  readonly ruPerMinute?: number;
  /** Added to every round trip to the emulator (network). */
  readonly graphLatencyMs?: number;
  /** Configuration for the server (e.g. the cache off, to measure the server as it was). */
  readonly serverEnv?: Readonly<Record<string, string>>;
  /** The tab's autosave policy the officers' editors follow. */
  readonly timing?: AutosaveTiming;
}

export async function runPeak(week: CouncilWeek, options: PeakOptions = {}): Promise<PeakReport> {
  const rand = random(options.seed ?? 2024);
  const connector = new FakeConnector();
  await connector.start();
  const emulator = await start<{ url: string }>(new URL('./emulator-child.ts', import.meta.url), {
    ...(options.ruPerMinute ? { PB_BENCH_RU_PER_MINUTE: String(options.ruPerMinute) } : {}),
  });
  try {
    await emulator.call('ensureSite', '/sites/Plans', 'Plans');
    const officers = Array.from({ length: week.officers }, (_, i) => person('a', i));
    const approvers = Array.from({ length: week.approvers }, (_, i) => person('b', i));
    const leadId = person('c', 0);
    await emulator.call(
      'upsertUsers',
      [...officers, ...approvers, leadId].map((id, i) => ({
        id,
        displayName: `Person ${i}`,
        mail: `p${i}@peak.example`,
      })),
    );
    await emulator.call('registerTeamsApp', {
      id: 'plan-builder-local-app',
      botAppId: LOCAL_BOT_ID,
      displayName: 'Plan Builder',
    });
    const server = await start<{ url: string }>(new URL('./server-child.ts', import.meta.url), {
      PB_BENCH_EMULATOR_URL: emulator.ready.url,
      PB_BENCH_CONNECTOR_URL: connector.url,
      ...options.serverEnv,
    });
    try {
      const chatId = '19:peak-management-team@thread.v2';
      const setup: CouncilSetup = {
        officers,
        approvers,
        leadId,
        plans: week.plans,
        dueDates: ['2024-07-10', '2024-07-11', '2024-07-12'],
        chatId,
      };
      const council = await server.call<Council>('setUp', setup);
      await server.call('catchUp');
      if (options.graphLatencyMs)
        await emulator.call('setFaults', [
          { share: 0, latencyMs: options.graphLatencyMs, inBatch: false },
          { share: 0, latencyMs: options.graphLatencyMs, path: /^\/\$batch$/i },
        ] satisfies FaultRule[]);
      await emulator.call('resetStats');
      const roundsBefore = (await server.call<{ rounds: number | null }>('counts')).rounds;
      await server.call('startWorkers');
      const who = { server: server.ready.url, connector: connector.url, officers, approvers, chatId };
      return await load(week, rand, council, who, options.timing ?? DEFAULT_TIMING, {
        emulator,
        server,
        roundsBefore,
      });
    } finally {
      await server.call('close').catch(() => undefined);
      await server.stop();
    }
  } finally {
    await emulator.stop();
    await connector.close();
  }
}

interface Who {
  readonly server: string;
  readonly connector: string;
  readonly officers: readonly string[];
  readonly approvers: readonly string[];
  readonly chatId: string;
}

async function load(
  week: CouncilWeek,
  rand: () => number,
  council: Council,
  who: Who,
  timing: AutosaveTiming,
  parts: {
    emulator: Awaited<ReturnType<typeof start>>;
    server: Awaited<ReturnType<typeof start>>;
    roundsBefore: number | null;
  },
): Promise<PeakReport> {
  const saves: number[] = [];
  const dashboards: number[] = [];
  const clicks: number[] = [];
  const refusals: Record<string, number> = {};
  const refuse = (key: string): void => void (refusals[key] = (refusals[key] ?? 0) + 1);
  const started = performance.now();
  const end = started + week.seconds * 1000;
  const at = (ms: number): number => started + ms;

  // The emulator's resource units every 10 seconds, for the busiest minute.
  const samples: number[] = [];
  const sampler = setInterval(() => {
    void parts.emulator.call<StatsSnapshot>('stats').then((s) => samples.push(s.resourceUnits));
  }, 10_000);

  const put = async (
    officer: string,
    planId: string,
    sectionKey: string,
    revision: number,
    words: string,
  ) => {
    const t0 = performance.now();
    const response = await fetch(`${who.server}/api/plans/${planId}/sections/${sectionKey}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', 'x-pb-dev-user': officer },
      body: JSON.stringify({ baseRevision: revision, content: paragraph(words) }),
    });
    const body = (await response.json().catch(() => null)) as {
      revision?: number;
      error?: { code?: string };
    } | null;
    saves.push(performance.now() - t0);
    if (!response.ok) {
      refuse(`save ${response.status} ${body?.error?.code ?? ''}`.trim());
      return revision;
    }
    return body?.revision ?? revision + 1;
  };

  const officer = async (index: number): Promise<void> => {
    const id = who.officers[index]!;
    const { planId, sectionKey } = council.sections[index]!;
    const activity = officerActivity(week, rand);
    const events = [
      ...activity.keys.map((t) => ({ t, leave: false })),
      ...activity.leaves.map((t) => ({ t, leave: true })),
    ].sort((a, b) => a.t - b.t);
    let revision = 0;
    let typed = 0;
    let lastSaveAt = Number.NEGATIVE_INFINITY;
    let dirtySince: number | null = null;
    let lastChangeAt = 0;
    let due = Number.POSITIVE_INFINITY;
    let saving: Promise<void> | null = null;
    const save = (): void => {
      if (saving) return;
      const words = `Officer ${index} has written ${typed} words of their section. `.repeat(1 + (typed % 20));
      lastSaveAt = performance.now() - started;
      dirtySince = null;
      due = Number.POSITIVE_INFINITY;
      saving = put(id, planId, sectionKey, revision, words).then((r) => {
        revision = r;
        saving = null;
      });
    };
    for (const event of events) {
      // A save comes due before the next key (the pause after a burst): it goes then.
      while (due < event.t && performance.now() < end) {
        await sleep(at(due) - performance.now());
        if (saving) await saving;
        save();
      }
      if (at(event.t) >= end) break;
      await sleep(at(event.t) - performance.now());
      if (event.leave) {
        if (dirtySince !== null) due = nextSaveAt({ lastSaveAt, dirtySince, lastChangeAt }, timing, 0);
      } else {
        typed += 1;
        lastChangeAt = event.t;
        dirtySince ??= event.t;
        due = nextSaveAt({ lastSaveAt, dirtySince, lastChangeAt }, timing);
      }
      if (due <= performance.now() - started && !saving) save();
    }
    if (saving) await saving;
  };

  const viewer = async (index: number): Promise<void> => {
    const id = who.officers[index % who.officers.length]!;
    let t = rand() * week.dashboardEverySeconds[1] * 1000;
    while (at(t) < end) {
      await sleep(at(t) - performance.now());
      const planId = council.planIds[index % council.planIds.length]!;
      const t0 = performance.now();
      const answers = await Promise.all(
        [`/api/plans/${planId}`, `/api/plans/${planId}/kpis`].map((path) =>
          fetch(`${who.server}${path}`, { headers: { 'x-pb-dev-user': id } }).then(async (r) => {
            await r.arrayBuffer();
            return r.status;
          }),
        ),
      );
      dashboards.push(performance.now() - t0);
      for (const status of answers) if (status !== 200) refuse(`dashboard ${status}`);
      t += between(rand, week.dashboardEverySeconds) * 1000;
    }
  };

  let n = 0;
  const approver = async (index: number): Promise<void> => {
    const id = who.approvers[index]!;
    await sleep(at(rand() * week.approvalWindowSeconds * 1000) - performance.now());
    const t0 = performance.now();
    const response = await fetch(`${who.server}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: approveInvoke({
        idPrefix: `peak-${++n}`,
        serviceUrl: who.connector,
        chatId: who.chatId,
        memberId: id,
        memberName: `Member ${index}`,
        target: council.approval,
      }),
    });
    await response.arrayBuffer();
    clicks.push(performance.now() - t0);
    if (response.status !== 200) refuse(`click ${response.status}`);
  };

  await Promise.all([
    ...who.officers.map((_, i) => officer(i)),
    ...Array.from({ length: week.dashboards }, (_, i) => viewer(i)),
    ...who.approvers.map((_, i) => approver(i)),
  ]);
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  const stats = await parts.emulator.call<StatsSnapshot>('stats');
  samples.push(stats.resourceUnits);
  const minute = 6; // samples are 10 s apart
  let busiest = samples[Math.min(minute, samples.length) - 1] ?? stats.resourceUnits;
  for (let i = minute; i < samples.length; i++)
    busiest = Math.max(busiest, samples[i]! - samples[i - minute]!);
  const counts = await parts.server.call<{ rounds: number | null }>('counts');
  return {
    seconds,
    ruPerMinute: (stats.resourceUnits / seconds) * 60,
    busiestMinuteRu: busiest,
    graphRequests: stats.requests,
    saves: summary(saves),
    dashboards: summary(dashboards),
    clicks: summary(clicks),
    refusals,
    throttled: stats.throttledRequests,
    requestsPerSave: saves.length === 0 ? NaN : stats.requests / saves.length,
    deltaRounds:
      counts.rounds === null || parts.roundsBefore === null ? null : counts.rounds - parts.roundsBefore,
    responsesStored: await parts.server.call<number>(
      'responses',
      council.approval.planId,
      council.approval.stageKey,
    ),
  };
}
