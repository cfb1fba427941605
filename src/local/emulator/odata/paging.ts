/**
 * Paging: skip tokens and nextLinks. Skip tokens follow SharePoint's shape: base64url (no padding) of
 * `Paged=TRUE&p_ID=<last id>`, with the last row's sort values as `p_<Field>=` pairs before `p_ID` when the
 * query is ordered (as SharePoint does for `p_Modified`), so a page boundary survives the deletion of the row
 * it was cut after.
 */
import { invalidRequest } from '../http/graph-errors.js';
import type { EmuRequest } from '../http/http-types.js';
import type { Scalar } from './filter.js';
import type { Query } from './query-options.js';

export interface PageCursor {
  readonly id: string;
  readonly sortValues: readonly Scalar[];
}

export function encodeSkipToken(cursor: PageCursor, sortFields: readonly string[]): string {
  const parts = ['Paged=TRUE'];
  sortFields.forEach((f, i) =>
    parts.push(`p_${f}=${encodeURIComponent(JSON.stringify(cursor.sortValues[i] ?? null))}`),
  );
  parts.push(`p_ID=${cursor.id}`);
  return Buffer.from(parts.join('&'), 'utf8').toString('base64url');
}

const bad = (): Error =>
  invalidRequest('The $skiptoken value is not valid. Use the @odata.nextLink exactly as returned.');

export function decodeSkipToken(token: string, sortFields: readonly string[], idPattern: RegExp): PageCursor {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) throw bad();
  const text = Buffer.from(token, 'base64url').toString('utf8');
  if (Buffer.from(text, 'utf8').toString('base64url') !== token) throw bad();
  const parts = text.split('&');
  if (parts[0] !== 'Paged=TRUE' || parts.length !== sortFields.length + 2) throw bad();
  const last = parts[parts.length - 1] ?? '';
  if (!last.startsWith('p_ID=')) throw bad();
  const id = last.slice(5);
  if (!idPattern.test(id)) throw bad();
  const sortValues: Scalar[] = [];
  sortFields.forEach((f, i) => {
    const part = parts[i + 1] ?? '';
    const prefix = `p_${f}=`;
    if (!part.startsWith(prefix)) throw bad();
    let v: unknown;
    try {
      v = JSON.parse(decodeURIComponent(part.slice(prefix.length)));
    } catch {
      throw bad();
    }
    if (v !== null && typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') throw bad();
    sortValues.push(v);
  });
  return { id, sortValues };
}

/** Encodes a query value for a link while keeping OData punctuation readable. */
export function encodeQueryValue(v: string): string {
  return encodeURIComponent(v).replace(/%(24|2C|2F|3A|40|3D)/gi, (_m, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  );
}

/** Absolute link on the request's own origin (`http://127.0.0.1:PORT/v1.0/…`), repeating the query with a new `$skiptoken`. */
export function nextLinkFor(req: EmuRequest, query: Query, token: string): string {
  const parts = query.params
    .filter((p) => p.name !== 'skiptoken')
    .map((p) => `${encodeQueryValue(p.key)}=${encodeQueryValue(p.value)}`);
  parts.push(`$skiptoken=${token}`);
  return `${req.origin}/v1.0${req.path}?${parts.join('&')}`;
}
