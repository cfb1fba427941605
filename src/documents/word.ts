/**
 * DocumentModel → .docx. Real heading styles (Heading1…6), paragraph numbers as text prefixes with a
 * hanging indent, tables with a repeating header row, core properties, en-GB as the language of every run,
 * page numbers in the footer, A4 portrait.
 *
 * Output is byte-identical for identical input. docx stamps the core properties and every zip entry with
 * the current time and names hyperlink relationships with random ids, so the package is post-processed:
 * core.xml is written from the model, link relationship ids are renumbered in document order, and the zip
 * is rebuilt with the model's date (zip.ts).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  LevelFormat,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ParagraphChild } from 'docx';
import type {
  DocBlock,
  DocLine,
  DocumentMetadata,
  DocumentModel,
  HeadingBlock,
  ListBlock,
  TableBlock,
} from '../domain/documents/document-model.js';
import { readZip, writeZip } from './zip.js';
import type { ZipEntry } from './zip.js';

/** The page and type the page estimate is calibrated against (see README.md). */
export const WORD_LAYOUT = {
  /** A4 in twentieths of a point. */
  pageWidth: 11906,
  pageHeight: 16838,
  /** 2.54 cm all round. */
  margin: 1440,
  font: 'Arial',
  /** Half-points: 12 pt body text. */
  bodySize: 24,
  /** 240ths of a line: 1.15 lines. */
  lineSpacing: 276,
  /** Twentieths of a point after each paragraph: 6 pt. */
  paragraphAfter: 120,
} as const;

const TEXT_WIDTH = WORD_LAYOUT.pageWidth - 2 * WORD_LAYOUT.margin;
const NUMBER_INDENT = 851; // 1.5 cm: room for "12.10" before the text.
const LANGUAGE = { value: 'en-GB' } as const;
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '595959' } as const;
const HEADING_LEVELS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

// Characters XML cannot carry; assembly removes them already, this keeps the renderer safe on its own.
const UNREPRESENTABLE = /[\p{Cc}\p{Cs}\uFFFE\uFFFF]/gu;
const safe = (text: string): string => text.replace(/[\t\r\n]+/g, ' ').replace(UNREPRESENTABLE, '');

function runs(line: DocLine, extra: { bold?: boolean } = {}): ParagraphChild[] {
  return line.map((run) => {
    const text = new TextRun({
      text: safe(run.text),
      ...(run.bold || extra.bold ? { bold: true } : {}),
      ...(run.italic ? { italics: true } : {}),
      ...(run.href ? { style: 'Hyperlink' } : {}),
    });
    return run.href ? new ExternalHyperlink({ link: run.href, children: [text] }) : text;
  });
}

function heading(block: HeadingBlock, pageBreakBefore: boolean): Paragraph {
  const text = block.number === undefined ? block.text : `${block.number}. ${block.text}`;
  return new Paragraph({
    heading: HEADING_LEVELS[block.level - 1],
    children: [new TextRun({ text: safe(text) })],
    ...(pageBreakBefore ? { pageBreakBefore: true } : {}),
  });
}

/** Column widths as the table shares them, or by column count: a label column and wider text columns, else equal. */
function columnWidths(count: number, given?: readonly number[]): number[] {
  const shares =
    given?.length === count
      ? given
      : count === 2
        ? [0.35, 0.65]
        : count === 3
          ? [0.4, 0.3, 0.3]
          : Array<number>(count).fill(1 / count);
  return shares.map((share: number) => Math.floor(TEXT_WIDTH * share));
}

function cell(lines: readonly DocLine[], width: number, header: boolean): TableCell {
  const paragraphs = (lines.length > 0 ? lines : [[]]).map(
    (line) => new Paragraph({ children: runs(line, { bold: header }), spacing: { after: 60 } }),
  );
  return new TableCell({
    children: paragraphs,
    width: { size: width, type: WidthType.DXA },
    margins: { top: 60, bottom: 60, left: 100, right: 100 },
    ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E7E6E6' } } : {}),
  });
}

function table(block: TableBlock, pageBreakBefore: boolean): (Paragraph | Table)[] {
  const count = Math.max(block.header?.length ?? 0, ...block.rows.map((row) => row.length), 1);
  const widths = columnWidths(count, block.columnShares);
  const pad = <T>(row: readonly T[], empty: T): T[] => [...row, ...Array<T>(count - row.length).fill(empty)];
  const rows = [
    ...(block.header === null
      ? []
      : [
          new TableRow({
            tableHeader: true,
            cantSplit: true,
            children: pad(block.header, []).map((c, i) => cell(c, widths[i] ?? 0, true)),
          }),
        ]),
    ...block.rows.map(
      (row) =>
        new TableRow({
          cantSplit: true,
          children: pad(row, []).map((c, i) => cell(c, widths[i] ?? 0, block.rowHeaders && i === 0)),
        }),
    ),
  ];
  return [
    new Paragraph({
      style: 'Caption',
      keepNext: true,
      children: [new TextRun({ text: safe(block.caption) })],
      ...(pageBreakBefore ? { pageBreakBefore: true } : {}),
    }),
    new Table({
      rows,
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      borders: {
        top: BORDER,
        bottom: BORDER,
        left: BORDER,
        right: BORDER,
        insideHorizontal: BORDER,
        insideVertical: BORDER,
      },
    }),
    // Word joins two tables that touch; a 6 pt gap keeps each its own and spaces the text that follows.
    new Paragraph({
      children: [],
      spacing: { before: 0, after: 0, line: 120, lineRule: LineRuleType.EXACT },
    }),
  ];
}

function list(block: ListBlock, instance: number, pageBreakBefore: boolean): Paragraph[] {
  return block.items.map(
    (item, i) =>
      new Paragraph({
        children: runs(item),
        numbering: { reference: block.ordered ? 'ordered' : 'bullets', level: 0, instance },
        spacing: { after: 60 },
        ...(pageBreakBefore && i === 0 ? { pageBreakBefore: true } : {}),
      }),
  );
}

function body(blocks: readonly DocBlock[]): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  let breakPending = false;
  let lists = 0;
  for (const block of blocks) {
    const pageBreakBefore = breakPending;
    breakPending = false;
    switch (block.type) {
      case 'pageBreak':
        breakPending = true;
        break;
      case 'heading':
        out.push(heading(block, pageBreakBefore));
        break;
      case 'paragraph': {
        const numbered = block.number !== undefined;
        out.push(
          new Paragraph({
            children: [
              ...(numbered ? [new TextRun({ text: `${block.number}\t` })] : []),
              ...runs(block.runs, { bold: block.style === 'lead' }),
            ],
            ...(numbered ? { indent: { left: NUMBER_INDENT, hanging: NUMBER_INDENT } } : {}),
            ...(block.style === 'note' ? { style: 'Note' } : {}),
            // A banner line ("OPEN REPORT") sits at the top right, as councils print it.
            ...(block.style === 'banner' ? { alignment: AlignmentType.RIGHT } : {}),
            ...(pageBreakBefore ? { pageBreakBefore: true } : {}),
          }),
        );
        break;
      }
      case 'list':
        out.push(...list(block, ++lists, pageBreakBefore));
        break;
      case 'table':
        out.push(...table(block, pageBreakBefore));
        break;
    }
  }
  return out;
}

function footer(metadata: DocumentMetadata): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            size: 18,
            children: [
              `${safe(metadata.title)} · ${metadata.versionLabel} · Page `,
              PageNumber.CURRENT,
              ' of ',
              PageNumber.TOTAL_PAGES,
            ],
          }),
        ],
      }),
    ],
  });
}

function document(model: DocumentModel): Document {
  const { metadata } = model;
  const headingStyle = (size: number, italics = false) => ({
    run: { size, bold: true, italics, color: '000000', font: WORD_LAYOUT.font },
    paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, keepLines: true },
  });
  return new Document({
    title: metadata.title,
    subject: metadata.subject,
    creator: metadata.creator,
    description: metadata.description,
    styles: {
      default: {
        document: {
          run: { font: WORD_LAYOUT.font, size: WORD_LAYOUT.bodySize, language: LANGUAGE },
          paragraph: { spacing: { after: WORD_LAYOUT.paragraphAfter, line: WORD_LAYOUT.lineSpacing } },
        },
        heading1: headingStyle(36),
        heading2: headingStyle(30),
        heading3: headingStyle(26),
        heading4: headingStyle(24),
        heading5: headingStyle(24, true),
        heading6: headingStyle(22, true),
        caption: {
          run: { bold: true, size: 22, color: '000000' },
          paragraph: { spacing: { before: 120, after: 60 }, keepNext: true },
        },
        hyperlink: { run: { color: '0B4F9C', underline: {} } },
      },
      paragraphStyles: [
        { id: 'Note', name: 'Note', basedOn: 'Normal', next: 'Normal', run: { italics: true } },
      ],
    },
    numbering: {
      config: [
        {
          reference: 'bullets',
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '•',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 720, hanging: 360 } } },
            },
          ],
        },
        {
          reference: 'ordered',
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 720, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: {
              width: WORD_LAYOUT.pageWidth,
              height: WORD_LAYOUT.pageHeight,
              orientation: PageOrientation.PORTRAIT,
            },
            margin: {
              top: WORD_LAYOUT.margin,
              bottom: WORD_LAYOUT.margin,
              left: WORD_LAYOUT.margin,
              right: WORD_LAYOUT.margin,
              header: 708,
              footer: 708,
            },
          },
        },
        footers: { default: footer(metadata) },
        children: body(model.blocks),
      },
    ],
  });
}

const escapeXml = (text: string): string => safe(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Core properties from the model: docx would stamp them with the current time. */
function coreXml(metadata: DocumentMetadata): string {
  const element = (name: string, value: string) => `<${name}>${escapeXml(value)}</${name}>`;
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"',
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    element('dc:title', metadata.title),
    element('dc:subject', metadata.subject),
    element('dc:creator', metadata.creator),
    element('dc:description', metadata.description),
    element('dc:language', metadata.language),
    element('cp:revision', String(metadata.version)),
    `<dcterms:created xsi:type="dcterms:W3CDTF">${escapeXml(metadata.created)}</dcterms:created>`,
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${escapeXml(metadata.modified)}</dcterms:modified>`,
    '</cp:coreProperties>',
  ].join('');
}

const DOCUMENT = 'word/document.xml';
const DOCUMENT_RELS = 'word/_rels/document.xml.rels';

/**
 * Relationship ids other than docx's own rIdN are random; they are renamed rIdLinkN in the order the
 * document first refers to them, which is fixed by the content.
 */
function renumberRelationships(entries: ZipEntry[]): ZipEntry[] {
  const text = (name: string) => new TextDecoder().decode(entries.find((e) => e.name === name)?.data);
  const rels = text(DOCUMENT_RELS);
  const doc = text(DOCUMENT);
  const random = [...rels.matchAll(/\bId="([^"]+)"/g)]
    .map((m) => m[1] ?? '')
    .filter((id) => !/^rId\d+$/.test(id));
  if (random.length === 0) return entries;
  const firstUse = (id: string) => {
    const at = doc.indexOf(`"${id}"`);
    return at < 0 ? Number.MAX_SAFE_INTEGER : at;
  };
  const ordered = [...random].sort((a, b) => firstUse(a) - firstUse(b) || (a < b ? -1 : a > b ? 1 : 0));
  const renamed = new Map(ordered.map((id, i) => [id, `rIdLink${i + 1}`]));
  const rename = (xml: string) =>
    xml.replace(/"([^"]+)"/g, (quoted, id: string) => {
      const to = renamed.get(id);
      return to === undefined ? quoted : `"${to}"`;
    });
  const encoder = new TextEncoder();
  return entries.map((entry) =>
    entry.name === DOCUMENT || entry.name === DOCUMENT_RELS
      ? { name: entry.name, data: encoder.encode(rename(text(entry.name))) }
      : entry,
  );
}

/** The model as a .docx file: the same model always gives the same bytes. */
export async function renderWord(model: DocumentModel): Promise<Uint8Array> {
  const packed = await Packer.toBuffer(document(model));
  const core = new TextEncoder().encode(coreXml(model.metadata));
  const entries = renumberRelationships(readZip(packed)).map((entry) =>
    entry.name === 'docProps/core.xml' ? { name: entry.name, data: core } : entry,
  );
  // Conventionally first, as Word writes it; some tools sniff the type from the first entry.
  const types = entries.filter((e) => e.name === '[Content_Types].xml');
  return writeZip(
    [...types, ...entries.filter((e) => e.name !== '[Content_Types].xml')],
    model.metadata.modified,
  );
}
