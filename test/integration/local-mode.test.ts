/** What `npm start` does in local mode: emulator, demo directory and plan, server; data kept across restarts. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compose } from '../../src/server/composition.js';
import { readConfig, type AppConfig } from '../../src/server/config.js';
import { startHttpServer } from '../../src/server/http-server.js';
import { DEMO_PLAN_ID } from '../../src/local/demo/seed.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'pb-local-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function localConfig(): AppConfig {
  const base = readConfig({ PB_MODE: 'local', PB_DATA_DIR: dataDir });
  // Free ports, so tests never collide with a running `npm start`.
  return { ...base, port: 0, ...(base.mode === 'local' ? { emulatorPort: 0 } : {}) } as AppConfig;
}

describe('local mode', () => {
  it('starts with a demo plan part-way through, serves health, and keeps the data across a restart', async () => {
    const first = await compose(localConfig(), { quiet: true });
    const server = await startHttpServer(first);
    try {
      expect(first.demo).toBe('created');
      const health = await fetch(`${server.url}/healthz`);
      expect(await health.json()).toEqual({ status: 'ok', mode: 'local' });
      const loaded = await first.store.load(DEMO_PLAN_ID);
      if (!loaded.ok) throw new Error(loaded.error.message);
      const statuses = new Set(
        loaded.value.plan.sections.filter((s) => s.definition.part === 'plan').map((s) => s.status),
      );
      expect([...statuses].sort()).toEqual(['accepted', 'drafting', 'not-started', 'submitted']);
      expect(loaded.value.plan.council).toBe('Demo Borough Council');
    } finally {
      await server.close();
      await first.close();
    }
    const second = await compose(localConfig(), { quiet: true });
    try {
      expect(second.demo).toBe('present');
      const plans = await second.store.list();
      expect(plans.map((p) => p.id)).toEqual([DEMO_PLAN_ID]);
    } finally {
      await second.close();
    }
  });
});
