/**
 * PB_CACHE_MAX_AGE_SECONDS and PB_BUDGET_RESERVE_PERCENT reach the parts they tune: the composed app's plan
 * and KPI caches ask SharePoint what changed once their copy is older than the configured age, and its
 * budget holds background work back below the configured reserve.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { CachedKpiStore } from '../../src/adapters/sharepoint/kpi-cache.js';
import { CachedPlanStore } from '../../src/adapters/sharepoint/plan-cache.js';
import { DEMO_PLAN_ID } from '../../src/local/demo/seed.js';
import { compose } from '../../src/server/composition.js';
import { readConfig } from '../../src/server/config.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'pb-tuning-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('tuning from configuration', () => {
  it('a 1 s cache age makes a read after 1 s ask SharePoint, and a 30 % reserve holds background work at 25 % left', async () => {
    const config = readConfig({
      PB_MODE: 'local',
      PB_DATA_DIR: dataDir,
      PB_CACHE_MAX_AGE_SECONDS: '1',
      PB_BUDGET_RESERVE_PERCENT: '30',
    });
    if (config.mode !== 'local') throw new Error('local config expected');
    const app = await compose({ ...config, port: 0, emulatorPort: 0 }, { quiet: true });
    try {
      const plans = app.store;
      const kpis = app.kpis.kpis;
      if (!(plans instanceof CachedPlanStore) || !(kpis instanceof CachedKpiStore))
        throw new Error('the app should cache plans and KPIs');
      // A delta round that starts now; a read straight after shares it.
      expect((await plans.refresh(DEMO_PLAN_ID)).ok).toBe(true);
      await kpis.mirror.current();
      const rounds = { plans: plans.mirror.counts.rounds, kpis: kpis.mirror.counts.rounds };
      expect((await plans.load(DEMO_PLAN_ID)).ok).toBe(true);
      await kpis.forPlan(DEMO_PLAN_ID);
      expect(plans.mirror.counts.rounds).toBe(rounds.plans);
      expect(kpis.mirror.counts.rounds).toBe(rounds.kpis);
      // Past the configured second (the default, 5 s, would still serve the copy): each asks again.
      await sleep(1_200);
      expect((await plans.load(DEMO_PLAN_ID)).ok).toBe(true);
      await kpis.forPlan(DEMO_PLAN_ID);
      expect(plans.mirror.counts.rounds).toBe(rounds.plans + 1);
      expect(kpis.mirror.counts.rounds).toBe(rounds.kpis + 1);

      // 25 of 100 RU left is above the default 15 % reserve, below the configured 30 %.
      app.budget.observe(200, {
        'RateLimit-Limit': '100',
        'RateLimit-Remaining': '25',
        'RateLimit-Reset': '30',
      });
      expect(app.budget.backgroundDelayMs()).toBeGreaterThan(0);
    } finally {
      await app.close();
    }
  });
});
