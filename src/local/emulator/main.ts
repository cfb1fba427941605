/**
 * `npx tsx src/local/emulator/main.ts [--port 4555] [--db .local/sharepoint.db] [--site /sites/Plans]...`
 * Port and db also come from EMULATOR_PORT and EMULATOR_DB. Runs until Ctrl+C.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { startEmulator } from './index.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    db: { type: 'string' },
    host: { type: 'string' },
    site: { type: 'string', multiple: true },
  },
});

const port = Number(values.port ?? process.env['EMULATOR_PORT'] ?? '4555');
if (!Number.isInteger(port) || port < 0 || port > 65535)
  throw new Error(`Invalid port: ${String(values.port)}`);
const dbPath = values.db ?? process.env['EMULATOR_DB'] ?? '.local/sharepoint-emulator.db';
if (dbPath !== ':memory:') mkdirSync(dirname(dbPath), { recursive: true });

const emulator = await startEmulator({
  dbPath,
  port,
  ...(values.host === undefined ? {} : { hostname: values.host }),
});
for (const path of values.site ?? ['/sites/Plans']) {
  const site = emulator.admin.ensureSite(path);
  console.log(`site ${site.webUrl}  id ${site.id}`);
}
console.log(`SharePoint emulator on ${emulator.url}/v1.0 (db ${dbPath}); Ctrl+C to stop.`);

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
