/**
 * Drive routes: the site's document library as a drive; driveItem metadata, download, upload (PUT
 * content with conflict behaviour), versions, and the list item behind a file.
 */
import { GraphProblem, invalidRequest, nameAlreadyExists } from '../http/graph-errors.js';
import {
  childByName,
  childCount,
  createFile,
  createFolder,
  driveItemNotFound,
  driveOfSite,
  freeName,
  getDrive,
  getDriveItem,
  parentOf,
  pathSegments,
  replaceContent,
  resolvePath,
  splitDrivePath,
  versionsOf,
} from '../storage/drive-store.js';
import type { DriveItemRow, DriveRow } from '../storage/drive-store.js';
import { GRAPH_ROOT, jsonResponse } from '../http/http-types.js';
import type { Call, EmuResponse } from '../http/http-types.js';
import { renderFields } from './item-shape.js';
import { identityOf } from '../storage/item-store.js';
import { fileWebUrl, viewFor } from './item-view.js';
import { checkIfMatch, requireItem, updateListItemFields } from './item-writes.js';
import { itemRenderer } from './item-routes.js';
import { getListById } from '../storage/list-store.js';
import { allowOptions, applySelect, parseSelect } from '../odata/query-options.js';
import { jsonObject } from '../http/request-body.js';
import { siteWebUrl, resolveSiteRef } from '../storage/site-store.js';
import type { SiteRow } from '../storage/site-store.js';
import { siteOf } from './site-routes.js';
import { downloadUrlFor } from './download-routes.js';

const DOWNLOAD_URL = '@microsoft.graph.downloadUrl';

interface DriveCtx {
  readonly site: SiteRow;
  readonly drive: DriveRow;
}

/** Routes exist both as `/drives/{drive}/…` and `/sites/{site}/drive/…`. */
function driveCtx(call: Call): DriveCtx {
  const driveId = call.params['drive'];
  if (driveId !== undefined) {
    const drive = getDrive(call.env.store, driveId);
    return { drive, site: resolveSiteRef(call.env.store, drive.site_id, call.env.hostname) };
  }
  const site = siteOf(call);
  const drive = driveOfSite(call.env.store, site.id);
  if (drive === undefined) throw driveItemNotFound();
  return { site, drive };
}

const driveJson = (ctx: DriveCtx): Record<string, unknown> => ({
  createdDateTime: ctx.drive.created,
  description: '',
  id: ctx.drive.id,
  lastModifiedDateTime: ctx.drive.created,
  name: 'Documents',
  webUrl: `${siteWebUrl(ctx.site)}/Shared%20Documents`,
  driveType: 'documentLibrary',
  createdBy: { user: { displayName: 'System Account' } },
});

const etag = (row: DriveItemRow): string => `"{${row.guid}},${row.version}"`;

function folderSize(call: Call, row: DriveItemRow): number {
  return (
    call.env.store.get<{ n: number }>(
      `WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT d.id FROM drive_items d JOIN sub ON d.parent_id = sub.id)
       SELECT COALESCE(SUM(size), 0) AS n FROM drive_items WHERE is_folder = 0 AND id IN (SELECT id FROM sub)`,
      row.id,
    )?.n ?? 0
  );
}

export function driveItemJson(call: Call, ctx: DriveCtx, row: DriveItemRow): Record<string, unknown> {
  const store = call.env.store;
  const isRoot = row.parent_id === null;
  const out: Record<string, unknown> = {
    createdDateTime: row.created,
    eTag: etag(row),
    id: row.id,
    lastModifiedDateTime: row.modified,
    name: row.name,
    webUrl: isRoot ? `${siteWebUrl(ctx.site)}/Shared%20Documents` : fileWebUrl(store, ctx.site, row),
    cTag: `"c:{${row.guid}},${row.version}"`,
    size: row.is_folder === 1 ? folderSize(call, row) : row.size,
    createdBy: JSON.parse(row.created_by) as unknown,
    lastModifiedBy: JSON.parse(row.modified_by) as unknown,
  };
  const parent = parentOf(store, row);
  out['parentReference'] =
    parent === undefined
      ? { driveType: 'documentLibrary', driveId: ctx.drive.id }
      : {
          driveType: 'documentLibrary',
          driveId: ctx.drive.id,
          id: parent.id,
          name: parent.parent_id === null ? 'Shared Documents' : parent.name,
          path: ['/drives/' + ctx.drive.id + '/root:', ...pathSegments(store, parent)].join('/'),
          siteId: ctx.site.id,
        };
  out['fileSystemInfo'] = { createdDateTime: row.created, lastModifiedDateTime: row.modified };
  if (row.is_folder === 1) out['folder'] = { childCount: childCount(store, row) };
  else {
    out['file'] = { mimeType: row.mime ?? 'application/octet-stream' };
    out[DOWNLOAD_URL] = downloadUrlFor(call.env, call.req.origin, ctx.drive, row, call.req.caller.appId);
  }
  if (isRoot) out['root'] = {};
  return out;
}

const itemContext = (ctx: DriveCtx): string =>
  `${GRAPH_ROOT}/$metadata#drives('${ctx.drive.id}')/items/$entity`;

function targetItem(call: Call, ctx: DriveCtx): DriveItemRow {
  const base = getDriveItem(call.env.store, ctx.drive, call.params['item'] ?? 'root');
  const path = call.params['path'];
  if (path === undefined) return base;
  const found = resolvePath(call.env.store, base, splitDrivePath(path));
  if (found === undefined) throw driveItemNotFound();
  return found;
}

export function getDriveJson(call: Call): EmuResponse {
  allowOptions(call.query, ['select']);
  const ctx = driveCtx(call);
  const body = { '@odata.context': `${GRAPH_ROOT}/$metadata#drives/$entity`, ...driveJson(ctx) };
  return jsonResponse(200, applySelect(body, parseSelect(call.query.get('select')), 'microsoft.graph.drive'));
}

export function getDrives(call: Call): EmuResponse {
  allowOptions(call.query, ['select']);
  const ctx = driveCtx(call);
  const select = parseSelect(call.query.get('select'));
  return jsonResponse(200, {
    '@odata.context': `${GRAPH_ROOT}/$metadata#drives`,
    value: [applySelect(driveJson(ctx), select, 'microsoft.graph.drive')],
  });
}

export function getItemMetadata(call: Call): EmuResponse {
  allowOptions(call.query, ['select']);
  const ctx = driveCtx(call);
  const row = targetItem(call, ctx);
  const body: Record<string, unknown> = {
    '@odata.context': itemContext(ctx),
    ...driveItemJson(call, ctx, row),
  };
  // The annotation is returned by default, and with $select only when named; a folder has none to name.
  const select = parseSelect(call.query.get('select'))?.filter(
    (n) => n !== DOWNLOAD_URL || DOWNLOAD_URL in body,
  );
  return jsonResponse(200, applySelect(body, select, 'microsoft.graph.driveItem'));
}

export function downloadContent(call: Call): EmuResponse {
  allowOptions(call.query, ['format']);
  const format = call.query.get('format');
  if (format !== undefined) {
    throw new GraphProblem(
      400,
      'notSupported',
      `Converting a file with format=${format} is not supported by the emulator.`,
    );
  }
  const ctx = driveCtx(call);
  const row = targetItem(call, ctx);
  if (row.is_folder === 1) throw invalidRequest('A folder has no content to download.');
  // 302 Found to a pre-authenticated download URL [D driveitem-get-content].
  return {
    kind: 'empty',
    status: 302,
    headers: { Location: downloadUrlFor(call.env, call.req.origin, ctx.drive, row, call.req.caller.appId) },
  };
}

type Conflict = 'fail' | 'replace' | 'rename';

function conflictBehaviour(call: Call): Conflict {
  const v = call.query.get('@microsoft.graph.conflictbehavior') ?? 'replace';
  if (v !== 'fail' && v !== 'replace' && v !== 'rename') {
    throw invalidRequest(`Invalid @microsoft.graph.conflictBehavior '${v}': use fail, replace or rename.`);
  }
  return v;
}

/** PUT …:/{path}:/content creates missing folders; 201 for a new file, 200 when content was replaced. */
export function uploadContent(call: Call): EmuResponse {
  allowOptions(call.query, []);
  const ctx = driveCtx(call);
  const store = call.env.store;
  const by = identityOf(call.req.caller);
  const ifMatch = call.req.headers['if-match'];
  const result = store.tx((): { row: DriveItemRow; created: boolean } => {
    if (call.params['path'] === undefined) {
      const existing = getDriveItem(store, ctx.drive, call.params['item'] ?? '');
      if (existing.is_folder === 1) throw invalidRequest('Cannot upload content to a folder.');
      checkIfMatch(ifMatch, etag(existing));
      return {
        row: replaceContent(store, ctx.drive, existing, call.req.body, by, call.env.now()),
        created: false,
      };
    }
    const conflict = conflictBehaviour(call);
    const segments = splitDrivePath(call.params['path']);
    const name = segments.pop();
    if (name === undefined) throw invalidRequest('The upload path must name a file.');
    let folder = getDriveItem(store, ctx.drive, call.params['item'] ?? 'root');
    for (const s of segments) {
      const child = childByName(store, folder, s);
      if (child !== undefined && child.is_folder === 0)
        throw nameAlreadyExists(`A file named '${s}' is in the way of the folder path.`);
      folder = child ?? createFolder(store, ctx.drive, folder, s, by, call.env.now());
    }
    const existing = childByName(store, folder, name);
    if (ifMatch !== undefined && ifMatch.trim() !== '*') {
      if (existing === undefined)
        throw new GraphProblem(412, 'resourceModified', "ETag does not match current item's value");
      checkIfMatch(ifMatch, etag(existing));
    }
    if (existing === undefined)
      return {
        row: createFile(store, ctx.drive, folder, name, call.req.body, by, call.env.now()),
        created: true,
      };
    if (existing.is_folder === 1) throw nameAlreadyExists(`A folder named '${name}' already exists.`);
    if (conflict === 'fail') throw nameAlreadyExists(`The specified item name already exists. Name: ${name}`);
    if (conflict === 'rename') {
      return {
        row: createFile(
          store,
          ctx.drive,
          folder,
          freeName(store, folder, name),
          call.req.body,
          by,
          call.env.now(),
        ),
        created: true,
      };
    }
    return {
      row: replaceContent(store, ctx.drive, existing, call.req.body, by, call.env.now()),
      created: false,
    };
  });
  return jsonResponse(result.created ? 201 : 200, {
    '@odata.context': itemContext(ctx),
    ...driveItemJson(call, ctx, result.row),
  });
}

export function listVersions(call: Call): EmuResponse {
  allowOptions(call.query, []);
  const ctx = driveCtx(call);
  const row = targetItem(call, ctx);
  const value = versionsOf(call.env.store, row).map((v) => ({
    id: `${v.version}.0`,
    lastModifiedDateTime: v.modified,
    size: v.size,
    lastModifiedBy: JSON.parse(v.modified_by) as unknown,
  }));
  return jsonResponse(200, {
    '@odata.context': `${GRAPH_ROOT}/$metadata#drives('${ctx.drive.id}')/items('${row.id}')/versions`,
    value,
  });
}

function libraryItem(call: Call): { ctx: DriveCtx; listItemId: string } {
  const ctx = driveCtx(call);
  const row = targetItem(call, ctx);
  if (row.list_item_id === null) throw driveItemNotFound();
  return { ctx, listItemId: String(row.list_item_id) };
}

export function getListItemOfFile(call: Call): EmuResponse {
  allowOptions(call.query, ['expand', 'select']);
  const { ctx, listItemId } = libraryItem(call);
  const view = viewFor(call.env, ctx.site, getListById(call.env.store, ctx.drive.list_id));
  return jsonResponse(200, itemRenderer(call, view)(requireItem(call.env, view.list, listItemId)));
}

export function getListItemFieldsOfFile(call: Call): EmuResponse {
  allowOptions(call.query, ['select']);
  const { ctx, listItemId } = libraryItem(call);
  const view = viewFor(call.env, ctx.site, getListById(call.env.store, ctx.drive.list_id));
  return jsonResponse(
    200,
    renderFields(view, requireItem(call.env, view.list, listItemId), parseSelect(call.query.get('select'))),
  );
}

export function patchListItemFieldsOfFile(call: Call): EmuResponse {
  allowOptions(call.query, []);
  const { ctx, listItemId } = libraryItem(call);
  const body = jsonObject(call);
  const list = getListById(call.env.store, ctx.drive.list_id);
  const item = updateListItemFields(
    call.env,
    list,
    listItemId,
    body,
    call.req.headers['if-match'],
    call.req.caller,
  );
  return jsonResponse(200, renderFields(viewFor(call.env, ctx.site, list), item));
}
