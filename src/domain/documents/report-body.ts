/** The cover report's body in outline order: headings, sections, implications, sign-offs, appendices. */
import type { ReportHeading } from '../templates/report-format.js';
import type { AssemblyContext } from './assembly-context.js';
import type { DocBlock } from './document-model.js';
import { implicationBody, implicationsTable } from './implications.js';
import { NUMBERED_KINDS, paragraphNumbering } from './paragraph-numbering.js';
import { planAppendix } from './plan-sections.js';
import { reportOutline } from './report-outline.js';
import { headerTable, rowFields } from './report-header.js';
import { appendixReference, authorLines, glossaryTable, writtenSection } from './report-sections.js';
import { unnumbered, type Numberer } from './rich-blocks.js';
import { authorisationTable } from './sign-offs.js';
import { cleanText } from './text-runs.js';

export function reportBody(context: AssemblyContext): DocBlock[] {
  const { format } = context;
  const outline = reportOutline(format);
  const headingByKey = new Map(format.headings.map((h) => [h.key, h]));
  const implicationByKey = new Map(format.implications.headings.map((i) => [i.key, i]));
  const appendixByKey = new Map(format.appendices.map((a) => [a.key, a]));
  const subEntries = new Set(outline.filter((e) => e.level === 2).map((e) => e.key));
  const underHeadings = new Set(format.headings.flatMap((h) => h.implicationKeys ?? []));
  const numbering = paragraphNumbering(format);

  const blocks: DocBlock[] = [];
  // What level-2 entries sit under: their paragraph numbers continue the enclosing heading's.
  let enclosing: { readonly kind: ReportHeading['kind'] | null; readonly number: Numberer } = {
    kind: null,
    number: unnumbered,
  };
  let inTable = new Set<string>();
  let authorised = false;
  let listedPlanTitle: string | null = null;
  // Header fields the format places after the summary follow its first summary heading.
  const firstSummary = format.headings.find((h) => h.kind === 'summary');

  for (const entry of outline) {
    const heading = entry.level === 1 ? headingByKey.get(entry.key) : undefined;
    const implication = entry.level === 2 ? implicationByKey.get(entry.key) : undefined;
    const appendix =
      heading === undefined && implication === undefined ? appendixByKey.get(entry.key) : undefined;

    if (heading !== undefined) {
      const table = heading.kind === 'implications' && format.implications.presentation === 'table';
      const number = numbering({
        number: entry.number,
        numberable: NUMBERED_KINDS.has(heading.kind) && !table,
        numbering: heading.numbering,
      });
      enclosing = { kind: heading.kind, number };
      inTable = new Set();
      blocks.push({
        type: 'heading',
        level: 2,
        text: entry.title,
        ...(entry.number === undefined ? {} : { number: entry.number }),
      });
      if (heading.kind === 'implications') {
        const held = (heading.implicationKeys ?? []).flatMap((k) => implicationByKey.get(k) ?? []);
        if (table) {
          blocks.push(implicationsTable(context, heading, held));
          inTable = new Set(held.map((i) => i.key));
        } else {
          // A heading holding one implication of its own title is that implication's heading.
          for (const i of held.filter((h) => !subEntries.has(h.key)))
            blocks.push(...implicationBody(context, i, 2, number));
        }
      } else if (heading.kind === 'author') blocks.push(...authorLines(context));
      else if (heading.kind === 'glossary') blocks.push(glossaryTable(heading));
      else if (heading.kind !== 'appendices') blocks.push(...writtenSection(context, heading, 2, number));
      if (heading === firstSummary)
        blocks.push(
          ...headerTable(context, rowFields(context, 'after-summary'), 'Report details, continued'),
        );
      continue;
    }

    if (implication !== undefined) {
      if (inTable.has(implication.key)) continue;
      blocks.push({ type: 'heading', level: 3, text: entry.title });
      const number = enclosing.kind === 'implications' ? enclosing.number : unnumbered;
      blocks.push(...implicationBody(context, implication, 3, number));
      continue;
    }

    if (appendix === undefined) continue;
    if (entry.level === 2) {
      // Listed under the report's appendices heading; the plan itself follows the report.
      blocks.push({ type: 'heading', level: 3, text: entry.title }, ...appendixReference(context, appendix));
      if (appendix.content === 'plan') listedPlanTitle = entry.title;
      if (appendix.content === 'implications')
        for (const i of format.implications.headings.filter((h) => !underHeadings.has(h.key)))
          blocks.push(
            { type: 'heading', level: 4, text: i.title },
            ...implicationBody(context, i, 4, unnumbered),
          );
      continue;
    }
    // Appendices that follow the report as parts of their own: the authorisation table closes the report.
    if (!authorised) {
      blocks.push(...authorisationTable(context));
      authorised = true;
    }
    enclosing = { kind: null, number: unnumbered };
    inTable = new Set();
    if (appendix.content === 'plan') {
      blocks.push(...planAppendix(context.plan, entry.title));
      continue;
    }
    blocks.push({ type: 'pageBreak' }, { type: 'heading', level: 2, text: entry.title });
    // The implications appendix's own entries follow in the outline.
    if (appendix.content !== 'implications') blocks.push(...appendixReference(context, appendix));
  }
  if (!authorised) blocks.push(...authorisationTable(context));
  if (listedPlanTitle !== null) blocks.push(...planAppendix(context.plan, listedPlanTitle));
  else if (!format.appendices.some((a) => a.content === 'plan'))
    blocks.push(...planAppendix(context.plan, cleanText(context.plan.title)));
  return blocks;
}
