/**
 * The SharePoint emulator in a process of its own for the bench (in-memory SQLite, a free loopback
 * port), driven by the parent over IPC: admin seeding, fault rules (latency per round trip), stats.
 */
import { startEmulator, type FaultRule } from '../../../src/local/emulator/index.js';
import { serve } from './ipc.js';

const budget = Number(process.env['PB_BENCH_RU_PER_MINUTE'] ?? '');
const emulator = await startEmulator({
  dbPath: ':memory:',
  port: 0,
  hostname: 'demo-borough.sharepoint.com',
  ...(Number.isInteger(budget) && budget > 0 ? { resourceUnitsPerMinute: budget } : {}),
});

serve(
  {
    ensureSite: (path: string, name: string) => emulator.admin.ensureSite(path, name),
    upsertUsers: (users: Parameters<typeof emulator.admin.upsertUser>[0][]) => {
      for (const user of users) emulator.admin.upsertUser(user);
    },
    registerTeamsApp: (app: Parameters<typeof emulator.admin.registerTeamsApp>[0]) =>
      emulator.admin.registerTeamsApp(app),
    setFaults: (rules: FaultRule[]) => emulator.faults.set(rules),
    clearFaults: () => emulator.faults.clear(),
    stats: () => emulator.stats.snapshot(),
    /** CPU time this process has used (user + system, ms): what the burst cost it. */
    cpuMs: () => {
      const used = process.cpuUsage();
      return (used.user + used.system) / 1000;
    },
    resetStats: () => emulator.stats.reset(),
  },
  { url: emulator.url },
);
