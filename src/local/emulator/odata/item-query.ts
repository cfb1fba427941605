/**
 * List item queries: `$filter` and `$orderby` over item fields with SharePoint's indexed-column rule (the
 * Prefer header), `$top` and skip-token paging.
 */
import { fieldNotRecognized, invalidRequest, notSupported } from '../http/graph-errors.js';
import { fieldKeyOf } from '../storage/column-model.js';
import type { ColumnDef } from '../storage/column-model.js';
import { canonicalDateTime } from '../resources/field-values.js';
import { fieldScalar } from '../resources/item-shape.js';
import type { ItemView } from '../resources/item-shape.js';
import { itemsAfter } from '../storage/item-store.js';
import type { Item } from '../storage/item-store.js';
import { bindValues, compareScalars, evaluateFilter, parseFilter, referencedFields } from './filter.js';
import type { FilterExpr, Literal, Scalar } from './filter.js';
import { decodeSkipToken, encodeSkipToken } from './paging.js';
import type { Store } from '../storage/sqlite-store.js';

export const PREFER_NON_INDEXED = 'HonorNonIndexedQueriesWarningMayFailRandomly';

/** Default page and cap for list items. Graph documents neither; 200 is what SharePoint pages at by default. */
export const ITEMS_PAGE = { defaultSize: 200, max: 999, clamp: true } as const;

export interface ItemQuery {
  readonly filter?: string;
  readonly orderby?: string;
  readonly top: number;
  readonly skiptoken?: string;
  readonly honourNonIndexed: boolean;
}

export interface ItemPage {
  readonly items: readonly Item[];
  readonly nextToken?: string;
}

function columnForPath(columns: readonly ColumnDef[], path: string): { column: ColumnDef; name: string } {
  if (!path.startsWith('fields/')) {
    throw notSupported(`Filtering or ordering on '${path}' (use fields/<name>)`);
  }
  const name = path.slice('fields/'.length);
  const column =
    name === 'id' ? columns.find((c) => c.name === 'ID') : columns.find((c) => fieldKeyOf(c) === name);
  if (column === undefined) throw fieldNotRecognized(name);
  return { column, name };
}

function requireIndexed(column: ColumnDef, name: string, honour: boolean): void {
  if (column.indexed || honour) return;
  throw invalidRequest(
    `Field '${name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`,
  );
}

function bindLiteral(column: ColumnDef, name: string, literal: Literal, op: string): Scalar {
  const wrong = (): Error =>
    invalidRequest(
      `The value ${JSON.stringify(literal.value)} cannot be compared with field '${name}' (${column.kind}).`,
    );
  if (literal.type === 'null') throw notSupported(`Comparing field '${name}' with null`);
  if (op === 'startswith' && column.kind !== 'text' && column.kind !== 'choice') {
    throw invalidRequest(`startswith is only supported on text fields; '${name}' is ${column.kind}.`);
  }
  const v = literal.value;
  switch (column.kind) {
    case 'text':
    case 'choice':
      if (literal.type !== 'string') throw wrong();
      return v;
    case 'number':
      if (typeof v === 'number') return v;
      if (column.name === 'ID' && typeof v === 'string' && /^\d+$/.test(v)) return Number(v);
      throw wrong();
    case 'boolean':
      if (typeof v === 'boolean') return v;
      if (v === 0 || v === 1) return v === 1;
      throw wrong();
    case 'dateTime': {
      const iso = typeof v === 'string' ? canonicalDateTime(v) : undefined;
      if (iso === undefined) throw wrong();
      return iso;
    }
    case 'personOrGroup':
      if (typeof v === 'number' && Number.isInteger(v)) return v;
      if (typeof v === 'string' && /^\d+$/.test(v)) return Number(v);
      throw wrong();
  }
}

interface OrderKey {
  readonly column: ColumnDef;
  readonly name: string;
  readonly desc: boolean;
}

function parseOrderBy(columns: readonly ColumnDef[], src: string, honour: boolean): OrderKey[] {
  return src.split(',').map((part) => {
    const m = /^\s*(\S+)(?:\s+(asc|desc))?\s*$/i.exec(part);
    if (m === null || m[1] === undefined) throw invalidRequest(`Invalid $orderby clause: '${part}'.`);
    const { column, name } = columnForPath(columns, m[1]);
    requireIndexed(column, name, honour);
    return { column, name, desc: (m[2] ?? 'asc').toLowerCase() === 'desc' };
  });
}

function compileFilter(columns: readonly ColumnDef[], src: string, honour: boolean): FilterExpr {
  const parsed = parseFilter(src);
  if (!parsed.ok) throw invalidRequest(`Invalid filter clause: ${parsed.message}`);
  const resolved = new Map<string, { column: ColumnDef; name: string }>();
  for (const path of referencedFields(parsed.expr)) {
    const r = columnForPath(columns, path);
    requireIndexed(r.column, r.name, honour);
    resolved.set(path, r);
  }
  return bindValues(parsed.expr, ({ field, literal, op }) => {
    const r = resolved.get(field);
    if (r === undefined) throw fieldNotRecognized(field);
    return bindLiteral(r.column, r.name, literal, op);
  });
}

export function queryItems(store: Store, view: ItemView, q: ItemQuery): ItemPage {
  const columns = view.columns;
  const order = q.orderby === undefined ? [] : parseOrderBy(columns, q.orderby, q.honourNonIndexed);
  const filter = q.filter === undefined ? undefined : compileFilter(columns, q.filter, q.honourNonIndexed);
  const byPath = new Map<string, ColumnDef>();
  if (filter !== undefined)
    for (const p of referencedFields(filter)) byPath.set(p, columnForPath(columns, p).column);
  const matches = (item: Item): boolean =>
    filter === undefined ||
    evaluateFilter(filter, (path) => {
      const c = byPath.get(path);
      return c === undefined ? null : fieldScalar(view, item, c);
    });
  const sortNames = order.map((o) => o.name);
  const cursor = q.skiptoken === undefined ? undefined : decodeSkipToken(q.skiptoken, sortNames, /^\d+$/);

  if (order.length === 0) {
    const page: Item[] = [];
    let more = false;
    for (const item of itemsAfter(store, view.list.id, cursor === undefined ? 0 : Number(cursor.id))) {
      if (!matches(item)) continue;
      if (page.length === q.top) {
        more = true;
        break;
      }
      page.push(item);
    }
    const last = page[page.length - 1];
    return more && last !== undefined
      ? { items: page, nextToken: encodeSkipToken({ id: String(last.id), sortValues: [] }, []) }
      : { items: page };
  }

  const keyOf = (item: Item): Scalar[] => order.map((o) => fieldScalar(view, item, o.column));
  const compareKeys = (a: readonly Scalar[], aId: number, b: readonly Scalar[], bId: number): number => {
    for (let i = 0; i < order.length; i++) {
      const c = compareScalars(a[i] ?? null, b[i] ?? null);
      if (c !== 0) return order[i]?.desc === true ? -c : c;
    }
    return aId - bId;
  };
  const rows: { item: Item; key: Scalar[] }[] = [];
  for (const item of itemsAfter(store, view.list.id, 0))
    if (matches(item)) rows.push({ item, key: keyOf(item) });
  rows.sort((a, b) => compareKeys(a.key, a.item.id, b.key, b.item.id));
  let start = 0;
  if (cursor !== undefined) {
    const cursorId = Number(cursor.id);
    start = rows.findIndex((r) => compareKeys(r.key, r.item.id, cursor.sortValues, cursorId) > 0);
    if (start === -1) start = rows.length;
  }
  const slice = rows.slice(start, start + q.top);
  const last = slice[slice.length - 1];
  const more = start + q.top < rows.length;
  return more && last !== undefined
    ? {
        items: slice.map((r) => r.item),
        nextToken: encodeSkipToken({ id: String(last.item.id), sortValues: last.key }, sortNames),
      }
    : { items: slice.map((r) => r.item) };
}
