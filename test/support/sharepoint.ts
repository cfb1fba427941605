/**
 * A provisioned SharePoint site for tests: the local emulator on a free loopback port (or, for the
 * contract suite, a real tenant when PB_TEST_* variables are set), reached through the real Graph client.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import {
  createGraphClient,
  newRequestCounter,
  type RequestCounter,
} from '../../src/adapters/sharepoint/graph-client.js';
import { SharePointPlanStore } from '../../src/adapters/sharepoint/plan-store.js';
import { provisionSite } from '../../src/adapters/sharepoint/provision.js';
import { connectSite, type SiteLists } from '../../src/adapters/sharepoint/site.js';
import { startEmulator, type SharePointEmulator } from '../../src/local/emulator/index.js';

export const TEST_SITE_URL = 'https://contoso.sharepoint.com/sites/Plans';

export interface TestSite {
  readonly emulator: SharePointEmulator;
  readonly client: Client;
  readonly counter: RequestCounter;
  readonly site: SiteLists;
  readonly store: SharePointPlanStore;
  /** A second client with its own counter, e.g. a second server instance. */
  newClient(counter?: RequestCounter): Client;
  close(): Promise<void>;
}

export async function startTestSite(
  options: { dbPath?: string; random?: () => number } = {},
): Promise<TestSite> {
  const emulator = await startEmulator({
    dbPath: options.dbPath ?? ':memory:',
    ...(options.random ? { random: options.random } : {}),
  });
  emulator.admin.ensureSite('/sites/Plans', 'Plans');
  const counter = newRequestCounter();
  const newClient = (c?: RequestCounter): Client =>
    createGraphClient({
      tokens: { getToken: async () => 'test-token' },
      loopbackOrigin: emulator.url,
      ...(c ? { counter: c } : {}),
    });
  const client = newClient(counter);
  await provisionSite(client, TEST_SITE_URL);
  const site = await connectSite(client, TEST_SITE_URL);
  return {
    emulator,
    client,
    counter,
    site,
    store: new SharePointPlanStore(client, site, { sleep: async () => undefined }),
    newClient,
    close: () => emulator.close(),
  };
}

export function resetCounter(counter: RequestCounter): void {
  counter.requests = 0;
  counter.byRoute.clear();
}
