import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { TemplateFileError } from '../../../src/templates/index.js';
import { shippedFile } from './seeds.js';

/** A temporary folder for the calling test file, removed when its tests finish. */
export const tempFolder = (prefix: string): ((name: string, content: string) => string) => {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return (name, content) => {
    const file = path.join(dir, name);
    writeFileSync(file, content);
    return file;
  };
};

/** A shipped data file as a plain JSON value, for a test to break. */
export const shippedJson = (...parts: string[]): Record<string, unknown> =>
  JSON.parse(readFileSync(shippedFile(...parts), 'utf8')) as Record<string, unknown>;

/** Sets the value at a path such as ['sections', 3, 'promptQuestions', 0, 'text'] in a JSON value. */
export const setAt = (root: unknown, at: readonly (string | number)[], value: unknown): void => {
  const parentPath = at.slice(0, -1);
  const last = at.at(-1);
  let node: unknown = root;
  for (const step of parentPath) node = (node as Record<string | number, unknown>)[step];
  if (last === undefined || typeof node !== 'object' || node === null)
    throw new Error(`no parent at ${at.join('.')}`);
  (node as Record<string | number, unknown>)[last] = value;
};

export const thrownBy = (load: () => unknown): TemplateFileError => {
  try {
    load();
  } catch (error) {
    if (error instanceof TemplateFileError) return error;
    throw error;
  }
  throw new Error('expected a TemplateFileError, but the file loaded');
};
