/**
 * Local mode keeps its SharePoint in one SQLite file. Only a missing file is a new SharePoint: an existing
 * file that is not a valid database of ours (empty, truncated, someone else's SQLite) stops the start-up
 * with a message naming the file and `--reset`, and is left exactly as it was. A valid file is opened as it
 * is: the demo plan is never seeded over what a person has there.
 */
import Database from 'better-sqlite3';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PLAN_ID } from '../../src/local/demo/seed.js';
import { startEmulator } from '../../src/local/emulator/index.js';
import { playgroundWorkDir } from '../../src/local/playground.js';
import { compose } from '../../src/server/composition.js';
import { readConfig, type AppConfig } from '../../src/server/config.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function dataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pb-data-'));
  dirs.push(dir);
  return dir;
}

function localConfig(dir: string): AppConfig {
  const base = readConfig({ PB_MODE: 'local', PB_DATA_DIR: dir });
  return { ...base, port: 0, ...(base.mode === 'local' ? { emulatorPort: 0 } : {}) } as AppConfig;
}

const dbFile = (dir: string) => path.join(dir, 'sharepoint.db');

/** A data folder with a real database of ours: the demo plan and a second plan a person made. */
async function populated(): Promise<string> {
  const dir = dataDir();
  const app = await compose(localConfig(dir), { quiet: true });
  try {
    expect(app.demo).toBe('created');
    expect((await app.store.load(DEMO_PLAN_ID)).ok).toBe(true);
  } finally {
    await app.close();
  }
  return dir;
}

async function expectRefused(dir: string, why: RegExp): Promise<void> {
  const before = readFileSync(dbFile(dir));
  const started = compose(localConfig(dir), { quiet: true });
  await expect(started).rejects.toThrow(why);
  await expect(started).rejects.toThrow(dbFile(dir));
  await expect(started).rejects.toThrow(/--reset/);
  await expect(started).rejects.toMatchObject({ code: 'LOCAL_DATA_INVALID' });
  // Nothing was written to it: the file is byte for byte what it was.
  expect(readFileSync(dbFile(dir)).equals(before)).toBe(true);
}

describe('the local database at start-up', () => {
  it('refuses a 0-byte file instead of starting afresh over it', async () => {
    const dir = dataDir();
    writeFileSync(dbFile(dir), '');
    await expectRefused(dir, /is empty \(0 bytes\)/);
    expect(statSync(dbFile(dir)).size).toBe(0);
  });

  it('refuses a truncated database', async () => {
    const dir = await populated();
    truncateSync(dbFile(dir), Math.floor(statSync(dbFile(dir)).size / 2));
    await expectRefused(dir, /damaged|truncated/);
  });

  it('refuses a file cut short inside the SQLite header, and one that is not SQLite at all', async () => {
    const dir = await populated();
    truncateSync(dbFile(dir), 40);
    await expectRefused(dir, /not an SQLite database/);
    writeFileSync(dbFile(dir), 'notes I keep here\n');
    await expectRefused(dir, /not an SQLite database/);
  });

  it('refuses a valid SQLite database of something else, and leaves its tables alone', async () => {
    const dir = dataDir();
    const foreign = new Database(dbFile(dir));
    foreign.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine')");
    foreign.close();
    await expectRefused(dir, /not the SharePoint emulator's/);
    const reopened = new Database(dbFile(dir), { readonly: true });
    expect(reopened.prepare('SELECT body FROM notes').all()).toEqual([{ body: 'mine' }]);
    reopened.close();
  });

  it('treats only a missing file as new: the demo is seeded then, and never over a valid file', async () => {
    // A valid SharePoint of ours, holding the site and the lists but not the demo plan (say it was deleted).
    const dir = dataDir();
    const emulator = await startEmulator({ dbPath: dbFile(dir), hostname: 'demo-borough.sharepoint.com' });
    expect(emulator.createdDatabase).toBe(true);
    emulator.admin.ensureSite('/sites/Plans', 'Plans');
    await emulator.close();
    const kept = await compose(localConfig(dir), { quiet: true });
    try {
      expect(kept.emulator?.createdDatabase).toBe(false);
      expect(kept.demo).toBeNull();
      expect(await kept.store.list()).toEqual([]);
    } finally {
      await kept.close();
    }
    // A missing file is a new SharePoint, seeded once; started again, it is opened as it is.
    const fresh = dataDir();
    const first = await compose(localConfig(fresh), { quiet: true });
    expect(first.demo).toBe('created');
    await first.close();
    const again = await compose(localConfig(fresh), { quiet: true });
    try {
      expect(again.demo).toBe('present');
      expect((await again.store.list()).map((p) => p.id)).toEqual([DEMO_PLAN_ID]);
    } finally {
      await again.close();
    }
  });

  it('accepts a database left by a crash (its last writes still in the WAL file) with its data', async () => {
    const dir = dataDir();
    const running = await compose(localConfig(dir), { quiet: true });
    const crashed = dataDir();
    try {
      // The files as a kill -9 leaves them: the main file, the write-ahead log and its index, mid-run.
      for (const suffix of ['', '-wal', '-shm'])
        if (existsSync(dbFile(dir) + suffix)) copyFileSync(dbFile(dir) + suffix, dbFile(crashed) + suffix);
      expect(existsSync(dbFile(crashed) + '-wal')).toBe(true);
    } finally {
      await running.close();
    }
    const restarted = await compose(localConfig(crashed), { quiet: true });
    try {
      expect(restarted.demo).toBe('present');
      expect((await restarted.store.list()).map((p) => p.id)).toEqual([DEMO_PLAN_ID]);
    } finally {
      await restarted.close();
    }
  });

  it('upgrades a database from before delta queries (schema version 1) in place, keeping its plans', async () => {
    const dir = await populated();
    // Version 1 had no change numbers, no tombstones and no token secret.
    const old = new Database(dbFile(dir));
    old.exec(`DROP INDEX items_changes; DROP TABLE item_tombstones; DROP TABLE meta;
      ALTER TABLE items DROP COLUMN change_seq; ALTER TABLE lists DROP COLUMN change_seq;
      ALTER TABLE lists DROP COLUMN forgotten_seq`);
    old.pragma('user_version = 1');
    old.close();
    const upgraded = await compose(localConfig(dir), { quiet: true });
    try {
      expect(upgraded.demo).toBe('present');
      expect((await upgraded.store.load(DEMO_PLAN_ID)).ok).toBe(true);
    } finally {
      await upgraded.close();
    }
    const reopened = new Database(dbFile(dir), { readonly: true });
    expect(reopened.pragma('user_version', { simple: true })).toBe(2);
    reopened.close();
  });

  it('refuses a database of a schema version it cannot read, naming the version', async () => {
    const dir = await populated();
    const future = new Database(dbFile(dir));
    future.pragma('user_version = 7');
    future.close();
    await expectRefused(dir, /schema version 7/);
  });

  it('keeps the Playground’s working folder inside the data folder', () => {
    expect(playgroundWorkDir('/srv/pb/data-a')).toBe(path.join('/srv/pb/data-a', 'playground'));
    expect(playgroundWorkDir('/srv/pb/data-a')).not.toBe(playgroundWorkDir('/srv/pb/data-b'));
  });
});
