import { describe, expect, it } from 'vitest';
import type { FigureField, SectionTemplate } from '../../../src/domain/templates/template.js';
import { loadPlanTemplate } from '../../../src/templates/index.js';
import { letterText, normaliseSpace, shippedFile } from './seeds.js';
import { readSeed } from '../../support/seeds.js';

const template = loadPlanTemplate(shippedFile('plan-templates', 'dluhc-productivity-plan-2024.json'));
const letter = normaliseSpace(letterText(readSeed('durham')));
const [letterSource] = template.sources;

const section = (predicate: (s: SectionTemplate) => boolean): SectionTemplate => {
  const found = template.sections.find(predicate);
  if (found === undefined) throw new Error('section not found');
  return found;
};
const theme3 = section((s) => s.theme === 3);
const figure = (key: string): FigureField => {
  const found = theme3.figures.find((f) => f.key === key);
  if (found === undefined) throw new Error(`no figure ${key}`);
  return found;
};
const questionMentioning = (words: string) => {
  const found = theme3.promptQuestions.find((q) => q.text.includes(words));
  if (found === undefined) throw new Error(`no question mentions ${words}`);
  return found;
};

describe('DLUHC Productivity Plan 2024 template', () => {
  it('is identified and cites the letter as its only source', () => {
    expect(template.id).toBe('dluhc-productivity-plan-2024');
    expect(template.version).toBe(1);
    expect(template.sources).toEqual([
      {
        title: 'Productivity in Local Government',
        author: 'Simon Hoare MP, Minister for Local Government',
        date: '2024-04-16',
      },
    ]);
  });

  it('has the page budget of the letter: three to four pages', () => {
    expect(letter).toContain('three to four pages');
    expect(template.pageBudget).toEqual({ minPages: 3, maxPages: 4, source: letterSource });
  });

  it('has word budgets that add up to three to four pages at 450-500 words a page', () => {
    const words = template.sections.reduce((n, s) => n + s.wordBudget, 0);
    expect(words).toBeGreaterThanOrEqual(template.pageBudget.minPages * 450);
    expect(words).toBeLessThanOrEqual(template.pageBudget.maxPages * 500);
  });

  it('has the deadline and address the letter gives', () => {
    const sentence = /returned by (\d+) July 2024, by email to (\S+@\S+?)\s/.exec(letter);
    expect(sentence).not.toBeNull();
    expect(template.submission.deadline).toBe(`2024-07-${sentence?.[1]}`);
    expect(template.submission.to).toBe(sentence?.[2]);
    expect(template.submission.source).toEqual(letterSource);
  });

  it('has the four steps the letter requires, each described and sourced', () => {
    expect(template.requiredSteps.map((s) => s.key)).toEqual([
      'member-endorsement',
      'web-publication',
      'submission',
      'progress-updates',
    ]);
    for (const step of template.requiredSteps) {
      expect(step.description.length).toBeGreaterThan(20);
      expect(step.source).toEqual(letterSource);
    }
  });

  it('has the sections of a plan in order, each with guidance', () => {
    expect(template.sections.map((s) => [s.kind, s.theme ?? null])).toEqual([
      ['foreword', null],
      ['narrative', null],
      ['narrative', 1],
      ['narrative', 2],
      ['narrative', 3],
      ['narrative', 4],
      ['kpis', null],
      ['milestones', null],
      ['narrative', null],
    ]);
    expect(template.sections.at(-1)?.title).toMatch(/monitoring/i);
    for (const s of template.sections) expect(s.guidance.length).toBeGreaterThan(40);
  });

  it('asks the context section to reference work with the NHS and police, as the letter does', () => {
    expect(letter).toContain('such as the NHS and police');
    const context = template.sections[1];
    expect(context?.guidance).toMatch(/NHS/);
    expect(context?.guidance).toMatch(/police/);
  });
});

describe('theme 3 figures', () => {
  const entered = theme3.figures.filter((f) => f.kind === 'entered');
  const shares = theme3.figures.filter((f) => f.kind === 'share');

  it('are entered amounts with units', () => {
    const units = Object.fromEntries(entered.map((f) => [f.key, f.unit]));
    expect(units).toEqual({
      'staff-budget': 'currency-gbp',
      'agency-spend': 'currency-gbp',
      'consultant-spend': 'currency-gbp',
      'agency-consultant-staff-over-a-year': 'count',
      'edi-training-spend': 'currency-gbp',
      'edi-staff-hours': 'hours',
      'edi-champions': 'count',
      'facility-time-cost': 'currency-gbp',
      'pay-bill': 'currency-gbp',
    });
  });

  it('compute the percentages the letter asks for from entered figures of the same section', () => {
    const ratios = Object.fromEntries(
      shares.flatMap((f) => (f.kind === 'share' ? [[f.key, `${f.numeratorKey} / ${f.denominatorKey}`]] : [])),
    );
    expect(ratios).toEqual({
      'agency-share': 'agency-spend / staff-budget',
      'consultant-share': 'consultant-spend / staff-budget',
      'facility-time-share': 'facility-time-cost / pay-bill',
    });
    for (const share of shares)
      if (share.kind === 'share') {
        expect(figure(share.numeratorKey).kind).toBe('entered');
        expect(figure(share.denominatorKey).kind).toBe('entered');
      }
  });

  it('are each linked to the question they answer', () => {
    expect(questionMentioning('percentage of total staff budget').figureKeys).toEqual(
      expect.arrayContaining([
        'staff-budget',
        'agency-spend',
        'consultant-spend',
        'agency-share',
        'consultant-share',
        'agency-consultant-staff-over-a-year',
      ]),
    );
    expect(questionMentioning('EDI Champions').figureKeys).toEqual(
      expect.arrayContaining(['edi-training-spend', 'edi-staff-hours', 'edi-champions']),
    );
    expect(questionMentioning('trade union facility time').figureKeys).toEqual(
      expect.arrayContaining(['facility-time-cost', 'pay-bill', 'facility-time-share']),
    );
    const linked = new Set(theme3.promptQuestions.flatMap((q) => q.figureKeys ?? []));
    expect(theme3.figures.filter((f) => !linked.has(f.key))).toEqual([]);
  });

  it('exist only in theme 3', () => {
    expect(template.sections.filter((s) => s.figures.length > 0).map((s) => s.theme)).toEqual([3]);
  });
});
