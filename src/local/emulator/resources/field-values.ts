/**
 * Field writes: which fields a listItem write may set, how each column kind checks and stores a value
 * (text limits, dates, choices, person lookup ids), and required and read-only rules.
 */
import { GraphProblem, fieldNotRecognized, invalidRequest, notSupported } from '../http/graph-errors.js';
import { isoSeconds } from '../storage/ids.js';
import { fieldKeyOf, isMultiLine, isReadOnly } from '../storage/column-model.js';
import type { ColumnDef } from '../storage/column-model.js';
import type { FieldValue, Fields } from '../storage/item-store.js';

/** Multi-line text limit reported for SharePoint Online (third-party source); the emulator enforces it. */
export const MULTI_LINE_MAX = 63_999;

/** Fields SharePoint renders but never accepts in a write. */
const READ_ONLY_NAMES = new Set([
  'id',
  'ID',
  'Created',
  'Modified',
  'Author',
  'Editor',
  'AuthorLookupId',
  'EditorLookupId',
  'ContentType',
  'ContentTypeId',
  '_UIVersionString',
  'Attachments',
  'Edit',
  'LinkTitle',
  'LinkTitleNoMenu',
  'ItemChildCount',
  'FolderChildCount',
  'FileLeafRef',
  'FileSizeDisplay',
  'DocIcon',
  'GUID',
  'UniqueId',
]);

const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** ISO 8601 in, `YYYY-MM-DDTHH:MM:SSZ` out. A value without a zone is read as UTC (SharePoint would use the site's zone). */
export function canonicalDateTime(s: string): string | undefined {
  const m = ISO.exec(s);
  if (m === null) return undefined;
  const withTime = m[1] === undefined ? `${s}T00:00:00Z` : m[4] === undefined ? `${s}Z` : s;
  const t = Date.parse(withTime);
  return Number.isNaN(t) ? undefined : isoSeconds(new Date(t));
}

export interface WriteRules {
  /** Whether a person LookupId names a row of the site's User Information List. */
  readonly lookupIdExists: (id: number) => boolean;
}

const typeError = (c: ColumnDef, expected: string, v: unknown): GraphProblem =>
  invalidRequest(`Invalid value for field '${c.name}': expected ${expected}, got ${JSON.stringify(v)}.`);

function normalise(c: ColumnDef, v: unknown, rules: WriteRules): FieldValue | null {
  if (v === null) return null;
  switch (c.kind) {
    case 'text': {
      if (typeof v !== 'string') throw typeError(c, 'a string', v);
      if (v === '') return null;
      const max = isMultiLine(c)
        ? MULTI_LINE_MAX
        : typeof c.facet['maxLength'] === 'number'
          ? c.facet['maxLength']
          : 255;
      if (v.length > max) {
        throw invalidRequest(
          `The value of field '${c.name}' is ${v.length} characters long; the column allows at most ${max}${isMultiLine(c) ? '' : ' (single line of text)'}.`,
        );
      }
      return v;
    }
    case 'number': {
      if (typeof v !== 'number' || !Number.isFinite(v)) throw typeError(c, 'a number', v);
      const min = c.facet['minimum'];
      const max = c.facet['maximum'];
      if ((typeof min === 'number' && v < min) || (typeof max === 'number' && v > max)) {
        throw invalidRequest(`The value ${v} of field '${c.name}' is outside the column's range.`);
      }
      return v;
    }
    case 'boolean':
      if (typeof v !== 'boolean') throw typeError(c, 'true or false', v);
      return v;
    case 'dateTime': {
      const iso = typeof v === 'string' ? canonicalDateTime(v) : undefined;
      if (iso === undefined) throw typeError(c, 'an ISO 8601 date/time string', v);
      return iso;
    }
    case 'choice': {
      if (typeof v !== 'string') throw typeError(c, 'a string', v);
      if (v === '') return null;
      const choices = Array.isArray(c.facet['choices']) ? (c.facet['choices'] as unknown[]) : [];
      if (!choices.includes(v) && c.facet['allowTextEntry'] !== true) {
        throw invalidRequest(`The value '${v}' is not one of the choices of field '${c.name}'.`);
      }
      if (v.length > 255)
        throw invalidRequest(`The value of field '${c.name}' is longer than 255 characters.`);
      return v;
    }
    case 'personOrGroup': {
      // Observed in SharePoint: a numeric LookupId is not coerced; the request fails with a 500.
      if (typeof v === 'number')
        throw new GraphProblem(500, 'generalException', 'General exception while processing');
      if (typeof v !== 'string' || !/^\d+$/.test(v)) throw typeError(c, 'a LookupId string such as "12"', v);
      if (!rules.lookupIdExists(Number(v))) {
        throw invalidRequest(
          `The LookupId ${v} of field '${fieldKeyOf(c)}' does not match a user in the site's User Information List.`,
        );
      }
      return v;
    }
  }
}

/** Validates a `fields` write and returns the item's new field values. */
export function applyFieldWrites(
  columns: readonly ColumnDef[],
  current: Fields,
  body: unknown,
  rules: WriteRules,
  mode: 'create' | 'update',
): Fields {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalidRequest('The fields payload must be a JSON object.');
  }
  const byKey = new Map(columns.map((c) => [fieldKeyOf(c), c]));
  const byName = new Map(columns.map((c) => [c.name, c]));
  const next: Record<string, FieldValue> = { ...current };
  const written = new Set<string>();
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    if (key.startsWith('@odata.')) continue;
    if (key.endsWith('@odata.type')) throw notSupported(`Multi-value field writes ('${key}')`);
    const c = byKey.get(key);
    if (c === undefined) {
      const bare = byName.get(key);
      if (bare !== undefined && bare.kind === 'personOrGroup' && !isReadOnly(bare)) {
        throw invalidRequest(
          `Field '${key}' is a person field: write it as '${key}LookupId' with a string id.`,
        );
      }
      if (READ_ONLY_NAMES.has(key))
        throw invalidRequest(`Field '${key}' is read-only and cannot be written.`);
      throw fieldNotRecognized(key);
    }
    if (isReadOnly(c)) throw invalidRequest(`Field '${key}' is read-only and cannot be written.`);
    const v = normalise(c, value, rules);
    if (v === null) delete next[key];
    else next[key] = v;
    written.add(key);
  }
  for (const c of columns) {
    const key = fieldKeyOf(c);
    if (mode === 'create' && !written.has(key) && c.defaultValue !== null && !isReadOnly(c)) {
      const d = defaultFor(c, c.defaultValue);
      if (d !== undefined) next[key] = d;
    }
    if (c.required && (mode === 'create' || written.has(key)) && next[key] === undefined) {
      throw invalidRequest(`Field '${c.name}' is required and must have a value.`);
    }
  }
  return next;
}

function defaultFor(c: ColumnDef, raw: string): FieldValue | undefined {
  switch (c.kind) {
    case 'number': {
      const n = Number(raw);
      return raw.trim() !== '' && Number.isFinite(n) ? n : undefined;
    }
    case 'boolean':
      return raw === '1' || raw.toLowerCase() === 'true';
    case 'dateTime':
      return canonicalDateTime(raw);
    case 'personOrGroup':
      return undefined;
    default:
      return raw === '' ? undefined : raw;
  }
}
