/**
 * JSON with object keys sorted at every level, so that equal content always serialises to the same bytes
 * and therefore the same hash, whatever order properties were assigned in.
 */
export function canonicalJson(value: unknown): string {
  if (value instanceof CanonicalText) return value.text;
  if (value === null || typeof value !== 'object') {
    if (value === undefined) return 'null';
    if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
}

/**
 * A part already written by canonicalJson, placed as it is: a large value built from parts that are
 * serialised once and remembered (a plan's sections) costs a join, and reads exactly as canonicalJson of
 * the whole would.
 */
export class CanonicalText {
  constructor(readonly text: string) {}
}
