import { fileForListItem, pathSegments } from './drive-store.js';
import type { DriveItemRow } from './drive-store.js';
import type { Env } from './http/http-types.js';
import type { ItemView } from './item-shape.js';
import { columnsOf } from './list-store.js';
import type { ListRow } from './list-store.js';
import { siteWebUrl } from './site-store.js';
import type { SiteRow } from './site-store.js';
import type { Store } from './sqlite-store.js';

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
