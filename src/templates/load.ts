/**
 * Reads template data files from disk. A broken file stops the app at start-up with an error that says
 * which file, where in it and what is wrong, so whoever edited the data can fix it without reading code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PlanTemplate } from '../domain/templates/template.js';
import type { ReportFormat } from '../domain/templates/report-format.js';
import { checkPlanTemplate, checkReportFormat } from './schema.js';
import type { TemplateCheck, TemplateProblem } from './schema.js';

/** TEMPLATE_INVALID: the content is wrong. TEMPLATE_UNREADABLE: the file or folder could not be read. */
export type TemplateFileErrorCode = 'TEMPLATE_INVALID' | 'TEMPLATE_UNREADABLE';

export class TemplateFileError extends Error {
  override readonly name = 'TemplateFileError';
  readonly code: TemplateFileErrorCode;
  readonly file: string;
  readonly problems: readonly TemplateProblem[];

  constructor(
    file: string,
    problems: readonly TemplateProblem[],
    code: TemplateFileErrorCode = 'TEMPLATE_INVALID',
    cause?: unknown,
  ) {
    const shown = displayPath(file);
    super(
      problems.map((p) => `${shown}: ${p.path}: ${p.message}`).join('\n'),
      cause === undefined ? undefined : { cause },
    );
    this.code = code;
    this.file = file;
    this.problems = problems;
  }
}

/** Paths under the working directory read shorter in messages; anything else stays absolute. */
const displayPath = (file: string): string => {
  const rel = relative(process.cwd(), resolve(file));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
};

const lineAndColumn = (text: string, position: number): { line: number; column: number } => {
  const before = text.slice(0, position);
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
};

/** V8 says where parsing stopped only inside its message ("… in JSON at position 42 (line 3 column 5)"). */
const jsonProblem = (text: string, error: unknown): TemplateProblem => {
  const raw = error instanceof Error ? error.message : String(error);
  const match = /at position (\d+)/.exec(raw);
  const position = match?.[1] === undefined ? text.length : Number(match[1]);
  const { line, column } = lineAndColumn(text, position);
  const reason = raw.replace(/\s*(?:in JSON\s+)?at position \d+(?:\s*\(line \d+ column \d+\))?/, '').trim();
  return {
    path: '(root)',
    message: `invalid JSON at line ${line}, column ${column} (position ${position}): ${reason}`,
  };
};

const readJson = (file: string): unknown => {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new TemplateFileError(
      file,
      [{ path: '(root)', message: `cannot read the file: ${String(error)}` }],
      'TEMPLATE_UNREADABLE',
      error,
    );
  }
  // Editors on Windows may save a byte-order mark, which JSON.parse refuses.
  const json = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return JSON.parse(json) as unknown;
  } catch (error) {
    throw new TemplateFileError(file, [jsonProblem(json, error)]);
  }
};

const load =
  <T>(check: (value: unknown) => TemplateCheck<T>) =>
  (file: string): T => {
    const result = check(readJson(file));
    if (!result.ok) throw new TemplateFileError(file, result.error);
    return result.value;
  };

/** Reads and validates one plan template file; throws TemplateFileError when it is broken. */
export const loadPlanTemplate: (file: string) => PlanTemplate = load(checkPlanTemplate);
/** Reads and validates one report format file; throws TemplateFileError when it is broken. */
export const loadReportFormat: (file: string) => ReportFormat = load(checkReportFormat);

export interface Catalog {
  planTemplates: PlanTemplate[];
  reportFormats: ReportFormat[];
}

export interface CatalogOptions {
  readonly planTemplatesDir?: string;
  readonly reportFormatsDir?: string;
}

const shippedDir = (name: string): string => fileURLToPath(new URL(`./${name}/`, import.meta.url));

const jsonFilesIn = (dir: string): string[] => {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
      .map((entry) => entry.name)
      .sort()
      .map((name) => join(dir, name));
  } catch (error) {
    throw new TemplateFileError(
      dir,
      [{ path: '(root)', message: `cannot read the folder: ${String(error)}` }],
      'TEMPLATE_UNREADABLE',
      error,
    );
  }
};

/** Loads every file of a folder; two files with one id would make the choice between them arbitrary. */
const loadAll = <T extends { readonly id: string }>(dir: string, loadOne: (file: string) => T): T[] => {
  const seen = new Map<string, string>();
  const loaded: T[] = [];
  for (const file of jsonFilesIn(dir)) {
    const item = loadOne(file);
    const other = seen.get(item.id);
    if (other !== undefined)
      throw new TemplateFileError(file, [
        { path: 'id', message: `duplicate id "${item.id}": ${displayPath(other)} has the same id` },
      ]);
    seen.set(item.id, file);
    loaded.push(item);
  }
  return loaded.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
};

/** Every plan template and report format in the given folders (default: the ones shipped with the app). */
export const loadCatalog = (options: CatalogOptions = {}): Catalog => ({
  planTemplates: loadAll(options.planTemplatesDir ?? shippedDir('plan-templates'), loadPlanTemplate),
  reportFormats: loadAll(options.reportFormatsDir ?? shippedDir('report-formats'), loadReportFormat),
});
