/**
 * Assembly and rendering times for a plan of a given size (median of repeated runs), for `npm run bench`:
 * numbers for the record, never a pass mark, since machines differ. Fails only when the plan is not the
 * size it claims to be (within a tenth of its pages).
 */
import { assembleDocument } from '../../src/domain/documents/assemble-document.js';
import { estimatePlanPages } from '../../src/domain/checks/page-estimate.js';
import { renderHtml } from '../../src/documents/html.js';
import { renderWord } from '../../src/documents/word.js';
import { formatById, names, planOfPages, SIZED_PLAN_FORMAT, time } from '../unit/documents/support.js';

export interface AssemblyFigures {
  readonly pages: number;
  readonly blocks: number;
  readonly assembleMs: number;
  readonly htmlMs: number;
  readonly wordMs: number;
}

export async function assemblyFigures(target: number): Promise<AssemblyFigures> {
  const format = formatById(SIZED_PLAN_FORMAT);
  const plan = planOfPages(target);
  const pages = estimatePlanPages(plan).pages;
  if (Math.abs(pages - target) > target / 10) {
    throw new Error(`A plan built for ${target} pages is estimated at ${pages} pages.`);
  }
  const model = assembleDocument(plan, format, { people: names });
  return {
    pages,
    blocks: model.blocks.length,
    assembleMs: await time(() => assembleDocument(plan, format, { people: names }), 25),
    htmlMs: await time(() => renderHtml(model), 25),
    wordMs: await time(() => renderWord(model), 9),
  };
}
