/**
 * A real SharePoint site for the contract suites, when a tenant is configured: PB_TEST_SITE_URL,
 * PB_TEST_TENANT_ID, PB_TEST_CLIENT_ID and PB_TEST_CLIENT_SECRET (an app with Sites.Selected write on
 * that site, already provisioned with `npm run provision`). Without them every tenant suite is reported
 * as skipped, by name, never as passed.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import { tokenProvider } from '../../src/adapters/sharepoint/app-tokens.js';
import {
  createGraphClient,
  newRequestCounter,
  type RequestCounter,
} from '../../src/adapters/sharepoint/graph-client.js';
import { connectSite, type SiteLists } from '../../src/adapters/sharepoint/site.js';

const env = {
  site: process.env['PB_TEST_SITE_URL'],
  tenantId: process.env['PB_TEST_TENANT_ID'],
  clientId: process.env['PB_TEST_CLIENT_ID'],
  secret: process.env['PB_TEST_CLIENT_SECRET'],
};

export const tenantConfigured = Boolean(env.site && env.tenantId && env.clientId && env.secret);

export function sayNotRun(suite: string): void {
  if (!tenantConfigured)
    console.log(
      `${suite} against a real tenant: NOT RUN (set PB_TEST_SITE_URL, PB_TEST_TENANT_ID, PB_TEST_CLIENT_ID, PB_TEST_CLIENT_SECRET)`,
    );
}

export interface TenantSite {
  readonly client: Client;
  readonly counter: RequestCounter;
  readonly site: SiteLists;
  /** A second client with its own counter: a second server instance. */
  newClient(counter?: RequestCounter): Client;
}

export async function openTenantSite(): Promise<TenantSite> {
  if (!tenantConfigured) throw new Error('No tenant is configured');
  const tokens = tokenProvider({
    kind: 'client-secret',
    tenantId: env.tenantId!,
    clientId: env.clientId!,
    secret: env.secret!,
  });
  const newClient = (counter?: RequestCounter): Client =>
    createGraphClient({ tokens, ...(counter ? { counter } : {}) });
  const counter = newRequestCounter();
  const client = newClient(counter);
  return { client, counter, site: await connectSite(client, env.site!), newClient };
}
