import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newRequestCounter } from '../../src/adapters/sharepoint/graph-client.js';
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

describe('the SharePoint outbox', () => {
  it('enqueues many messages in one round trip, and a key it has stored before costs no request again', async () => {
    const counter = newRequestCounter();
    const outbox = new SharePointOutbox(site.newClient(counter), site.site);
    const messages = Array.from({ length: 5 }, (_, i) => ({
      key: `known/${Date.now()}/${i}`,
      planId: 'plan-1',
      recipient: { kind: 'user' as const, userId: 'u-1' },
      text: 'Your section is due',
      card: null,
      replacesKey: null,
      notBefore: '2026-11-22T10:00:00Z',
      live: null,
    }));
    expect(await outbox.enqueue(messages)).toBe(5);
    expect(counter.requests).toBe(1);
    // A reminder pass every minute enqueues the same keys again: nothing is sent for them.
    expect(await outbox.enqueue(messages)).toBe(0);
    expect(counter.requests).toBe(1);
    // Another instance does not know them yet: it asks once, and learns they are taken.
    const other = new SharePointOutbox(site.newClient(), site.site);
    expect(await other.enqueue(messages)).toBe(0);
  });
});
