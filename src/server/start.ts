/**
 * `npm start`. With no tenant configured this is local mode: the SharePoint emulator with a demo council
 * and plan, the server (tab, API and bot), the outbox and reminder workers, and the Microsoft 365 Agents
 * Playground as a Teams-like client for the bot. `npm start -- --reset` starts from fresh demo data.
 * Ctrl-C stops it all.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { demoPeople, allDemoPeople, managementTeamGroup } from '../local/demo/people.js';
import {
  PlaygroundStartError,
  playgroundWorkDir,
  startPlayground,
  type RunningPlayground,
} from '../local/playground.js';
import { DEFAULT_RU_PER_MINUTE } from '../local/emulator/index.js';
import { compose } from './composition.js';
import { ConfigError, readConfig, type AppConfig } from './config.js';
import { startHttpServer } from './http-server.js';

/**
 * One Agents Playground per seat, each acting as one person (a Playground's person is fixed, as a Teams
 * client's is): the plan lead, a management team member and the portfolio holder. They all show the same
 * group chat (the management team's), and local mode delivers its messages to each of them. Fixed ports,
 * so the chats the bot remembers keep their service URL from one run to the next.
 */
const SEATS = [
  { person: demoPeople.planLead, role: 'the plan lead', port: 56150, folder: 'plan-lead' },
  { person: demoPeople.chiefExecutive, role: 'a management team member', port: 56151, folder: 'member' },
  {
    person: demoPeople.portfolioHolder,
    role: 'the portfolio holder',
    port: 56152,
    folder: 'portfolio-holder',
  },
] as const;

interface Seat {
  readonly role: string;
  readonly name: string;
  readonly personId: string;
  readonly playground: RunningPlayground;
}

async function playgroundFor(
  config: Extract<AppConfig, { mode: 'local' }>,
  seat: (typeof SEATS)[number],
): Promise<RunningPlayground> {
  const everyoneElse = allDemoPeople.filter((p) => p.id !== seat.person.id);
  const team = new Set(managementTeamGroup.memberIds);
  const options = {
    botEndpoint: `http://127.0.0.1:${config.port}/api/messages`,
    // The Playground's group chat is the management team: its members come first.
    users: [...everyoneElse.filter((p) => team.has(p.id)), ...everyoneElse.filter((p) => !team.has(p.id))],
    currentUser: seat.person,
    tenantId: 'local-tenant',
    botId: config.bot.appId,
    botName: 'Plan Builder',
    workDir: path.join(playgroundWorkDir(config.dataDir), seat.folder),
  };
  try {
    return await startPlayground({ ...options, port: seat.port });
  } catch (error) {
    if (!(error instanceof PlaygroundStartError && error.portTaken)) throw error;
    console.warn(`Port ${seat.port} is taken; ${seat.role}'s Playground uses another one this time.`);
    return startPlayground({ ...options, port: 0 });
  }
}

async function main(): Promise<void> {
  // npm start meters the app as SharePoint would in a small council's tenant (under 1,000 licences), so
  // what a developer does here stays inside the budget the app must live within; "off" lifts it.
  const config = readConfig({ PB_EMULATOR_RU_BUDGET: String(DEFAULT_RU_PER_MINUTE), ...process.env });
  if (config.mode === 'local' && process.argv.includes('--reset')) {
    rmSync(config.dataDir, { recursive: true, force: true });
    console.log(`Reset: removed ${config.dataDir}`);
  }
  const seats: Seat[] = [];
  if (config.mode === 'local' && !process.argv.includes('--no-playground')) {
    for (const seat of SEATS) {
      try {
        seats.push({
          role: seat.role,
          name: seat.person.displayName,
          personId: seat.person.id,
          playground: await playgroundFor(config, seat),
        });
      } catch (error) {
        console.warn(
          `The Agents Playground for ${seat.role} did not start:`,
          error instanceof Error ? error.message : error,
        );
      }
    }
  }
  const closeSeats = async (): Promise<void> => {
    for (const seat of seats) await seat.playground.close();
  };
  // The first seat's connector is where the app reaches Teams before any chat has told it where.
  const first = seats[0]?.playground ?? null;
  const effective: AppConfig =
    config.mode === 'local' && first
      ? { ...config, bot: { ...config.bot, defaultServiceUrl: first.connectorUrl } }
      : config;
  let app;
  try {
    app = await compose(effective);
  } catch (error) {
    await closeSeats();
    throw error;
  }
  const playgrounds = Object.fromEntries(seats.map((seat) => [seat.personId, seat.playground.url]));
  const server = await startHttpServer(app, { playgrounds });
  app.startWorkers();
  const plans = await app.store.list();
  console.log('');
  console.log(`Plan Builder is running in ${config.mode} mode.`);
  console.log(`  Tab and API:         ${server.url}/ (health: ${server.url}/healthz)`);
  console.log(`  Bot endpoint:        ${server.url}/api/messages`);
  for (const seat of seats)
    console.log(`  Agents Playground:   ${seat.playground.url} (you are ${seat.name}, ${seat.role})`);
  if (app.emulator) {
    console.log(`  SharePoint emulator: ${app.emulator.url} (Graph v1.0 subset; site ${config.siteUrl})`);
    if (config.mode === 'local')
      console.log(
        `  RU budget:           ${config.emulatorRuBudget === undefined ? 'off' : `${config.emulatorRuBudget} RU a minute, as a tenant under 1,000 licences (PB_EMULATOR_RU_BUDGET)`}`,
      );
    if (config.mode === 'local')
      console.log(`  Data:                ${config.dataDir} (npm start -- --reset starts afresh)`);
    console.log(
      `  Demo plan:           ${app.demo === 'created' ? 'created' : app.demo === 'present' ? 'kept from the last run' : 'none in this data (never seeded over it)'}`,
    );
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
    await closeSeats();
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
