/**
 * Site routes: resolving a site reference (id, hostname:path, root) and rendering a site.
 */
import { GRAPH_ROOT, jsonResponse } from '../http/http-types.js';
import type { Call, EmuResponse } from '../http/http-types.js';
import { allowOptions, applySelect, parseSelect } from '../odata/query-options.js';
import { resolveSiteRef, siteName, siteWebUrl } from '../storage/site-store.js';
import type { SiteRow } from '../storage/site-store.js';

export const siteOf = (call: Call): SiteRow =>
  resolveSiteRef(call.env.store, call.params['site'] ?? '', call.env.hostname);

export function siteJson(site: SiteRow): Record<string, unknown> {
  const out: Record<string, unknown> = {
    createdDateTime: site.created,
    description: '',
    id: site.id,
    lastModifiedDateTime: site.modified,
    name: siteName(site),
    webUrl: siteWebUrl(site),
    displayName: site.display_name,
    siteCollection: { hostname: site.hostname },
  };
  if (site.path === '/') out['root'] = {};
  return out;
}

export function getSite(call: Call): EmuResponse {
  allowOptions(call.query, ['select']);
  const site = siteOf(call);
  const body = { '@odata.context': `${GRAPH_ROOT}/$metadata#sites/$entity`, ...siteJson(site) };
  return jsonResponse(200, applySelect(body, parseSelect(call.query.get('select')), 'microsoft.graph.site'));
}
