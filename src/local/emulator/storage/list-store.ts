/**
 * Lists and their columns as stored rows: lookup by id or title, item id allocation.
 */
import { itemNotFound } from '../http/graph-errors.js';
import { foldKey } from './ids.js';
import type { ColumnDef, ListRole } from './column-model.js';
import type { Store } from './sqlite-store.js';

export interface ListRow {
  readonly id: string;
  readonly site_id: string;
  readonly display_name: string;
  readonly url_name: string;
  readonly template: string;
  readonly role: ListRole;
  readonly hidden: number;
  readonly description: string;
  readonly content_type_id: string;
  readonly next_item_id: number;
  readonly created: string;
  readonly modified: string;
  readonly created_by: string;
}

const LIST_COLUMNS =
  'id, site_id, display_name, url_name, template, role, hidden, description, content_type_id, next_item_id, created, modified, created_by';

export const listNotFound = (): Error => itemNotFound('The specified list was not found');

/** `{list-id}` may be the GUID or the list's title (case-insensitive), as Graph documents. */
export function findList(store: Store, siteId: string, ref: string): ListRow | undefined {
  return (
    store.get<ListRow>(
      `SELECT ${LIST_COLUMNS} FROM lists WHERE site_id = ? AND id = ?`,
      siteId,
      ref.toLowerCase(),
    ) ??
    store.get<ListRow>(
      `SELECT ${LIST_COLUMNS} FROM lists WHERE site_id = ? AND title_key = ?`,
      siteId,
      foldKey(ref),
    )
  );
}

export function getList(store: Store, siteId: string, ref: string): ListRow {
  const list = findList(store, siteId, ref);
  if (list === undefined) throw listNotFound();
  return list;
}

export function getListById(store: Store, listId: string): ListRow {
  const list = store.get<ListRow>(`SELECT ${LIST_COLUMNS} FROM lists WHERE id = ?`, listId);
  if (list === undefined) throw listNotFound();
  return list;
}

export function listsOfSite(store: Store, siteId: string): ListRow[] {
  return store.all<ListRow>(
    `SELECT ${LIST_COLUMNS} FROM lists WHERE site_id = ? ORDER BY created, id`,
    siteId,
  );
}

export function insertList(store: Store, row: ListRow): void {
  store.run(
    `INSERT INTO lists (${LIST_COLUMNS}, title_key) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    row.id,
    row.site_id,
    row.display_name,
    row.url_name,
    row.template,
    row.role,
    row.hidden,
    row.description,
    row.content_type_id,
    row.next_item_id,
    row.created,
    row.modified,
    row.created_by,
    foldKey(row.display_name),
  );
}

export function titleTaken(store: Store, siteId: string, title: string): boolean {
  return (
    store.get('SELECT 1 FROM lists WHERE site_id = ? AND title_key = ?', siteId, foldKey(title)) !== undefined
  );
}

/** Hands out the next item id; SharePoint never reuses an id within a list. */
export function allocateItemId(store: Store, listId: string): number {
  const row = store.get<{ next_item_id: number }>('SELECT next_item_id FROM lists WHERE id = ?', listId);
  if (row === undefined) throw listNotFound();
  store.run('UPDATE lists SET next_item_id = ? WHERE id = ?', row.next_item_id + 1, listId);
  return row.next_item_id;
}

export function touchList(store: Store, listId: string, modified: string): void {
  store.run('UPDATE lists SET modified = ? WHERE id = ?', modified, listId);
}

export function columnsOf(store: Store, listId: string): ColumnDef[] {
  return store
    .all<{ def: string }>('SELECT def FROM columns WHERE list_id = ? ORDER BY ordinal', listId)
    .map((r) => JSON.parse(r.def) as ColumnDef);
}

export function insertColumn(store: Store, listId: string, def: ColumnDef): void {
  const next = store.get<{ n: number }>(
    'SELECT COALESCE(MAX(ordinal), 0) + 1 AS n FROM columns WHERE list_id = ?',
    listId,
  );
  store.run(
    'INSERT INTO columns (list_id, name_key, ordinal, def) VALUES (?,?,?,?)',
    listId,
    foldKey(def.name),
    next?.n ?? 1,
    JSON.stringify(def),
  );
}

export function replaceColumn(store: Store, listId: string, def: ColumnDef): void {
  store.run(
    'UPDATE columns SET def = ? WHERE list_id = ? AND name_key = ?',
    JSON.stringify(def),
    listId,
    foldKey(def.name),
  );
}
