/**
 * The cover report of an assembled document as a short outline a person can write down by hand: banner
 * lines, header rows, headings with their numbers and the numbers of the paragraphs under them, appendix
 * labels and the authorisation table. Read from the document model, independently of the format's data.
 */
import type { DocBlock, DocumentModel, TableBlock } from '../../../src/domain/documents/document-model.js';

export interface ReportOutline {
  readonly banners: readonly string[];
  /** Row labels of the header table(s), in order; a table after the summary is marked "(after summary)". */
  readonly header: readonly string[];
  /** "## 1. Introduction and Background: 1.1 1.2" — level, number, title, then paragraph numbers if any. */
  readonly headings: readonly string[];
  /** The authorisation table: title, column headings, row labels; null when there is none. */
  readonly authorisation: {
    readonly title: string;
    readonly columns: string;
    readonly rows: readonly string[];
  } | null;
}

const cellText = (cell: readonly (readonly { text: string }[])[]): string =>
  cell.map((line) => line.map((run) => run.text).join('')).join(' / ');

const rowLabels = (table: TableBlock): string[] => table.rows.map((row) => cellText(row[0] ?? []));

/** The report ends with the heading of the plan itself: the level-2 heading followed by the plan's lead line. */
function reportBlocks(model: DocumentModel): DocBlock[] {
  const blocks = model.blocks;
  const end = blocks.findIndex(
    (b, i) =>
      b.type === 'heading' &&
      b.level === 2 &&
      blocks[i + 1]?.type === 'paragraph' &&
      (blocks[i + 1] as { style?: string }).style === 'lead',
  );
  return end < 0 ? [...blocks] : blocks.slice(0, end + 1);
}

export function outlineOf(model: DocumentModel, authorisationTitle: string | null): ReportOutline {
  const blocks = reportBlocks(model);
  const banners = blocks.flatMap((b) =>
    b.type === 'paragraph' && b.style === 'banner' ? [b.runs.map((r) => r.text).join('')] : [],
  );
  const header = blocks.flatMap((b) => {
    if (b.type !== 'table') return [];
    if (b.caption === 'Report details') return rowLabels(b);
    if (b.caption === 'Report details, continued') return rowLabels(b).map((l) => `${l} (after summary)`);
    return [];
  });
  const headings: string[] = [];
  let numbers: string[] = [];
  const flush = () => {
    const last = headings.pop();
    if (last !== undefined) headings.push(numbers.length > 0 ? `${last}: ${numbers.join(' ')}` : last);
    numbers = [];
  };
  for (const b of blocks) {
    if (b.type === 'heading' && b.level > 1) {
      flush();
      headings.push(`${'#'.repeat(b.level)} ${b.number === undefined ? '' : `${b.number}. `}${b.text}`);
    } else if (b.type === 'paragraph' && b.number !== undefined) numbers.push(b.number);
  }
  flush();
  const table =
    authorisationTitle === null
      ? undefined
      : blocks.find((b): b is TableBlock => b.type === 'table' && b.caption === authorisationTitle);
  return {
    banners,
    header,
    headings,
    authorisation:
      table === undefined
        ? null
        : {
            title: table.caption,
            columns: (table.header ?? []).map(cellText).join(' | '),
            rows: rowLabels(table),
          },
  };
}
