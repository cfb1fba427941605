/**
 * Single-item operations on a list, for the small lists (conversations, outbox) that are read and
 * written one item at a time: find by unique key, create under a unique key, update with If-Match.
 */
import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import type { ListSchema } from './list-schema.js';
import type { Fields } from './plan-mapper.js';
import type { SiteLists } from './site.js';
import { graphPathOf } from './graph-link.js';
import { readItem, type StoredItem } from './stored-item.js';

export type Written =
  | { readonly ok: true; readonly eTag: string }
  | { readonly ok: false; readonly reason: 'conflict' | 'exists' };

const status = (error: unknown): number | null => (error instanceof GraphError ? error.statusCode : null);

const withoutNulls = (fields: Fields): Fields =>
  Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null));

export class ListItems {
  constructor(
    private readonly client: Client,
    private readonly site: SiteLists,
    readonly list: ListSchema,
  ) {}

  private get url(): string {
    return `/sites/${this.site.siteId}/lists/${this.site.listIds[this.list.key]}/items`;
  }

  /** Items whose indexed column equals the value, every page. */
  async where(column: string, value: string): Promise<StoredItem[]> {
    const items: StoredItem[] = [];
    const quoted = value.replace(/'/g, "''");
    let page = (await this.client
      .api(this.url)
      .query({
        $expand: 'fields',
        $filter: `fields/${column} eq '${encodeURIComponent(quoted)}'`,
        $top: '999',
      })
      .get()) as { value: unknown[]; '@odata.nextLink'?: string };
    for (;;) {
      items.push(...page.value.map((raw) => readItem(this.list, raw)));
      const next = page['@odata.nextLink'];
      if (!next) return items;
      page = (await this.client.api(graphPathOf(next)).get()) as typeof page;
    }
  }

  async create(fields: Fields): Promise<Written> {
    try {
      const created = (await this.client.api(this.url).post({ fields: withoutNulls(fields) })) as {
        eTag: string;
      };
      return { ok: true, eTag: created.eTag };
    } catch (error) {
      // The unique key is taken: created before, perhaps by this very request before a retry.
      if (status(error) === 409) return { ok: false, reason: 'exists' };
      throw error;
    }
  }

  async update(itemId: string, eTag: string, fields: Fields): Promise<Written> {
    try {
      const updated = (await this.client
        .api(`${this.url}/${itemId}/fields`)
        .header('If-Match', eTag)
        .patch(fields)) as { '@odata.etag': string };
      return { ok: true, eTag: updated['@odata.etag'] };
    } catch (error) {
      if (status(error) === 412) return { ok: false, reason: 'conflict' };
      throw error;
    }
  }
}
