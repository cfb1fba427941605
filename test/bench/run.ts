/**
 * `npm run bench`: Graph round trips, inner $batch requests, SharePoint resource units and wall time of
 * the plan store's operations against the local emulator, with and without added network latency, and a
 * naive one-request-per-item loader as the baseline. Not part of `npm test`: it prints numbers, and fails
 * only when an operation errs or returns the wrong plan.
 */
import { availableParallelism, cpus, loadavg, platform, arch } from 'node:os';
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
import { measure, roundTripLatency, type Condition, type Prepared, type Row } from './measure.js';
import { loadNaively } from './naive-load.js';
import { countSummary, median, percentile } from './sample-stats.js';
import { formatTable } from './table.js';
import { assemblyFigures } from './document-assembly.js';
import { SMALL_TENANT_RU_PER_MINUTE, tabFigures } from './figures.js';
import { CACHE_MAX_AGE_MS, cachedRows } from './cached-rows.js';
import { runBurst } from './peak/burst.js';
import { LAST_WEEK } from './peak/council-week.js';
import { runPeak } from './peak/peak-run.js';
import { BEFORE_ENV, BEFORE_TIMING, peakNotes, peakTable } from './peak/peak-table.js';

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
const WATCHDOG_MS = 25 * 60_000;

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
      `(${cpus()[0]?.model.trim() ?? 'unknown model'}), machine load ${loadavg()[0]!.toFixed(1)} at the start`,
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
  console.log('');
  const cached = await cachedRows(clock);
  console.log(tableOf(cached));
  console.log('');
  console.log(
    'Cached rows: the stores the server runs (CachedPlanStore, CachedKpiStore) over the same adapter. ' +
      `"fresh": the copy is younger than its maxAge (${CACHE_MAX_AGE_MS / 1000} s, the server's default), as it is while people are working; "after maxAge": ` +
      'the first read after it runs one delta round (one $batch, 1 RU a list), shared by every read waiting.',
  );
  console.log('');

  console.log(
    'Approval burst and the council peak: the emulator and the server each in a process of its own',
  );
  const burstAfter = await runBurst({ approvers: 50, graphLatencyMs: 100 });
  const burstBefore = await runBurst({ approvers: 50, graphLatencyMs: 100, serverEnv: BEFORE_ENV });
  const peakAfter = await runPeak(LAST_WEEK, { seed: 2024 });
  const peakBefore = await runPeak(LAST_WEEK, { seed: 2024, serverEnv: BEFORE_ENV, timing: BEFORE_TIMING });
  const peakBudget = await runPeak(LAST_WEEK, { seed: 2024, ruPerMinute: SMALL_TENANT_RU_PER_MINUTE });
  console.log('');
  console.log(
    peakTable({
      peakBefore,
      peakAfter,
      peakBudget,
      burstBefore,
      burstAfter,
      storeRows: rows.filter((r) => r.condition === NO_LATENCY),
      cachedRows: cached,
    }),
  );
  console.log('');
  console.log(peakNotes(LAST_WEEK, burstAfter.bursts.length));
  console.log('');

  const four = await assemblyFigures(4);
  const forty = await assemblyFigures(40);
  const tab = await tabFigures();
  const ms = (n: number): string => `${n.toFixed(n < 10 ? 1 : 0)} ms`;
  console.log('Other figures');
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
