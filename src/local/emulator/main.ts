/**
 * `npx tsx src/local/emulator/main.ts [--port 4555] [--db .local/sharepoint.db] [--site /sites/Plans]... [--ru-budget 1250|off]`
 * Port, db and RU budget also come from EMULATOR_PORT, EMULATOR_DB and EMULATOR_RU_BUDGET (default 1,250 RU/min). Runs until Ctrl+C.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_RU_PER_MINUTE, startEmulator } from './index.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    db: { type: 'string' },
    host: { type: 'string' },
    site: { type: 'string', multiple: true },
    'ru-budget': { type: 'string' },
  },
});

const port = Number(values.port ?? process.env['EMULATOR_PORT'] ?? '4555');
if (!Number.isInteger(port) || port < 0 || port > 65535)
  throw new Error(`Invalid port: ${String(values.port)}`);
const dbPath = values.db ?? process.env['EMULATOR_DB'] ?? '.local/sharepoint-emulator.db';
if (dbPath !== ':memory:') mkdirSync(dirname(dbPath), { recursive: true });

// SharePoint's per-app budget, as a small tenant (under 1,000 licences) has it, unless told otherwise.
const budgetText = values['ru-budget'] ?? process.env['EMULATOR_RU_BUDGET'] ?? String(DEFAULT_RU_PER_MINUTE);
const budget = budgetText === 'off' ? undefined : Number(budgetText);
if (budget !== undefined && !(Number.isInteger(budget) && budget > 0))
  throw new Error(`Invalid RU budget: ${budgetText} (a whole number of RU per minute, or off)`);

const emulator = await startEmulator({
  dbPath,
  port,
  ...(budget === undefined ? {} : { resourceUnitsPerMinute: budget }),
  ...(values.host === undefined ? {} : { hostname: values.host }),
});
for (const path of values.site ?? ['/sites/Plans']) {
  const site = emulator.admin.ensureSite(path);
  console.log(`site ${site.webUrl}  id ${site.id}`);
}
console.log(
  `SharePoint emulator on ${emulator.url}/v1.0 (db ${dbPath}; ${budget === undefined ? 'no RU budget' : `${budget} RU a minute per app`}); Ctrl+C to stop.`,
);

const stop = (): void => {
  emulator.close().then(
    () => process.exit(0),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
