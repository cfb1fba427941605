/**
 * Creating a site as SharePoint would have it: its hidden User Information List and its document
 * library (with a drive) and each list's built-in columns and content type id.
 */
import { SYSTEM_IDENTITY } from '../http/caller.js';
import { builtInColumns } from './column-model.js';
import type { ListRole } from './column-model.js';
import { allUsers } from './directory-store.js';
import { createDrive } from './drive-store.js';
import type { Env } from '../http/http-types.js';
import { driveIdFor, isoSeconds, newGuid } from './ids.js';
import { getListById, insertColumn, insertList } from './list-store.js';
import type { ListRow } from './list-store.js';
import { findSiteByPath, normalisePath, pathKey, siteWebUrl } from './site-store.js';
import type { SiteRow } from './site-store.js';
import { syncUsersIntoList } from './user-info-list.js';

export const contentTypeIdFor = (role: ListRole, guid: string): string => {
  const suffix = guid.replace(/-/g, '').toUpperCase();
  return role === 'documents'
    ? `0x0101${suffix}`
    : role === 'userInfo'
      ? `0x010A${suffix}`
      : `0x0100${suffix}`;
};

export function createListRow(
  env: Env,
  site: SiteRow,
  spec: {
    displayName: string;
    urlName: string;
    role: ListRole;
    template: string;
    hidden: boolean;
    description?: string;
  },
  createdBy: string,
): ListRow {
  const ts = isoSeconds(env.now());
  const id = newGuid();
  const row: ListRow = {
    id,
    site_id: site.id,
    display_name: spec.displayName,
    url_name: spec.urlName,
    template: spec.template,
    role: spec.role,
    hidden: spec.hidden ? 1 : 0,
    description: spec.description ?? '',
    content_type_id: contentTypeIdFor(spec.role, newGuid()),
    next_item_id: 1,
    created: ts,
    modified: ts,
    created_by: createdBy,
  };
  insertList(env.store, row);
  for (const c of builtInColumns(spec.role)) insertColumn(env.store, id, c);
  return getListById(env.store, id);
}

/**
 * Creates a site with its default document library ("Documents", the drive) and its hidden User
 * Information List, seeded with every directory user. Idempotent on the server-relative path.
 */
export function ensureSite(env: Env, path: string, displayName?: string): SiteRow {
  const normalised = normalisePath(path);
  const existing = findSiteByPath(env.store, env.hostname, normalised);
  if (existing !== undefined) {
    if (displayName !== undefined && displayName !== existing.display_name) {
      env.store.run('UPDATE sites SET display_name = ? WHERE id = ?', displayName, existing.id);
      return { ...existing, display_name: displayName };
    }
    return existing;
  }
  return env.store.tx(() => {
    const ts = isoSeconds(env.now());
    const siteGuid = newGuid();
    const webGuid = newGuid();
    const hostname = env.hostname.toLowerCase();
    const site: SiteRow = {
      id: `${hostname},${siteGuid},${webGuid}`,
      hostname,
      path: normalised,
      display_name: displayName ?? (normalised.split('/').pop() || hostname),
      created: ts,
      modified: ts,
    };
    env.store.run(
      'INSERT INTO sites (id, hostname, path, path_key, display_name, created, modified) VALUES (?,?,?,?,?,?,?)',
      site.id,
      site.hostname,
      site.path,
      pathKey(hostname, normalised),
      site.display_name,
      ts,
      ts,
    );
    const by = JSON.stringify(SYSTEM_IDENTITY);
    const docs = createListRow(
      env,
      site,
      {
        displayName: 'Documents',
        urlName: 'Shared Documents',
        role: 'documents',
        template: 'documentLibrary',
        hidden: false,
      },
      by,
    );
    createDrive(
      env.store,
      driveIdFor(siteGuid, webGuid, docs.id),
      site.id,
      docs.id,
      SYSTEM_IDENTITY,
      env.now(),
    );
    const uil = createListRow(
      env,
      site,
      {
        displayName: 'User Information List',
        urlName: 'users',
        role: 'userInfo',
        template: 'userInformation',
        hidden: true,
      },
      by,
    );
    syncUsersIntoList(env.store, uil, allUsers(env.store), env.now());
    return site;
  });
}

export const siteSummary = (site: SiteRow): { id: string; webUrl: string } => ({
  id: site.id,
  webUrl: siteWebUrl(site),
});
