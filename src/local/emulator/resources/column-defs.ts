/**
 * List columns as Graph shows them: validating a column definition on create and update (kinds, facets,
 * indexes, unique values) and rendering a columnDefinition.
 */
import { GraphProblem, invalidRequest, nameAlreadyExists, notSupported } from '../http/graph-errors.js';
import { foldKey, internalNameFor, newGuid } from '../storage/ids.js';
import { DATE_FACET, PERSON_FACET, TEXT_FACET, isMultiLine, isReadOnly } from '../storage/column-model.js';
import type { ColumnDef, ColumnKind } from '../storage/column-model.js';
import { isObject } from '../http/request-body.js';

/** SharePoint's per-list index limit as commonly reported; ID's built-in index does not count. */
export const MAX_INDEXES = 20;

const KINDS: readonly ColumnKind[] = ['text', 'number', 'dateTime', 'choice', 'boolean', 'personOrGroup'];
const OTHER_FACETS = [
  'lookup',
  'calculated',
  'currency',
  'hyperlinkOrPicture',
  'geolocation',
  'term',
  'thumbnail',
  'contentApprovalStatus',
];

const bool = (v: unknown, name: string, fallback: boolean): boolean => {
  if (v === undefined) return fallback;
  if (typeof v !== 'boolean') throw invalidRequest(`'${name}' must be true or false.`);
  return v;
};

const str = (v: unknown, name: string, fallback: string): string => {
  if (v === undefined) return fallback;
  if (typeof v !== 'string') throw invalidRequest(`'${name}' must be a string.`);
  return v;
};

function normaliseFacet(
  kind: ColumnKind,
  raw: Record<string, unknown>,
  base: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const f: Record<string, unknown> = { ...base, ...raw };
  switch (kind) {
    case 'text': {
      const multi = bool(f['allowMultipleLines'], 'text.allowMultipleLines', false);
      f['allowMultipleLines'] = multi;
      if (f['textType'] !== undefined && f['textType'] !== 'plain' && f['textType'] !== 'richText') {
        throw invalidRequest("text.textType must be 'plain' or 'richText'.");
      }
      if (multi) {
        f['linesForEditing'] =
          typeof f['linesForEditing'] === 'number' && f['linesForEditing'] > 0 ? f['linesForEditing'] : 6;
        delete f['maxLength'];
      } else {
        const max = f['maxLength'] ?? 255;
        if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > 255) {
          throw invalidRequest('text.maxLength of a single line of text must be an integer from 1 to 255.');
        }
        f['maxLength'] = max;
      }
      return f;
    }
    case 'choice': {
      const choices = f['choices'];
      if (
        !Array.isArray(choices) ||
        choices.length === 0 ||
        !choices.every((c) => typeof c === 'string' && c !== '')
      ) {
        throw invalidRequest('choice.choices must be a non-empty array of strings.');
      }
      return {
        allowTextEntry: bool(f['allowTextEntry'], 'choice.allowTextEntry', false),
        choices,
        displayAs: str(f['displayAs'], 'choice.displayAs', 'dropDownMenu'),
      };
    }
    case 'personOrGroup':
      if (f['allowMultipleSelection'] === true) throw notSupported('A multi-value personOrGroup column');
      return { ...PERSON_FACET, ...f, allowMultipleSelection: false };
    case 'number':
      for (const k of ['minimum', 'maximum']) {
        if (f[k] !== undefined && typeof f[k] !== 'number')
          throw invalidRequest(`number.${k} must be a number.`);
      }
      return { decimalPlaces: 'automatic', displayAs: 'number', ...f };
    case 'dateTime':
      if (f['format'] !== undefined && f['format'] !== 'dateOnly' && f['format'] !== 'dateTime') {
        throw invalidRequest("dateTime.format must be 'dateOnly' or 'dateTime'.");
      }
      return { ...DATE_FACET, ...f };
    case 'boolean':
      return {};
  }
}

function facetOf(
  body: Record<string, unknown>,
): { kind: ColumnKind; raw: Record<string, unknown> } | undefined {
  const present = KINDS.filter((k) => body[k] !== undefined);
  const other = OTHER_FACETS.find((k) => body[k] !== undefined);
  if (other !== undefined) throw notSupported(`A '${other}' column`);
  if (present.length > 1) throw invalidRequest('A column definition must have exactly one type facet.');
  const kind = present[0];
  if (kind === undefined) return undefined;
  const raw = body[kind];
  if (!isObject(raw)) throw invalidRequest(`The '${kind}' facet must be an object.`);
  return { kind, raw };
}

function checkRules(def: ColumnDef, all: readonly ColumnDef[]): void {
  if (def.indexed && isMultiLine(def)) {
    throw invalidRequest(
      `Column '${def.name}' cannot be indexed: multi-line text columns cannot be indexed.`,
    );
  }
  if (def.enforceUniqueValues && !def.indexed) {
    throw invalidRequest(
      `Column '${def.name}' cannot enforce unique values unless it is indexed. Set "indexed": true as well.`,
    );
  }
  if (def.enforceUniqueValues && (def.kind === 'boolean' || isMultiLine(def))) {
    throw invalidRequest(`Column '${def.name}' cannot enforce unique values: its type does not support it.`);
  }
  const indexes =
    all.filter((c) => c.indexed && c.name !== 'ID' && foldKey(c.name) !== foldKey(def.name)).length +
    (def.indexed ? 1 : 0);
  if (def.indexed && indexes > MAX_INDEXES) {
    throw invalidRequest(
      `The list already has the maximum of ${MAX_INDEXES} indexed columns; column '${def.name}' cannot be indexed.`,
    );
  }
}

const ALLOWED_CREATE = new Set([
  'name',
  'displayName',
  'description',
  'required',
  'indexed',
  'hidden',
  'enforceUniqueValues',
  'defaultValue',
  'columnGroup',
  'readOnly',
  '@odata.type',
  ...KINDS,
  ...OTHER_FACETS,
]);

function defaultValueOf(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (!isObject(v) || typeof v['value'] !== 'string')
    throw invalidRequest('defaultValue must look like {"value": "..."}.');
  return v['value'];
}

export function buildColumn(body: unknown, existing: readonly ColumnDef[]): ColumnDef {
  if (!isObject(body)) throw invalidRequest('A column definition must be a JSON object.');
  for (const k of Object.keys(body))
    if (!ALLOWED_CREATE.has(k)) throw notSupported(`The column property '${k}'`);
  if (body['readOnly'] === true) throw notSupported('Creating a read-only column');
  const displayName = str(body['displayName'], 'displayName', '');
  const givenName = str(body['name'], 'name', '');
  const name = givenName !== '' ? givenName : displayName !== '' ? internalNameFor(displayName) : '';
  if (name === '') throw invalidRequest("A column needs a 'name' or a 'displayName'.");
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw invalidRequest(
      `The column name '${name}' is not a valid internal name (ASCII letters, digits and _).`,
    );
  }
  if (
    existing.some((c) => foldKey(c.name) === foldKey(name) || foldKey(`${c.name}LookupId`) === foldKey(name))
  ) {
    throw nameAlreadyExists(`A column named '${name}' already exists in this list.`);
  }
  const facet = facetOf(body) ?? { kind: 'text' as const, raw: {} };
  const def: ColumnDef = {
    id: newGuid(),
    name,
    displayName: displayName !== '' ? displayName : name,
    description: str(body['description'], 'description', ''),
    kind: facet.kind,
    facet: normaliseFacet(facet.kind, facet.raw, facet.kind === 'text' ? TEXT_FACET : {}),
    origin: 'custom',
    required: bool(body['required'], 'required', false),
    indexed: bool(body['indexed'], 'indexed', false),
    enforceUniqueValues: bool(body['enforceUniqueValues'], 'enforceUniqueValues', false),
    hidden: bool(body['hidden'], 'hidden', false),
    defaultValue: defaultValueOf(body['defaultValue']),
  };
  checkRules(def, existing);
  return def;
}

export function patchColumn(current: ColumnDef, body: unknown, all: readonly ColumnDef[]): ColumnDef {
  if (!isObject(body)) throw invalidRequest('A column update must be a JSON object.');
  if (body['name'] !== undefined && body['name'] !== current.name) {
    throw invalidRequest(
      `The internal name of column '${current.name}' cannot be changed; change displayName instead.`,
    );
  }
  const readOnly = isReadOnly(current) || current.name === 'ID';
  const allowed = readOnly ? ['indexed', 'name'] : [...ALLOWED_CREATE].filter((k) => k !== 'readOnly');
  for (const k of Object.keys(body)) {
    if (!allowed.includes(k)) throw notSupported(`Changing '${k}' of column '${current.name}'`);
  }
  const facet = facetOf(body);
  if (facet !== undefined && facet.kind !== current.kind) {
    throw notSupported(`Changing the type of column '${current.name}' from ${current.kind} to ${facet.kind}`);
  }
  const def: ColumnDef = {
    ...current,
    displayName: str(body['displayName'], 'displayName', current.displayName),
    description: str(body['description'], 'description', current.description),
    facet: facet === undefined ? current.facet : normaliseFacet(current.kind, facet.raw, current.facet),
    required: bool(body['required'], 'required', current.required),
    indexed: bool(body['indexed'], 'indexed', current.indexed),
    enforceUniqueValues: bool(
      body['enforceUniqueValues'],
      'enforceUniqueValues',
      current.enforceUniqueValues,
    ),
    hidden: bool(body['hidden'], 'hidden', current.hidden),
    defaultValue:
      body['defaultValue'] === undefined ? current.defaultValue : defaultValueOf(body['defaultValue']),
  };
  if (current.name === 'ID' && !def.indexed)
    throw new GraphProblem(400, 'invalidRequest', 'The ID column is always indexed.');
  checkRules(def, all);
  return def;
}

export function columnJson(c: ColumnDef): Record<string, unknown> {
  const out: Record<string, unknown> = {
    columnGroup: c.origin === 'custom' ? 'Custom Columns' : 'Core Columns',
    description: c.description,
    displayName: c.displayName,
    enforceUniqueValues: c.enforceUniqueValues,
    hidden: c.hidden,
    id: c.id,
    indexed: c.indexed,
    name: c.name,
    readOnly: isReadOnly(c),
    required: c.required,
  };
  if (c.defaultValue !== null) out['defaultValue'] = { value: c.defaultValue };
  out[c.kind] = c.facet;
  return out;
}
