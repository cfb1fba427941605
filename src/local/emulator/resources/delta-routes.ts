/**
 * List item delta (`GET …/lists/{list}/items/delta`), as Graph documents it: without a token, every live
 * item, page by page, ending with an `@odata.deltaLink`; with `token=latest`, no items and a deltaLink;
 * with a token from a deltaLink, the latest state of each item changed since (deleted ones as
 * `{"deleted":{"state":"deleted"}}`), in change order. Every page but the last has an `@odata.nextLink`;
 * both links are `…/items/delta?token=…` on the request's own origin. An expired token gets 410 with a
 * `Location` that starts a fresh enumeration; an edited or foreign one gets 400.
 */
import { GraphProblem, invalidRequest } from '../http/graph-errors.js';
import { GRAPH_ROOT, jsonResponse } from '../http/http-types.js';
import type { Call, EmuResponse } from '../http/http-types.js';
import { ITEMS_PAGE } from '../odata/item-query.js';
import { encodeQueryValue } from '../odata/paging.js';
import { allowOptions, parseTop } from '../odata/query-options.js';
import { signToken, verifyToken } from '../odata/signed-token.js';
import { changesBetween, currentChange, emulatorSecret, forgetOldChanges } from '../storage/change-log.js';
import { getItem } from '../storage/item-store.js';
import { getList } from '../storage/list-store.js';
import { itemRenderer } from './item-routes.js';
import { viewFor } from './item-view.js';
import { siteOf } from './site-routes.js';

const PURPOSE = 'listItem-delta';

/**
 * `full`: enumerating live items after id `after`; `changes`: changes after change number `after`. A round
 * answers up to the change number current when it began (`upTo`, carried in its nextLinks); a deltaLink has
 * no `upTo`, so the next round takes whatever is current then.
 */
interface DeltaState {
  readonly list: string;
  readonly mode: 'full' | 'changes';
  readonly after: number;
  readonly upTo: number;
}

const invalidToken = (): GraphProblem =>
  invalidRequest(
    'The delta token is not valid. Use the @odata.nextLink or @odata.deltaLink exactly as returned.',
  );

function readToken(call: Call, listId: string, token: string, now: number): DeltaState {
  const p = verifyToken(emulatorSecret(call.env.store), PURPOSE, token);
  if (p === undefined) throw invalidToken();
  const { list, mode, after, upTo } = p;
  if (list !== listId) throw invalidRequest('The delta token was issued for another list.');
  if ((mode !== 'full' && mode !== 'changes') || typeof after !== 'number') throw invalidToken();
  if (upTo !== undefined && typeof upTo !== 'number') throw invalidToken();
  return { list, mode, after, upTo: upTo ?? now };
}

export function itemsDelta(call: Call): EmuResponse {
  allowOptions(call.query, ['select', 'expand', 'top']);
  const site = siteOf(call);
  const list = getList(call.env.store, site.id, call.params['list'] ?? '');
  const store = call.env.store;
  const base = `${call.req.origin}/v1.0/sites/${site.id}/lists/${list.id}/items/delta`;
  const forgotten = forgetOldChanges(store, list.id, call.env.now());
  const token = call.query.get('token');
  const now = currentChange(store, list.id);
  let state: DeltaState;
  if (token === undefined) state = { list: list.id, mode: 'full', after: 0, upTo: now };
  else if (token === 'latest') state = { list: list.id, mode: 'changes', after: now, upTo: now };
  else state = readToken(call, list.id, token, now);
  if (state.mode === 'changes' && state.after < forgotten) {
    throw new GraphProblem(
      410,
      'resyncRequired',
      'The delta token has expired: changes since it are no longer kept. Start again from the Location given (a full enumeration) and replace the items held locally with what it returns, deletions included.',
      { Location: base },
      'resyncChangesApplyDifferences',
    );
  }

  // Links repeat $select/$expand/$top, as Graph's do, and carry the state in `token`.
  const kept = call.query.params
    .filter((p) => p.name !== 'token')
    .map((p) => `${encodeQueryValue(p.key)}=${encodeQueryValue(p.value)}`);
  const link = (next: Omit<DeltaState, 'upTo'> & { upTo?: number }): string =>
    `${base}?${[...kept, `token=${signToken(emulatorSecret(store), PURPOSE, { ...next })}`].join('&')}`;

  const top = parseTop(call.query.get('top'), ITEMS_PAGE);
  const view = viewFor(call.env, site, list);
  const render = itemRenderer(call, view);
  const value: Record<string, unknown>[] = [];
  let more = false;
  let last = state.after;
  if (state.mode === 'full') {
    const rows = store.all<{ id: number }>(
      'SELECT id FROM items WHERE list_id = ? AND id > ? ORDER BY id LIMIT ?',
      list.id,
      state.after,
      top + 1,
    );
    more = rows.length > top;
    for (const { id } of rows.slice(0, top)) {
      const item = getItem(store, list.id, id);
      if (item !== undefined) value.push(render(item));
      last = id;
    }
  } else if (state.after < state.upTo) {
    const changes = changesBetween(store, list.id, state.after, state.upTo, top + 1);
    more = changes.length > top;
    for (const change of changes.slice(0, top)) {
      last = change.seq;
      const item = change.kind === 'item' ? getItem(store, list.id, change.id) : undefined;
      value.push(
        item !== undefined
          ? render(item)
          : {
              id: String(change.id),
              parentReference: { id: list.id, siteId: site.id },
              deleted: { state: 'deleted' },
            },
      );
    }
  }
  const body: Record<string, unknown> = {
    '@odata.context': `${GRAPH_ROOT}/$metadata#Collection(listItem)`,
    value,
  };
  if (more) body['@odata.nextLink'] = link({ ...state, after: last });
  else body['@odata.deltaLink'] = link({ list: list.id, mode: 'changes', after: state.upTo });
  return jsonResponse(200, body);
}

/** Resource units: a delta with a token costs 1 although it is a multi-item query; without one, 2. */
export const deltaCost = (query: { get(name: string): string | undefined }): 1 | 2 =>
  query.get('token') === undefined ? 2 : 1;
