/**
 * The KPI, outbox, conversation and document store contracts against a real SharePoint site, when a
 * tenant is configured (see tenant-site.ts). Each store runs as two instances over the site, as two
 * servers would. The directory contract needs its fixture's people and groups in the tenant's
 * directory, which a test cannot create, so it runs against the emulator only.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe } from 'vitest';
import { SharePointConversationStore } from '../../src/adapters/sharepoint/conversation-store.js';
import { SharePointDocumentStore } from '../../src/adapters/sharepoint/document-store.js';
import { SharePointKpiStore } from '../../src/adapters/sharepoint/kpi-store.js';
import { SharePointOutbox } from '../../src/adapters/sharepoint/outbox-store.js';
import { resetCounter } from '../support/sharepoint.js';
import { conversationStoreContract } from './conversation-store.contract.js';
import { documentStoreContract, type LibraryItem } from './document-store.contract.js';
import { kpiStoreContract } from './kpi-store.contract.js';
import { outboxContract } from './outbox.contract.js';
import { openTenantSite, sayNotRun, tenantConfigured, type TenantSite } from './tenant-site.js';

sayNotRun('KpiStore, Outbox, ConversationStore and DocumentStore contracts');

describe.skipIf(!tenantConfigured)(
  'real SharePoint tenant (NOT RUN unless PB_TEST_* variables are set)',
  () => {
    let tenant: TenantSite;
    let second: TenantSite['client'];
    let driveId: string;
    beforeAll(async () => {
      tenant = await openTenantSite();
      second = tenant.newClient();
      driveId = (
        (await tenant.client.api(`/sites/${tenant.site.siteId}/drive`).select('id').get()) as { id: string }
      ).id;
    });

    kpiStoreContract('SharePoint lists on a real site', () => ({
      stores: [
        new SharePointKpiStore(tenant.client, tenant.site),
        new SharePointKpiStore(second, tenant.site),
      ],
      roundTrips: () => tenant.counter.requests,
    }));

    outboxContract('SharePoint list on a real site', () => ({
      outboxes: [new SharePointOutbox(tenant.client, tenant.site), new SharePointOutbox(second, tenant.site)],
    }));

    conversationStoreContract('SharePoint list on a real site', () => ({
      stores: [
        new SharePointConversationStore(tenant.client, tenant.site),
        new SharePointConversationStore(second, tenant.site),
      ],
      roundTrips: () => tenant.counter.requests,
      resetRoundTrips: () => resetCounter(tenant.counter),
    }));

    documentStoreContract('SharePoint library on a real site', () => {
      const newStore = (): SharePointDocumentStore =>
        new SharePointDocumentStore(tenant.client, tenant.site.siteId);
      return {
        store: newStore(),
        newStore,
        requestsSeen: () => tenant.counter.requests,
        resetRequests: () => resetCounter(tenant.counter),
        inspect: async (id: string): Promise<LibraryItem> => {
          const base = `/drives/${driveId}/items/${id}`;
          const meta = (await tenant.client.api(base).select('eTag,size,name').get()) as {
            eTag: string;
            size: number;
            name: string;
          };
          const fields = (await tenant.client.api(`${base}/listItem/fields`).get()) as Record<
            string,
            unknown
          >;
          const versions = (await tenant.client.api(`${base}/versions`).get()) as { value: unknown[] };
          return { ...meta, fields, versions: versions.value.length };
        },
        columns: { text: 'PlanId', number: 'PlanVersion' },
        root: `Contract/${randomUUID()}`,
      };
    });
  },
);
