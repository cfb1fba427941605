/**
 * What is at the emulator's database path before the store writes anything there. Only a missing file is
 * a new SharePoint. An existing file must be a valid database of ours; anything else (empty, cut short,
 * damaged, or another program's SQLite file) is refused with a message naming the file and `--reset`,
 * and is left exactly as it was: a person's plans are never replaced by a fresh, seeded SharePoint.
 */
import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';

/** Stamped in the SQLite header (`PRAGMA application_id`) of every database the emulator creates. */
export const APPLICATION_ID = 0x50424553; // "PBES": Plan Builder emulator store

export class LocalDataError extends Error {
  readonly code = 'LOCAL_DATA_INVALID';
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(
      `The local SharePoint database ${file} ${problem}. Plan Builder did not change it. ` +
        'Move it away to keep it, or start afresh with `npm start -- --reset`, which deletes the local data.',
    );
    this.name = 'LocalDataError';
  }
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const SQLITE_HEADER_BYTES = 100;

function readHeader(file: string): Buffer {
  const header = Buffer.alloc(SQLITE_HEADER_BYTES);
  const fd = openSync(file, 'r');
  try {
    return header.subarray(0, readSync(fd, header, 0, SQLITE_HEADER_BYTES, 0));
  } finally {
    closeSync(fd);
  }
}

export interface Expected {
  readonly schemaVersion: number;
  readonly tables: readonly string[];
  /** Older schema versions the store upgrades in place, each with the tables it had. */
  readonly upgradable?: ReadonlyMap<number, readonly string[]>;
}

/**
 * 'missing' when there is no file (the store creates one), 'ours' for a valid database of ours;
 * throws LocalDataError for anything else. Reads only: the check opens the file read-only.
 */
export function inspectDatabaseFile(file: string, expected: Expected): 'missing' | 'ours' {
  if (!existsSync(file)) return 'missing';
  const stat = statSync(file);
  if (!stat.isFile()) throw new LocalDataError(file, 'is not a file');
  if (stat.size === 0) throw new LocalDataError(file, 'is empty (0 bytes), not a database');
  const header = readHeader(file);
  if (header.length < SQLITE_HEADER_BYTES || !header.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
    throw new LocalDataError(file, 'is not an SQLite database (or is cut short inside its header)');
  }
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new LocalDataError(file, `is damaged or truncated (${String(check)})`);
    const applicationId = db.pragma('application_id', { simple: true });
    const version = db.pragma('user_version', { simple: true });
    const tables = new Set(
      (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map(
        (row) => row.name,
      ),
    );
    const tablesOfVersion =
      version === expected.schemaVersion ? expected.tables : expected.upgradable?.get(Number(version));
    const hasOurTables = (tablesOfVersion ?? expected.tables).every((table) => tables.has(table));
    // Databases made before the application id was stamped are recognised by their schema.
    if (applicationId !== APPLICATION_ID && !(applicationId === 0 && hasOurTables)) {
      throw new LocalDataError(file, "is an SQLite database, but not the SharePoint emulator's");
    }
    if (tablesOfVersion === undefined) {
      throw new LocalDataError(
        file,
        `has schema version ${String(version)}, and this Plan Builder reads version ${expected.schemaVersion}`,
      );
    }
    if (!hasOurTables) throw new LocalDataError(file, 'is missing some of its tables');
    return 'ours';
  } catch (error) {
    if (error instanceof LocalDataError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new LocalDataError(file, `is damaged or truncated (${reason})`);
  } finally {
    db?.close();
  }
}
