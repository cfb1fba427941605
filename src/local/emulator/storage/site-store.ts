/**
 * Sites as stored rows: lookup by id or by hostname and path, web URLs and names.
 */
import { itemNotFound } from '../http/graph-errors.js';
import { foldKey } from './ids.js';
import type { Store } from './sqlite-store.js';

export interface SiteRow {
  readonly id: string;
  readonly hostname: string;
  readonly path: string;
  readonly display_name: string;
  readonly created: string;
  readonly modified: string;
}

const SITE_COLUMNS = 'id, hostname, path, display_name, created, modified';

export const siteNotFound = (): Error => itemNotFound('Requested site could not be found');

/** `/sites/Plans` → `https://contoso.sharepoint.com/sites/Plans`; the root site has no trailing slash. */
export const siteWebUrl = (site: SiteRow): string =>
  `https://${site.hostname}${site.path === '/' ? '' : site.path.split('/').map(encodeURIComponent).join('/')}`;

export const siteName = (site: SiteRow): string =>
  site.path
    .split('/')
    .filter((s) => s !== '')
    .pop() ?? site.hostname;

export const pathKey = (hostname: string, path: string): string => foldKey(`${hostname}:${path}`);

export function findSiteByPath(store: Store, hostname: string, path: string): SiteRow | undefined {
  return store.get<SiteRow>(
    `SELECT ${SITE_COLUMNS} FROM sites WHERE path_key = ?`,
    pathKey(hostname, normalisePath(path)),
  );
}

export function normalisePath(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/**
 * A `{site-id}` segment may be the composite id (commas raw or already decoded from %2C), `host:/path`
 * (folded by the router from `/sites/host:/path:`), a bare hostname (its root site) or `root`.
 */
/** `root`, the tenant's hostname or `host:/` name the tenant root site, which every tenant has. */
export function namesTenantRoot(ref: string, hostname: string): boolean {
  const key = ref.toLowerCase().replace(/:$/, '');
  return key === 'root' || key === hostname || key === `${hostname}:/` || key === 'root:/';
}

export function resolveSiteRef(store: Store, ref: string, defaultHost: string): SiteRow {
  const key = ref.toLowerCase();
  const colon = ref.indexOf(':/');
  let site: SiteRow | undefined;
  if (colon !== -1) {
    // `host:/path:` arrives whole when a client percent-encoded it as one segment; `root` names the tenant host.
    const host = key.slice(0, colon) === 'root' ? defaultHost : ref.slice(0, colon);
    site = findSiteByPath(store, host, ref.slice(colon + 1).replace(/:$/, ''));
  } else if (key === 'root') site = findSiteByPath(store, defaultHost, '/');
  else if (key.includes(','))
    site = store.get<SiteRow>(`SELECT ${SITE_COLUMNS} FROM sites WHERE id = ?`, key);
  else site = findSiteByPath(store, key, '/');
  if (site === undefined) throw siteNotFound();
  return site;
}
