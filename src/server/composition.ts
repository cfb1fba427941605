/**
 * The composition root: the one place that turns configuration into running parts. Local mode starts
 * the SharePoint emulator and seeds it; tenant mode connects to the real site. Either way the rest of
 * the app gets the same ports over the same Graph adapter.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Client } from '@microsoft/microsoft-graph-client';
import { tokenProvider } from '../adapters/sharepoint/app-tokens.js';
import { createGraphClient } from '../adapters/sharepoint/graph-client.js';
import { SharePointPlanStore } from '../adapters/sharepoint/plan-store.js';
import { provisionSite } from '../adapters/sharepoint/provision.js';
import { connectSite } from '../adapters/sharepoint/site.js';
import { seedDemoPlan, seedDirectory } from '../local/demo/seed.js';
import { startEmulator, type SharePointEmulator } from '../local/emulator/index.js';
import type { Clock, IdGenerator } from '../ports/clock.js';
import type { EventSink } from '../ports/event-sink.js';
import type { PlanStore } from '../ports/plan-store.js';
import type { TemplateCatalog } from '../ports/template-catalog.js';
import { loadCatalog } from '../templates/load.js';
import type { AppConfig } from './config.js';

export interface App {
  readonly config: AppConfig;
  readonly store: PlanStore;
  readonly catalog: TemplateCatalog;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly events: EventSink;
  readonly graph: Client;
  readonly emulator: SharePointEmulator | null;
  readonly demo: 'created' | 'present' | null;
  close(): Promise<void>;
}

/** SharePoint keeps instants to the second; so does the app, so what it stores reads back equal. */
export const systemClock: Clock = { now: () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') };

const demoFormatsDir = fileURLToPath(new URL('../local/demo/report-formats/', import.meta.url));

function catalogFor(config: AppConfig): TemplateCatalog {
  const shipped = loadCatalog();
  if (config.mode !== 'local') return shipped;
  const demo = loadCatalog({ reportFormatsDir: demoFormatsDir });
  return {
    planTemplates: shipped.planTemplates,
    reportFormats: [...shipped.reportFormats, ...demo.reportFormats],
  };
}

/** Until the bot's outbox lands, events are logged so local mode shows what would be sent. */
const loggingEvents: EventSink = {
  async publish(plan, events) {
    for (const event of events) console.log(`[event] ${plan.id} ${event.type}`);
  },
};

export async function compose(config: AppConfig, options: { quiet?: boolean } = {}): Promise<App> {
  const catalog = catalogFor(config);
  const ids: IdGenerator = { newId: () => randomUUID() };
  const events: EventSink = options.quiet ? { publish: async () => undefined } : loggingEvents;
  if (config.mode === 'local') {
    mkdirSync(config.dataDir, { recursive: true });
    const emulator = await startEmulator({
      dbPath: path.join(config.dataDir, 'sharepoint.db'),
      port: config.emulatorPort,
      hostname: new URL(config.siteUrl).hostname,
    });
    try {
      emulator.admin.ensureSite(new URL(config.siteUrl).pathname, 'Plans');
      seedDirectory(emulator);
      const graph = createGraphClient({
        tokens: tokenProvider({ kind: 'static', token: 'local-mode' }),
        loopbackOrigin: emulator.url,
      });
      await provisionSite(graph, config.siteUrl);
      const store = new SharePointPlanStore(graph, await connectSite(graph, config.siteUrl));
      const demo = await seedDemoPlan({ store, catalog, clock: systemClock, ids, events });
      return {
        config,
        store,
        catalog,
        clock: systemClock,
        ids,
        events,
        graph,
        emulator,
        demo,
        close: () => emulator.close(),
      };
    } catch (error) {
      await emulator.close();
      throw error;
    }
  }
  const graph = createGraphClient({ tokens: tokenProvider(config.graphCredential) });
  const store = new SharePointPlanStore(graph, await connectSite(graph, config.siteUrl));
  return {
    config,
    store,
    catalog,
    clock: systemClock,
    ids,
    events,
    graph,
    emulator: null,
    demo: null,
    close: async () => undefined,
  };
}
