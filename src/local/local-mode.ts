/**
 * Local mode's SharePoint behind one call, `startLocalSharePoint`: starts the emulator on the data dir (or
 * uses one already running), ensures the site, seeds the demo directory, registers the Teams app, provisions
 * the site's lists through the same Graph adapter tenant mode uses, and gives the catalog with the demo
 * borough's report formats and a way to seed the demo plan once the app's store exists. The composition root
 * reads the configuration, chooses the mode and calls this; it builds everything else the same in both modes.
 *
 * Dependencies: src/local may use the SharePoint adapter (the Graph client pointed at the emulator, site
 * provisioning), the use cases the demo seed runs, templates, ports and the domain; it imports the emulator
 * only through its entry. It never imports the server: `LocalModeConfig` names what it reads, and the server's
 * local AppConfig satisfies it.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Client, Middleware } from '@microsoft/microsoft-graph-client';
import { tokenProvider } from '../adapters/sharepoint/app-tokens.js';
import { createGraphClient } from '../adapters/sharepoint/graph-client.js';
import { provisionSite } from '../adapters/sharepoint/provision.js';
import type { CreatePlanDeps } from '../app/plans/create-plan.js';
import type { TemplateCatalog } from '../ports/template-catalog.js';
import { loadCatalog } from '../templates/load.js';
import { DEMO_PLAN_ID, seedDemoPlan, seedDirectory } from './demo/seed.js';
import { startEmulator, type SharePointEmulator } from './emulator/index.js';

export interface LocalModeConfig {
  /** Where the emulator keeps its SQLite file. */
  readonly dataDir: string;
  readonly emulatorPort: number;
  /** SharePoint's per-app RU budget for the emulator to enforce (RU a minute); absent: not metered. */
  readonly emulatorRuBudget?: number;
  /** The plans site, e.g. https://contoso.sharepoint.com/sites/Plans: its host and path name the site. */
  readonly siteUrl: string;
  readonly bot: { readonly appId: string; readonly catalogAppId: string | null };
}

export interface LocalModeOptions {
  /**
   * Use this running emulator instead of starting one, as a second server instance would share one
   * SharePoint. It is not closed.
   */
  readonly shared?: SharePointEmulator;
  /** Reads every Graph answer (SharePoint's budget headers), as in tenant mode. */
  readonly observer?: Middleware;
}

export interface LocalSharePoint {
  /** The Graph client, pointed at the emulator. */
  readonly graph: Client;
  readonly emulator: SharePointEmulator;
  /** The shipped plan templates and report formats, plus the demo borough's report formats. */
  readonly catalog: TemplateCatalog;
  /**
   * Seeds the demo plan part-way through on a new SharePoint only (its database file was missing), unless
   * it is there already; an existing SharePoint is never seeded over. Its history is seeded quietly:
   * nobody should be sent cards for what "happened" before start.
   */
  seedDemoPlan(deps: Omit<CreatePlanDeps, 'catalog' | 'events'>): Promise<'created' | 'present' | null>;
  /** Stops the emulator if this call started it. */
  close(): Promise<void>;
}

const demoFormatsDir = fileURLToPath(new URL('./demo/report-formats/', import.meta.url));

function catalogWithDemoFormats(): TemplateCatalog {
  const shipped = loadCatalog();
  const demo = loadCatalog({ reportFormatsDir: demoFormatsDir });
  return {
    planTemplates: shipped.planTemplates,
    reportFormats: [...shipped.reportFormats, ...demo.reportFormats],
  };
}

export async function startLocalSharePoint(
  config: LocalModeConfig,
  options: LocalModeOptions = {},
): Promise<LocalSharePoint> {
  const catalog = catalogWithDemoFormats();
  const shared = options.shared;
  mkdirSync(config.dataDir, { recursive: true });
  const emulator =
    shared ??
    (await startEmulator({
      dbPath: path.join(config.dataDir, 'sharepoint.db'),
      port: config.emulatorPort,
      hostname: new URL(config.siteUrl).hostname,
      ...(config.emulatorRuBudget === undefined ? {} : { resourceUnitsPerMinute: config.emulatorRuBudget }),
    }));
  const close = async (): Promise<void> => {
    if (!shared) await emulator.close();
  };
  try {
    emulator.admin.ensureSite(new URL(config.siteUrl).pathname, 'Plans');
    seedDirectory(emulator);
    emulator.admin.registerTeamsApp({
      id: config.bot.catalogAppId ?? 'plan-builder-local-app',
      botAppId: config.bot.appId,
      displayName: 'Plan Builder',
    });
    const graph = createGraphClient({
      tokens: tokenProvider({ kind: 'static', token: 'local-mode' }),
      loopbackOrigin: emulator.url,
      ...(options.observer ? { observer: options.observer } : {}),
    });
    await provisionSite(graph, config.siteUrl);
    return {
      graph,
      emulator,
      catalog,
      // Only a new SharePoint (its database file was missing) gets the demo; an existing one is kept as
      // it is, whatever it holds (null: it has no demo plan, and none is seeded over it).
      seedDemoPlan: async (deps) =>
        emulator.createdDatabase
          ? seedDemoPlan({ ...deps, catalog, events: { publish: async () => undefined } })
          : (await deps.store.load(DEMO_PLAN_ID)).ok
            ? 'present'
            : null,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
