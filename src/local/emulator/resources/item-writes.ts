/**
 * List item writes shared by the item and drive routes: item id parsing, If-Match checks, create, update
 * and delete that keep a library file and its list item in step.
 */
import { GraphProblem, itemNotFound, notSupported } from '../http/graph-errors.js';
import type { Caller, Env } from '../http/http-types.js';
import { syncFileWithListItem } from '../storage/drive-store.js';
import { applyFieldWrites } from './field-values.js';
import { deleteItem, etagOf, getItem, identityOf, insertItem, updateItem } from '../storage/item-store.js';
import type { Item } from '../storage/item-store.js';
import { columnsOf } from '../storage/list-store.js';
import type { ListRow } from '../storage/list-store.js';
import { lookupIdExists } from '../storage/user-info-list.js';

export function parseItemId(ref: string): number {
  if (/^delta(\(\))?$/i.test(ref)) throw notSupported(`${'That method on items/delta'}`);
  if (!/^\d{1,9}$/.test(ref)) throw itemNotFound('The requested item could not be found.');
  return Number(ref);
}

export function requireItem(env: Env, list: ListRow, ref: string): Item {
  const item = getItem(env.store, list.id, parseItemId(ref));
  if (item === undefined) throw itemNotFound('The requested item could not be found.');
  return item;
}

const bareTag = (s: string): string =>
  s
    .trim()
    .replace(/^W\//, '')
    .replace(/^"(.*)"$/, '$1')
    .toLowerCase();

/** `*` matches anything; no header means an unconditional write; anything else must equal the current eTag. */
export function checkIfMatch(ifMatch: string | undefined, currentEtag: string): void {
  if (ifMatch === undefined || ifMatch.trim() === '*') return;
  if (bareTag(ifMatch) !== bareTag(currentEtag)) {
    throw new GraphProblem(412, 'resourceModified', "ETag does not match current item's value");
  }
}

function refuseSystemList(list: ListRow, action: 'create' | 'update' | 'delete'): void {
  if (list.role === 'userInfo')
    throw notSupported('Writing to the User Information List (seed users with admin.upsertUser)');
  if (list.role === 'documents' && action !== 'update') {
    throw notSupported(
      `${action === 'create' ? 'Creating' : 'Deleting'} document library items through the lists API (use the drive)`,
    );
  }
}

const rulesFor = (env: Env, list: ListRow) => ({
  lookupIdExists: (id: number): boolean => lookupIdExists(env.store, list.site_id, id),
});

export function createListItem(env: Env, list: ListRow, fieldsBody: unknown, caller: Caller): Item {
  refuseSystemList(list, 'create');
  return env.store.tx(() => {
    const columns = columnsOf(env.store, list.id);
    const fields = applyFieldWrites(columns, {}, fieldsBody, rulesFor(env, list), 'create');
    return insertItem(env.store, list.id, columns, fields, identityOf(caller), env.now());
  });
}

/** The eTag check, validation, unique check and write happen in one transaction: a refusal changes nothing. */
export function updateListItemFields(
  env: Env,
  list: ListRow,
  ref: string,
  fieldsBody: unknown,
  ifMatch: string | undefined,
  caller: Caller,
): Item {
  refuseSystemList(list, 'update');
  return env.store.tx(() => {
    const item = requireItem(env, list, ref);
    checkIfMatch(ifMatch, etagOf(item));
    const columns = columnsOf(env.store, list.id);
    const fields = applyFieldWrites(columns, item.fields, fieldsBody, rulesFor(env, list), 'update');
    const updated = updateItem(env.store, columns, item, fields, identityOf(caller), env.now());
    if (list.role === 'documents') syncFileWithListItem(env.store, list.id, updated);
    return updated;
  });
}

export function deleteListItem(env: Env, list: ListRow, ref: string, ifMatch: string | undefined): void {
  refuseSystemList(list, 'delete');
  env.store.tx(() => {
    const item = requireItem(env, list, ref);
    checkIfMatch(ifMatch, etagOf(item));
    deleteItem(env.store, columnsOf(env.store, list.id), item, env.now());
  });
}
