/**
 * Each site's hidden "User Information List": person fields hold a row id of this list, not the Entra
 * object id. The emulator keeps one row per directory user in every site, keyed by UserName (the UPN).
 */
import { columnsOf } from './list-store.js';
import type { ListRow } from './list-store.js';
import { foldKey } from './ids.js';
import { allItems, insertItem, updateItem } from './item-store.js';
import { SYSTEM_IDENTITY } from '../http/caller.js';
import type { Store } from './sqlite-store.js';

export interface DirectoryUser {
  readonly id: string;
  readonly displayName: string;
  readonly mail: string;
  readonly userPrincipalName: string;
  readonly jobTitle: string | null;
}

const userInfoLists = (store: Store): ListRow[] =>
  store.all<ListRow>("SELECT * FROM lists WHERE role = 'userInfo'");

function upsertRow(store: Store, list: ListRow, user: DirectoryUser, now: Date): void {
  const fields: Record<string, string> = {
    Title: user.displayName,
    EMail: user.mail,
    UserName: user.userPrincipalName,
  };
  if (user.jobTitle !== null && user.jobTitle !== '') fields['JobTitle'] = user.jobTitle;
  const columns = columnsOf(store, list.id);
  for (const item of allItems(store, list.id)) {
    const name = item.fields['UserName'];
    if (typeof name === 'string' && foldKey(name) === foldKey(user.userPrincipalName)) {
      if (JSON.stringify(item.fields) !== JSON.stringify(fields))
        updateItem(store, columns, item, fields, SYSTEM_IDENTITY, now);
      return;
    }
  }
  insertItem(store, list.id, columns, fields, SYSTEM_IDENTITY, now);
}

export function syncUserIntoSites(store: Store, user: DirectoryUser, now: Date): void {
  for (const list of userInfoLists(store)) upsertRow(store, list, user, now);
}

export function syncUsersIntoList(
  store: Store,
  list: ListRow,
  users: readonly DirectoryUser[],
  now: Date,
): void {
  for (const u of users) upsertRow(store, list, u, now);
}

export function lookupIdExists(store: Store, siteId: string, id: number): boolean {
  return (
    store.get(
      "SELECT 1 FROM items WHERE id = ? AND list_id = (SELECT id FROM lists WHERE site_id = ? AND role = 'userInfo')",
      id,
      siteId,
    ) !== undefined
  );
}
