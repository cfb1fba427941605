import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  Client,
  GraphError,
  HTTPMessageHandler,
  RetryHandler,
  RetryHandlerOptions,
} from '@microsoft/microsoft-graph-client';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { graphPathOf } from '../../../src/adapters/sharepoint/graph-link.js';
import { startHarness } from './harness.js';
import type { Harness } from './harness.js';

/** Sets a fake bearer the way AuthenticationHandler would. */
class FakeAuth implements Middleware {
  private next?: Middleware;
  setNext(next: Middleware): void {
    this.next = next;
  }
  async execute(context: Context): Promise<void> {
    const options = context.options ?? {};
    const headers = options.headers;
    if (headers instanceof Headers) headers.set('Authorization', 'Bearer fake-token');
    else
      options.headers = {
        ...(headers as Record<string, string> | undefined),
        Authorization: 'Bearer fake-token',
      };
    context.options = options;
    await this.next?.execute(context);
  }
}

/** Sends https://graph.microsoft.com/… to the emulator, keeping the default baseUrl and the SDK's URL handling. */
class RewriteToEmulator implements Middleware {
  private next?: Middleware;
  constructor(private readonly base: string) {}
  setNext(next: Middleware): void {
    this.next = next;
  }
  async execute(context: Context): Promise<void> {
    if (typeof context.request === 'string')
      context.request = context.request.replace('https://graph.microsoft.com', this.base);
    await this.next?.execute(context);
  }
}

let h: Harness;
let client: Client;
let draws: number[];

beforeEach(async () => {
  draws = [];
  h = await startHarness({ random: () => draws.shift() ?? 0.99 });
  client = Client.initWithMiddleware({
    middleware: [
      new FakeAuth(),
      new RetryHandler(new RetryHandlerOptions(0, 3)),
      new RewriteToEmulator(h.emu.url),
      new HTTPMessageHandler(),
    ],
  });
  await client.api(`/sites/${h.siteId}/lists`).post({
    displayName: 'Plans',
    list: { template: 'genericList' },
    columns: [
      { name: 'Key', text: { maxLength: 64 }, indexed: true, enforceUniqueValues: true },
      { name: 'Status', choice: { choices: ['Draft', 'Pending'] } },
    ],
  });
});
afterEach(async () => {
  await h.close();
});

interface Page {
  value: { id: string; fields: Record<string, unknown> }[];
  '@odata.nextLink'?: string;
}

describe('the real @microsoft/microsoft-graph-client against the emulator', () => {
  it('creates, reads and pages items by following nextLinks, mapped back as the adapter does (graphPathOf)', async () => {
    for (let i = 1; i <= 5; i++) {
      await client
        .api(`/sites/${h.siteId}/lists/Plans/items`)
        .post({ fields: { Title: `Plan ${i}`, Key: `k${i}`, Status: i % 2 === 0 ? 'Pending' : 'Draft' } });
    }
    const titles: unknown[] = [];
    let page = (await client
      .api(`/sites/contoso.sharepoint.com:/sites/Plans:/lists/Plans/items`)
      .expand('fields(select=Title,Key)')
      .top(2)
      .get()) as Page;
    let pages = 1;
    titles.push(...page.value.map((i) => i.fields['Title']));
    while (page['@odata.nextLink'] !== undefined) {
      // On the emulator's own http origin, which this client would not take as absolute.
      expect(page['@odata.nextLink'].startsWith(`${h.emu.url}/v1.0/`)).toBe(true);
      page = (await client.api(graphPathOf(page['@odata.nextLink'])).get()) as Page;
      titles.push(...page.value.map((i) => i.fields['Title']));
      pages++;
    }
    expect(pages).toBe(3);
    expect(titles).toEqual(['Plan 1', 'Plan 2', 'Plan 3', 'Plan 4', 'Plan 5']);

    const pending = (await client
      .api(`/sites/${h.siteId}/lists/Plans/items`)
      .header('Prefer', 'HonorNonIndexedQueriesWarningMayFailRandomly')
      .expand('fields')
      .filter("fields/Status eq 'Pending' and startswith(fields/Title,'Plan')")
      .orderby('fields/Status desc')
      .get()) as Page;
    expect(pending.value.map((i) => i.fields['Key'])).toEqual(['k2', 'k4']);
  });

  it('surfaces a stale If-Match as a GraphError 412 with code resourceModified', async () => {
    const created = (await client
      .api(`/sites/${h.siteId}/lists/Plans/items`)
      .post({ fields: { Key: 'a' } })) as { id: string; eTag: string };
    await client
      .api(`/sites/${h.siteId}/lists/Plans/items/${created.id}/fields`)
      .header('If-Match', created.eTag)
      .patch({ Title: 'x' });
    const stale = client
      .api(`/sites/${h.siteId}/lists/Plans/items/${created.id}/fields`)
      .header('If-Match', created.eTag)
      .patch({ Title: 'y' });
    await expect(stale).rejects.toBeInstanceOf(GraphError);
    await expect(stale).rejects.toMatchObject({ statusCode: 412, code: 'resourceModified' });
  });

  it('lets RetryHandler ride out an injected 429 with Retry-After: 0', async () => {
    h.emu.faults.set([{ method: 'GET', path: /\/items$/, status: 429, share: 0.5, retryAfterSeconds: 0 }]);
    draws = [0.1, 0.9];
    h.emu.stats.reset();
    const page = (await client.api(`/sites/${h.siteId}/lists/Plans/items`).get()) as Page;
    expect(page.value).toEqual([]);
    expect(h.emu.stats.snapshot().byRoute['GET /sites/{}/lists/{}/items']).toBe(2);
  });

  it('shows why creates need an idempotency key: a 504 after commit is retried and the retry hits the unique key', async () => {
    h.emu.faults.set([
      { method: 'POST', path: /\/items$/, status: 504, share: 0.5, retryAfterSeconds: 0, afterCommit: true },
    ]);
    draws = [0.1, 0.9];
    const retried = client.api(`/sites/${h.siteId}/lists/Plans/items`).post({ fields: { Key: 'idem-1' } });
    await expect(retried).rejects.toMatchObject({ statusCode: 409 });
    h.emu.faults.clear();
    const all = (await client.api(`/sites/${h.siteId}/lists/Plans/items`).expand('fields').get()) as Page;
    expect(all.value.map((i) => i.fields['Key'])).toEqual(['idem-1']);
  });
});
