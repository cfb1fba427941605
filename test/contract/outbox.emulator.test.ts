import { afterAll, beforeAll } from 'vitest';
import { SharePointOutbox } from '../../src/adapters/sharepoint/outbox-store.js';
import { startTestSite, type TestSite } from '../support/sharepoint.js';
import { outboxContract } from './outbox.contract.js';

let site: TestSite;
beforeAll(async () => {
  site = await startTestSite();
});
afterAll(async () => {
  await site.close();
});

outboxContract('SharePoint lists against the local emulator', () => {
  const second = site.newClient();
  return {
    outboxes: [new SharePointOutbox(site.client, site.site), new SharePointOutbox(second, site.site)],
  };
});
