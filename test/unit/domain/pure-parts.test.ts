import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, CanonicalText } from '../../../src/domain/support/canonical-json.js';
import {
  contentHash,
  documentContent,
  sectionDocumentContent,
  sectionHash,
} from '../../../src/domain/documents/content-hash.js';
import { planCoverage } from '../../../src/domain/checks/coverage.js';
import { computeShares, validateFigures } from '../../../src/domain/sections/figures.js';
import { defaultPageMetrics, estimatePlanPages } from '../../../src/domain/checks/page-estimate.js';
import {
  MAX_CONTENT_JSON_CHARS,
  validateRichText,
  wordCount,
} from '../../../src/domain/sections/rich-text.js';
import { sha256Hex } from '../../../src/domain/support/sha256.js';
import { must, newSmallPlan, paragraph, smallTemplate, testPeople } from '../../support/fixtures/index.js';

describe('sha256', () => {
  it('matches the standard test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('matches node:crypto for any text, including astral and lone surrogates', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
      }),
      { numRuns: 300 },
    );
  });
});

describe('canonical JSON', () => {
  it('does not depend on key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(record));
      }),
    );
  });

  it('places a part already written as it is: the whole reads exactly as if written at once', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.string(), (record, key) => {
        const part = record[key] ?? record;
        const whole = { ...record, [key]: part };
        expect(canonicalJson({ ...record, [key]: new CanonicalText(canonicalJson(part)) })).toBe(
          canonicalJson(whole),
        );
      }),
    );
  });
});

const revision = (plan: ReturnType<typeof newSmallPlan>): number =>
  plan.sections.find((s) => s.definition.key === 'theme-1')!.revision;

describe('content hash', () => {
  it('changes with a one-character edit and not with an assignment', () => {
    const plan = must(
      newSmallPlan(),
      {
        type: 'assignSection',
        sectionKey: 'theme-1',
        ownerId: testPeople.owner,
        contributorIds: [],
        dueDate: null,
      },
      testPeople.lead,
    ).plan;
    const a = must(
      plan,
      { type: 'editSection', sectionKey: 'theme-1', baseRevision: 0, content: paragraph('Plan text.') },
      testPeople.owner,
    ).plan;
    const b = must(
      plan,
      { type: 'editSection', sectionKey: 'theme-1', baseRevision: 0, content: paragraph('Plan text!') },
      testPeople.owner,
    ).plan;
    expect(contentHash(a)).not.toBe(contentHash(b));
    const reassigned = must(
      a,
      {
        type: 'assignSection',
        sectionKey: 'theme-1',
        ownerId: testPeople.contributor,
        contributorIds: [],
        dueDate: '2024-06-01',
      },
      testPeople.lead,
    ).plan;
    expect(contentHash(reassigned)).toBe(contentHash(a));
  });

  it('is the SHA-256 of the document content’s canonical JSON, however the plan was reached and asked again', () => {
    const base = must(
      newSmallPlan(),
      {
        type: 'assignSection',
        sectionKey: 'theme-1',
        ownerId: testPeople.owner,
        contributorIds: [],
        dueDate: null,
      },
      testPeople.lead,
    ).plan;
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { minLength: 1, maxLength: 6 }),
        (texts) => {
          let plan = base;
          const seen: string[] = [];
          texts.forEach((text) => {
            plan = must(
              plan,
              {
                type: 'editSection',
                sectionKey: 'theme-1',
                baseRevision: revision(plan),
                content: paragraph(text || 'x'),
              },
              testPeople.owner,
            ).plan;
            const definition = sha256Hex(canonicalJson(documentContent(plan)));
            expect(contentHash(plan)).toBe(definition);
            // A copy with the same content (new objects throughout) has the same hash.
            expect(contentHash(structuredClone(plan))).toBe(definition);
            for (const section of plan.sections)
              expect(sectionHash(section)).toBe(sha256Hex(canonicalJson(sectionDocumentContent(section))));
            seen.push(definition);
          });
          // Going back to an earlier text gives that text's hash again.
          const first = must(
            plan,
            {
              type: 'editSection',
              sectionKey: 'theme-1',
              baseRevision: revision(plan),
              content: paragraph(texts[0] || 'x'),
            },
            testPeople.owner,
          ).plan;
          expect(contentHash(first)).toBe(seen[0]);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('rich text validation', () => {
  it('keeps hostile text as text and refuses anything outside the model', () => {
    const hostile = paragraph('<script>alert(1)</script><img src=x onerror=alert(1)>');
    expect(validateRichText(hostile)).toEqual({ ok: true, value: hostile });
    const cases: unknown[] = [
      [{ type: 'paragraph', children: [{ type: 'link', href: 'javascript:alert(1)', text: 'x' }] }],
      [{ type: 'paragraph', children: [{ type: 'link', href: 'JaVaScRiPt:alert(1)', text: 'x' }] }],
      [{ type: 'paragraph', children: [{ type: 'link', href: 'data:text/html,<script>', text: 'x' }] }],
      [{ type: 'paragraph', children: [{ type: 'text', text: 'x', onclick: 'alert(1)' }] }],
      [{ type: 'heading', level: 1, children: [] }],
      [{ type: 'table', headerRow: true, rows: [['not a cell']] }],
      { type: 'paragraph' },
    ];
    for (const value of cases)
      expect(validateRichText(value)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('refuses oversized content with the size and the limit in words', () => {
    const huge = paragraph('x'.repeat(MAX_CONTENT_JSON_CHARS));
    const result = validateRichText(huge);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/too long.*limit is 60,000/);
  });

  it('counts words across blocks', () => {
    expect(
      wordCount([
        { type: 'heading', level: 2, children: [{ type: 'text', text: 'Two words' }] },
        { type: 'list', ordered: false, items: [[{ type: 'text', text: 'three more words' }]] },
        {
          type: 'table',
          headerRow: true,
          rows: [[[{ type: 'text', text: 'a' }], [{ type: 'link', href: 'https://x.org', text: 'b c' }]]],
        },
      ]),
    ).toBe(8);
  });
});

describe('figures', () => {
  const fields = smallTemplate.sections[1]!.figures;

  it('computes shares and leaves them empty until both sides are known', () => {
    expect(computeShares(fields, { staffBudget: 2_000_000, agencySpend: 150_000 })).toEqual([
      { key: 'agencyShare', label: 'Agency share', percent: 7.5 },
    ]);
    expect(computeShares(fields, { staffBudget: null, agencySpend: 150_000 })[0]!.percent).toBeNull();
  });

  it('gives clear errors for a share over 100%, a negative spend and a missing base', () => {
    const over = validateFigures(fields, { staffBudget: 100, agencySpend: 150 }, { requireBases: true });
    expect(over).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!over.ok) expect(over.error.message).toContain('over 100%');
    const negative = validateFigures(fields, { agencySpend: -5 }, { requireBases: false });
    if (!negative.ok) expect(negative.error.message).toContain('cannot be negative');
    expect(negative.ok).toBe(false);
    const missing = validateFigures(fields, { agencySpend: 5, staffBudget: null }, { requireBases: true });
    if (!missing.ok) expect(missing.error.message).toContain('enter Total staff budget');
    expect(missing.ok).toBe(false);
    expect(validateFigures(fields, { agencySpend: 5, staffBudget: null }, { requireBases: false }).ok).toBe(
      true,
    );
  });
});

describe('coverage and page estimate', () => {
  it('counts answered, not applicable and missing questions per theme', () => {
    let plan = must(
      newSmallPlan(),
      {
        type: 'assignSection',
        sectionKey: 'theme-1',
        ownerId: testPeople.owner,
        contributorIds: [],
        dueDate: null,
      },
      testPeople.lead,
    ).plan;
    plan = must(
      plan,
      {
        type: 'editSection',
        sectionKey: 'theme-1',
        baseRevision: 0,
        promptAnswers: {
          't1.q1': { state: 'answered' },
          't1.q2': { state: 'not-applicable', reason: 'No data yet' },
        },
      },
      testPeople.owner,
    ).plan;
    const coverage = planCoverage(plan);
    expect(coverage).toMatchObject({ answered: 1, notApplicable: 1, missing: 1 });
    expect(coverage.byTheme).toContainEqual({ theme: 1, answered: 1, notApplicable: 1, missing: 0 });
    expect(coverage.questions.find((q) => q.questionId === 't1.q2')?.reason).toBe('No data yet');
  });

  it('estimates pages of the plan only and compares them with the budget', () => {
    let plan = must(
      newSmallPlan(),
      {
        type: 'assignSection',
        sectionKey: 'theme-1',
        ownerId: testPeople.owner,
        contributorIds: [],
        dueDate: null,
      },
      testPeople.lead,
    ).plan;
    expect(estimatePlanPages(plan)).toMatchObject({ pages: 0, status: 'under' });
    plan = must(
      plan,
      {
        type: 'editSection',
        sectionKey: 'theme-1',
        baseRevision: 0,
        content: paragraph('word '.repeat(700)),
      },
      testPeople.owner,
    ).plan;
    const estimate = estimatePlanPages(plan);
    expect(estimate.words).toBe(700);
    const { wordsPerPage, sectionHeadingWords } = defaultPageMetrics;
    expect(estimate.pages).toBeCloseTo((700 + sectionHeadingWords) / wordsPerPage, 1);
    expect(estimate.status).toBe('within');
  });
});
