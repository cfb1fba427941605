/**
 * Assembly and rendering times for a 4-page and a 40-page plan, printed for the record (no assertion on
 * time: machines differ). The test asserts only that the plans are the size they claim to be.
 */
import { describe, expect, it } from 'vitest';
import { assembleDocument } from '../../../src/domain/documents/assemble-document.js';
import { estimatePlanPages } from '../../../src/domain/checks/page-estimate.js';
import { renderHtml } from '../../../src/documents/html.js';
import { renderWord } from '../../../src/documents/word.js';
import { formatById, names, planOfPages, SIZED_PLAN_FORMAT, time } from './support.js';

const format = formatById(SIZED_PLAN_FORMAT);

describe('assembly time', () => {
  it.each([4, 40])('for a %i-page plan', async (target) => {
    const plan = planOfPages(target);
    const pages = estimatePlanPages(plan).pages;
    expect(Math.abs(pages - target)).toBeLessThanOrEqual(target / 10);
    const label = `${target}-page`;
    const model = assembleDocument(plan, format, { people: names });
    const assemble = await time(() => assembleDocument(plan, format, { people: names }), 25);
    const html = await time(() => renderHtml(model), 25);
    const word = await time(() => renderWord(model), 9);
    console.log(
      `${label} plan (${pages} estimated pages, ${model.blocks.length} blocks): assemble ${assemble.toFixed(1)} ms, ` +
        `HTML ${html.toFixed(1)} ms, Word ${word.toFixed(1)} ms (median)`,
    );
  });
});
