/**
 * Assembly and rendering times for a 4-page and a 40-page plan, printed for the record (no assertion on
 * time: machines differ). The test asserts only that the plans are the size they claim to be.
 */
import { describe, expect, it } from 'vitest';
import { assembleDocument } from '../../../src/domain/assemble-document.js';
import { estimatePlanPages } from '../../../src/domain/page-estimate.js';
import { renderHtml } from '../../../src/documents/html.js';
import { renderWord } from '../../../src/documents/word.js';
import { content, formatById, names, signedOff, writtenPlan } from './support.js';

const format = formatById('barking-and-dagenham-cabinet');

const planShape = (words: number) => ({ words, subheadings: 2, listItems: 4, tableRows: 3, links: true });

function planOf(wordsPerSection: number) {
  return signedOff(
    writtenPlan({
      formatId: format.id,
      contentFor: (key, i) =>
        key.startsWith('report.') || key.startsWith('implications.')
          ? content(i, { words: 120 })
          : content(i, planShape(wordsPerSection)),
    }),
    '2024-07-01T10:00:00Z',
  );
}

/** Words per section for which the page estimate (whatever its metrics) first reaches `pages`. */
function wordsFor(pages: number): number {
  const base = writtenPlan({ formatId: format.id });
  const estimate = (words: number) =>
    estimatePlanPages({
      ...base,
      sections: base.sections.map((s, i) =>
        s.definition.part === 'plan' ? { ...s, content: content(i, planShape(words)) } : s,
      ),
    }).pages;
  let [low, high] = [1, 4_000];
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (estimate(mid) < pages) low = mid + 1;
    else high = mid;
  }
  return low;
}

async function time(run: () => unknown | Promise<unknown>, times: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? Number.NaN;
}

describe('assembly time', () => {
  it.each([4, 40])('for a %i-page plan', async (target) => {
    const plan = planOf(wordsFor(target));
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
