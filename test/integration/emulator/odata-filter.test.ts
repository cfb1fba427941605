import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  bindValues,
  compareScalars,
  evaluateFilter,
  parseFilter,
  referencedFields,
} from '../../../src/local/emulator/index.js';
import type { FilterExpr, Scalar } from '../../../src/local/emulator/index.js';

function parsed(src: string): FilterExpr {
  const r = parseFilter(src);
  if (!r.ok) throw new Error(r.message);
  return r.expr;
}

const row =
  (values: Record<string, Scalar>) =>
  (field: string): Scalar =>
    values[field] ?? null;

describe('odata-filter parser', () => {
  it('parses comparisons, startswith, and/or with parentheses and reports the fields used', () => {
    const e = parsed("(fields/Status eq 'Draft' or startswith(fields/Title,'Q3')) and fields/Revision ge 2");
    expect(referencedFields(e)).toEqual(['fields/Status', 'fields/Title', 'fields/Revision']);
  });

  it("unescapes '' inside string literals", () => {
    const e = parsed("fields/Title eq 'O''Brien''s plan'");
    expect(e).toMatchObject({ kind: 'compare', op: 'eq', value: "O'Brien's plan" });
  });

  it('reads numbers, booleans and unquoted date-times as literals', () => {
    expect(parsed('fields/N lt -2.5')).toMatchObject({ value: -2.5 });
    expect(parsed('fields/B eq true')).toMatchObject({ value: true });
    expect(parsed('fields/D ge 2025-07-01T00:00:00Z')).toMatchObject({ value: '2025-07-01T00:00:00Z' });
  });

  it('flips a literal-first comparison so the field is on the left', () => {
    expect(parsed('5 lt fields/N')).toMatchObject({ op: 'gt', field: 'fields/N', value: 5 });
  });

  it('gives "and" precedence over "or"', () => {
    const e = parsed("fields/A eq 'x' or fields/B eq 'y' and fields/C eq 'z'");
    expect(evaluateFilter(e, row({ 'fields/A': 'x', 'fields/B': 'n', 'fields/C': 'n' }))).toBe(true);
    expect(evaluateFilter(e, row({ 'fields/A': 'n', 'fields/B': 'y', 'fields/C': 'n' }))).toBe(false);
  });

  it.each([
    ["fields/A eq 'open", 'Unterminated'],
    ['fields/A eq', 'literal'],
    ["contains(fields/A,'x')", 'not supported'],
    ["not fields/A eq 'x'", 'not supported'],
    ['fields/A eq fields/B', 'comparing two properties'],
    ["fields/A eq 'x' )", 'Unexpected input'],
    ["fields/A like 'x'", 'comparison operator'],
    ['', 'empty'],
  ])('refuses %j', (src, message) => {
    const r = parseFilter(src);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(message);
  });
});

describe('odata-filter evaluation', () => {
  it('compares text without regard to case, like SharePoint', () => {
    expect(evaluateFilter(parsed("f eq 'draft'"), row({ f: 'Draft' }))).toBe(true);
    expect(evaluateFilter(parsed("startswith(f,'pol-')"), row({ f: 'POL-0042' }))).toBe(true);
    expect(evaluateFilter(parsed("f lt 'b'"), row({ f: 'A' }))).toBe(true);
  });

  it('treats a missing value as equal only to nothing and never ordered', () => {
    expect(evaluateFilter(parsed("f ne 'x'"), row({}))).toBe(true);
    expect(evaluateFilter(parsed("f eq 'x'"), row({}))).toBe(false);
    expect(evaluateFilter(parsed('f lt 3'), row({}))).toBe(false);
    expect(evaluateFilter(parsed('f ge 3'), row({}))).toBe(false);
  });

  it('does not order values of different types', () => {
    expect(evaluateFilter(parsed("f lt 'z'"), row({ f: 1 }))).toBe(false);
  });

  it('binds literals to canonical values before evaluation', () => {
    const e = bindValues(parsed("f eq '2025-07-01'"), () => '2025-07-01T00:00:00Z');
    expect(evaluateFilter(e, row({ f: '2025-07-01T00:00:00Z' }))).toBe(true);
  });

  it('agrees with direct numeric comparison for every operator (property)', () => {
    const ops = ['eq', 'ne', 'lt', 'gt', 'le', 'ge'] as const;
    const expected = (op: (typeof ops)[number], a: number, b: number): boolean =>
      ({ eq: a === b, ne: a !== b, lt: a < b, gt: a > b, le: a <= b, ge: a >= b })[op];
    fc.assert(
      fc.property(
        fc.constantFrom(...ops),
        fc.integer({ min: -50, max: 50 }),
        fc.integer({ min: -50, max: 50 }),
        (op, a, b) => {
          expect(evaluateFilter(parsed(`f ${op} ${b}`), row({ f: a }))).toBe(expected(op, a, b));
        },
      ),
    );
  });

  it('orders with empty values first and is antisymmetric (property)', () => {
    const scalar = fc.oneof(fc.constant(null), fc.integer(), fc.string(), fc.boolean());
    fc.assert(
      fc.property(scalar, scalar, (a, b) => {
        expect(Math.sign(compareScalars(a, b))).toBe(-Math.sign(compareScalars(b, a)) || 0);
        if (a === null && b !== null) expect(compareScalars(a, b)).toBeLessThan(0);
      }),
    );
  });
});
