/**
 * How a list item is rendered: listItem JSON, its fields (honouring `$select`), web URLs, content type
 * and the scalar value of a field for filtering and ordering.
 */
import { fieldNotRecognized, notSupported } from '../http/graph-errors.js';
import { fieldKeyOf } from '../storage/column-model.js';
import type { ColumnDef } from '../storage/column-model.js';
import { GRAPH_ROOT } from '../http/http-types.js';
import { APP_USER_LOOKUP_ID, etagOf } from '../storage/item-store.js';
import type { Item } from '../storage/item-store.js';
import type { ListRow } from '../storage/list-store.js';
import type { Scalar } from '../odata/filter.js';
import { siteWebUrl } from '../storage/site-store.js';
import type { SiteRow } from '../storage/site-store.js';

/** What rendering an item needs besides the row: where it lives and, for library items, its file URL. */
export interface ItemView {
  readonly site: SiteRow;
  readonly list: ListRow;
  readonly columns: readonly ColumnDef[];
  readonly fileUrlOf?: (item: Item) => string | undefined;
}

export const listWebUrl = (site: SiteRow, list: ListRow): string => {
  if (list.role === 'documents') return `${siteWebUrl(site)}/Shared%20Documents`;
  if (list.role === 'userInfo') return `${siteWebUrl(site)}/_catalogs/users`;
  return `${siteWebUrl(site)}/Lists/${encodeURIComponent(list.url_name)}`;
};

export function contentTypeName(list: ListRow, item: Item): string {
  const stored = item.fields['ContentType'];
  if (typeof stored === 'string') return stored;
  return list.role === 'userInfo' ? 'Person' : list.role === 'documents' ? 'Document' : 'Item';
}

/** The comparable value of a column for $filter and $orderby: person ids compare as numbers. */
export function fieldScalar(view: ItemView, item: Item, c: ColumnDef): Scalar {
  if (c.origin === 'computed') {
    switch (c.name) {
      case 'ID':
        return item.id;
      case 'Created':
        return item.created;
      case 'Modified':
        return item.modified;
      case 'Author':
      case 'Editor':
        return Number(APP_USER_LOOKUP_ID);
      case 'ContentType':
        return contentTypeName(view.list, item);
      case '_UIVersionString':
        return `${item.version}.0`;
      case 'Attachments':
        return false;
    }
  }
  const v = item.fields[fieldKeyOf(c)];
  if (v === undefined) return null;
  return c.kind === 'personOrGroup' ? Number(v) : v;
}

function fullFields(view: ItemView, item: Item): Record<string, unknown> {
  const out: Record<string, unknown> = { '@odata.etag': etagOf(item) };
  for (const c of view.columns) {
    if (c.origin === 'computed') continue;
    const v = item.fields[fieldKeyOf(c)];
    if (v !== undefined) out[fieldKeyOf(c)] = v;
  }
  out['id'] = String(item.id);
  out['ContentType'] = contentTypeName(view.list, item);
  out['Created'] = item.created;
  out['Modified'] = item.modified;
  out['AuthorLookupId'] = APP_USER_LOOKUP_ID;
  out['EditorLookupId'] = APP_USER_LOOKUP_ID;
  out['_UIVersionString'] = `${item.version}.0`;
  if (view.list.role === 'generic') {
    out['Attachments'] = false;
    out['Edit'] = '';
    if (typeof item.fields['Title'] === 'string') {
      out['LinkTitleNoMenu'] = item.fields['Title'];
      out['LinkTitle'] = item.fields['Title'];
    }
  }
  out['ItemChildCount'] = '0';
  out['FolderChildCount'] = '0';
  return out;
}

/** The fieldValueSet; with a select list only `@odata.etag` and the named fields that have values. */
export function renderFields(
  view: ItemView,
  item: Item,
  select?: readonly string[],
): Record<string, unknown> {
  const full = fullFields(view, item);
  if (select === undefined) return full;
  const known = new Set([...Object.keys(full), ...view.columns.map(fieldKeyOf)]);
  const out: Record<string, unknown> = { '@odata.etag': full['@odata.etag'] };
  for (const name of select) {
    if (!known.has(name)) {
      const person = view.columns.find((c) => c.name === name && c.kind === 'personOrGroup');
      if (person !== undefined)
        throw notSupported(`Selecting person field '${name}' (select '${name}LookupId')`);
      throw fieldNotRecognized(name);
    }
    if (full[name] !== undefined) out[name] = full[name];
  }
  return out;
}

export function itemWebUrl(view: ItemView, item: Item): string {
  return view.fileUrlOf?.(item) ?? `${listWebUrl(view.site, view.list)}/${item.id}_.000`;
}

export const itemsContext = (view: ItemView): string =>
  `${GRAPH_ROOT}/$metadata#sites('${encodeURIComponent(view.site.id)}')/lists('${view.list.id}')/items`;

export function renderItem(
  view: ItemView,
  item: Item,
  expandFields: { readonly select?: readonly string[] } | undefined,
): Record<string, unknown> {
  const etag = etagOf(item);
  const out: Record<string, unknown> = {
    '@odata.etag': etag,
    createdDateTime: item.created,
    eTag: etag,
    id: String(item.id),
    lastModifiedDateTime: item.modified,
    webUrl: itemWebUrl(view, item),
    createdBy: item.createdBy,
    lastModifiedBy: item.modifiedBy,
    parentReference: { id: view.list.id, siteId: view.site.id },
    contentType: { id: view.list.content_type_id, name: contentTypeName(view.list, item) },
  };
  if (expandFields !== undefined) {
    out['fields@odata.context'] = `${itemsContext(view)}('${item.id}')/fields/$entity`;
    out['fields'] = renderFields(view, item, expandFields.select);
  }
  return out;
}
