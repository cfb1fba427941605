/**
 * List item routes: query, read, create, update fields (with If-Match) and delete items of a list.
 */
import { invalidRequest, notSupported } from '../http/graph-errors.js';
import { emptyResponse, jsonResponse } from '../http/http-types.js';
import type { Call, EmuResponse } from '../http/http-types.js';
import { ITEMS_PAGE, PREFER_NON_INDEXED, queryItems } from '../odata/item-query.js';
import { itemsContext, renderFields, renderItem } from './item-shape.js';
import type { ItemView } from './item-shape.js';
import { viewFor } from './item-view.js';
import { createListItem, deleteListItem, requireItem, updateListItemFields } from './item-writes.js';
import type { Item } from '../storage/item-store.js';
import { getList } from '../storage/list-store.js';
import { nextLinkFor } from '../odata/paging.js';
import { allowOptions, applySelect, parseExpand, parseSelect, parseTop } from '../odata/query-options.js';
import { jsonObject } from '../http/request-body.js';
import { siteOf } from './site-routes.js';

function listOf(call: Call): ItemView {
  const site = siteOf(call);
  return viewFor(call.env, site, getList(call.env.store, site.id, call.params['list'] ?? ''));
}

/** Renders listItems honouring `$expand=fields(...)` and a top-level `$select`; options are parsed once. */
export function itemRenderer(call: Call, view: ItemView): (item: Item) => Record<string, unknown> {
  const fields = parseExpand(call.query.get('expand'), ['fields']).find((e) => e.name === 'fields');
  const expandFields =
    fields === undefined ? undefined : fields.select === undefined ? {} : { select: fields.select };
  const select = parseSelect(call.query.get('select'));
  return (item) =>
    applySelect(renderItem(view, item, expandFields), select, 'microsoft.graph.listItem', [
      'fields',
      'fields@odata.context',
    ]);
}

const honoursNonIndexed = (call: Call): boolean =>
  (call.req.headers['prefer'] ?? '')
    .split(',')
    .some((p) => p.trim().toLowerCase() === PREFER_NON_INDEXED.toLowerCase());

export function listItems(call: Call): EmuResponse {
  allowOptions(call.query, ['expand', 'select', 'filter', 'orderby', 'top', 'skiptoken']);
  const view = listOf(call);
  const q = call.query;
  const filter = q.get('filter');
  const orderby = q.get('orderby');
  const skiptoken = q.get('skiptoken');
  const page = queryItems(call.env.store, view, {
    ...(filter === undefined ? {} : { filter }),
    ...(orderby === undefined ? {} : { orderby }),
    ...(skiptoken === undefined ? {} : { skiptoken }),
    top: parseTop(q.get('top'), ITEMS_PAGE),
    honourNonIndexed: honoursNonIndexed(call),
  });
  const body: Record<string, unknown> = {
    '@odata.context': itemsContext(view),
    value: page.items.map(itemRenderer(call, view)),
  };
  if (page.nextToken !== undefined)
    body['@odata.nextLink'] = nextLinkFor(call.req, call.query, page.nextToken);
  return jsonResponse(200, body);
}

export function getOneItem(call: Call): EmuResponse {
  allowOptions(call.query, ['expand', 'select']);
  const view = listOf(call);
  const item = requireItem(call.env, view.list, call.params['item'] ?? '');
  return jsonResponse(200, {
    '@odata.context': `${itemsContext(view)}/$entity`,
    ...itemRenderer(call, view)(item),
  });
}

export function getItemFields(call: Call): EmuResponse {
  allowOptions(call.query, ['select']);
  const view = listOf(call);
  const item = requireItem(call.env, view.list, call.params['item'] ?? '');
  return jsonResponse(200, {
    '@odata.context': `${itemsContext(view)}('${item.id}')/fields/$entity`,
    ...renderFields(view, item, parseSelect(call.query.get('select'))),
  });
}

export function createItem(call: Call): EmuResponse {
  allowOptions(call.query, []);
  const view = listOf(call);
  const body = jsonObject(call);
  for (const k of Object.keys(body)) {
    if (k !== 'fields' && !k.startsWith('@odata.'))
      throw notSupported(`Setting '${k}' when creating a list item`);
  }
  if (body['fields'] === undefined) throw invalidRequest("A list item needs a 'fields' object.");
  const item = createListItem(call.env, view.list, body['fields'], call.req.caller);
  return jsonResponse(201, {
    '@odata.context': `${itemsContext(view)}/$entity`,
    ...renderItem(view, item, {}),
  });
}

export function patchItemFields(call: Call): EmuResponse {
  allowOptions(call.query, []);
  const view = listOf(call);
  const body = jsonObject(call);
  const item = updateListItemFields(
    call.env,
    view.list,
    call.params['item'] ?? '',
    body,
    call.req.headers['if-match'],
    call.req.caller,
  );
  return jsonResponse(200, {
    '@odata.context': `${itemsContext(view)}('${item.id}')/fields/$entity`,
    ...renderFields(view, item),
  });
}

/**
 * `PATCH …/items/{id}` ("update listItem"): `{"fields": {…}}`, If-Match as on `/fields`, 200 with the
 * listItem and its fields, as PnPjs's tests see from SharePoint. Other listItem properties are refused.
 */
export function patchItem(call: Call): EmuResponse {
  allowOptions(call.query, []);
  const view = listOf(call);
  const body = jsonObject(call);
  for (const k of Object.keys(body)) {
    if (k !== 'fields' && !k.startsWith('@odata.'))
      throw notSupported(`Updating the listItem property '${k}' (send {"fields": {…}})`);
  }
  if (body['fields'] === undefined)
    throw invalidRequest("Updating a list item needs a 'fields' object with the column values to set.");
  const item = updateListItemFields(
    call.env,
    view.list,
    call.params['item'] ?? '',
    body['fields'],
    call.req.headers['if-match'],
    call.req.caller,
  );
  return jsonResponse(200, {
    '@odata.context': `${itemsContext(view)}/$entity`,
    ...renderItem(view, item, {}),
  });
}

export function deleteOneItem(call: Call): EmuResponse {
  allowOptions(call.query, []);
  const view = listOf(call);
  deleteListItem(call.env, view.list, call.params['item'] ?? '', call.req.headers['if-match']);
  return emptyResponse(204);
}
