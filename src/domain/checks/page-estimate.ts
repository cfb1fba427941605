/**
 * Estimated printed length of the plan (not the cover report), against the template's page budget.
 * The metrics are parameters so the documents work can calibrate them against real rendering.
 */
import type { Plan, Section } from '../plan/plan.js';
import type { Block } from '../sections/rich-text.js';
import { wordCount } from '../sections/rich-text.js';

export interface PageMetrics {
  /** Body words on a full A4 page in the house style. */
  readonly wordsPerPage: number;
  /** Space a section heading takes, in words of body text. */
  readonly sectionHeadingWords: number;
  readonly subheadingWords: number;
  /** Extra space per list item and table row beyond its words (line breaks, padding, borders). */
  readonly listItemWords: number;
  readonly tableRowWords: number;
}

/**
 * Fitted to the Word rendering (src/documents/word.ts) converted to PDF by LibreOffice 7.4 for 14 plans
 * of different sizes and shapes: within ±0.3 pages on 13 of them, every plan up to 6 pages included.
 * Method and figures: src/documents/README.md.
 */
export const defaultPageMetrics: PageMetrics = {
  wordsPerPage: 547,
  sectionHeadingWords: 30,
  subheadingWords: 20,
  listItemWords: 7,
  tableRowWords: 17,
};

function blockOverhead(block: Block, metrics: PageMetrics): number {
  switch (block.type) {
    case 'heading':
      return metrics.subheadingWords;
    case 'list':
      return block.items.length * metrics.listItemWords;
    case 'table':
      return block.rows.length * metrics.tableRowWords;
    case 'paragraph':
      return 0;
  }
}

export function sectionWordEquivalent(section: Section, metrics: PageMetrics = defaultPageMetrics): number {
  if (section.content.length === 0) return 0;
  const overhead = section.content.reduce((sum, block) => sum + blockOverhead(block, metrics), 0);
  return wordCount(section.content) + overhead + metrics.sectionHeadingWords;
}

export type PageBudgetStatus = 'under' | 'within' | 'over';

export interface PageEstimate {
  readonly pages: number;
  readonly words: number;
  readonly minPages: number;
  readonly maxPages: number;
  readonly status: PageBudgetStatus;
}

export function estimatePlanPages(plan: Plan, metrics: PageMetrics = defaultPageMetrics): PageEstimate {
  const planSections = plan.sections.filter((section) => section.definition.part === 'plan');
  const equivalent = planSections.reduce((sum, section) => sum + sectionWordEquivalent(section, metrics), 0);
  const words = planSections.reduce((sum, section) => sum + wordCount(section.content), 0);
  const pages = Math.round((equivalent / metrics.wordsPerPage) * 10) / 10;
  const { minPages, maxPages } = plan.pageBudget;
  return {
    pages,
    words,
    minPages,
    maxPages,
    status: pages < minPages ? 'under' : pages > maxPages ? 'over' : 'within',
  };
}
