import { randomUUID } from 'node:crypto';
import type { Client } from '@microsoft/microsoft-graph-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  SharePointDocumentStore,
  type DocumentStoreOptions,
} from '../../src/adapters/sharepoint/document-store.js';
import { newRequestCounter } from '../../src/adapters/sharepoint/graph-client.js';
import { GraphStoreError } from '../../src/adapters/sharepoint/store-errors.js';
import { startTestSite, type TestSite } from '../support/sharepoint.js';
import { documentStoreContract, type LibraryItem } from './document-store.contract.js';

/** Library columns that provisioning creates (list-schema.ts `libraryColumns`). */
const COLUMNS = { text: 'PlanId', number: 'PlanVersion' } as const;
const UPLOAD = /\/content$/;

let site: TestSite;
let driveId: string;
const sleeps: number[] = [];
/** Runs when the store waits before a retry, e.g. to lift a fault so the retry gets through. */
let onSleep: () => void = () => undefined;

const options: DocumentStoreOptions = {
  sleep: async (ms) => {
    sleeps.push(ms);
    onSleep();
  },
};
const newStore = (client: Client = site.client, extra: DocumentStoreOptions = {}): SharePointDocumentStore =>
  new SharePointDocumentStore(client, site.site.siteId, { ...options, ...extra });

async function inspect(id: string): Promise<LibraryItem> {
  const item = site.client.api(`/drives/${driveId}/items/${id}`);
  const meta = (await item.select('eTag,size,name').get()) as { eTag: string; size: number; name: string };
  const fields = (await site.client.api(`/drives/${driveId}/items/${id}/listItem/fields`).get()) as Record<
    string,
    unknown
  >;
  const versions = (await site.client.api(`/drives/${driveId}/items/${id}/versions`).get()) as {
    value: unknown[];
  };
  return { eTag: meta.eTag, size: meta.size, name: meta.name, fields, versions: versions.value.length };
}

const putRequests = (): number =>
  Object.entries(site.emulator.stats.snapshot().byRoute)
    .filter(([route]) => route.startsWith('PUT '))
    .reduce((sum, [, n]) => sum + n, 0);

beforeAll(async () => {
  site = await startTestSite();
  const siteId = site.site.siteId;
  driveId = ((await site.client.api(`/sites/${siteId}/drive`).select('id').get()) as { id: string }).id;
});
afterAll(async () => {
  await site.close();
});
afterEach(() => {
  site.emulator.faults.clear();
  sleeps.length = 0;
  onSleep = () => undefined;
});

documentStoreContract('SharePoint adapter against the local emulator', () => ({
  store: newStore(),
  newStore: () => newStore(),
  requestsSeen: () => site.emulator.stats.snapshot().requests,
  resetRequests: () => site.emulator.stats.reset(),
  inspect,
  columns: COLUMNS,
  root: `Contract/${randomUUID()}`,
}));

describe('SharePoint document store against the local emulator', () => {
  const text = (s: string): Uint8Array => new TextEncoder().encode(s);
  const root = (): string => `Emulator/${randomUUID()}`;

  it('retries an upload answered 429 with Retry-After: 0, and it lands once', async () => {
    const store = newStore();
    const path = `${root()}/throttled.bin`;
    await store.put(`${root()}/warm-up.bin`, text('x'), 'application/octet-stream');
    site.emulator.faults.set([{ method: 'PUT', path: UPLOAD, status: 429, share: 1, retryAfterSeconds: 0 }]);
    onSleep = () => site.emulator.faults.clear();
    site.emulator.stats.reset();
    const stored = await store.put(path, text('after the wait'), 'application/octet-stream');
    expect(sleeps).toEqual([0]);
    expect(putRequests()).toBe(2);
    expect(new TextDecoder().decode((await store.get(stored.id))?.bytes)).toBe('after the wait');
    expect((await inspect(stored.id)).versions).toBe(1);
  });

  it('waits as long as Retry-After says on a 503', async () => {
    const store = newStore();
    site.emulator.faults.set([{ method: 'PUT', path: UPLOAD, status: 503, share: 1, retryAfterSeconds: 2 }]);
    onSleep = () => site.emulator.faults.clear();
    const stored = await store.put(`${root()}/unavailable.bin`, text('ok'), 'application/octet-stream');
    expect(sleeps).toEqual([2000]);
    expect(stored.size).toBe(2);
  });

  it('gives up after its retries, as an unavailable-service error', async () => {
    const store = newStore(site.client, { maxUploadRetries: 2 });
    await store.put(`${root()}/warm-up.bin`, text('x'), 'application/octet-stream');
    site.emulator.faults.set([{ method: 'PUT', path: UPLOAD, status: 429, share: 1, retryAfterSeconds: 0 }]);
    site.emulator.stats.reset();
    const attempt = store.put(`${root()}/never.bin`, text('x'), 'application/octet-stream');
    await expect(attempt).rejects.toBeInstanceOf(GraphStoreError);
    await expect(attempt).rejects.toMatchObject({ code: 'GRAPH_UNAVAILABLE', status: 429 });
    expect(putRequests()).toBe(3);
    expect(sleeps).toEqual([0, 0]);
  });

  it('does not hold a request open for a Retry-After longer than it will wait', async () => {
    const store = newStore(site.client, { maxWaitSeconds: 30 });
    await store.put(`${root()}/warm-up.bin`, text('x'), 'application/octet-stream');
    site.emulator.faults.set([
      { method: 'PUT', path: UPLOAD, status: 429, share: 1, retryAfterSeconds: 120 },
    ]);
    site.emulator.stats.reset();
    await expect(
      store.put(`${root()}/later.bin`, text('x'), 'application/octet-stream'),
    ).rejects.toMatchObject({ code: 'GRAPH_UNAVAILABLE' });
    expect(putRequests()).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('looks the drive up once, not per call', async () => {
    const counter = newRequestCounter();
    const store = newStore(site.newClient(counter));
    const folder = root();
    const a = await store.put(`${folder}/a.bin`, text('a'), 'application/octet-stream');
    await store.put(`${folder}/b.bin`, text('b'), 'application/octet-stream');
    await store.get(a.id);
    expect(counter.byRoute.get('GET /sites/{}/drive')).toBe(1);
    // Two uploads and a download (metadata and bytes): nothing else.
    expect(counter.requests).toBe(1 + 2 + 2);
  });

  it('takes a path of exactly 400 characters', async () => {
    // SharePoint Online counts the site and library in its own 400, so a tenant refuses this sooner.
    const store = newStore();
    const folder = root();
    const stem = 'n'.repeat(400 - folder.length - '/'.length - '.bin'.length - '/'.length);
    const path = `${folder}/${stem.slice(0, 200)}/${stem.slice(200)}.bin`;
    expect(path).toHaveLength(400);
    const stored = await store.put(path, text('long'), 'application/octet-stream');
    expect((await store.get(stored.id))?.bytes).toEqual(text('long'));
  });
});
