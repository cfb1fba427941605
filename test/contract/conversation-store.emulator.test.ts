import { afterAll, beforeAll } from 'vitest';
import { SharePointConversationStore } from '../../src/adapters/sharepoint/conversation-store.js';
import { resetCounter, startTestSite, type TestSite } from '../support/sharepoint.js';
import { conversationStoreContract } from './conversation-store.contract.js';

let site: TestSite;
beforeAll(async () => {
  site = await startTestSite();
});
afterAll(async () => {
  await site.close();
});

conversationStoreContract('SharePoint list against the local emulator', () => ({
  stores: [
    new SharePointConversationStore(site.client, site.site),
    new SharePointConversationStore(site.newClient(), site.site),
  ],
  roundTrips: () => site.counter.requests,
  resetRoundTrips: () => resetCounter(site.counter),
}));
