/**
 * The Graph list repository: the one place that reads and writes SharePoint list items. Reads are
 * batched (several queries in one `$batch`) and paged (every `@odata.nextLink` followed, on either
 * origin, through graphPathOf); creates are keyed (the list's unique column makes a repeat a 409, never a
 * second item); updates carry If-Match (a 412 is someone else's change); delta follows a list's changes
 * from a token. Every item read is checked against its list's declared columns before anyone maps it.
 */
import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import { runBatch, type BatchOptions, type BatchRequest } from './graph-batch.js';
import { graphPathOf } from './graph-link.js';
import { readPages } from './graph-paging.js';
import type { ListSchema } from './list-schema.js';
import type { SiteLists } from './site.js';
import { readItem, type StoredItem } from './stored-item.js';
import { GraphStoreError } from './store-errors.js';

export type Fields = Record<string, string | number | boolean | null>;

/** An item and the eTag it had when read or written: what an If-Match update starts from. */
export interface ItemRef {
  readonly id: string;
  readonly eTag: string;
}

/** Items whose column equals a value (an indexed column), or every item of the list. */
export interface ListQuery {
  readonly list: ListSchema;
  readonly where?: { readonly column: string; readonly value: string };
}

export type ListWrite =
  | { readonly op: 'create'; readonly list: ListSchema; readonly fields: Fields }
  | { readonly op: 'update'; readonly list: ListSchema; readonly ref: ItemRef; readonly fields: Fields }
  /** Deletes the item if it is still the version read (If-Match); one already gone counts as deleted. */
  | { readonly op: 'delete'; readonly list: ListSchema; readonly ref: ItemRef };

/**
 * What a write did. `exists`: a keyed create found its key taken (perhaps by this very request before a
 * retry). `conflict`: the item changed since its eTag was read (412), or is gone (404). `not-run`: in a
 * chain, a write before it did not succeed, so it was not made.
 */
export type WriteOutcome =
  | Written
  /** A delete: the item is gone. */
  | { readonly ok: true; readonly item: null }
  | Unwritten;
export type Written = { readonly ok: true; readonly item: StoredItem };
export type Unwritten = { readonly ok: false; readonly reason: 'exists' | 'conflict' | 'not-run' };

/** What changed in a list since a delta token: items in their latest state, and ids of deleted items. */
export interface ListChanges {
  readonly items: readonly StoredItem[];
  readonly deleted: readonly string[];
  /** The link that asks for the changes after these. */
  readonly deltaLink: string;
}

/** Graph answers up to 999 items a page for list items; paging covers the rest. */
const PAGE = 999;

const withoutNulls = (fields: Fields): Fields =>
  Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null));

/** An OData string literal's content: quotes doubled, then percent-encoded (the SDK sends query values raw). */
const literal = (value: string): string => encodeURIComponent(value.replace(/'/g, "''"));

export class GraphLists {
  constructor(
    private readonly client: Client,
    private readonly site: SiteLists,
    private readonly batchOptions: BatchOptions = {},
  ) {}

  itemsUrl(list: ListSchema): string {
    const id = this.site.listIds[list.key];
    if (id === undefined) throw new Error(`The site has no list for ${list.displayName}`);
    return `/sites/${this.site.siteId}/lists/${id}/items`;
  }

  queryUrl(query: ListQuery): string {
    const where = query.where;
    const filter = where ? `&$filter=fields/${where.column} eq '${literal(where.value)}'` : '';
    return `${this.itemsUrl(query.list)}?$expand=fields${filter}&$top=${PAGE}`;
  }

  /** Every item each query matches: one round trip for all of them, more only if a list pages. */
  async readAll<K extends string>(queries: Readonly<Record<K, ListQuery>>): Promise<Record<K, StoredItem[]>> {
    const names = Object.keys(queries) as K[];
    if (names.length === 0) return {} as Record<K, StoredItem[]>;
    const urls = Object.fromEntries(names.map((n) => [n, this.queryUrl(queries[n])])) as Record<K, string>;
    const raw = await readPages(
      this.client,
      urls,
      names.map((n) => queries[n].list.displayName).join(', '),
      this.batchOptions,
    );
    return Object.fromEntries(
      names.map((n) => [n, raw[n].values.map((value) => readItem(queries[n].list, value))]),
    ) as Record<K, StoredItem[]>;
  }

  async query(query: ListQuery): Promise<StoredItem[]> {
    return (await this.readAll({ only: query })).only;
  }

  /** One item by id, or null if there is none. */
  async get(list: ListSchema, itemId: string): Promise<StoredItem | null> {
    try {
      return readItem(list, await this.client.api(`${this.itemsUrl(list)}/${itemId}?$expand=fields`).get());
    } catch (error) {
      if (error instanceof GraphError && error.statusCode === 404) return null;
      throw error;
    }
  }

  /** The item holding this value in the list's unique key column, if any. */
  async byKey(list: ListSchema, key: string): Promise<StoredItem | null> {
    const [item] = await this.query({ list, where: { column: keyColumn(list), value: key } });
    return item ?? null;
  }

  /**
   * Writes in one `$batch` (throttled ones retried), each answered in the order given. `chained`: each
   * runs only if every one before it succeeded, so nothing after a conflict is written (answered
   * `not-run`): an audit entry last in the chain records only a change that was made.
   */
  async writeAll(writes: readonly ListWrite[], options: { chained?: boolean } = {}): Promise<WriteOutcome[]> {
    if (writes.length === 0) return [];
    if (writes.length === 1) return [await this.write(writes[0]!)];
    const requests = writes.map((w, i): BatchRequest => this.request(w, String(i + 1)));
    const responses = await runBatch(this.client, requests, {
      ...this.batchOptions,
      chained: options.chained === true,
    });
    return writes.map((w, i) => {
      const response = responses.get(String(i + 1))!;
      if (options.chained && response.status === 424) return { ok: false, reason: 'not-run' };
      return this.outcome(w, response.status, response.body, () =>
        GraphStoreError.fromBatch(`${w.op} an item in ${w.list.displayName}`, response),
      );
    });
  }

  async write(w: ListWrite): Promise<WriteOutcome> {
    const request = this.request(w, '1');
    try {
      let call = this.client.api(request.url);
      for (const [name, value] of Object.entries(request.headers ?? {})) call = call.header(name, value);
      const body: unknown =
        request.method === 'POST'
          ? await call.post(request.body)
          : request.method === 'DELETE'
            ? await call.delete()
            : await call.patch(request.body);
      const status = w.op === 'create' ? 201 : w.op === 'delete' ? 204 : 200;
      return this.outcome(w, status, body, () => new Error('unreachable'));
    } catch (error) {
      if (!(error instanceof GraphError)) throw error;
      return this.outcome(w, error.statusCode, error.body, () => {
        return new GraphStoreError(
          `SharePoint could not ${w.op} an item in ${w.list.displayName}: ${error.statusCode} ${error.code ?? ''} ${error.message}`.trim(),
          error.statusCode,
          error.code,
        );
      });
    }
  }

  async create(list: ListSchema, fields: Fields): Promise<Written | Unwritten> {
    // A create answers the item it made (or a refusal), never a deletion.
    return (await this.write({ op: 'create', list, fields })) as Written | Unwritten;
  }

  async update(list: ListSchema, ref: ItemRef, fields: Fields): Promise<Written | Unwritten> {
    return (await this.write({ op: 'update', list, ref, fields })) as Written | Unwritten;
  }

  private request(w: ListWrite, id: string): BatchRequest {
    if (w.op === 'create')
      return { id, method: 'POST', url: this.itemsUrl(w.list), body: { fields: withoutNulls(w.fields) } };
    if (w.op === 'delete')
      return {
        id,
        method: 'DELETE',
        url: `${this.itemsUrl(w.list)}/${w.ref.id}`,
        headers: { 'If-Match': w.ref.eTag },
      };
    return {
      id,
      method: 'PATCH',
      url: `${this.itemsUrl(w.list)}/${w.ref.id}/fields`,
      headers: { 'If-Match': w.ref.eTag },
      body: w.fields,
    };
  }

  private outcome(w: ListWrite, status: number, body: unknown, fail: () => Error): WriteOutcome {
    if (w.op === 'create' && status === 201) return { ok: true, item: readItem(w.list, body) };
    if (w.op === 'update' && status === 200) {
      // The answer is the item's fieldValueSet; the item is what it was, with what was sent.
      const eTag = (body as { '@odata.etag'?: unknown } | null)?.['@odata.etag'];
      if (typeof eTag !== 'string') throw fail();
      const fields = body as Record<string, unknown>;
      return {
        ok: true,
        item: {
          id: w.ref.id,
          eTag,
          lastModifiedDateTime: typeof fields['Modified'] === 'string' ? fields['Modified'] : '',
          fields: { ...fields, ...w.fields },
        },
      };
    }
    if (w.op === 'delete' && (status === 204 || status === 200 || status === 404))
      return { ok: true, item: null };
    if (w.op === 'delete' && status === 412) return { ok: false, reason: 'conflict' };
    if (w.op === 'create' && status === 409) return { ok: false, reason: 'exists' };
    if (w.op === 'update' && (status === 412 || status === 404)) return { ok: false, reason: 'conflict' };
    throw fail();
  }

  /** Who last changed an item and when, as its own columns say (or SharePoint's modified time). */
  async lastChange(
    list: ListSchema,
    itemId: string,
    columns: ChangeColumns,
  ): Promise<{ changedBy: string | null; changedAt: string | null }> {
    const select = [columns.by, ...(columns.at ? [columns.at] : [])].join(',');
    const current = (await this.client
      .api(`${this.itemsUrl(list)}/${itemId}`)
      .expand(`fields($select=${select})`)
      .get()
      .catch(() => null)) as { lastModifiedDateTime?: string; fields?: Record<string, unknown> } | null;
    const text = (value: unknown): string | null =>
      typeof value === 'string' && value !== '' ? value : null;
    return {
      changedBy: text(current?.fields?.[columns.by]),
      changedAt: text(columns.at ? current?.fields?.[columns.at] : current?.lastModifiedDateTime),
    };
  }

  /**
   * Where a list's delta starts: `latest` lists nothing and links to the changes after now; without a
   * token, every item is listed (2 RU rather than 1) with a link to the changes after them.
   */
  deltaUrl(list: ListSchema, token: 'latest' | null): string {
    return `${this.itemsUrl(list)}/delta${token === null ? '' : `?token=${token}`}`;
  }

  /**
   * Each list's changes since its link (a deltaLink, or latestUrl), all in one round trip, every page
   * followed. Throws DeltaExpiredError if SharePoint no longer knows a token.
   */
  async changes<K extends string>(
    links: Readonly<Record<K, { list: ListSchema; link: string }>>,
  ): Promise<Record<K, ListChanges>> {
    const names = Object.keys(links) as K[];
    const urls = Object.fromEntries(names.map((n) => [n, withFields(graphPathOf(links[n].link))])) as Record<
      K,
      string
    >;
    const raw = await readPages(this.client, urls, `changes to ${names.join(', ')}`, this.batchOptions);
    return Object.fromEntries(
      names.map((n) => {
        const items: StoredItem[] = [];
        const deleted: string[] = [];
        for (const value of raw[n].values) {
          const entry = value as { id?: unknown; deleted?: unknown };
          if (entry.deleted !== undefined && entry.deleted !== null) {
            if (typeof entry.id === 'string') deleted.push(entry.id);
          } else items.push(readItem(links[n].list, value));
        }
        const deltaLink = raw[n].deltaLink;
        if (deltaLink === null)
          throw new GraphStoreError(
            `SharePoint gave no deltaLink for ${links[n].list.displayName}`,
            200,
            null,
          );
        const changes: ListChanges = { items, deleted, deltaLink };
        return [n, changes];
      }),
    ) as Record<string, ListChanges> as Record<K, ListChanges>;
  }
}

export interface ChangeColumns {
  /** The column naming who wrote the item last. */
  readonly by: string;
  /** The column saying when; without it, the item's lastModifiedDateTime. */
  readonly at?: string;
}

/** The unique column a list's items are created under: their identity and idempotency key. */
export function keyColumn(list: ListSchema): string {
  const column = list.columns.find((c) => c.unique);
  if (!column) throw new Error(`${list.displayName} has no unique key column`);
  return column.name;
}

/** Delta answers items without their fields unless asked; a link that already asks is kept as it is. */
function withFields(path: string): string {
  if (/[?&]\$?expand=/.test(path)) return path;
  return `${path}${path.includes('?') ? '&' : '?'}$expand=fields`;
}
