/** Paragraph numbers as the council prints them, and which kinds of heading have numbered paragraphs. */
import type { HeadingNumbering, ReportFormat, ReportHeading } from '../templates/report-format.js';
import { listLabel } from './numbering.js';
import { unnumbered, type Numberer } from './rich-blocks.js';

/**
 * Paragraph numbers as the council prints them: none; continuous over the report's body (Durham 1, 2, 3);
 * or within each numbered heading (Barking 4.1, 4.2); or, where a heading says so, as a list of its own
 * ((a), (b) …). Lists, tables, assembled notes and the plan itself are never numbered.
 */
export function paragraphNumbering(format: ReportFormat) {
  let continuous = 0;
  const onCounter: Numberer = () => String(++continuous);
  const within = (prefix: string | undefined): Numberer => {
    if (prefix === undefined) return unnumbered;
    let n = 0;
    return () => `${prefix}.${++n}`;
  };
  return (heading: {
    readonly number: string | undefined;
    readonly numberable: boolean;
    readonly numbering?: HeadingNumbering | undefined;
  }): Numberer => {
    if (!heading.numberable) return unnumbered;
    const mode = heading.numbering?.paragraphs ?? 'report';
    switch (mode) {
      case 'none':
        return unnumbered;
      case 'continuous':
        return onCounter;
      case 'within-heading':
        return within(heading.number);
      case 'list': {
        let n = 0;
        const style = heading.numbering?.paragraphStyle;
        return () => listLabel(style, ++n);
      }
      case 'report':
        if (format.paragraphNumbering === 'none') return unnumbered;
        if (format.paragraphNumbering === 'continuous') return onCounter;
        return within(heading.number);
    }
  };
}

export const NUMBERED_KINDS: ReadonlySet<ReportHeading['kind']> = new Set([
  'summary',
  'recommendations',
  'reasons',
  'narrative',
  'corporate-plan-objectives',
  'implications',
  'options',
]);
