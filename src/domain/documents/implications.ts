/** The implications (finance, legal, …) where the format puts them: under headings, or as a table. */
import { findSection, type Section } from '../plan/plan.js';
import type { ImplicationHeading, ReportHeading } from '../templates/report-format.js';
import { awaited } from './awaited.js';
import type { AssemblyContext } from './assembly-context.js';
import type { DocBlock, HeadingLevel, TableBlock } from './document-model.js';
import { note, NOT_COMPLETED, richBlocks, richLines, type Numberer } from './rich-blocks.js';
import { authorAround, implicationAuthor } from './sign-offs.js';
import { plain } from './text-runs.js';

function implicationSection(context: AssemblyContext, implication: ImplicationHeading): Section | undefined {
  return findSection(context.plan, `implications.${implication.key}`);
}

export function implicationBody(
  context: AssemblyContext,
  implication: ImplicationHeading,
  level: HeadingLevel,
  number: Numberer,
): DocBlock[] {
  const section = implicationSection(context, implication);
  if (section === undefined) return [note(NOT_COMPLETED)];
  const toFollow = awaited(section);
  if (toFollow !== null) return [note(toFollow)];
  const body = richBlocks(section.content, level, implication.title, number);
  return authorAround(context, section, body.length > 0 ? body : [note(NOT_COMPLETED)], note);
}

export function implicationsTable(
  context: AssemblyContext,
  heading: ReportHeading,
  implications: readonly ImplicationHeading[],
): TableBlock {
  const columns = context.format.implications.tableColumns;
  const signOffColumn = columns?.signOff !== undefined;
  return {
    type: 'table',
    caption: heading.title,
    header: [
      [plain(columns?.implication ?? 'Implication')],
      [plain(columns?.details ?? 'Details')],
      ...(signOffColumn ? [[plain(columns.signOff ?? '')]] : []),
    ],
    rows: implications.map((implication) => {
      const section = implicationSection(context, implication);
      const toFollow = awaited(section);
      const written = toFollow === null ? section : undefined;
      const lines = toFollow !== null ? [plain(toFollow)] : section ? richLines(section.content) : [];
      const text = lines.length > 0 ? lines : [plain(NOT_COMPLETED)];
      if (signOffColumn) {
        const author = written ? implicationAuthor(context, written) : null;
        return [
          [plain(implication.title)],
          text,
          author === null ? [plain('')] : [plain(author.who), plain(author.state)],
        ];
      }
      return [[plain(implication.title)], written ? authorAround(context, written, text, plain) : text];
    }),
    rowHeaders: true,
    // The implications themselves need the room; the issue and who signed it off are short.
    ...(signOffColumn ? { columnShares: [0.25, 0.5, 0.25] } : {}),
  };
}
