/**
 * The view an item is rendered with: its site, list and columns, and for library items the file's web URL.
 */
import { fileForListItem, pathSegments } from '../storage/drive-store.js';
import type { DriveItemRow } from '../storage/drive-store.js';
import type { Env } from '../http/http-types.js';
import type { ItemView } from './item-shape.js';
import { columnsOf } from '../storage/list-store.js';
import type { ListRow } from '../storage/list-store.js';
import { siteWebUrl } from '../storage/site-store.js';
import type { SiteRow } from '../storage/site-store.js';
import type { Store } from '../storage/sqlite-store.js';

/** `https://host/sites/Plans/Shared%20Documents/Published/Q3%20policy.docx` */
export function fileWebUrl(store: Store, site: SiteRow, file: DriveItemRow): string {
  const segments = pathSegments(store, file).map(encodeURIComponent);
  return [`${siteWebUrl(site)}/Shared%20Documents`, ...segments].join('/');
}

export function viewFor(env: Env, site: SiteRow, list: ListRow): ItemView {
  const columns = columnsOf(env.store, list.id);
  if (list.role !== 'documents') return { site, list, columns };
  return {
    site,
    list,
    columns,
    fileUrlOf: (item) => {
      const file = fileForListItem(env.store, list.id, item.id);
      return file === undefined ? undefined : fileWebUrl(env.store, site, file);
    },
  };
}
