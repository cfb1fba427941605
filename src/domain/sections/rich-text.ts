/**
 * Section content is a small, closed document model rather than HTML: the tab turns what the user types
 * or pastes into it, the server validates its shape, and every renderer (tab, card, Word, HTML) escapes the
 * text it holds. Nothing executable can survive because nothing but these shapes is accepted.
 */
import { ok, refuse, type Result } from '../support/result.js';

export interface TextRun {
  readonly type: 'text';
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
}

export interface LinkRun {
  readonly type: 'link';
  readonly href: string;
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
}

export type Inline = TextRun | LinkRun;

export type Block =
  | { readonly type: 'paragraph'; readonly children: readonly Inline[] }
  | { readonly type: 'heading'; readonly level: 2 | 3 | 4; readonly children: readonly Inline[] }
  | { readonly type: 'list'; readonly ordered: boolean; readonly items: readonly (readonly Inline[])[] }
  | {
      readonly type: 'table';
      readonly headerRow: boolean;
      readonly rows: readonly (readonly (readonly Inline[])[])[];
    };

export type RichText = readonly Block[];

/** SharePoint multi-line text holds about 63,999 characters; the stored JSON must fit with room to spare. */
export const MAX_CONTENT_JSON_CHARS = 60_000;
const MAX_LINK_CHARS = 2_048;
// Only web and mail addresses; \s already excludes spaces, and \p{Cc} excludes control characters.
const SAFE_LINK = /^(https?:\/\/|mailto:)[^\s\p{Cc}<>"]+$/iu;

export const emptyRichText: RichText = [];

export function inlineText(inlines: readonly Inline[]): string {
  return inlines.map((run) => run.text).join('');
}

/** Every piece of text in reading order, blocks separated by newlines. */
export function plainText(content: RichText): string {
  const lines: string[] = [];
  for (const block of content) {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        lines.push(inlineText(block.children));
        break;
      case 'list':
        for (const item of block.items) lines.push(inlineText(item));
        break;
      case 'table':
        for (const row of block.rows) lines.push(row.map(inlineText).join('\t'));
        break;
    }
  }
  return lines.join('\n');
}

export function wordCount(content: RichText): number {
  const text = plainText(content).trim();
  return text === '' ? 0 : text.split(/\s+/u).length;
}

type Problems = string[];

function checkInline(value: unknown, path: string, problems: Problems): void {
  if (!isRecord(value)) {
    problems.push(`${path}: expected an object`);
    return;
  }
  const allowed =
    value['type'] === 'link'
      ? ['type', 'href', 'text', 'bold', 'italic']
      : ['type', 'text', 'bold', 'italic'];
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) problems.push(`${path}.${key}: not allowed`);
  }
  if (value['type'] !== 'text' && value['type'] !== 'link') {
    problems.push(`${path}.type: expected "text" or "link"`);
    return;
  }
  if (typeof value['text'] !== 'string') problems.push(`${path}.text: expected a string`);
  for (const flag of ['bold', 'italic']) {
    if (value[flag] !== undefined && typeof value[flag] !== 'boolean')
      problems.push(`${path}.${flag}: expected true or false`);
  }
  if (value['type'] === 'link') {
    const href = value['href'];
    if (typeof href !== 'string' || href.length > MAX_LINK_CHARS || !SAFE_LINK.test(href)) {
      problems.push(`${path}.href: links must be http, https or mailto addresses`);
    }
  }
}

function checkInlines(value: unknown, path: string, problems: Problems): void {
  if (!Array.isArray(value)) {
    problems.push(`${path}: expected a list of text runs`);
    return;
  }
  value.forEach((run, i) => checkInline(run, `${path}[${i}]`, problems));
}

function checkBlock(value: unknown, path: string, problems: Problems): void {
  if (!isRecord(value)) {
    problems.push(`${path}: expected an object`);
    return;
  }
  switch (value['type']) {
    case 'paragraph':
      checkInlines(value['children'], `${path}.children`, problems);
      return;
    case 'heading':
      if (value['level'] !== 2 && value['level'] !== 3 && value['level'] !== 4) {
        problems.push(`${path}.level: expected 2, 3 or 4`);
      }
      checkInlines(value['children'], `${path}.children`, problems);
      return;
    case 'list':
      if (typeof value['ordered'] !== 'boolean') problems.push(`${path}.ordered: expected true or false`);
      if (!Array.isArray(value['items'])) problems.push(`${path}.items: expected a list`);
      else value['items'].forEach((item, i) => checkInlines(item, `${path}.items[${i}]`, problems));
      return;
    case 'table':
      if (typeof value['headerRow'] !== 'boolean') problems.push(`${path}.headerRow: expected true or false`);
      if (!Array.isArray(value['rows'])) problems.push(`${path}.rows: expected a list of rows`);
      else
        value['rows'].forEach((row, r) => {
          if (!Array.isArray(row)) problems.push(`${path}.rows[${r}]: expected a list of cells`);
          else row.forEach((cell, c) => checkInlines(cell, `${path}.rows[${r}][${c}]`, problems));
        });
      return;
    default:
      problems.push(`${path}.type: expected paragraph, heading, list or table`);
  }
}

/** Accepts only the closed model above, within the size SharePoint can store. */
export function validateRichText(value: unknown): Result<RichText> {
  if (!Array.isArray(value)) return refuse('VALIDATION', 'Content must be a list of blocks.');
  const size = JSON.stringify(value).length;
  if (size > MAX_CONTENT_JSON_CHARS) {
    return refuse(
      'VALIDATION',
      `This section is too long to store: ${size.toLocaleString('en-GB')} characters of formatted content, the limit is ${MAX_CONTENT_JSON_CHARS.toLocaleString('en-GB')}. Shorten it or move detail to an appendix.`,
      { size, limit: MAX_CONTENT_JSON_CHARS },
    );
  }
  const problems: Problems = [];
  value.forEach((block, i) => checkBlock(block, `content[${i}]`, problems));
  if (problems.length > 0) {
    return refuse(
      'VALIDATION',
      `The content is not in a form that can be saved: ${problems.slice(0, 5).join('; ')}`,
      {
        problems,
      },
    );
  }
  return ok(value as RichText);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
