/** The implications (finance, legal, …) where the format puts them: under headings, or as a table. */
import { findSection, type Section } from '../plan/plan.js';
import type { ImplicationHeading, ReportHeading } from '../templates/report-format.js';
import type { AssemblyContext } from './assembly-context.js';
import type { DocBlock, HeadingLevel, TableBlock } from './document-model.js';
import { note, NOT_COMPLETED, richBlocks, richLines, type Numberer } from './rich-blocks.js';
import { completedBy } from './sign-offs.js';
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
  const completed = completedBy(context, section);
  const body = richBlocks(section.content, level, implication.title, number);
  return [...(completed ? [note(completed)] : []), ...(body.length > 0 ? body : [note(NOT_COMPLETED)])];
}

export function implicationsTable(
  context: AssemblyContext,
  heading: ReportHeading,
  implications: readonly ImplicationHeading[],
): TableBlock {
  return {
    type: 'table',
    caption: heading.title,
    header: [[plain('Implication')], [plain('Details')]],
    rows: implications.map((implication) => {
      const section = implicationSection(context, implication);
      const completed = section ? completedBy(context, section) : null;
      const lines = section ? richLines(section.content) : [];
      return [
        [plain(implication.title)],
        [...(completed ? [plain(completed)] : []), ...(lines.length > 0 ? lines : [plain(NOT_COMPLETED)])],
      ];
    }),
    rowHeaders: true,
  };
}
