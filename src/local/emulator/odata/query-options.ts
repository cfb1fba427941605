/**
 * OData query options: the query string, `$select`, `$expand` and `$top`, and which options a route allows.
 * Query strings are read as Graph reads them: form-encoded, so `+` is a space and `%2B` a plus (Graph's own
 * nextLinks write `+` for spaces; PnPjs sends URLSearchParams). The Graph JS client sends values unencoded
 * except what fetch escapes, so a literal `+` from it reads as a space too: callers must send `%2B`. Keys
 * come with or without `$` and are normalised (lower case, no `$`); values are percent-decoded once.
 */
import { invalidRequest, notSupported } from '../http/graph-errors.js';

export interface QueryParam {
  readonly key: string;
  readonly name: string;
  readonly value: string;
}

export interface Query {
  readonly params: readonly QueryParam[];
  get(name: string): string | undefined;
}

const ODATA_OPTIONS = new Set([
  'select',
  'expand',
  'filter',
  'orderby',
  'top',
  'skip',
  'skiptoken',
  'count',
  'search',
  'format',
  'apply',
  'compute',
  'deltatoken',
  'levels',
  'index',
]);

export const normaliseKey = (key: string): string => key.replace(/^\$/, '').toLowerCase();

/**
 * Decodes every valid %XX run and leaves anything else as typed: the Graph client sends values unencoded,
 * so a literal `%` (e.g. `startswith(fields/Title,'50%')`) must survive.
 */
export function percentDecode(s: string): string {
  return s.replace(/(%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

const formDecode = (s: string): string => percentDecode(s.replace(/\+/g, ' '));

export function parseQuery(rawQuery: string): Query {
  const params: QueryParam[] = [];
  const seen = new Set<string>();
  for (const part of rawQuery.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = formDecode(eq === -1 ? part : part.slice(0, eq));
    const value = eq === -1 ? '' : formDecode(part.slice(eq + 1));
    const name = normaliseKey(key);
    if (seen.has(name)) throw invalidRequest(`Query option '${key}' was specified more than once.`);
    seen.add(name);
    params.push({ key, name, value });
  }
  return { params, get: (name) => params.find((p) => p.name === name)?.value };
}

/** Each route names the OData options it honours; any other OData option is refused rather than ignored. */
export function allowOptions(query: Query, allowed: readonly string[]): void {
  for (const p of query.params) {
    if (ODATA_OPTIONS.has(p.name) && !allowed.includes(p.name)) {
      throw notSupported(`The query option '${p.key}' on this resource`);
    }
  }
}

export function parseSelect(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (names.length === 0) throw invalidRequest('$select must name at least one property.');
  return names;
}

export interface ExpandItem {
  readonly name: string;
  readonly select?: string[];
}

function splitTopLevel(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === sep && depth === 0) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out.map((x) => x.trim()).filter((x) => x !== '');
}

/** Accepts `fields`, `fields(select=A,B)` and `fields($select=A,B)`; nested options other than select are refused. */
export function parseExpand(value: string | undefined, allowed: readonly string[]): ExpandItem[] {
  if (value === undefined) return [];
  const items: ExpandItem[] = [];
  for (const part of splitTopLevel(value, ',')) {
    const m = /^([A-Za-z@.]+)(?:\((.*)\))?$/s.exec(part);
    if (m === null) throw invalidRequest(`Invalid $expand clause: '${part}'.`);
    const name = m[1] ?? '';
    if (!allowed.includes(name)) throw notSupported(`Expanding '${name}' on this resource`);
    const inner = m[2];
    if (inner === undefined || inner.trim() === '') {
      items.push({ name });
      continue;
    }
    let select: string[] | undefined;
    for (const opt of splitTopLevel(inner, ';')) {
      const eq = opt.indexOf('=');
      const optName = normaliseKey(eq === -1 ? opt : opt.slice(0, eq).trim());
      if (optName !== 'select' || eq === -1) throw notSupported(`The nested option '${opt}' in $expand`);
      select = parseSelect(opt.slice(eq + 1));
    }
    items.push(select === undefined ? { name } : { name, select });
  }
  return items;
}

export interface TopRule {
  readonly defaultSize: number;
  readonly max: number;
  /** SharePoint treats $top as a hint and clamps it; the directory refuses out-of-range sizes. */
  readonly clamp: boolean;
}

export function parseTop(value: string | undefined, rule: TopRule): number {
  if (value === undefined) return rule.defaultSize;
  if (!/^\d+$/.test(value)) throw invalidRequest(`Invalid value '${value}' for $top.`);
  const n = Number(value);
  if (n < 1) throw invalidRequest(`Invalid value '${value}' for $top: it must be at least 1.`);
  if (n > rule.max) {
    if (rule.clamp) return rule.max;
    throw invalidRequest(
      `Invalid page size specified: '${value}'. Must be between 1 and ${rule.max} inclusive.`,
    );
  }
  return n;
}

/** Keeps `@odata.*` annotations and the named properties; naming a property the emulator does not render is refused. */
export function applySelect(
  obj: Record<string, unknown>,
  select: readonly string[] | undefined,
  typeName: string,
  alsoKeep: readonly string[] = [],
  knownButUnset: readonly string[] = [],
): Record<string, unknown> {
  if (select === undefined) return obj;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (k.startsWith('@odata.')) out[k] = v;
  for (const name of select) {
    if (Object.prototype.hasOwnProperty.call(obj, name)) out[name] = obj[name];
    else if (knownButUnset.includes(name)) out[name] = null;
    else throw invalidRequest(`Could not find a property named '${name}' on type '${typeName}'.`);
  }
  for (const k of alsoKeep) if (Object.prototype.hasOwnProperty.call(obj, k)) out[k] = obj[k];
  return out;
}
