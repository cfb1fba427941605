/**
 * `npm run bench`: Graph round trips, inner $batch requests, SharePoint resource units and wall time of
 * the plan store's operations against the local emulator, with and without added network latency, and a
 * naive one-request-per-item loader as the baseline. Not part of `npm test`: it prints numbers, and fails
 * only when an operation errs or returns the wrong plan.
 */
import { availableParallelism, cpus, platform, arch } from 'node:os';
import { runCommand, type CommandDeps, type CommandOutcome } from '../../src/app/plans/run-command.js';
import { canonicalJson } from '../../src/domain/support/canonical-json.js';
import type { Plan } from '../../src/domain/plan/plan.js';
import type { Clock } from '../../src/ports/clock.js';
import { paragraph, T0, testPeople } from '../support/fixtures/index.js';
import { startTestSite, type TestSite } from '../support/sharepoint.js';
import {
  must,
  planWithOpenStage,
  planWithOwnedSection,
  storedPlan,
  type OpenStagePlan,
} from './bench-plans.js';
import { measure, roundTripLatency, type Condition, type Prepared, type Sample } from './measure.js';
import { loadNaively } from './naive-load.js';
import { countSummary, median, percentile } from './sample-stats.js';
import { formatTable } from './table.js';
import { benchApprovalLatency } from './approval-latency.js';
import { assemblyFigures } from './document-assembly.js';
import { loadFigures, SMALL_TENANT_RU_PER_MINUTE, tabFigures } from './figures.js';

const SIZES = [10, 40, 160] as const;
const COMMAND_PLAN_SECTIONS = 40;
const REPS = 20;
const WARMUPS = 2;
const LATENCY_MS = 20;
const NO_LATENCY = roundTripLatency(0);
const WITH_LATENCY = roundTripLatency(LATENCY_MS);
const CONDITIONS: readonly Condition[] = [NO_LATENCY, WITH_LATENCY];
/** The naive baseline makes one trip per item, so at 20 ms a trip a large plan takes seconds to load. */
function naiveReps(sections: number, condition: Condition): number {
  if (condition === NO_LATENCY) return sections >= 160 ? 10 : REPS;
  return sections >= 160 ? 5 : 10;
}
/** A bench that hangs is a failure, not a wait. */
const WATCHDOG_MS = 5 * 60_000;

interface Row {
  readonly operation: string;
  readonly condition: Condition;
  readonly samples: readonly Sample[];
}

/** An hour after the test plans were made, one second apart, so that every audit entry is distinct. */
function steppingClock(): Clock {
  let tick = 0;
  const start = Date.parse(T0) + 60 * 60_000;
  return { now: () => new Date(start + 1000 * tick++).toISOString().replace(/\.\d{3}Z$/, 'Z') };
}

function samePlan(actual: Plan, expected: Plan, what: string): void {
  if (canonicalJson(actual) !== canonicalJson(expected)) {
    throw new Error(`${what}: the plan loaded differs from the plan stored`);
  }
}

/**
 * Each measured plan is alone on its own emulator site: the emulator answers a $filter by scanning the
 * whole list (SharePoint uses the column index), so other plans in the list would slow loads unevenly.
 */
async function withSite<T>(body: (site: TestSite) => Promise<T>): Promise<T> {
  const site = await startTestSite();
  try {
    return await body(site);
  } finally {
    await site.close();
  }
}

/** JIT compilation lands here rather than in the first rows measured. */
async function warmUp(): Promise<void> {
  await withSite(async (site) => {
    const { plan } = await storedPlan(site.store, SIZES[0]);
    for (let i = 0; i < 20; i++) must(await site.store.load(plan.id), 'warm-up load');
    for (let i = 0; i < 3; i++) await loadNaively(site.client, site.site, plan.id);
  });
}

function commandDeps(site: TestSite, clock: Clock): CommandDeps {
  return { store: site.store, clock, events: { publish: async () => undefined } };
}

/** Load rows, and for each size what the stored plan holds, for the note under the table. */
async function loadRows(shapes: string[]): Promise<Row[]> {
  const rows: Row[] = [];
  for (const size of SIZES) {
    await withSite(async (site) => {
      const { plan } = await storedPlan(site.store, size);
      shapes.push(
        `${size} → ${plan.sections.length} section, ${plan.stages.length} stage and ` +
          `${plan.stages.reduce((n, s) => n + s.responses.length, 0)} response items`,
      );
      for (const condition of CONDITIONS) {
        rows.push({
          operation: `load ${size} sections`,
          condition,
          samples: await measure(condition, {
            warmups: WARMUPS,
            reps: REPS,
            prepare: async () => ({ site }),
            run: async () => must(await site.store.load(plan.id), 'load').plan,
            check: (loaded) => samePlan(loaded, plan, `load ${size} sections`),
          }),
        });
      }
      for (const condition of CONDITIONS) {
        rows.push({
          operation: `load ${size} sections, naive`,
          condition,
          samples: await measure(condition, {
            // The first condition has already warmed the same code; one slow warm-up is enough.
            warmups: condition === NO_LATENCY ? 1 : 0,
            reps: naiveReps(size, condition),
            prepare: async () => ({ site }),
            run: () => loadNaively(site.client, site.site, plan.id),
            check: (loaded) => samePlan(loaded, plan, `naive load of ${size} sections`),
          }),
        });
      }
    });
  }
  return rows;
}

async function editRows(clock: Clock): Promise<Row[]> {
  return withSite(async (site) => {
    const deps = commandDeps(site, clock);
    const { stored, sectionKey } = await planWithOwnedSection(site.store, COMMAND_PLAN_SECTIONS);
    const revisionOf = (plan: Plan): number => {
      const section = plan.sections.find((s) => s.definition.key === sectionKey);
      if (!section) throw new Error(`The plan lost section ${sectionKey}`);
      return section.revision;
    };
    let revision = revisionOf(stored.plan);
    let edits = 0;
    const rows: Row[] = [];
    for (const condition of CONDITIONS) {
      rows.push({
        operation: `save a section edit (${COMMAND_PLAN_SECTIONS} sections)`,
        condition,
        samples: await measure(condition, {
          warmups: WARMUPS,
          reps: REPS,
          prepare: async () => ({ site }),
          run: async () =>
            must(
              await runCommand(
                deps,
                stored.plan.id,
                {
                  type: 'editSection',
                  sectionKey,
                  baseRevision: revision,
                  content: paragraph(`Edit number ${++edits}`),
                },
                { id: testPeople.owner },
              ),
              'editSection',
            ),
          check: (outcome) => {
            if (!outcome.changed || revisionOf(outcome.plan) !== revision + 1) {
              throw new Error(`editSection did not store revision ${revision + 1}`);
            }
            revision += 1;
          },
        }),
      });
    }
    const reloaded = must(await site.store.load(stored.plan.id), 'load after edits');
    if (revisionOf(reloaded.plan) !== revision) throw new Error('The last section edit was not stored');
    return rows;
  });
}

interface RespondInput extends Prepared {
  readonly open: OpenStagePlan;
  readonly approverId: string;
}

async function respondRows(clock: Clock): Promise<Row[]> {
  const rows: Row[] = [];
  for (const condition of CONDITIONS) {
    rows.push({
      operation: `record an approval response (${COMMAND_PLAN_SECTIONS} sections)`,
      condition,
      // A fresh site and plan per repetition: an approver answers a stage once, and the first answer
      // is the common case (it records the response without closing the stage).
      samples: await measure(condition, {
        warmups: WARMUPS,
        reps: REPS,
        prepare: async (): Promise<RespondInput> => {
          const site = await startTestSite();
          try {
            const open = await planWithOpenStage(site.store, COMMAND_PLAN_SECTIONS);
            const approverId = open.approverIds[0];
            if (!approverId) throw new Error('The open stage has no approver');
            return { site, open, approverId };
          } catch (error) {
            await site.close();
            throw error;
          }
        },
        run: async ({ site, open, approverId }) =>
          must(
            await runCommand(
              commandDeps(site, clock),
              open.stored.plan.id,
              {
                type: 'respond',
                stageKey: open.stageKey,
                decision: 'approve',
                comment: null,
                versionHash: open.versionHash,
              },
              { id: approverId },
            ),
            'respond',
          ),
        check: (outcome: CommandOutcome, { open, approverId }) => {
          const stage = outcome.plan.stages.find((s) => s.key === open.stageKey);
          const recorded = stage?.responses.some(
            (r) => r.approverId === approverId && r.decision === 'approve',
          );
          if (!recorded) throw new Error('The approval response was not recorded');
        },
        release: ({ site }) => site.close(),
      }),
    });
  }
  return rows;
}

const ms = (value: number): string => value.toFixed(1);

function tableOf(rows: readonly Row[]): string {
  return formatTable(
    [
      { header: 'Operation', align: 'left' },
      { header: 'Added latency', align: 'left' },
      { header: 'N', align: 'right' },
      { header: 'Graph requests', align: 'right' },
      { header: 'Inner requests', align: 'right' },
      { header: 'RU', align: 'right' },
      { header: 'Median ms', align: 'right' },
      { header: 'p95 ms', align: 'right' },
    ],
    rows.map((row) => {
      const times = row.samples.map((s) => s.ms);
      return [
        row.operation,
        row.condition.name,
        String(row.samples.length),
        countSummary(row.samples.map((s) => s.requests)),
        countSummary(row.samples.map((s) => s.inner)),
        countSummary(row.samples.map((s) => s.resourceUnits)),
        ms(median(times)),
        ms(percentile(times, 95)),
      ];
    }),
  );
}

function find(rows: readonly Row[], operation: string, condition: Condition): Row {
  const row = rows.find((r) => r.operation === operation && r.condition === condition);
  if (!row) throw new Error(`No measurement of ${operation} (${condition.name})`);
  return row;
}

const plural = (n: string, word: string): string => `${n} ${word}${n === '1' ? '' : 's'}`;
const requestsOf = (row: Row): string => countSummary(row.samples.map((s) => s.requests));
const medianOf = (row: Row): string => ms(median(row.samples.map((s) => s.ms)));

function summaries(rows: readonly Row[]): string[] {
  const lines = SIZES.map((size) => {
    const store = find(rows, `load ${size} sections`, WITH_LATENCY);
    const naive = find(rows, `load ${size} sections, naive`, WITH_LATENCY);
    return (
      `load ${size} sections: ${plural(requestsOf(store), 'request')} vs ${requestsOf(naive)} naive; ` +
      `at ${LATENCY_MS} ms a trip, median ${medianOf(store)} ms vs ${medianOf(naive)} ms`
    );
  });
  const commands = [...new Set(rows.map((r) => r.operation))].filter((op) => !op.startsWith('load '));
  for (const operation of commands) {
    const fast = find(rows, operation, NO_LATENCY);
    const slow = find(rows, operation, WITH_LATENCY);
    lines.push(
      `${operation}: ${plural(requestsOf(fast), 'request')} ` +
        `(${countSummary(fast.samples.map((s) => s.inner))} inside $batch); ` +
        `median ${medianOf(fast)} ms, ${medianOf(slow)} ms at ${LATENCY_MS} ms a trip`,
    );
  }
  return lines;
}

async function main(): Promise<void> {
  const started = performance.now();
  console.log(
    'Plan store bench: local SharePoint emulator (in-memory SQLite, same process), real Graph client',
  );
  console.log(
    `Node ${process.version} on ${platform()}/${arch()}, ${availableParallelism()} CPUs ` +
      `(${cpus()[0]?.model.trim() ?? 'unknown model'})`,
  );
  console.log(
    `N = timed repetitions after ${WARMUPS} warm-up runs (naive loader: 1, none again with latency); ` +
      `added latency is per HTTP round trip (a $batch is one trip).`,
  );
  console.log('');
  await warmUp();
  const clock = steppingClock();
  const shapes: string[] = [];
  const rows = [...(await loadRows(shapes)), ...(await editRows(clock)), ...(await respondRows(clock))];
  console.log(tableOf(rows));
  console.log('');
  console.log(
    'A plan of N sections is newTestPlan with templateWithSections(N), as in the PlanStore contract ' +
      'suite; its report format adds sections of its own. Stored: ' +
      `${shapes.join('; ')}. The naive loader makes 4 list queries (the plan item, then the section, ` +
      'stage and response ids) and one GET per item. Each plan measured is the only plan on its site.',
  );
  console.log('');
  for (const line of summaries(rows)) console.log(line);
  console.log('');
  const approval = await benchApprovalLatency(50, 100);
  console.log(
    formatTable(
      [
        { header: 'Approval click (Action.Execute at /api/messages)', align: 'left' },
        { header: 'Approvers at once', align: 'right' },
        { header: 'Graph latency', align: 'left' },
        { header: 'Median ms', align: 'right' },
        { header: 'p95 ms', align: 'right' },
        { header: 'Max ms', align: 'right' },
        { header: 'Graph requests', align: 'right' },
        { header: 'Stage', align: 'left' },
      ],
      [
        [
          'approval.respond, all at once',
          String(approval.approvers),
          `${approval.graphLatencyMs} ms/trip`,
          approval.medianMs.toFixed(0),
          approval.p95Ms.toFixed(0),
          approval.maxMs.toFixed(0),
          String(approval.graphRequests),
          `${approval.stageState} (${approval.responsesStored} responses)`,
        ],
      ],
    ),
  );
  console.log('');
  const load = await loadFigures(20);
  const four = await assemblyFigures(4);
  const forty = await assemblyFigures(40);
  const tab = await tabFigures();
  const ms = (n: number): string => `${n.toFixed(n < 10 ? 1 : 0)} ms`;
  console.log('All figures');
  console.log(
    formatTable(
      [
        { header: 'Figure', align: 'left' },
        { header: 'Value', align: 'left' },
      ],
      [
        [
          'Load a 160-section plan (Graph requests)',
          summaries(rows)
            .find((l) => l.startsWith('load 160'))
            ?.split(':')[1]
            ?.trim() ?? '',
        ],
        [
          'Approval click, 50 at once, 100 ms Graph latency (median / p95)',
          `${ms(approval.medianMs)} / ${ms(approval.p95Ms)}`,
        ],
        [
          `Load: ${load.officers} officers saving + ${load.approvers} approvers clicking, ${load.seconds.toFixed(0)} s`,
          `${load.perSecond.toFixed(1)} requests/s`,
        ],
        [
          'Load: section save (median / p95)',
          `${ms(load.saves.medianMs)} / ${ms(load.saves.p95Ms)} over ${load.saves.count} saves`,
        ],
        [
          'Load: approval click (median / p95)',
          `${ms(load.clicks.medianMs)} / ${ms(load.clicks.p95Ms)} over ${load.clicks.count} clicks`,
        ],
        [
          'Load: answers other than success',
          Object.keys(load.refusals).length === 0 ? 'none' : JSON.stringify(load.refusals),
        ],
        ['Load: saves stored / reported', `${load.savesStored} / ${load.savesReported}`],
        [
          'Load: SharePoint resource units per minute',
          `${Math.round(load.ruPerMinute)} (a tenant under 1,000 licences allows ${SMALL_TENANT_RU_PER_MINUTE}: ${(load.ruPerMinute / SMALL_TENANT_RU_PER_MINUTE).toFixed(1)}×)`,
        ],
        [
          'Load: Graph requests',
          `${load.graphRequests} (${(load.graphRequests / load.requests).toFixed(1)} per request served)`,
        ],
        [
          `Document, ${four.pages}-page plan (${four.blocks} blocks): assemble / HTML / Word`,
          `${ms(four.assembleMs)} / ${ms(four.htmlMs)} / ${ms(four.wordMs)}`,
        ],
        [
          `Document, ${forty.pages}-page plan (${forty.blocks} blocks): assemble / HTML / Word`,
          `${ms(forty.assembleMs)} / ${ms(forty.htmlMs)} / ${ms(forty.wordMs)}`,
        ],
        [
          'Tab: initial JavaScript (gzip -9)',
          `${tab.initialJsGzipKiB} KiB (all JavaScript ${tab.allJsGzipKiB} KiB)`,
        ],
        [
          'Tab: dashboard first render, headless Chromium (median of 5)',
          ms(tab.firstRenderMs[2] ?? Number.NaN),
        ],
      ],
    ),
  );
  console.log('');
  console.log(`Done in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}
const watchdog = setTimeout(() => {
  console.error(`bench: still running after ${WATCHDOG_MS / 60_000} minutes; stopping.`);
  process.exit(2);
}, WATCHDOG_MS);
watchdog.unref();

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('bench failed:', error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
