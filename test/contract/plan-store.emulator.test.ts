import { afterAll, beforeAll } from 'vitest';
import { resetCounter, startTestSite, type TestSite } from '../support/sharepoint.js';
import { planStoreContract } from './plan-store.contract.js';

let site: TestSite;
beforeAll(async () => {
  site = await startTestSite();
});
afterAll(async () => {
  await site.close();
});

planStoreContract('SharePoint adapter against the local emulator', () => ({
  store: site.store,
  roundTrips: () => site.counter.requests,
  resetRoundTrips: () => resetCounter(site.counter),
}));
