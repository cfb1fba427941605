/**
 * Turns HTML (a paste from Word or a web page, or the editor's own DOM) into the closed RichText model:
 * headings, paragraphs, lists, tables, bold, italic and safe links survive; everything else is reduced
 * to its text or dropped. It walks nodes and reads only their names, text and a few attributes — it
 * never serialises or re-parses markup — so nothing in the input can run.
 *
 * Written against a minimal node shape so the same code runs on the browser's DOM and in unit tests.
 */
import { isSafeHref } from '../../domain/documents/text-runs.js';
import type { Block, Inline, RichText } from '../../domain/sections/rich-text.js';

export interface DomLike {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly childNodes: ArrayLike<DomLike>;
  readonly textContent: string | null;
  getAttribute?(name: string): string | null;
}

const ELEMENT = 1;
const TEXT = 3;

/** Elements whose content is never text of the document. */
const DROPPED = new Set([
  'SCRIPT',
  'STYLE',
  'TEMPLATE',
  'NOSCRIPT',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'SVG',
  'MATH',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'IMG',
  'PICTURE',
  'BUTTON',
  'INPUT',
  'SELECT',
  'TEXTAREA',
  'FORM',
  'XML',
  'O:P',
]);

const HEADINGS: Readonly<Record<string, 2 | 3 | 4>> = { H1: 2, H2: 2, H3: 3, H4: 4, H5: 4, H6: 4 };
const PARAGRAPH_LIKE = new Set([
  'P',
  'DIV',
  'BLOCKQUOTE',
  'PRE',
  'ADDRESS',
  'FIGCAPTION',
  'DD',
  'DT',
  'CAPTION',
]);
const CONTAINERS = new Set([
  '#DOCUMENT',
  '#DOCUMENT-FRAGMENT',
  'HTML',
  'BODY',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'NAV',
  'FIGURE',
  'DL',
  'CENTER',
]);

interface Marks {
  readonly bold: boolean;
  readonly italic: boolean;
  readonly href: string | null;
}

const PLAIN: Marks = { bold: false, italic: false, href: null };

const nameOf = (node: DomLike): string => node.nodeName.toUpperCase();
const attr = (node: DomLike, name: string): string => node.getAttribute?.(name) ?? '';
const children = (node: DomLike): DomLike[] => Array.from(node.childNodes);

function styleOf(node: DomLike): string {
  return attr(node, 'style').toLowerCase().replace(/\s+/g, '');
}

/** Word marks the bullet or number it draws for a list paragraph with `mso-list:Ignore`. */
const isWordListMarker = (node: DomLike): boolean =>
  node.nodeType === ELEMENT && /mso-list:ignore/.test(styleOf(node));

const COMMENT = 8;
/** Word wraps that marker in `<![if !supportLists]>…<![endif]>`, which a parser keeps as two comments. */
const isComment = (node: DomLike, text: RegExp): boolean =>
  node.nodeType === COMMENT && text.test((node.textContent ?? '').trim());
const OPENS_MARKER = /^\[if !supportlists\]$/i;
const CLOSES_MARKER = /^\[endif\]$/i;

/**
 * A bullet or number drawn as text at the start of a list item: what Word's filtered HTML and Outlook
 * send without the `mso-list:Ignore` mark (Symbol's "·" is U+00B7, its private-use twin U+F0B7; Wingdings'
 * "§" and "Ø"; Courier's "o" for a second level), and what some web pages put inside their own `<li>`.
 * Only taken when followed by a space, so an item that begins "a) …" in its own words keeps them.
 */
const DRAWN_MARKER =
  /^[\s\u00a0]*(?:[\u00b7\u2022\u2023\u25aa\u25e6\u2043\u2219\uf0b7\uf0a7\uf0d8\uf076\u00a7\u00d8o\-–]|\(?(?:\d{1,3}|[a-z]|[ivxlc]{1,6})[.)])[\s\u00a0]+/i;
const BULLET_ONLY = /^[\s\u00a0]*[\u00b7\u2022\u2023\u25aa\u25e6\u2043\u2219\uf0b7\uf0a7\uf0d8][\s\u00a0]+/;

/** The item without a marker drawn as text at its start (at most one). */
function withoutDrawnMarker(item: Inline[], marker: RegExp): Inline[] {
  const first = item[0];
  if (first === undefined || !marker.test(first.text)) return item;
  const rest = first.text.replace(marker, '');
  return rest === '' ? tidy(item.slice(1)) : [{ ...first, text: rest }, ...item.slice(1)];
}

function isWordListParagraph(node: DomLike): boolean {
  if (node.nodeType !== ELEMENT || nameOf(node) !== 'P') return false;
  return /msolistparagraph/i.test(attr(node, 'class')) || /mso-list:l\d/.test(styleOf(node));
}

function marksFor(node: DomLike, marks: Marks): Marks {
  const name = nameOf(node);
  const style = styleOf(node);
  let { bold, italic, href } = marks;
  if (name === 'B' || name === 'STRONG' || /font-weight:(bold|[6-9]00)/.test(style)) bold = true;
  if (/font-weight:(normal|[1-4]00)/.test(style)) bold = false;
  if (name === 'I' || name === 'EM' || /font-style:italic/.test(style)) italic = true;
  if (/font-style:normal/.test(style)) italic = false;
  if (name === 'A') {
    const target = attr(node, 'href').trim();
    href = isSafeHref(target) ? target : null;
  }
  return { bold, italic, href };
}

const collapse = (text: string): string => text.replace(/[\s\u00a0]+/g, ' ');

function pushRun(runs: Inline[], text: string, marks: Marks): void {
  if (text === '') return;
  const last = runs[runs.length - 1];
  const lastHref = last?.type === 'link' ? last.href : null;
  if (
    last &&
    lastHref === marks.href &&
    (last.bold ?? false) === marks.bold &&
    (last.italic ?? false) === marks.italic
  ) {
    runs[runs.length - 1] = { ...last, text: last.text + text };
    return;
  }
  const flags = { ...(marks.bold ? { bold: true } : {}), ...(marks.italic ? { italic: true } : {}) };
  runs.push(
    marks.href === null
      ? { type: 'text', text, ...flags }
      : { type: 'link', href: marks.href, text, ...flags },
  );
}

/** The runs of a node's inline content; block children (a stray <p> in a cell) read as text too. */
function inlineRuns(node: DomLike, marks: Marks, runs: Inline[]): void {
  let inMarker = false;
  for (const child of children(node)) {
    if (isComment(child, OPENS_MARKER)) inMarker = true;
    if (isComment(child, CLOSES_MARKER)) inMarker = false;
    if (inMarker) continue;
    if (child.nodeType === TEXT) {
      pushRun(runs, collapse(child.textContent ?? ''), marks);
      continue;
    }
    if (child.nodeType !== ELEMENT) continue;
    const name = nameOf(child);
    if (DROPPED.has(name) || isWordListMarker(child)) continue;
    if (name === 'BR') {
      pushRun(runs, ' ', marks);
      continue;
    }
    const before = runs.length;
    inlineRuns(child, marksFor(child, marks), runs);
    // Block boundaries inside inline content become spaces, so words never run together.
    if (!isInline(name) && runs.length > before) pushRun(runs, ' ', marks);
  }
}

const INLINE = new Set([
  'A',
  'B',
  'STRONG',
  'I',
  'EM',
  'U',
  'S',
  'STRIKE',
  'SPAN',
  'FONT',
  'SUB',
  'SUP',
  'SMALL',
  'BIG',
  'MARK',
  'CODE',
  'KBD',
  'SAMP',
  'VAR',
  'ABBR',
  'CITE',
  'Q',
  'DFN',
  'TIME',
  'INS',
  'DEL',
  'LABEL',
  'BDI',
  'BDO',
  'WBR',
  'O:P',
]);
const isInline = (name: string): boolean => INLINE.has(name) || name.includes(':');

/** Trims the run list's outer spaces and drops runs left empty. */
function tidy(runs: readonly Inline[]): Inline[] {
  const out = runs.map((run) => ({ ...run }));
  while (out.length > 0 && out[0]!.text.trimStart() === '') out.shift();
  while (out.length > 0 && out[out.length - 1]!.text.trimEnd() === '') out.pop();
  if (out.length === 0) return [];
  out[0] = { ...out[0]!, text: out[0]!.text.trimStart() };
  out[out.length - 1] = { ...out[out.length - 1]!, text: out[out.length - 1]!.text.trimEnd() };
  return out.filter((run) => run.text !== '');
}

function inlinesOf(node: DomLike, marks: Marks = PLAIN): Inline[] {
  const runs: Inline[] = [];
  inlineRuns(node, marksFor(node, marks), runs);
  return tidy(runs);
}

function listItems(list: DomLike, items: Inline[][]): void {
  for (const child of children(list)) {
    if (child.nodeType !== ELEMENT) continue;
    const name = nameOf(child);
    if (name === 'UL' || name === 'OL') {
      listItems(child, items); // nested lists are flattened: the model has one level
      continue;
    }
    if (name !== 'LI') continue;
    const own: Inline[] = [];
    const nested: DomLike[] = [];
    for (const part of children(child)) {
      const partName = part.nodeType === ELEMENT ? nameOf(part) : '';
      if (partName === 'UL' || partName === 'OL') nested.push(part);
      else if (part.nodeType === TEXT) pushRun(own, collapse(part.textContent ?? ''), PLAIN);
      else if (part.nodeType === ELEMENT && !DROPPED.has(partName)) {
        const before = own.length;
        inlineRuns(part, marksFor(part, PLAIN), own);
        if (!isInline(partName) && own.length > before) pushRun(own, ' ', PLAIN);
      }
    }
    const item = withoutDrawnMarker(tidy(own), BULLET_ONLY);
    if (item.length > 0) items.push(item);
    for (const list of nested) listItems(list, items);
  }
}

function tableBlock(table: DomLike): Block | null {
  const rows: DomLike[] = [];
  let headInThead = false;
  const collect = (node: DomLike, inHead: boolean): void => {
    for (const child of children(node)) {
      if (child.nodeType !== ELEMENT) continue;
      const name = nameOf(child);
      if (name === 'TR') {
        if (rows.length === 0 && inHead) headInThead = true;
        rows.push(child);
      } else if (name === 'THEAD' || name === 'TBODY' || name === 'TFOOT') collect(child, name === 'THEAD');
    }
  };
  collect(table, false);
  const cells = rows.map((row) =>
    children(row).filter((c) => c.nodeType === ELEMENT && (nameOf(c) === 'TD' || nameOf(c) === 'TH')),
  );
  const nonEmpty = cells.filter((row) => row.length > 0);
  if (nonEmpty.length === 0) return null;
  const width = Math.max(...nonEmpty.map((row) => row.length));
  const rowsOfRuns = nonEmpty.map((row) => {
    const inlines = row.map((cell) => inlinesOf(cell));
    while (inlines.length < width) inlines.push([]);
    return inlines;
  });
  const firstAllHeaders = nonEmpty[0]!.every((c) => nameOf(c) === 'TH');
  // Word writes a header row as ordinary cells in bold.
  const firstAllBold =
    rowsOfRuns.length > 1 &&
    rowsOfRuns[0]!.every((cell) => cell.length > 0 && cell.every((run) => run.bold === true));
  return { type: 'table', headerRow: headInThead || firstAllHeaders || firstAllBold, rows: rowsOfRuns };
}

/** The marker Word drew for a list paragraph: marked `mso-list:Ignore`, or between supportLists comments. */
function wordListMarker(paragraph: DomLike): string | null {
  const find = (node: DomLike): string | null => {
    let inMarker = false;
    let between = '';
    for (const child of children(node)) {
      if (isComment(child, OPENS_MARKER)) inMarker = true;
      else if (isComment(child, CLOSES_MARKER)) {
        if (inMarker) return collapse(between).trim();
      } else if (inMarker) between += child.textContent ?? '';
      else if (isWordListMarker(child)) return collapse(child.textContent ?? '').trim();
      else if (child.nodeType === ELEMENT) {
        const found = find(child);
        if (found !== null) return found;
      }
    }
    return null;
  };
  return find(paragraph);
}

/** A Word list paragraph's item; a marker drawn as plain text (no mark on it) is left out too. */
function wordListItem(paragraph: DomLike, marked: boolean): Inline[] {
  const item = inlinesOf(paragraph);
  return marked ? item : withoutDrawnMarker(item, DRAWN_MARKER);
}

/** Ordered when the marker Word drew is a number or letter ("1.", "a)", "iv."). */
function wordListOrdered(paragraph: DomLike): boolean {
  const marked = wordListMarker(paragraph);
  const marker = marked ?? inlinesOf(paragraph)[0]?.text.match(DRAWN_MARKER)?.[0] ?? '';
  return /^\(?(\d+|[a-z]|[ivxlc]+)[.)]$/i.test(collapse(marker).trim());
}

function blocksOf(node: DomLike, out: Block[]): void {
  let loose: Inline[] = [];
  const flush = (): void => {
    const runs = tidy(loose);
    if (runs.length > 0) out.push({ type: 'paragraph', children: runs });
    loose = [];
  };
  const kids = children(node);
  for (let i = 0; i < kids.length; i++) {
    const child = kids[i]!;
    if (child.nodeType === TEXT) {
      pushRun(loose, collapse(child.textContent ?? ''), PLAIN);
      continue;
    }
    if (child.nodeType !== ELEMENT) continue;
    const name = nameOf(child);
    if (DROPPED.has(name)) continue;
    if (isWordListParagraph(child)) {
      flush();
      const ordered = wordListOrdered(child);
      const items: Inline[][] = [];
      let j = i;
      while (j < kids.length) {
        const next = kids[j]!;
        if (next.nodeType === TEXT && (next.textContent ?? '').trim() === '') {
          j++;
          continue;
        }
        if (!isWordListParagraph(next)) break;
        const item = wordListItem(next, wordListMarker(next) !== null);
        if (item.length > 0) items.push(item);
        j++;
      }
      if (items.length > 0) out.push({ type: 'list', ordered, items });
      i = j - 1;
      continue;
    }
    const level = HEADINGS[name];
    if (level !== undefined) {
      flush();
      const runs = inlinesOf(child);
      if (runs.length > 0) out.push({ type: 'heading', level, children: runs });
    } else if (name === 'UL' || name === 'OL') {
      flush();
      const items: Inline[][] = [];
      listItems(child, items);
      if (items.length > 0) out.push({ type: 'list', ordered: name === 'OL', items });
    } else if (name === 'TABLE') {
      flush();
      const table = tableBlock(child);
      if (table) out.push(table);
    } else if (name === 'BR') {
      flush();
    } else if (name === 'HR') {
      flush();
    } else if (PARAGRAPH_LIKE.has(name) || CONTAINERS.has(name) || name === 'LI') {
      flush();
      if (containsBlocks(child)) blocksOf(child, out);
      else {
        const runs = inlinesOf(child);
        if (runs.length > 0) out.push({ type: 'paragraph', children: runs });
      }
    } else {
      // Inline content at block level (a bare <b> or <a>) joins the paragraph being gathered.
      inlineRuns(
        { nodeType: ELEMENT, nodeName: 'SPAN', childNodes: [child], textContent: null },
        PLAIN,
        loose,
      );
    }
  }
  flush();
}

function containsBlocks(node: DomLike): boolean {
  return children(node).some((child) => {
    if (child.nodeType !== ELEMENT) return false;
    const name = nameOf(child);
    if (DROPPED.has(name)) return false;
    return (
      HEADINGS[name] !== undefined ||
      name === 'UL' ||
      name === 'OL' ||
      name === 'TABLE' ||
      PARAGRAPH_LIKE.has(name) ||
      CONTAINERS.has(name) ||
      (isInline(name) && containsBlocks(child))
    );
  });
}

export function richTextFromDom(root: DomLike): RichText {
  const out: Block[] = [];
  blocksOf(root, out);
  return out;
}
