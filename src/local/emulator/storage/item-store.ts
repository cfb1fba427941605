/**
 * List items as stored rows: fields, eTag GUID and version, created/modified identity, unique-value index
 * and paging by id.
 */
import { GraphProblem } from '../http/graph-errors.js';
import { foldKey, isoSeconds, newGuid } from './ids.js';
import { fieldKeyOf } from './column-model.js';
import type { ColumnDef } from './column-model.js';
import type { Caller } from '../http/http-types.js';
import { allocateItemId, touchList } from './list-store.js';
import { nextChange, recordTombstone } from './change-log.js';
import type { Store } from './sqlite-store.js';

export type FieldValue = string | number | boolean;
export type Fields = Readonly<Record<string, FieldValue>>;

/** createdBy / lastModifiedBy of an app-only write, as SharePoint records it. */
export interface Identity {
  readonly application: { readonly id: string; readonly displayName: string };
  readonly user: { readonly displayName: string };
}

/** The hidden "SharePoint App" account that app-only writes are attributed to in AuthorLookupId. */
export const APP_USER_LOOKUP_ID = '1073741822';

export const identityOf = (caller: Caller): Identity => ({
  application: { id: caller.appId, displayName: caller.appName },
  user: { displayName: 'SharePoint App' },
});

export interface Item {
  readonly listId: string;
  readonly id: number;
  readonly guid: string;
  readonly version: number;
  readonly created: string;
  readonly modified: string;
  readonly createdBy: Identity;
  readonly modifiedBy: Identity;
  readonly fields: Fields;
}

interface ItemRow {
  readonly list_id: string;
  readonly id: number;
  readonly guid: string;
  readonly version: number;
  readonly created: string;
  readonly modified: string;
  readonly created_by: string;
  readonly modified_by: string;
  readonly fields: string;
}

const ITEM_COLUMNS = 'list_id, id, guid, version, created, modified, created_by, modified_by, fields';

/** The same few callers write every item, so their parsed identities are shared rather than re-parsed per row. */
const identities = new Map<string, Identity>();
function parseIdentity(json: string): Identity {
  let id = identities.get(json);
  if (id === undefined) {
    id = JSON.parse(json) as Identity;
    if (identities.size > 256) identities.clear();
    identities.set(json, id);
  }
  return id;
}

export const parseItem = (row: ItemRow): Item => ({
  listId: row.list_id,
  id: row.id,
  guid: row.guid,
  version: row.version,
  created: row.created,
  modified: row.modified,
  createdBy: parseIdentity(row.created_by),
  modifiedBy: parseIdentity(row.modified_by),
  fields: JSON.parse(row.fields) as Fields,
});

export const etagOf = (item: { guid: string; version: number }): string => `"${item.guid},${item.version}"`;

export function getItem(store: Store, listId: string, id: number): Item | undefined {
  const row = store.get<ItemRow>(
    `SELECT ${ITEM_COLUMNS} FROM items WHERE list_id = ? AND id = ?`,
    listId,
    id,
  );
  return row === undefined ? undefined : parseItem(row);
}

/**
 * Rows in id order after `afterId`; lazily parsed so an unordered page stops reading once it is full.
 * Read-only: SQLite refuses writes while the cursor is open.
 */
export function* itemsAfter(store: Store, listId: string, afterId: number): Generator<Item> {
  for (const row of store.iterate<ItemRow>(
    `SELECT ${ITEM_COLUMNS} FROM items WHERE list_id = ? AND id > ? ORDER BY id`,
    listId,
    afterId,
  )) {
    yield parseItem(row);
  }
}

/** Every item, materialised, for callers that write while walking the list. */
export function allItems(store: Store, listId: string): Item[] {
  return store
    .all<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM items WHERE list_id = ? ORDER BY id`, listId)
    .map(parseItem);
}

/** SharePoint compares unique values without regard to case. */
export function uniqueKeyOf(v: FieldValue): string {
  if (typeof v === 'string') return `s:${foldKey(v)}`;
  return `${typeof v === 'number' ? 'n' : 'b'}:${String(v)}`;
}

function claimUniqueValues(
  store: Store,
  listId: string,
  columns: readonly ColumnDef[],
  itemId: number,
  before: Fields,
  after: Fields,
): void {
  for (const c of columns) {
    if (!c.enforceUniqueValues) continue;
    const key = fieldKeyOf(c);
    const oldV = before[key];
    const newV = after[key];
    const oldKey = oldV === undefined ? undefined : uniqueKeyOf(oldV);
    const newKey = newV === undefined ? undefined : uniqueKeyOf(newV);
    if (oldKey === newKey) continue;
    if (oldKey !== undefined) {
      store.run(
        'DELETE FROM unique_values WHERE list_id = ? AND column_key = ? AND value_key = ? AND item_id = ?',
        listId,
        foldKey(c.name),
        oldKey,
        itemId,
      );
    }
    if (newKey === undefined || newV === undefined) continue;
    const holder = store.get<{ item_id: number }>(
      'SELECT item_id FROM unique_values WHERE list_id = ? AND column_key = ? AND value_key = ?',
      listId,
      foldKey(c.name),
      newKey,
    );
    if (holder !== undefined && holder.item_id !== itemId) {
      throw new GraphProblem(
        409,
        'nameAlreadyExists',
        `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${c.name}]. Duplicate value: '${String(newV)}' (held by item ${holder.item_id}).`,
      );
    }
    store.run(
      'INSERT OR REPLACE INTO unique_values (list_id, column_key, value_key, item_id) VALUES (?,?,?,?)',
      listId,
      foldKey(c.name),
      newKey,
      itemId,
    );
  }
}

/** Rebuilds the unique index of one column, refusing if the list already holds duplicates. */
export function indexUniqueColumn(store: Store, listId: string, column: ColumnDef): void {
  const key = fieldKeyOf(column);
  store.run('DELETE FROM unique_values WHERE list_id = ? AND column_key = ?', listId, foldKey(column.name));
  for (const item of allItems(store, listId)) {
    const v = item.fields[key];
    if (v === undefined) continue;
    const clash = store.get(
      'SELECT 1 FROM unique_values WHERE list_id = ? AND column_key = ? AND value_key = ?',
      listId,
      foldKey(column.name),
      uniqueKeyOf(v),
    );
    if (clash !== undefined) {
      throw new GraphProblem(
        400,
        'invalidRequest',
        `Cannot enforce unique values on column '${column.name}': the list already contains duplicate values ('${String(v)}').`,
      );
    }
    store.run(
      'INSERT INTO unique_values (list_id, column_key, value_key, item_id) VALUES (?,?,?,?)',
      listId,
      foldKey(column.name),
      uniqueKeyOf(v),
      item.id,
    );
  }
}

export function dropUniqueIndex(store: Store, listId: string, column: ColumnDef): void {
  store.run('DELETE FROM unique_values WHERE list_id = ? AND column_key = ?', listId, foldKey(column.name));
}

export function insertItem(
  store: Store,
  listId: string,
  columns: readonly ColumnDef[],
  fields: Fields,
  by: Identity,
  now: Date,
  guid: string = newGuid(),
): Item {
  const id = allocateItemId(store, listId);
  claimUniqueValues(store, listId, columns, id, {}, fields);
  const ts = isoSeconds(now);
  const item: Item = {
    listId,
    id,
    guid,
    version: 1,
    created: ts,
    modified: ts,
    createdBy: by,
    modifiedBy: by,
    fields,
  };
  store.run(
    `INSERT INTO items (${ITEM_COLUMNS}, change_seq) VALUES (?,?,?,?,?,?,?,?,?,?)`,
    listId,
    id,
    guid,
    1,
    ts,
    ts,
    JSON.stringify(by),
    JSON.stringify(by),
    JSON.stringify(fields),
    nextChange(store, listId),
  );
  touchList(store, listId, ts);
  return item;
}

/** Every write raises the eTag version by one. */
export function updateItem(
  store: Store,
  columns: readonly ColumnDef[],
  item: Item,
  fields: Fields,
  by: Identity,
  now: Date,
): Item {
  claimUniqueValues(store, item.listId, columns, item.id, item.fields, fields);
  const ts = isoSeconds(now);
  const updated: Item = { ...item, version: item.version + 1, modified: ts, modifiedBy: by, fields };
  store.run(
    'UPDATE items SET version = ?, modified = ?, modified_by = ?, fields = ?, change_seq = ? WHERE list_id = ? AND id = ?',
    updated.version,
    ts,
    JSON.stringify(by),
    JSON.stringify(fields),
    nextChange(store, item.listId),
    item.listId,
    item.id,
  );
  touchList(store, item.listId, ts);
  return updated;
}

export function deleteItem(store: Store, columns: readonly ColumnDef[], item: Item, now: Date): void {
  claimUniqueValues(store, item.listId, columns, item.id, item.fields, {});
  store.run('DELETE FROM items WHERE list_id = ? AND id = ?', item.listId, item.id);
  recordTombstone(store, item.listId, item.id, nextChange(store, item.listId), now.toISOString());
  touchList(store, item.listId, isoSeconds(now));
}
