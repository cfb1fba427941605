/**
 * `npm start`. With no tenant configured this is local mode: the SharePoint emulator with a demo council
 * and plan, and the server. `npm start -- --reset` starts from fresh demo data. Ctrl-C stops it all.
 */
import { rmSync } from 'node:fs';
import { compose } from './composition.js';
import { ConfigError, readConfig } from './config.js';
import { startHttpServer } from './http-server.js';

async function main(): Promise<void> {
  const config = readConfig(process.env);
  if (config.mode === 'local' && process.argv.includes('--reset')) {
    rmSync(config.dataDir, { recursive: true, force: true });
    console.log(`Reset: removed ${config.dataDir}`);
  }
  const app = await compose(config);
  const server = await startHttpServer(app);
  const plans = await app.store.list();
  console.log('');
  console.log(`Plan Builder is running in ${config.mode} mode.`);
  console.log(`  Server:              ${server.url} (health: ${server.url}/healthz)`);
  if (app.emulator) {
    console.log(`  SharePoint emulator: ${app.emulator.url} (Graph v1.0 subset; site ${config.siteUrl})`);
    if (config.mode === 'local')
      console.log(`  Data:                ${config.dataDir} (npm start -- --reset starts afresh)`);
    console.log(`  Demo plan:           ${app.demo === 'created' ? 'created' : 'kept from the last run'}`);
  }
  for (const plan of plans)
    console.log(`  Plan: ${plan.title} (${plan.council}) — ${plan.status}, version ${plan.contentVersion}`);
  console.log('Press Ctrl-C to stop.');

  let stopping = false;
  const stop = async (): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    await server.close();
    await app.close();
    console.log('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error('Plan Builder could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
