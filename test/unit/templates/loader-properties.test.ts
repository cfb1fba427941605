import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadPlanTemplate, loadReportFormat, TemplateFileError } from '../../../src/templates/index.js';
import { shippedJson, tempFolder } from './temp-files.js';

const write = tempFolder('property-');
let counter = 0;
const writeValue = (value: unknown): string => write(`v${++counter}.json`, JSON.stringify(value));

/** Loads the file; a thrown TemplateFileError is an answer, anything else thrown is a failure of the property. */
const outcome = (load: (file: string) => unknown, file: string): 'loaded' | TemplateFileError => {
  try {
    load(file);
    return 'loaded';
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateFileError);
    return error as TemplateFileError;
  }
};

const expectWellFormed = (error: TemplateFileError, file: string): void => {
  expect(error.code).toBe('TEMPLATE_INVALID');
  expect(error.file).toBe(file);
  expect(error.problems.length).toBeGreaterThan(0);
  for (const p of error.problems) {
    expect(p.path).not.toBe('');
    expect(p.message).not.toBe('');
    expect(error.message).toContain(`${file}: ${p.path}: ${p.message}`);
  }
};

/** Every place in a JSON value where another value could be put, as paths from the root. */
const pathsOf = (value: unknown, at: (string | number)[] = []): (string | number)[][] => {
  if (Array.isArray(value)) return [at, ...value.flatMap((v, i) => pathsOf(v, [...at, i]))];
  if (typeof value === 'object' && value !== null)
    return [at, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...at, k]))];
  return [at];
};

const replaceAt = (root: unknown, at: readonly (string | number)[], value: unknown): unknown => {
  const [head, ...rest] = at;
  if (head === undefined) return value;
  if (Array.isArray(root)) return root.map((v, i) => (i === head ? replaceAt(v, rest, value) : v));
  const record = root as Record<string, unknown>;
  return { ...record, [head]: replaceAt(record[head], rest, value) };
};

const LOADERS = [
  ['plan template', loadPlanTemplate, shippedJson('plan-templates', 'dluhc-productivity-plan-2024.json')],
  ['report format', loadReportFormat, shippedJson('report-formats', 'durham.json')],
] as const;

describe.each(LOADERS)('loading a %s', (_name, load, valid) => {
  it('throws nothing but a well-formed TemplateFileError for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const file = writeValue(value);
        const result = outcome(load, file);
        if (result !== 'loaded') expectWellFormed(result, file);
      }),
      { numRuns: 200 },
    );
  });

  it('throws nothing but a well-formed TemplateFileError when any part of a valid file is replaced', () => {
    const paths = pathsOf(valid);
    fc.assert(
      fc.property(fc.nat(paths.length - 1), fc.jsonValue({ maxDepth: 2 }), (index, replacement) => {
        const file = writeValue(replaceAt(valid, paths[index] ?? [], replacement));
        const result = outcome(load, file);
        if (result !== 'loaded') expectWellFormed(result, file);
      }),
      { numRuns: 300 },
    );
  });

  it('throws nothing but TemplateFileError for arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const file = write(`t${++counter}.json`, text);
        const result = outcome(load, file);
        if (result !== 'loaded') expect(result.problems[0]?.message).toBeTruthy();
      }),
      { numRuns: 200 },
    );
  });
});
