/**
 * The cover report's headings in order, from a council's report format alone: what the document
 * assembler lays out and what the tab shows as the report's contents.
 */
import { positionLabel } from './numbering.js';
import type { AppendixTemplate, ReportFormat, ReportHeading } from '../templates/report-format.js';

export interface OutlineHeading {
  readonly level: 1 | 2;
  /**
   * The section number of a numbered heading: "1", "2", … (or "A", "B", …) counted over numbered headings
   * only, from 1 again where a heading restarts the count.
   */
  readonly number?: string;
  readonly title: string;
  /** The key of the heading, implication or appendix (one namespace in a valid format). */
  readonly key: string;
}

const normalised = (title: string): string => title.trim().replace(/\s+/g, ' ').toLowerCase();

const appendixHeading = (format: ReportFormat, appendix: AppendixTemplate, position: number) => {
  const label = format.appendixLabel;
  const title =
    label === undefined
      ? appendix.title
      : `${label.prefix} ${positionLabel(label.style, position)}${label.separator}${appendix.title}`;
  return { title, key: appendix.key };
};

/**
 * The implications a heading holds, as sub-headings. A heading that holds a single implication of the
 * same title ("4. Financial Implications") is that implication's heading, so it is not repeated below.
 */
const implicationSubHeadings = (
  format: ReportFormat,
  keys: readonly string[],
  parentTitle?: string,
): OutlineHeading[] => {
  const byKey = new Map(format.implications.headings.map((h) => [h.key, h]));
  const held = keys.flatMap((k) => {
    const implication = byKey.get(k);
    return implication === undefined ? [] : [implication];
  });
  const [only] = held;
  if (
    held.length === 1 &&
    only !== undefined &&
    parentTitle !== undefined &&
    normalised(only.title) === normalised(parentTitle)
  )
    return [];
  return held.map((h) => ({ level: 2, title: h.title, key: h.key }));
};

/** Implications not placed under a heading are in the implications appendix (one per valid format). */
const implicationsOutsideHeadings = (format: ReportFormat): string[] => {
  const underHeadings = new Set(format.headings.flatMap((h) => h.implicationKeys ?? []));
  return format.implications.headings.map((h) => h.key).filter((k) => !underHeadings.has(k));
};

/**
 * Appendices are listed under the heading that lists them (e.g. "7. Appendices") or, where the report has
 * no such heading, follow the report as top-level parts with the implications checklist beneath its appendix.
 */
export const reportOutline = (format: ReportFormat): OutlineHeading[] => {
  const outline: OutlineHeading[] = [];
  const appendices = format.appendices.map((a, i) => ({
    ...appendixHeading(format, a, i + 1),
    content: a.content,
  }));
  const listsAppendices = (h: ReportHeading): boolean => h.kind === 'appendices';
  const appendicesHeading = format.headings.find(listsAppendices);
  let sectionNumber = 0;

  for (const heading of format.headings) {
    if (heading.numbered && heading.numbering?.restart === true) sectionNumber = 0;
    const number = heading.numbered ? positionLabel(heading.numbering?.style, ++sectionNumber) : undefined;
    outline.push(
      number === undefined
        ? { level: 1, title: heading.title, key: heading.key }
        : { level: 1, number, title: heading.title, key: heading.key },
    );
    outline.push(...implicationSubHeadings(format, heading.implicationKeys ?? [], heading.title));
    if (heading === appendicesHeading)
      outline.push(...appendices.map((a) => ({ level: 2 as const, title: a.title, key: a.key })));
  }

  if (appendicesHeading === undefined)
    for (const appendix of appendices) {
      outline.push({ level: 1, title: appendix.title, key: appendix.key });
      if (appendix.content === 'implications')
        outline.push(...implicationSubHeadings(format, implicationsOutsideHeadings(format)));
    }
  return outline;
};
