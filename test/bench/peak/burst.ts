/**
 * An approval burst: every member of a large management team presses Approve on the posted card at
 * the same moment, with a fixed latency added to every round trip to SharePoint. The server and the
 * emulator run in processes of their own; this process is the members. Reports the click latencies as
 * each member saw them, and what the burst cost SharePoint.
 */
import type { FaultRule, StatsSnapshot } from '../../../src/local/emulator/index.js';
import { FakeConnector } from '../../support/bot-harness.js';
import { median, percentile } from '../sample-stats.js';
import { start } from './ipc.js';
import type { PhaseFigures } from './phase-profile.js';
import type { ApprovalTarget, Council, CouncilSetup } from './server-child.js';
import { approveInvoke } from './approve-invoke.js';

/** One burst: every member presses Approve on one plan's posted card at the same moment. */
export interface BurstFigures {
  readonly medianMs: number;
  readonly p95Ms: number;
  readonly maxMs: number;
  readonly graphRequests: number;
  readonly resourceUnits: number;
  readonly responsesStored: number;
  /** Card updates the posted card got (PUTs to the chat) during and right after the burst. */
  readonly cardUpdates: number;
  /** Graph calls per route during the burst (inner $batch requests each counted). */
  readonly byRoute: Readonly<Record<string, number>>;
  /** CPU each process spent from the first click to the last answer. */
  readonly cpuMs: { readonly server: number; readonly emulator: number };
  /** Where the server's time went (bench only). */
  readonly phases: readonly PhaseFigures[];
}

export interface BurstReport {
  readonly approvers: number;
  readonly graphLatencyMs: number;
  /**
   * One burst per plan, one after the other on the same server: the first meets code the server has not
   * run yet (just started: V8 has compiled none of the click's path), the later ones a server that has,
   * as one that has been up for a day has.
   */
  readonly bursts: readonly BurstFigures[];
  /** Every click of the bursts after the first, taken together. */
  readonly warm: {
    readonly medianMs: number;
    readonly p95Ms: number;
    readonly maxMs: number;
    readonly clicks: number;
  };
}

const person = (prefix: string, i: number): string =>
  `${prefix}0000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

export async function runBurst(options: {
  approvers: number;
  graphLatencyMs: number;
  serverEnv?: Readonly<Record<string, string>>;
  /** Bursts in a row on one server, each on a plan of its own (default 3). */
  bursts?: number;
}): Promise<BurstReport> {
  const bursts = options.bursts ?? 3;
  const connector = new FakeConnector();
  await connector.start();
  const emulator = await start<{ url: string }>(new URL('./emulator-child.ts', import.meta.url));
  try {
    await emulator.call('ensureSite', '/sites/Plans', 'Plans');
    const approvers = Array.from({ length: options.approvers }, (_, i) => person('b', i));
    const leadId = person('c', 0);
    await emulator.call(
      'upsertUsers',
      [...approvers, leadId].map((id, i) => ({
        id,
        displayName: `Member ${i}`,
        mail: `m${i}@burst.example`,
      })),
    );
    const server = await start<{ url: string }>(new URL('./server-child.ts', import.meta.url), {
      PB_BENCH_EMULATOR_URL: emulator.ready.url,
      PB_BENCH_CONNECTOR_URL: connector.url,
      ...options.serverEnv,
    });
    try {
      const chatId = '19:burst@thread.v2';
      const setup: CouncilSetup = { officers: [], approvers, leadId, plans: 0, dueDates: [], chatId };
      const council = await server.call<Council>('setUp', { ...setup, approvals: bursts });
      await server.call('catchUp');
      await emulator.call('setFaults', [
        { share: 0, latencyMs: options.graphLatencyMs, inBatch: false },
        { share: 0, latencyMs: options.graphLatencyMs, path: /^\/\$batch$/i },
      ] satisfies FaultRule[]);
      const figures: BurstFigures[] = [];
      const warmTimings: number[] = [];
      for (const target of council.approvals) {
        const { figures: one, timings } = await burstOn(target);
        figures.push(one);
        if (figures.length > 1) warmTimings.push(...timings);
      }
      return {
        approvers: options.approvers,
        graphLatencyMs: options.graphLatencyMs,
        bursts: figures,
        warm:
          warmTimings.length === 0
            ? { medianMs: Number.NaN, p95Ms: Number.NaN, maxMs: Number.NaN, clicks: 0 }
            : {
                medianMs: median(warmTimings),
                p95Ms: percentile(warmTimings, 95),
                maxMs: Math.max(...warmTimings),
                clicks: warmTimings.length,
              },
      };

      async function burstOn(target: ApprovalTarget): Promise<{ figures: BurstFigures; timings: number[] }> {
        const putsBefore = connector.calls.filter((c) => c.method === 'PUT').length;
        await emulator.call('resetStats');
        await server.call('resetProfile');
        const cpuBefore = {
          server: await server.call<number>('cpuMs'),
          emulator: await emulator.call<number>('cpuMs'),
        };
        const timings = await Promise.all(approvers.map((id, i) => click(target, id, i)));
        const stats = await emulator.call<StatsSnapshot>('stats');
        const cpuMs = {
          server: (await server.call<number>('cpuMs')) - cpuBefore.server,
          emulator: (await emulator.call<number>('cpuMs')) - cpuBefore.emulator,
        };
        const phases = await server.call<PhaseFigures[]>('profile');
        // The posted card is brought up to date by the outbox after the burst (without the added latency).
        await emulator.call('clearFaults');
        await server.call('drain');
        await emulator.call('setFaults', [
          { share: 0, latencyMs: options.graphLatencyMs, inBatch: false },
          { share: 0, latencyMs: options.graphLatencyMs, path: /^\/\$batch$/i },
        ] satisfies FaultRule[]);
        const cardUpdates = connector.calls.filter((c) => c.method === 'PUT').length - putsBefore;
        const responsesStored = await server.call<number>('responses', target.planId, target.stageKey);
        if (responsesStored !== options.approvers)
          throw new Error(`expected ${options.approvers} responses, found ${responsesStored}`);
        return {
          timings,
          figures: {
            medianMs: median(timings),
            p95Ms: percentile(timings, 95),
            maxMs: Math.max(...timings),
            graphRequests: stats.requests,
            resourceUnits: stats.resourceUnits,
            responsesStored,
            cardUpdates,
            byRoute: stats.byRoute,
            cpuMs,
            phases,
          },
        };
      }

      async function click(target: ApprovalTarget, id: string, i: number): Promise<number> {
        const t0 = performance.now();
        const response = await fetch(`${server.ready.url}/api/messages`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: approveInvoke({
            idPrefix: `burst-${i}`,
            serviceUrl: connector.url,
            chatId,
            memberId: id,
            memberName: `Member ${i}`,
            target,
          }),
        });
        const body = await response.text();
        if (response.status !== 200 || !body.includes('recorded'))
          throw new Error(`approval by member ${i} answered ${response.status}: ${body.slice(0, 200)}`);
        return performance.now() - t0;
      }
    } finally {
      await server.call('close').catch(() => undefined);
      await server.stop();
    }
  } finally {
    await emulator.stop();
    await connector.close();
  }
}
