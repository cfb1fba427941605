/**
 * Site page routes: create, read, list and publish SharePoint pages, with their canvas layout; the pages'
 * own table rows are read and written here.
 */
import { invalidRequest, itemNotFound, nameAlreadyExists, notSupported } from '../http/graph-errors.js';
import { foldKey, isoSeconds, newGuid } from '../storage/ids.js';
import { GRAPH_ROOT, emptyResponse, jsonResponse } from '../http/http-types.js';
import type { Call, EmuResponse } from '../http/http-types.js';
import { identityOf } from '../storage/item-store.js';
import { allowOptions, applySelect, parseExpand, parseSelect } from '../odata/query-options.js';
import { isObject, jsonObject } from '../http/request-body.js';
import { siteWebUrl } from '../storage/site-store.js';
import type { SiteRow } from '../storage/site-store.js';
import { siteOf } from './site-routes.js';

interface PageRow {
  readonly id: string;
  readonly site_id: string;
  readonly name: string;
  readonly body: string;
  readonly level: string;
  readonly version_id: string;
  readonly created: string;
  readonly modified: string;
  readonly created_by: string;
  readonly modified_by: string;
}

const PAGE_TYPE = '#microsoft.graph.sitePage';
/** Graph accepts only the text web part and a fixed set of standard web parts. */
const WEB_PART_TYPES = new Set(['#microsoft.graph.textWebPart', '#microsoft.graph.standardWebPart']);
const SETTABLE = new Set([
  '@odata.type',
  'name',
  'title',
  'pageLayout',
  'canvasLayout',
  'description',
  'titleArea',
  'showComments',
  'showRecommendedPages',
  'promotionKind',
  'thumbnailWebUrl',
]);

function checkCanvas(canvas: unknown): void {
  if (canvas === undefined) return;
  if (!isObject(canvas)) throw invalidRequest('canvasLayout must be an object.');
  const sections = canvas['horizontalSections'] ?? [];
  if (!Array.isArray(sections)) throw invalidRequest('canvasLayout.horizontalSections must be an array.');
  for (const section of sections) {
    const columns = isObject(section) ? (section['columns'] ?? []) : undefined;
    if (!Array.isArray(columns)) throw invalidRequest('Each horizontal section needs a columns array.');
    for (const column of columns) {
      const parts = isObject(column) ? (column['webparts'] ?? []) : undefined;
      if (!Array.isArray(parts)) throw invalidRequest('Each column needs a webparts array.');
      for (const p of parts) {
        const type = isObject(p) ? p['@odata.type'] : undefined;
        if (typeof type !== 'string' || !WEB_PART_TYPES.has(type)) {
          throw invalidRequest(
            `Web part type ${JSON.stringify(type)} is not supported; use a textWebPart or a standardWebPart.`,
          );
        }
      }
    }
  }
  if (canvas['verticalSection'] !== undefined) throw notSupported('A vertical section');
}

function pageJson(site: SiteRow, row: PageRow, withCanvas: boolean): Record<string, unknown> {
  const body = JSON.parse(row.body) as Record<string, unknown>;
  const out: Record<string, unknown> = {
    '@odata.type': PAGE_TYPE,
    id: row.id,
    name: row.name,
    title: typeof body['title'] === 'string' ? body['title'] : row.name.replace(/\.aspx$/i, ''),
    webUrl: `${siteWebUrl(site)}/SitePages/${encodeURIComponent(row.name)}`,
    pageLayout: typeof body['pageLayout'] === 'string' ? body['pageLayout'] : 'article',
    promotionKind: typeof body['promotionKind'] === 'string' ? body['promotionKind'] : 'page',
    showComments: body['showComments'] !== false,
    showRecommendedPages: body['showRecommendedPages'] === true,
    description: typeof body['description'] === 'string' ? body['description'] : '',
    createdDateTime: row.created,
    lastModifiedDateTime: row.modified,
    createdBy: JSON.parse(row.created_by) as unknown,
    lastModifiedBy: JSON.parse(row.modified_by) as unknown,
    parentReference: { siteId: site.id },
    contentType: { id: '0x0101009D1CB255DA76424F860D91F20E6C4118', name: 'Site Page' },
    publishingState: { level: row.level, versionId: row.version_id },
  };
  if (body['titleArea'] !== undefined) out['titleArea'] = body['titleArea'];
  // As in Graph, the canvas comes back only with $expand=canvasLayout; it is stored exactly as posted.
  if (withCanvas) out['canvasLayout'] = body['canvasLayout'] ?? { horizontalSections: [] };
  return out;
}

const pagesContext = (site: SiteRow): string =>
  `${GRAPH_ROOT}/$metadata#sites('${encodeURIComponent(site.id)}')/pages`;

function findPage(call: Call, site: SiteRow): PageRow {
  const row = call.env.store.get<PageRow>(
    'SELECT * FROM pages WHERE site_id = ? AND id = ?',
    site.id,
    (call.params['page'] ?? '').toLowerCase(),
  );
  if (row === undefined) throw itemNotFound('The page could not be found.');
  return row;
}

export function createPage(call: Call): EmuResponse {
  allowOptions(call.query, []);
  const site = siteOf(call);
  const body = jsonObject(call);
  if (body['@odata.type'] !== PAGE_TYPE) {
    throw invalidRequest(`A page must be created with "@odata.type": "${PAGE_TYPE}".`);
  }
  for (const k of Object.keys(body)) if (!SETTABLE.has(k)) throw notSupported(`The page property '${k}'`);
  const name = body['name'];
  if (typeof name !== 'string' || !/^[^\\/:*?"<>|#%]+\.aspx$/i.test(name)) {
    throw invalidRequest(
      "A page needs a 'name' ending in .aspx, without characters SharePoint forbids in file names.",
    );
  }
  checkCanvas(body['canvasLayout']);
  const ts = isoSeconds(call.env.now());
  const by = JSON.stringify(identityOf(call.req.caller));
  const id = newGuid();
  call.env.store.tx(() => {
    if (
      call.env.store.get('SELECT 1 FROM pages WHERE site_id = ? AND name_key = ?', site.id, foldKey(name)) !==
      undefined
    ) {
      throw nameAlreadyExists(`A page named '${name}' already exists.`);
    }
    call.env.store.run(
      'INSERT INTO pages (id, site_id, name, name_key, body, level, version_id, created, modified, created_by, modified_by) VALUES (?,?,?,?,?,?,?,?,?,?,?)',
      id,
      site.id,
      name,
      foldKey(name),
      JSON.stringify(body),
      'checkout',
      '0.1',
      ts,
      ts,
      by,
      by,
    );
  });
  const row = findPage({ ...call, params: { ...call.params, page: id } }, site);
  return jsonResponse(201, {
    '@odata.context': `${pagesContext(site)}/$entity`,
    ...pageJson(site, row, false),
  });
}

export function getPage(call: Call): EmuResponse {
  allowOptions(call.query, ['expand', 'select']);
  const site = siteOf(call);
  const expand = parseExpand(call.query.get('expand'), ['canvasLayout']);
  const withCanvas = expand.some((e) => e.name === 'canvasLayout');
  const out = {
    '@odata.context': `${pagesContext(site)}/$entity`,
    ...pageJson(site, findPage(call, site), withCanvas),
  };
  return jsonResponse(
    200,
    applySelect(out, parseSelect(call.query.get('select')), 'microsoft.graph.sitePage', ['canvasLayout']),
  );
}

export function listPages(call: Call): EmuResponse {
  allowOptions(call.query, ['select']);
  const site = siteOf(call);
  const select = parseSelect(call.query.get('select'));
  const rows = call.env.store.all<PageRow>(
    'SELECT * FROM pages WHERE site_id = ? ORDER BY created, id',
    site.id,
  );
  return jsonResponse(200, {
    '@odata.context': pagesContext(site),
    value: rows.map((r) => applySelect(pageJson(site, r, false), select, 'microsoft.graph.sitePage')),
  });
}

/** Publishing moves the page to the next major version; with page approval off it is live at once. */
export function publishPage(call: Call): EmuResponse {
  allowOptions(call.query, []);
  const site = siteOf(call);
  const row = findPage(call, site);
  const major = Math.floor(Number(row.version_id)) + 1;
  call.env.store.run(
    'UPDATE pages SET level = ?, version_id = ?, modified = ?, modified_by = ? WHERE id = ?',
    'published',
    `${major}.0`,
    isoSeconds(call.env.now()),
    JSON.stringify(identityOf(call.req.caller)),
    row.id,
  );
  return emptyResponse(204);
}
