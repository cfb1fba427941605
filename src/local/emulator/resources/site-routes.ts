/**
 * Site routes: resolving a site reference (id, hostname:path, root) and rendering a site.
 */
import { GRAPH_ROOT, jsonResponse } from '../http/http-types.js';
import type { Call, EmuResponse } from '../http/http-types.js';
import { allowOptions, applySelect, parseSelect } from '../odata/query-options.js';
import { ensureSite } from '../storage/site-provisioning.js';
import {
  findSiteByPath,
  namesTenantRoot,
  resolveSiteRef,
  siteName,
  siteWebUrl,
} from '../storage/site-store.js';
import type { SiteRow } from '../storage/site-store.js';

/** Real tenants always have a root site; the emulator makes its own the first time one is asked for. */
const TENANT_ROOT_TITLE = 'Communication site';

export function siteOf(call: Call): SiteRow {
  const ref = call.params['site'] ?? '';
  const { env } = call;
  if (namesTenantRoot(ref, env.hostname) && findSiteByPath(env.store, env.hostname, '/') === undefined)
    ensureSite(env, '/', TENANT_ROOT_TITLE);
  return resolveSiteRef(env.store, ref, env.hostname);
}

/** `/`, `/sites/X` and `/teams/X` are site collections: their root webs carry `root` and `siteCollection`. */
const isCollectionRoot = (path: string): boolean => path === '/' || /^\/(sites|teams)\/[^/]+$/i.test(path);

export function siteJson(site: SiteRow): Record<string, unknown> {
  const out: Record<string, unknown> = {
    createdDateTime: site.created,
    description: '',
    id: site.id,
    lastModifiedDateTime: site.modified,
    name: siteName(site),
    webUrl: siteWebUrl(site),
    displayName: site.display_name,
  };
  if (isCollectionRoot(site.path)) {
    out['root'] = {};
    // Only the tenant's root site collection carries siteCollection.root [D resources/sitecollection.md].
    out['siteCollection'] =
      site.path === '/' ? { hostname: site.hostname, root: {} } : { hostname: site.hostname };
  }
  return out;
}

export function getSite(call: Call): EmuResponse {
  allowOptions(call.query, ['select']);
  const site = siteOf(call);
  const body = { '@odata.context': `${GRAPH_ROOT}/$metadata#sites/$entity`, ...siteJson(site) };
  return jsonResponse(200, applySelect(body, parseSelect(call.query.get('select')), 'microsoft.graph.site'));
}
