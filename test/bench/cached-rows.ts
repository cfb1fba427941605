/**
 * What the server's own path costs per operation, through the stores it runs (the plan and KPI caches
 * over the same adapter): a dashboard load with the copy fresh and the first one after it has aged, a
 * section save (written without a reload), and an approval response (decided on the plan as it stands).
 */
import { SharePointKpiStore } from '../../src/adapters/sharepoint/kpi-store.js';
import { CachedKpiStore } from '../../src/adapters/sharepoint/kpi-cache.js';
import { CachedPlanStore } from '../../src/adapters/sharepoint/plan-cache.js';
import { SharePointPlanStore } from '../../src/adapters/sharepoint/plan-store.js';
import { runCommand, type CommandDeps } from '../../src/app/plans/run-command.js';
import type { Plan } from '../../src/domain/plan/plan.js';
import type { Clock } from '../../src/ports/clock.js';
import { testPeople, paragraph } from '../support/fixtures/index.js';
import { startTestSite } from '../support/sharepoint.js';
import { must, planWithOpenStage, planWithOwnedSection } from './bench-plans.js';
import { sampleKpi, sampleValue } from '../contract/kpi-store.contract.js';
import { measure, roundTripLatency, type Condition, type Row } from './measure.js';
import { DEFAULT_CACHE_MAX_AGE_SECONDS } from '../../src/server/config.js';

const SECTIONS = 40;
const REPS = 20;
const CONDITIONS: readonly Condition[] = [roundTripLatency(0), roundTripLatency(20)];

/** The server's default (PB_CACHE_MAX_AGE_SECONDS unset). */
export const CACHE_MAX_AGE_MS = DEFAULT_CACHE_MAX_AGE_SECONDS * 1000;

export async function cachedRows(clock: Clock): Promise<Row[]> {
  const site = await startTestSite();
  try {
    // The caches' own clock: moved on by hand to age the copy past its maxAge between reads.
    let ms = 0;
    const now = (): number => ms;
    const maxAgeMs = CACHE_MAX_AGE_MS;
    const plans = new CachedPlanStore(new SharePointPlanStore(site.client, site.site), { now, maxAgeMs });
    const kpis = new CachedKpiStore(new SharePointKpiStore(site.client, site.site), { now, maxAgeMs });
    const deps: CommandDeps = { store: plans, clock, events: { publish: async () => undefined } };
    const { stored, sectionKey } = await planWithOwnedSection(plans, SECTIONS);
    const planId = stored.plan.id;
    for (let i = 0; i < 4; i++) {
      const kpi = sampleKpi(planId);
      await kpis.createKpi(kpi);
      await kpis.recordValue(sampleValue(kpi));
    }
    const dashboard = async () => {
      const plan = must(await plans.load(planId), 'load');
      const figures = await kpis.forPlan(planId);
      return { plan: plan.plan, kpis: figures.kpis.length };
    };
    const checkDashboard = (value: { plan: Plan; kpis: number }): void => {
      if (value.plan.id !== planId || value.kpis !== 4)
        throw new Error('the dashboard lost its plan or KPIs');
    };
    const rows: Row[] = [];
    for (const condition of CONDITIONS) {
      rows.push({
        operation: `dashboard load: plan and KPIs, copy fresh (${SECTIONS} sections)`,
        condition,
        samples: await measure(condition, {
          warmups: 2,
          reps: REPS,
          prepare: async () => ({ site }),
          run: dashboard,
          check: checkDashboard,
        }),
      });
      rows.push({
        operation: `dashboard load: first after the copy's maxAge (${SECTIONS} sections)`,
        condition,
        samples: await measure(condition, {
          warmups: 1,
          reps: REPS,
          prepare: async () => {
            ms += maxAgeMs + 1_000;
            return { site };
          },
          run: dashboard,
          check: checkDashboard,
        }),
      });
    }
    let revision = must(await plans.load(planId), 'load').plan.sections.find(
      (s) => s.definition.key === sectionKey,
    )!.revision;
    let edits = 0;
    for (const condition of CONDITIONS) {
      rows.push({
        operation: `save a section edit through the cache (${SECTIONS} sections)`,
        condition,
        samples: await measure(condition, {
          warmups: 2,
          reps: REPS,
          prepare: async () => ({ site }),
          run: async () =>
            must(
              await runCommand(
                deps,
                planId,
                {
                  type: 'editSection',
                  sectionKey,
                  baseRevision: revision,
                  content: paragraph(`Edit ${++edits}`),
                },
                { id: testPeople.owner },
              ),
              'editSection',
            ),
          check: (outcome) => {
            const section = outcome.plan.sections.find((s) => s.definition.key === sectionKey)!;
            if (section.revision !== revision + 1) throw new Error('the edit was not stored');
            revision = section.revision;
          },
        }),
      });
    }
    for (const condition of CONDITIONS) {
      rows.push({
        operation: `record an approval response through the cache (${SECTIONS} sections)`,
        condition,
        // A fresh plan each time: an approver answers a stage once, and the first answer is the common case.
        samples: await measure(condition, {
          warmups: 2,
          reps: REPS,
          prepare: async () => ({ site, open: await planWithOpenStage(plans, SECTIONS) }),
          run: async ({ open }) =>
            must(
              await runCommand(
                deps,
                open.stored.plan.id,
                {
                  type: 'respond',
                  stageKey: open.stageKey,
                  decision: 'approve',
                  comment: null,
                  versionHash: open.versionHash,
                },
                { id: open.approverIds[0]! },
              ),
              'respond',
            ),
          check: (outcome) => {
            if (!outcome.changed) throw new Error('the response was not recorded');
          },
        }),
      });
    }
    return rows;
  } finally {
    await site.close();
  }
}
