/**
 * The assembled document (cover report + plan) as a small, renderer-neutral model. Assembly decides
 * everything a reader sees — order, heading levels, numbers, wording of assembled lines — so the Word and
 * HTML renderers only map shapes and cannot disagree about content. All text is plain text; renderers
 * escape it. Nothing here depends on the clock or on random ids, so one plan gives one model.
 */
import type { IsoDate, IsoDateTime } from '../plan/plan.js';

/** A run of text, optionally a link. `href` is always an http(s) or mailto address. */
export interface DocRun {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly href?: string;
}

/** One line (paragraph) of runs. */
export type DocLine = readonly DocRun[];

/**
 * Heading levels are final and never skip: 1 is the document's title, 2 the cover report's headings and
 * the appendix holding the plan, 3 and below what sits under them.
 */
export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

export interface HeadingBlock {
  readonly type: 'heading';
  readonly level: HeadingLevel;
  /** The section number shown before the text ("4"), when the format numbers the heading. */
  readonly number?: string;
  readonly text: string;
}

/**
 * `number` is the paragraph number the council's format gives ("4.1", "12" or "(a)"); renderers show it as
 * a text prefix. `style` 'lead' is a standfirst under a title; 'note' is an assembled remark such as
 * "Completed by: …" or "Not yet written."; 'banner' is a line above the title such as "OPEN REPORT".
 */
export interface ParagraphBlock {
  readonly type: 'paragraph';
  readonly runs: DocLine;
  readonly number?: string;
  readonly style?: 'lead' | 'note' | 'banner';
}

export interface ListBlock {
  readonly type: 'list';
  readonly ordered: boolean;
  readonly items: readonly DocLine[];
}

/** A cell holds one or more lines (Word paragraphs, HTML line breaks). */
export type TableCell = readonly DocLine[];

/**
 * Every table has a caption (accessible name). `header` is the column header row, repeated on each printed
 * page; null when the author's own table has none. With `rowHeaders`, each row's first cell heads its row.
 */
export interface TableBlock {
  readonly type: 'table';
  readonly caption: string;
  readonly header: readonly TableCell[] | null;
  readonly rows: readonly (readonly TableCell[])[];
  readonly rowHeaders: boolean;
  /** How the width is shared between the columns on a printed page (fractions summing to 1); absent: by count. */
  readonly columnShares?: readonly number[];
}

/** The next block starts a new printed page. */
export interface PageBreakBlock {
  readonly type: 'pageBreak';
}

/** One point of a chart: where it sits in time, what it is called, its value. */
export interface ChartPoint {
  readonly date: IsoDate;
  readonly label: string;
  readonly value: number;
}

/**
 * A line chart of reported values against the straight trajectory from a baseline to a target (progress
 * updates). It is a picture of data that is always also in the table block named by `table`, so a
 * renderer that cannot draw it (Word) may leave it out and nothing is lost; the HTML draws it as an
 * inline SVG image whose accessible name is `title` and whose description is `description`.
 */
export interface ChartBlock {
  readonly type: 'chart';
  readonly title: string;
  /** The whole chart in words: baseline, target, every value shown. */
  readonly description: string;
  /** How values are written on the axis: "£" before, "%" or " hours" after. */
  readonly unit: { readonly prefix: string; readonly suffix: string };
  readonly baseline: ChartPoint;
  readonly target: ChartPoint;
  /** Reported values in time order. */
  readonly values: readonly ChartPoint[];
  /** The caption of the table holding the same data. */
  readonly table: string;
}

export type DocBlock = HeadingBlock | ParagraphBlock | ListBlock | TableBlock | PageBreakBlock | ChartBlock;

export interface DocumentMetadata {
  readonly title: string;
  readonly subject: string;
  /** The council: the document is the organisation's, not one officer's. */
  readonly creator: string;
  readonly description: string;
  readonly language: 'en-GB';
  /** From the plan, never the clock, so that renders of the same content are byte-identical. */
  readonly created: IsoDateTime;
  readonly modified: IsoDateTime;
  /** The content hash approvals bind to, and the version number people see for it. */
  readonly contentHash: string;
  readonly version: number;
  /** Short line for running footers: "Version 3 (a1b2c3d)". */
  readonly versionLabel: string;
}

export interface DocumentModel {
  readonly metadata: DocumentMetadata;
  readonly blocks: readonly DocBlock[];
}
