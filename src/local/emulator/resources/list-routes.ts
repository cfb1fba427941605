/**
 * List routes: a site's lists (read, create) and their columns (read, add, update).
 */
import { dropUniqueIndex, identityOf, indexUniqueColumn } from '../storage/item-store.js';
import { buildColumn, columnJson, patchColumn } from './column-defs.js';
import type { ColumnDef } from '../storage/column-model.js';
import { foldKey, isoSeconds } from '../storage/ids.js';
import { invalidRequest, itemNotFound, nameAlreadyExists, notSupported } from '../http/graph-errors.js';
import { GRAPH_ROOT, jsonResponse } from '../http/http-types.js';
import type { Call, EmuResponse } from '../http/http-types.js';
import { listWebUrl } from './item-shape.js';
import {
  columnsOf,
  getList,
  insertColumn,
  listsOfSite,
  replaceColumn,
  titleTaken,
  touchList,
} from '../storage/list-store.js';
import type { ListRow } from '../storage/list-store.js';
import { allowOptions, applySelect, parseExpand, parseSelect } from '../odata/query-options.js';
import { isObject, jsonObject } from '../http/request-body.js';
import { createListRow } from '../storage/site-provisioning.js';
import type { SiteRow } from '../storage/site-store.js';
import { siteOf } from './site-routes.js';

export const DUPLICATE_TITLE =
  'A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.';

export function listJson(site: SiteRow, list: ListRow): Record<string, unknown> {
  return {
    createdDateTime: list.created,
    description: list.description,
    id: list.id,
    lastModifiedDateTime: list.modified,
    name: list.url_name,
    webUrl: listWebUrl(site, list),
    displayName: list.display_name,
    createdBy: JSON.parse(list.created_by) as unknown,
    parentReference: { siteId: site.id },
    list: { contentTypesEnabled: false, hidden: list.hidden === 1, template: list.template },
  };
}

const listsContext = (site: SiteRow): string =>
  `${GRAPH_ROOT}/$metadata#sites('${encodeURIComponent(site.id)}')/lists`;

function renderList(call: Call, site: SiteRow, list: ListRow): Record<string, unknown> {
  const expand = parseExpand(call.query.get('expand'), ['columns']);
  const out = listJson(site, list);
  if (expand.some((e) => e.name === 'columns')) {
    out['columns@odata.context'] = `${listsContext(site)}('${list.id}')/columns`;
    out['columns'] = columnsOf(call.env.store, list.id)
      .filter((c) => !c.hidden)
      .map(columnJson);
  }
  return applySelect(out, parseSelect(call.query.get('select')), 'microsoft.graph.list', [
    'columns',
    'columns@odata.context',
  ]);
}

export function getLists(call: Call): EmuResponse {
  allowOptions(call.query, ['select', 'expand']);
  const site = siteOf(call);
  // Whether hidden lists appear here is unverified; the emulator leaves them out (they stay addressable).
  const lists = listsOfSite(call.env.store, site.id).filter((l) => l.hidden === 0);
  return jsonResponse(200, {
    '@odata.context': listsContext(site),
    value: lists.map((l) => renderList(call, site, l)),
  });
}

export function getOneList(call: Call): EmuResponse {
  allowOptions(call.query, ['select', 'expand']);
  const site = siteOf(call);
  const list = getList(call.env.store, site.id, call.params['list'] ?? '');
  return jsonResponse(200, {
    '@odata.context': `${listsContext(site)}/$entity`,
    ...renderList(call, site, list),
  });
}

export function createList(call: Call): EmuResponse {
  allowOptions(call.query, []);
  const site = siteOf(call);
  const body = jsonObject(call);
  if (body['name'] !== undefined) {
    throw invalidRequest(
      "Cannot define a 'name' for a list as it is assigned by the server. Instead, provide 'displayName'",
    );
  }
  const displayName = body['displayName'];
  if (typeof displayName !== 'string' || displayName.trim() === '')
    throw invalidRequest("A list needs a 'displayName'.");
  if (displayName.length > 255) throw invalidRequest('A list title can be at most 255 characters long.');
  const listFacet = body['list'] ?? {};
  if (!isObject(listFacet)) throw invalidRequest("'list' must be an object.");
  const template = listFacet['template'] ?? 'genericList';
  if (template !== 'genericList') throw notSupported(`Creating a list with template '${String(template)}'`);
  const hidden = listFacet['hidden'] ?? false;
  if (typeof hidden !== 'boolean') throw invalidRequest("'list.hidden' must be true or false.");
  const columns = body['columns'] ?? [];
  if (!Array.isArray(columns)) throw invalidRequest("'columns' must be an array.");
  const description = typeof body['description'] === 'string' ? body['description'] : '';
  const created = call.env.store.tx(() => {
    if (titleTaken(call.env.store, site.id, displayName)) throw nameAlreadyExists(DUPLICATE_TITLE);
    const list = createListRow(
      call.env,
      site,
      {
        displayName,
        urlName: displayName.replace(/[\\/:*?"<>|#%]/g, ''),
        role: 'generic',
        template,
        hidden,
        description,
      },
      JSON.stringify(identityOf(call.req.caller)),
    );
    // Reported as ignored by SharePoint in 2021; the emulator honours columns given on create.
    for (const c of columns)
      insertColumn(call.env.store, list.id, buildColumn(c, columnsOf(call.env.store, list.id)));
    return list;
  });
  return jsonResponse(201, { '@odata.context': `${listsContext(site)}/$entity`, ...listJson(site, created) });
}

export function getColumns(call: Call): EmuResponse {
  allowOptions(call.query, ['select']);
  const site = siteOf(call);
  const list = getList(call.env.store, site.id, call.params['list'] ?? '');
  const select = parseSelect(call.query.get('select'));
  const withHidden = select?.includes('hidden') === true;
  const value = columnsOf(call.env.store, list.id)
    .filter((c) => withHidden || !c.hidden)
    .map((c) => applySelect(columnJson(c), select, 'microsoft.graph.columnDefinition'));
  return jsonResponse(200, { '@odata.context': `${listsContext(site)}('${list.id}')/columns`, value });
}

function findColumn(call: Call, list: ListRow): ColumnDef {
  const ref = call.params['column'] ?? '';
  const column = columnsOf(call.env.store, list.id).find(
    (c) => c.id === ref.toLowerCase() || foldKey(c.name) === foldKey(ref),
  );
  if (column === undefined) throw itemNotFound('The column could not be found.');
  return column;
}

export function getOneColumn(call: Call): EmuResponse {
  allowOptions(call.query, ['select']);
  const site = siteOf(call);
  const list = getList(call.env.store, site.id, call.params['list'] ?? '');
  return jsonResponse(
    200,
    applySelect(
      columnJson(findColumn(call, list)),
      parseSelect(call.query.get('select')),
      'microsoft.graph.columnDefinition',
    ),
  );
}

export function createColumn(call: Call): EmuResponse {
  allowOptions(call.query, []);
  const site = siteOf(call);
  const list = getList(call.env.store, site.id, call.params['list'] ?? '');
  if (list.role === 'userInfo') throw notSupported('Adding columns to the User Information List');
  const body = jsonObject(call);
  const def = call.env.store.tx(() => {
    const d = buildColumn(body, columnsOf(call.env.store, list.id));
    insertColumn(call.env.store, list.id, d);
    if (d.enforceUniqueValues) indexUniqueColumn(call.env.store, list.id, d);
    touchList(call.env.store, list.id, isoSeconds(call.env.now()));
    return d;
  });
  return jsonResponse(201, columnJson(def));
}

export function updateColumn(call: Call): EmuResponse {
  allowOptions(call.query, []);
  const site = siteOf(call);
  const list = getList(call.env.store, site.id, call.params['list'] ?? '');
  const body = jsonObject(call);
  const def = call.env.store.tx(() => {
    const current = findColumn(call, list);
    const next = patchColumn(current, body, columnsOf(call.env.store, list.id));
    if (next.enforceUniqueValues && !current.enforceUniqueValues)
      indexUniqueColumn(call.env.store, list.id, next);
    if (!next.enforceUniqueValues && current.enforceUniqueValues)
      dropUniqueIndex(call.env.store, list.id, next);
    replaceColumn(call.env.store, list.id, next);
    return next;
  });
  return jsonResponse(200, columnJson(def));
}
