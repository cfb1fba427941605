/**
 * Drives and driveItems as stored rows: folders, files and their versions, path resolution, free names,
 * and keeping a file in step with its list item in the document library.
 */
import { invalidRequest, itemNotFound } from '../http/graph-errors.js';
import { foldKey, isoSeconds, newDriveItemId, newGuid } from './ids.js';
import { columnsOf } from './list-store.js';
import { getItem, insertItem, updateItem } from './item-store.js';
import type { Identity, Item } from './item-store.js';
import { mimeTypeFor } from './mime-types.js';
import type { Store } from './sqlite-store.js';

export interface DriveRow {
  readonly id: string;
  readonly site_id: string;
  readonly list_id: string;
  readonly root_id: string;
  readonly created: string;
}

export interface DriveItemRow {
  readonly id: string;
  readonly drive_id: string;
  readonly parent_id: string | null;
  readonly name: string;
  readonly is_folder: number;
  readonly list_item_id: number | null;
  readonly guid: string;
  readonly version: number;
  readonly size: number;
  readonly mime: string | null;
  readonly created: string;
  readonly modified: string;
  readonly created_by: string;
  readonly modified_by: string;
}

const ITEM_COLUMNS =
  'id, drive_id, parent_id, name, is_folder, list_item_id, guid, version, size, mime, created, modified, created_by, modified_by';

export const driveItemNotFound = (): Error => itemNotFound('The resource could not be found.');

export function createDrive(
  store: Store,
  driveId: string,
  siteId: string,
  listId: string,
  by: Identity,
  now: Date,
): void {
  const ts = isoSeconds(now);
  const rootId = newDriveItemId();
  store.run(
    'INSERT INTO drives (id, site_id, list_id, root_id, created) VALUES (?,?,?,?,?)',
    driveId,
    siteId,
    listId,
    rootId,
    ts,
  );
  store.run(
    `INSERT INTO drive_items (${ITEM_COLUMNS}, name_key) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    rootId,
    driveId,
    null,
    'root',
    1,
    null,
    newGuid().toUpperCase(),
    1,
    0,
    null,
    ts,
    ts,
    JSON.stringify(by),
    JSON.stringify(by),
    'root',
  );
}

export function driveOfSite(store: Store, siteId: string): DriveRow | undefined {
  return store.get<DriveRow>(
    'SELECT id, site_id, list_id, root_id, created FROM drives WHERE site_id = ?',
    siteId,
  );
}

export function getDrive(store: Store, driveId: string): DriveRow {
  const d = store.get<DriveRow>(
    'SELECT id, site_id, list_id, root_id, created FROM drives WHERE id = ?',
    driveId,
  );
  if (d === undefined) throw itemNotFound('The drive could not be found.');
  return d;
}

export function findDriveItem(store: Store, drive: DriveRow, id: string): DriveItemRow | undefined {
  const realId = id.toLowerCase() === 'root' ? drive.root_id : id;
  return store.get<DriveItemRow>(
    `SELECT ${ITEM_COLUMNS} FROM drive_items WHERE drive_id = ? AND id = ?`,
    drive.id,
    realId,
  );
}

export function getDriveItem(store: Store, drive: DriveRow, id: string): DriveItemRow {
  const item = findDriveItem(store, drive, id);
  if (item === undefined) throw driveItemNotFound();
  return item;
}

export function childByName(store: Store, parent: DriveItemRow, name: string): DriveItemRow | undefined {
  return store.get<DriveItemRow>(
    `SELECT ${ITEM_COLUMNS} FROM drive_items WHERE drive_id = ? AND parent_id = ? AND name_key = ?`,
    parent.drive_id,
    parent.id,
    foldKey(name),
  );
}

export function childCount(store: Store, folder: DriveItemRow): number {
  return (
    store.get<{ n: number }>('SELECT COUNT(*) AS n FROM drive_items WHERE parent_id = ?', folder.id)?.n ?? 0
  );
}

export function parentOf(store: Store, item: DriveItemRow): DriveItemRow | undefined {
  if (item.parent_id === null) return undefined;
  return store.get<DriveItemRow>(`SELECT ${ITEM_COLUMNS} FROM drive_items WHERE id = ?`, item.parent_id);
}

/** Names from the root down to the item (empty for the root). */
export function pathSegments(store: Store, item: DriveItemRow): string[] {
  const out: string[] = [];
  let cur: DriveItemRow | undefined = item;
  while (cur !== undefined && cur.parent_id !== null) {
    out.unshift(cur.name);
    cur = parentOf(store, cur);
  }
  return out;
}

const INVALID_NAME = /["*:<>?/\\|#%]/;

/** SharePoint's naming rules for files and folders. */
export function splitDrivePath(path: string): string[] {
  const segments = path.split('/').filter((s) => s !== '');
  for (const s of segments) {
    if (
      INVALID_NAME.test(s) ||
      s !== s.trim() ||
      s === '.' ||
      s === '..' ||
      s.endsWith('.') ||
      s.length > 255
    ) {
      throw invalidRequest(
        `The name '${s}' contains characters or a form SharePoint does not allow in file or folder names.`,
      );
    }
  }
  return segments;
}

export function resolvePath(
  store: Store,
  from: DriveItemRow,
  segments: readonly string[],
): DriveItemRow | undefined {
  let cur: DriveItemRow | undefined = from;
  for (const s of segments) {
    if (cur === undefined || cur.is_folder !== 1) return undefined;
    cur = childByName(store, cur, s);
  }
  return cur;
}

export function content(store: Store, item: DriveItemRow): Buffer {
  return (
    store.get<{ content: Buffer | null }>('SELECT content FROM drive_items WHERE id = ?', item.id)?.content ??
    Buffer.alloc(0)
  );
}

function libraryFields(name: string, size: number, folder: boolean): Record<string, string> {
  return folder
    ? { FileLeafRef: name, ContentType: 'Folder' }
    : { FileLeafRef: name, FileSizeDisplay: String(size), ContentType: 'Document' };
}

function insertDriveItem(
  store: Store,
  drive: DriveRow,
  parent: DriveItemRow,
  name: string,
  bytes: Buffer | undefined,
  by: Identity,
  now: Date,
): DriveItemRow {
  const folder = bytes === undefined;
  const size = bytes?.length ?? 0;
  const guid = newGuid();
  const listItem = insertItem(
    store,
    drive.list_id,
    columnsOf(store, drive.list_id),
    libraryFields(name, size, folder),
    by,
    now,
    guid,
  );
  const ts = isoSeconds(now);
  const id = newDriveItemId();
  store.run(
    `INSERT INTO drive_items (${ITEM_COLUMNS}, name_key, content) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    id,
    drive.id,
    parent.id,
    name,
    folder ? 1 : 0,
    listItem.id,
    guid.toUpperCase(),
    1,
    size,
    folder ? null : mimeTypeFor(name),
    ts,
    ts,
    JSON.stringify(by),
    JSON.stringify(by),
    foldKey(name),
    bytes ?? null,
  );
  if (!folder) recordVersion(store, id, 1, size, ts, by, bytes);
  return getDriveItem(store, drive, id);
}

function recordVersion(
  store: Store,
  id: string,
  version: number,
  size: number,
  ts: string,
  by: Identity,
  bytes: Buffer | null | undefined,
): void {
  store.run(
    'INSERT OR REPLACE INTO drive_item_versions (item_id, version, size, modified, modified_by, content) VALUES (?,?,?,?,?,?)',
    id,
    version,
    size,
    ts,
    JSON.stringify(by),
    bytes ?? null,
  );
}

export const createFolder = (
  store: Store,
  drive: DriveRow,
  parent: DriveItemRow,
  name: string,
  by: Identity,
  now: Date,
): DriveItemRow => insertDriveItem(store, drive, parent, name, undefined, by, now);

export const createFile = (
  store: Store,
  drive: DriveRow,
  parent: DriveItemRow,
  name: string,
  bytes: Buffer,
  by: Identity,
  now: Date,
): DriveItemRow => insertDriveItem(store, drive, parent, name, bytes, by, now);

function libraryItemOf(store: Store, drive: DriveRow, file: DriveItemRow): Item {
  const item = file.list_item_id === null ? undefined : getItem(store, drive.list_id, file.list_item_id);
  if (item === undefined) throw driveItemNotFound();
  return item;
}

/** New content is a new version of the file and a write to its list item; both eTags move together. */
export function replaceContent(
  store: Store,
  drive: DriveRow,
  file: DriveItemRow,
  bytes: Buffer,
  by: Identity,
  now: Date,
): DriveItemRow {
  const item = libraryItemOf(store, drive, file);
  const updated = updateItem(
    store,
    columnsOf(store, drive.list_id),
    item,
    { ...item.fields, FileSizeDisplay: String(bytes.length) },
    by,
    now,
  );
  store.run(
    'UPDATE drive_items SET version = ?, size = ?, content = ?, modified = ?, modified_by = ? WHERE id = ?',
    updated.version,
    bytes.length,
    bytes,
    updated.modified,
    JSON.stringify(by),
    file.id,
  );
  recordVersion(store, file.id, updated.version, bytes.length, updated.modified, by, bytes);
  return getDriveItem(store, drive, file.id);
}

/** After a library item's fields change, the file gets the same version and a version-history entry. */
export function syncFileWithListItem(store: Store, listId: string, item: Item): void {
  const file = store.get<DriveItemRow>(
    `SELECT ${ITEM_COLUMNS} FROM drive_items WHERE list_item_id = ? AND drive_id = (SELECT id FROM drives WHERE list_id = ?)`,
    item.id,
    listId,
  );
  if (file === undefined) return;
  store.run(
    'UPDATE drive_items SET version = ?, modified = ?, modified_by = ? WHERE id = ?',
    item.version,
    item.modified,
    JSON.stringify(item.modifiedBy),
    file.id,
  );
  if (file.is_folder === 0)
    recordVersion(
      store,
      file.id,
      item.version,
      file.size,
      item.modified,
      item.modifiedBy,
      content(store, file),
    );
}

export function fileForListItem(store: Store, listId: string, listItemId: number): DriveItemRow | undefined {
  return store.get<DriveItemRow>(
    `SELECT ${ITEM_COLUMNS} FROM drive_items WHERE list_item_id = ? AND drive_id = (SELECT id FROM drives WHERE list_id = ?)`,
    listItemId,
    listId,
  );
}

export interface VersionRow {
  readonly version: number;
  readonly size: number;
  readonly modified: string;
  readonly modified_by: string;
}

export function versionsOf(store: Store, file: DriveItemRow): VersionRow[] {
  return store.all<VersionRow>(
    'SELECT version, size, modified, modified_by FROM drive_item_versions WHERE item_id = ? ORDER BY version DESC',
    file.id,
  );
}

/** `report.docx` → `report 1.docx`, `report 2.docx`, … as SharePoint renames on conflict. */
export function freeName(store: Store, parent: DriveItemRow, name: string): string {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  for (let n = 1; ; n++) {
    const candidate = `${stem} ${n}${ext}`;
    if (childByName(store, parent, candidate) === undefined) return candidate;
  }
}
