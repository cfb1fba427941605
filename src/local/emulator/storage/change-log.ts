/**
 * The change log behind list item delta queries: every create, update or delete of an item takes its
 * list's next change number (kept on the item row, or on a tombstone for a delete). Tombstones older than
 * the retention are dropped; a delta token from before the newest dropped one can no longer be answered.
 */
import { randomBytes } from 'node:crypto';
import type { Store } from './sqlite-store.js';

/** SharePoint keeps its change log for a limited time; Graph does not say how long (60 days here). */
export const CHANGE_RETENTION_DAYS = 60;

/** Takes the list's next change number; call inside the write's transaction. */
export function nextChange(store: Store, listId: string): number {
  store.run('UPDATE lists SET change_seq = change_seq + 1 WHERE id = ?', listId);
  return currentChange(store, listId);
}

export function currentChange(store: Store, listId: string): number {
  return store.get<{ n: number }>('SELECT change_seq AS n FROM lists WHERE id = ?', listId)?.n ?? 0;
}

export function recordTombstone(store: Store, listId: string, itemId: number, seq: number, at: string): void {
  store.run(
    'INSERT OR REPLACE INTO item_tombstones (list_id, item_id, seq, deleted) VALUES (?,?,?,?)',
    listId,
    itemId,
    seq,
    at,
  );
}

/** Drops tombstones older than the retention; returns the newest change number no longer known. */
export function forgetOldChanges(store: Store, listId: string, now: Date): number {
  const cutoff = new Date(now.getTime() - CHANGE_RETENTION_DAYS * 86_400_000).toISOString();
  return store.tx(() => {
    const dropped = store.get<{ n: number | null }>(
      'SELECT MAX(seq) AS n FROM item_tombstones WHERE list_id = ? AND deleted < ?',
      listId,
      cutoff,
    )?.n;
    if (dropped !== null && dropped !== undefined) {
      store.run('DELETE FROM item_tombstones WHERE list_id = ? AND seq <= ?', listId, dropped);
      store.run('UPDATE lists SET forgotten_seq = MAX(forgotten_seq, ?) WHERE id = ?', dropped, listId);
    }
    return store.get<{ n: number }>('SELECT forgotten_seq AS n FROM lists WHERE id = ?', listId)?.n ?? 0;
  });
}

export type Change =
  | { readonly kind: 'item'; readonly id: number; readonly seq: number }
  | { readonly kind: 'deleted'; readonly id: number; readonly seq: number };

/** Live items and tombstones with a change number in (after, upTo], in change order, at most `limit`. */
export function changesBetween(
  store: Store,
  listId: string,
  after: number,
  upTo: number,
  limit: number,
): Change[] {
  return store
    .all<{ kind: 'item' | 'deleted'; id: number; seq: number }>(
      `SELECT kind, id, seq FROM (
         SELECT 'item' AS kind, id, change_seq AS seq FROM items WHERE list_id = ? AND change_seq > ? AND change_seq <= ?
         UNION ALL
         SELECT 'deleted' AS kind, item_id AS id, seq FROM item_tombstones WHERE list_id = ? AND seq > ? AND seq <= ?)
       ORDER BY seq LIMIT ?`,
      listId,
      after,
      upTo,
      listId,
      after,
      upTo,
      limit,
    )
    .map((r) => ({ kind: r.kind, id: r.id, seq: r.seq }));
}

/** The secret that signs delta tokens and download URLs, made once per database. */
export function emulatorSecret(store: Store): Buffer {
  const row = store.get<{ value: string }>("SELECT value FROM meta WHERE key = 'secret'");
  if (row !== undefined) return Buffer.from(row.value, 'base64');
  const secret = randomBytes(32);
  store.run("INSERT OR IGNORE INTO meta (key, value) VALUES ('secret', ?)", secret.toString('base64'));
  return emulatorSecret(store);
}
