/** The cover report's written headings, its author lines and what it says of each appendix. */
import { findSection } from '../plan/plan.js';
import type { AppendixTemplate, ReportHeading } from '../templates/report-format.js';
import { longDate } from '../wording/dates.js';
import { nameOf, type AssemblyContext } from './assembly-context.js';
import { awaited } from './awaited.js';
import type { DocBlock, HeadingLevel, TableBlock } from './document-model.js';
import { note, NOT_WRITTEN, richBlocks, type Numberer } from './rich-blocks.js';
import { cleanText, plain } from './text-runs.js';

export function writtenSection(
  context: AssemblyContext,
  heading: ReportHeading,
  level: HeadingLevel,
  number: Numberer,
): DocBlock[] {
  const section = findSection(context.plan, `report.${heading.key}`);
  const toFollow = awaited(section);
  if (toFollow !== null) return [note(toFollow)];
  const blocks = section ? richBlocks(section.content, level, heading.title, number) : [];
  if (blocks.length > 0) return blocks;
  // Councils print "None" under background papers when there are none.
  return [note(heading.kind === 'background-papers' ? 'None.' : NOT_WRITTEN)];
}

export function glossaryTable(heading: ReportHeading): TableBlock {
  return {
    type: 'table',
    caption: cleanText(heading.title),
    header: [[plain('Term')], [plain('Meaning')]],
    rows: (heading.terms ?? []).map((t) => [[plain(t.term)], [plain(t.meaning)]]),
    rowHeaders: true,
  };
}

/** The author heading names the report author role's holders (the plan lead where there is none). */
export function authorLines(context: AssemblyContext): DocBlock[] {
  const { plan } = context;
  const authors = plan.roles['report-author'] ?? [];
  const people = authors.length > 0 ? authors : [plan.leadId];
  return people.map((id) => ({ type: 'paragraph', runs: plain(`Contact: ${nameOf(context, id)}`) }));
}

function letterReference(context: AssemblyContext): DocBlock {
  const sources = new Map<string, string>();
  for (const section of context.plan.sections)
    for (const question of section.definition.promptQuestions) {
      const { title, author, date } = question.source;
      sources.set(`${title}|${author}|${date}`, `“${title}”, ${author}, ${longDate(date)}`);
    }
  const cited = [...sources.values()];
  const what = cited.length > 0 ? `${cited.join('; ')}. ` : '';
  return note(`${what}Published by the Government; not reproduced in this document.`);
}

export function appendixReference(context: AssemblyContext, appendix: AppendixTemplate): DocBlock[] {
  switch (appendix.content) {
    case 'plan':
      return [note('The plan follows this report in full.')];
    case 'government-letter':
      return [letterReference(context)];
    case 'implications':
      return [note('The implications are set out in this appendix.')];
    case 'other':
      return [note('Provided separately.')];
  }
}
