/**
 * A section still to follow is printed as a "To follow" placeholder where it would go, in every council's
 * format and presentation (numbered sections, an implications appendix, a two-column table), in Word and
 * in HTML; never a silent gap. An optional section left empty is left out, and listed as not included.
 */
import { describe, expect, it } from 'vitest';
import { assembleDocument } from '../../../src/domain/documents/assemble-document.js';
import { submissionChecks } from '../../../src/domain/checks/submission-checks.js';
import type { Plan } from '../../../src/domain/plan/plan.js';
import { renderHtml } from '../../../src/documents/html.js';
import { renderWord } from '../../../src/documents/word.js';
import {
  at,
  testPeople,
  docxPart,
  formatById,
  names,
  SEED_FORMATS,
  unescapeHtml,
  wordParagraphs,
  writtenPlan,
} from './support.js';

/** The plan written and accepted, then a plan section and one implication sent back and marked to follow. */
function withAwaited(formatId: string): { plan: Plan; planKey: string; implicationKey: string } {
  let plan = writtenPlan({ formatId });
  const planKey = 'theme-4-barriers';
  const implication = plan.sections.find((s) => s.definition.part === 'implications')!;
  const implicationKey = implication.definition.key;
  for (const [key, from, by] of [
    [planKey, 'the Director of Place', '2024-07-03'],
    [implicationKey, 'the Monitoring Officer', null],
  ] as const) {
    plan = at(plan, { type: 'requestSectionChanges', sectionKey: key, comment: 'later' }, testPeople.lead);
    plan = at(plan, { type: 'setToFollow', sectionKey: key, toFollow: { from, by } }, testPeople.lead);
  }
  return { plan, planKey, implicationKey };
}

describe.each(SEED_FORMATS.map((id) => [id]))('a section to follow in the %s format', (formatId) => {
  const format = formatById(formatId);
  const { plan, planKey, implicationKey } = withAwaited(formatId);
  const model = assembleDocument(plan, format, { people: names });
  const planLine = 'To follow: awaited from the Director of Place by 3 July 2024.';
  const implicationLine = 'To follow: awaited from the Monitoring Officer.';

  it('is a clear placeholder in the HTML, under its heading, and its draft text is not printed', () => {
    const html = unescapeHtml(renderHtml(model));
    expect(html).toContain(planLine);
    expect(html).toContain(implicationLine);
    const draft = plan.sections.find((s) => s.definition.key === planKey)!.content;
    const firstWords = JSON.stringify(draft)
      .match(/"text":"([^"]{20,})"/)?.[1]
      ?.slice(0, 20);
    expect(firstWords).toBeDefined();
    expect(html).not.toContain(firstWords!);
    const title = plan.sections.find((s) => s.definition.key === implicationKey)!.definition.title;
    expect(html.indexOf(implicationLine)).toBeGreaterThan(html.indexOf(title));
  });

  it('is a clear placeholder in the Word document', async () => {
    const paragraphs = wordParagraphs(docxPart(await renderWord(model), 'word/document.xml')).map(
      (p) => p.text,
    );
    expect(paragraphs).toContain(planLine);
    expect(paragraphs.some((p) => p.includes(implicationLine))).toBe(true);
  });
});

describe('an optional section', () => {
  it('to follow is printed as such; left empty it is left out and listed as not included', () => {
    const format = formatById('barking-and-dagenham-cabinet');
    let plan = writtenPlan({ formatId: format.id });
    plan = at(
      plan,
      { type: 'requestSectionChanges', sectionKey: 'foreword', comment: 'again' },
      testPeople.lead,
    );
    const empty = at(
      plan,
      { type: 'editSection', sectionKey: 'foreword', baseRevision: 1, content: [] },
      plan.sections.find((s) => s.definition.key === 'foreword')!.ownerId ?? testPeople.owner,
    );
    const leftOut = renderHtml(assembleDocument(empty, format, { people: names }));
    expect(leftOut).not.toContain('>Foreword<');
    expect(submissionChecks(empty).find((c) => c.key === 'not-included')?.message).toContain('Foreword');

    const awaited = at(
      empty,
      {
        type: 'setToFollow',
        sectionKey: 'foreword',
        toFollow: { from: 'the Leader and the Chair', by: null },
      },
      testPeople.lead,
    );
    const html = unescapeHtml(renderHtml(assembleDocument(awaited, format, { people: names })));
    expect(html).toContain('To follow: awaited from the Leader and the Chair.');
    expect(submissionChecks(awaited).find((c) => c.key === 'not-included')?.passed).toBe(true);
  });
});
