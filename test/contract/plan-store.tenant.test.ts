/**
 * The same PlanStore contract against a real SharePoint site, when a tenant is configured:
 * PB_TEST_SITE_URL, PB_TEST_TENANT_ID, PB_TEST_CLIENT_ID and PB_TEST_CLIENT_SECRET (an app with
 * Sites.Selected write on that site, already provisioned with `npm run provision`). Without them the
 * suite is reported as skipped, by name, never as passed.
 */
import { beforeAll, describe } from 'vitest';
import { tokenProvider } from '../../src/adapters/sharepoint/app-tokens.js';
import { createGraphClient, newRequestCounter } from '../../src/adapters/sharepoint/graph-client.js';
import { SharePointPlanStore } from '../../src/adapters/sharepoint/plan-store.js';
import { connectSite } from '../../src/adapters/sharepoint/site.js';
import { resetCounter } from '../support/sharepoint.js';
import { planStoreContract } from './plan-store.contract.js';

const env = {
  site: process.env['PB_TEST_SITE_URL'],
  tenantId: process.env['PB_TEST_TENANT_ID'],
  clientId: process.env['PB_TEST_CLIENT_ID'],
  secret: process.env['PB_TEST_CLIENT_SECRET'],
};
const configured = Boolean(env.site && env.tenantId && env.clientId && env.secret);
if (!configured) {
  console.log(
    'PlanStore contract against a real tenant: NOT RUN (set PB_TEST_SITE_URL, PB_TEST_TENANT_ID, PB_TEST_CLIENT_ID, PB_TEST_CLIENT_SECRET)',
  );
}

describe.skipIf(!configured)('real SharePoint tenant (NOT RUN unless PB_TEST_* variables are set)', () => {
  const counter = newRequestCounter();
  let store: SharePointPlanStore;
  beforeAll(async () => {
    const graph = createGraphClient({
      tokens: tokenProvider({
        kind: 'client-secret',
        tenantId: env.tenantId!,
        clientId: env.clientId!,
        secret: env.secret!,
      }),
      counter,
    });
    store = new SharePointPlanStore(graph, await connectSite(graph, env.site!));
  });
  planStoreContract('SharePoint adapter against a real site', () => ({
    store,
    roundTrips: () => counter.requests,
    resetRoundTrips: () => resetCounter(counter),
  }));
});
