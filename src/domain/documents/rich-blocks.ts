/** A section's rich text as document blocks or as table-cell lines, and the notes that fill gaps. */
import type { DocBlock, DocLine, HeadingLevel, TableCell } from './document-model.js';
import type { Inline, RichText } from '../sections/rich-text.js';
import { isBlank, plain, runsOf } from './text-runs.js';

export type Numberer = () => string | undefined;
export const unnumbered: Numberer = () => undefined;

/**
 * A section's content at `sectionLevel` + 1 and below. Author headings keep their relative depth but never
 * skip a level, since a skipped level breaks navigation by headings.
 */
export function richBlocks(
  content: RichText,
  sectionLevel: HeadingLevel,
  caption: string,
  number: Numberer,
): DocBlock[] {
  const blocks: DocBlock[] = [];
  const tableCount = content.filter((b) => b.type === 'table').length;
  let tables = 0;
  let lastLevel: number = sectionLevel;
  for (const block of content) {
    switch (block.type) {
      case 'paragraph': {
        const runs = runsOf(block.children);
        if (isBlank(runs)) break;
        const n = number();
        blocks.push(n === undefined ? { type: 'paragraph', runs } : { type: 'paragraph', runs, number: n });
        break;
      }
      case 'heading': {
        const text = runsOf(block.children)
          .map((r) => r.text)
          .join('')
          .trim();
        if (text === '') break;
        const level = Math.min(sectionLevel + block.level - 1, lastLevel + 1, 6) as HeadingLevel;
        lastLevel = level;
        blocks.push({ type: 'heading', level, text });
        break;
      }
      case 'list': {
        const items = block.items.map(runsOf).filter((item) => !isBlank(item));
        if (items.length > 0) blocks.push({ type: 'list', ordered: block.ordered, items });
        break;
      }
      case 'table': {
        tables += 1;
        const [first, ...rest] = block.rows;
        const cells = (row: readonly (readonly Inline[])[]): TableCell[] => row.map((cell) => [runsOf(cell)]);
        const header = block.headerRow && first !== undefined ? cells(first) : null;
        const rows = (block.headerRow ? rest : block.rows).map(cells);
        if (header === null && rows.length === 0) break;
        blocks.push({
          type: 'table',
          caption: tableCount > 1 ? `${caption}: table ${tables} of ${tableCount}` : caption,
          header,
          rows,
          rowHeaders: false,
        });
        break;
      }
    }
  }
  return blocks;
}

/** Content as lines, for a table cell: list items keep a marker, table rows read cell by cell. */
export function richLines(content: RichText): DocLine[] {
  return content
    .flatMap((block): DocLine[] => {
      switch (block.type) {
        case 'paragraph':
          return [runsOf(block.children)];
        case 'heading':
          return [runsOf(block.children).map((r) => ({ ...r, bold: true }))];
        case 'list':
          return block.items.map((item, i) => [
            { text: block.ordered ? `${i + 1}. ` : '• ' },
            ...runsOf(item),
          ]);
        case 'table':
          return block.rows.map((row) =>
            row.flatMap((cell, i) => [...(i > 0 ? [{ text: ' | ' }] : []), ...runsOf(cell)]),
          );
      }
    })
    .filter((line) => !isBlank(line));
}

export const note = (text: string): DocBlock => ({ type: 'paragraph', runs: plain(text), style: 'note' });
export const NOT_WRITTEN = 'Not yet written.';
export const NOT_COMPLETED = 'Not yet completed.';
