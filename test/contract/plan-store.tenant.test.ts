/**
 * The same PlanStore contract against a real SharePoint site, when a tenant is configured (see
 * tenant-site.ts): the store as it is, and the cached store the server runs.
 */
import { beforeAll, describe } from 'vitest';
import { SharePointPlanStore } from '../../src/adapters/sharepoint/plan-store.js';
import { resetCounter } from '../support/sharepoint.js';
import { planStoreContract } from './plan-store.contract.js';
import { openTenantSite, sayNotRun, tenantConfigured, type TenantSite } from './tenant-site.js';

sayNotRun('PlanStore contract');

describe.skipIf(!tenantConfigured)(
  'real SharePoint tenant (NOT RUN unless PB_TEST_* variables are set)',
  () => {
    let tenant: TenantSite;
    let store: SharePointPlanStore;
    beforeAll(async () => {
      tenant = await openTenantSite();
      store = new SharePointPlanStore(tenant.client, tenant.site);
    });
    planStoreContract('SharePoint adapter against a real site', () => ({
      store,
      roundTrips: () => tenant.counter.requests,
      resetRoundTrips: () => resetCounter(tenant.counter),
    }));
  },
);
