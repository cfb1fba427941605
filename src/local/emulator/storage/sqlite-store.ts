/**
 * The SQLite store: schema (with its version check) and connection. Rows hold what SharePoint persists (ids,
 * eTag GUID and version, timestamps, field values as JSON); JSON shapes are rendered by the feature modules.
 * `unique_values` makes the enforceUniqueValues check an indexed lookup instead of a scan of the list.
 */
import Database from 'better-sqlite3';
import type { Statement } from 'better-sqlite3';
import { APPLICATION_ID, inspectDatabaseFile } from './database-file.js';

const SCHEMA_VERSION = 2;

/** Version 2: change numbers and tombstones for delta queries, and the secret that signs tokens. */
const DELTA_TABLES = `
CREATE INDEX items_changes ON items (list_id, change_seq);
CREATE TABLE item_tombstones (
  list_id TEXT NOT NULL, item_id INTEGER NOT NULL, seq INTEGER NOT NULL, deleted TEXT NOT NULL,
  PRIMARY KEY (list_id, item_id));
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

const MIGRATE_1_TO_2 = `
ALTER TABLE lists ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE lists ADD COLUMN forgotten_seq INTEGER NOT NULL DEFAULT 0;
ALTER TABLE items ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0;
${DELTA_TABLES}`;

const SCHEMA = `
CREATE TABLE sites (
  id TEXT PRIMARY KEY, hostname TEXT NOT NULL, path TEXT NOT NULL, path_key TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL, created TEXT NOT NULL, modified TEXT NOT NULL);
CREATE TABLE lists (
  id TEXT PRIMARY KEY, site_id TEXT NOT NULL, display_name TEXT NOT NULL, title_key TEXT NOT NULL,
  url_name TEXT NOT NULL, template TEXT NOT NULL, role TEXT NOT NULL, hidden INTEGER NOT NULL,
  description TEXT NOT NULL, content_type_id TEXT NOT NULL, next_item_id INTEGER NOT NULL,
  created TEXT NOT NULL, modified TEXT NOT NULL, created_by TEXT NOT NULL,
  change_seq INTEGER NOT NULL DEFAULT 0, forgotten_seq INTEGER NOT NULL DEFAULT 0,
  UNIQUE (site_id, title_key));
CREATE TABLE columns (
  list_id TEXT NOT NULL, name_key TEXT NOT NULL, ordinal INTEGER NOT NULL, def TEXT NOT NULL,
  PRIMARY KEY (list_id, name_key));
CREATE TABLE items (
  list_id TEXT NOT NULL, id INTEGER NOT NULL, guid TEXT NOT NULL, version INTEGER NOT NULL,
  created TEXT NOT NULL, modified TEXT NOT NULL, created_by TEXT NOT NULL, modified_by TEXT NOT NULL,
  fields TEXT NOT NULL, change_seq INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (list_id, id));
${DELTA_TABLES}
CREATE TABLE unique_values (
  list_id TEXT NOT NULL, column_key TEXT NOT NULL, value_key TEXT NOT NULL, item_id INTEGER NOT NULL,
  PRIMARY KEY (list_id, column_key, value_key));
CREATE TABLE drives (
  id TEXT PRIMARY KEY, site_id TEXT NOT NULL UNIQUE, list_id TEXT NOT NULL, root_id TEXT NOT NULL,
  created TEXT NOT NULL);
CREATE TABLE drive_items (
  id TEXT PRIMARY KEY, drive_id TEXT NOT NULL, parent_id TEXT, name TEXT NOT NULL, name_key TEXT NOT NULL,
  is_folder INTEGER NOT NULL, list_item_id INTEGER, guid TEXT NOT NULL, version INTEGER NOT NULL,
  size INTEGER NOT NULL, mime TEXT, content BLOB, created TEXT NOT NULL, modified TEXT NOT NULL,
  created_by TEXT NOT NULL, modified_by TEXT NOT NULL);
CREATE UNIQUE INDEX drive_items_child ON drive_items (drive_id, parent_id, name_key);
CREATE TABLE drive_item_versions (
  item_id TEXT NOT NULL, version INTEGER NOT NULL, size INTEGER NOT NULL, modified TEXT NOT NULL,
  modified_by TEXT NOT NULL, content BLOB, PRIMARY KEY (item_id, version));
CREATE TABLE pages (
  id TEXT PRIMARY KEY, site_id TEXT NOT NULL, name TEXT NOT NULL, name_key TEXT NOT NULL,
  body TEXT NOT NULL, level TEXT NOT NULL, version_id TEXT NOT NULL, created TEXT NOT NULL,
  modified TEXT NOT NULL, created_by TEXT NOT NULL, modified_by TEXT NOT NULL, UNIQUE (site_id, name_key));
CREATE TABLE users (
  id TEXT PRIMARY KEY, display_name TEXT NOT NULL, mail TEXT NOT NULL, upn TEXT NOT NULL,
  job_title TEXT);
CREATE TABLE groups (id TEXT PRIMARY KEY, display_name TEXT NOT NULL, member_ids TEXT NOT NULL);
CREATE TABLE app_install_policy (user_id TEXT PRIMARY KEY, forbidden INTEGER NOT NULL);
CREATE TABLE teams_apps (id TEXT PRIMARY KEY, bot_app_id TEXT NOT NULL, display_name TEXT NOT NULL);
CREATE TABLE installed_apps (
  id TEXT PRIMARY KEY, user_id TEXT NOT NULL, teams_app_id TEXT NOT NULL, created TEXT NOT NULL,
  UNIQUE (user_id, teams_app_id));
`;

const TABLES = [
  'sites',
  'lists',
  'columns',
  'items',
  'item_tombstones',
  'unique_values',
  'drives',
  'drive_items',
  'drive_item_versions',
  'pages',
  'users',
  'groups',
  'app_install_policy',
  'teams_apps',
  'installed_apps',
];

/** The tables of version 1, before delta: a database of that version is upgraded in place. */
const TABLES_OF_VERSION_1 = TABLES.filter((table) => table !== 'item_tombstones');

export class Store {
  private readonly db: Database.Database;
  private readonly cache = new Map<string, Statement>();

  /** True when the store created its database just now: only then is it a new SharePoint. */
  readonly created: boolean;

  constructor(path: string) {
    // Before anything writes to it: only a missing file is new; any other file must be a database of ours.
    this.created =
      path === ':memory:' ||
      inspectDatabaseFile(path, {
        schemaVersion: SCHEMA_VERSION,
        tables: TABLES,
        upgradable: new Map([[1, TABLES_OF_VERSION_1]]),
      }) === 'missing';
    this.db = new Database(path, { fileMustExist: !this.created });
    if (path !== ':memory:') {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
    }
    if (this.created) {
      this.db.exec(SCHEMA);
      this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
    }
    if (!this.created && this.db.pragma('user_version', { simple: true }) === 1) {
      // Data from before delta: its items take change number 0, so a first enumeration still sees them.
      this.db.transaction(() => {
        this.db.exec(MIGRATE_1_TO_2);
        this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
      })();
    }
    if (this.db.pragma('application_id', { simple: true }) !== APPLICATION_ID) {
      this.db.pragma(`application_id = ${APPLICATION_ID}`);
    }
  }

  /** Prepared statements are cached by their SQL text. */
  stmt(sql: string): Statement {
    let s = this.cache.get(sql);
    if (s === undefined) {
      s = this.db.prepare(sql);
      this.cache.set(sql, s);
    }
    return s;
  }

  get<T>(sql: string, ...params: unknown[]): T | undefined {
    return this.stmt(sql).get(...params) as T | undefined;
  }

  all<T>(sql: string, ...params: unknown[]): T[] {
    return this.stmt(sql).all(...params) as T[];
  }

  *iterate<T>(sql: string, ...params: unknown[]): IterableIterator<T> {
    for (const row of this.stmt(sql).iterate(...params)) yield row as T;
  }

  run(sql: string, ...params: unknown[]): { changes: number } {
    return this.stmt(sql).run(...params);
  }

  /** Runs fn atomically; a throw (including a GraphProblem) rolls it back. Nested calls become savepoints. */
  tx<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  wipe(): void {
    this.tx(() => {
      for (const t of TABLES) this.db.exec(`DELETE FROM ${t}`);
    });
  }

  close(): void {
    this.cache.clear();
    this.db.close();
  }
}
