/** Paragraph numbers as the council prints them, and which kinds of heading have numbered paragraphs. */
import type { ReportFormat, ReportHeading } from '../templates/report-format.js';
import { unnumbered, type Numberer } from './rich-blocks.js';

/**
 * Paragraph numbers as the council prints them: none; continuous over the report's body (Durham 1, 2, 3);
 * or within each numbered heading (Barking 4.1, 4.2). Lists, tables, assembled notes and the plan itself
 * are never numbered.
 */
export function paragraphNumbering(format: ReportFormat) {
  let continuous = 0;
  return (heading: { readonly number: string | undefined; readonly numberable: boolean }): Numberer => {
    if (!heading.numberable || format.paragraphNumbering === 'none') return unnumbered;
    if (format.paragraphNumbering === 'continuous') return () => String(++continuous);
    if (heading.number === undefined) return unnumbered;
    let within = 0;
    const prefix = heading.number;
    return () => `${prefix}.${++within}`;
  };
}

export const NUMBERED_KINDS: ReadonlySet<ReportHeading['kind']> = new Set([
  'summary',
  'recommendations',
  'reasons',
  'narrative',
  'corporate-plan-objectives',
  'implications',
]);
