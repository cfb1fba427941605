import { describe, expect, it } from 'vitest';
import { loadPlanTemplate } from '../../../src/templates/index.js';
import { letterText, letterThemes, normaliseSpace, shippedFile } from './seeds.js';
import { readSeed } from '../../support/seeds.js';

const template = loadPlanTemplate(shippedFile('plan-templates', 'dluhc-productivity-plan-2024.json'));
const letter = letterText(readSeed('durham'));
const themes = letterThemes(letter);
const LETTER = {
  title: 'Productivity in Local Government',
  author: 'Simon Hoare MP, Minister for Local Government',
  date: '2024-04-16',
};

const themeSection = (theme: number) => {
  const found = template.sections.filter((s) => s.theme === theme);
  expect(found, `one section for theme ${theme}`).toHaveLength(1);
  const [section] = found;
  if (section === undefined) throw new Error(`no section for theme ${theme}`);
  return section;
};

describe('the letter of 16 April 2024 as read from the Durham seed', () => {
  it('has four themes with 8, 4, 9 and 4 questions (25 in all, not the 24 Sandwell counted)', () => {
    expect(themes.map((t) => t.theme)).toEqual([1, 2, 3, 4]);
    expect(themes.map((t) => t.questions.length)).toEqual([8, 4, 9, 4]);
  });

  it('rejoins the bullets that text extraction broke across lines', () => {
    const all = themes.flatMap((t) => t.questions);
    expect(all).toContain(
      'what are your current plans for transformation over the next two years and how will you measure the effects of those changes?',
    );
    expect(all).toContain(
      'what are the barriers preventing you from improving productivity further within your organisation?',
    );
    expect(all.every((q) => /[?.]$/.test(q))).toBe(true);
  });
});

describe('the template carries every prompt question of the letter', () => {
  it.each([1, 2, 3, 4])('theme %i: same questions, same text, same order, ids t<theme>.q<n>', (theme) => {
    const expected = themes.find((t) => t.theme === theme)?.questions ?? [];
    const section = themeSection(theme);
    expect(section.promptQuestions.map((q) => normaliseSpace(q.text))).toEqual(expected);
    expect(section.promptQuestions.map((q) => q.id)).toEqual(expected.map((_, i) => `t${theme}.q${i + 1}`));
  });

  it('has the theme sections in theme order, titled as the letter titles them', () => {
    const themed = template.sections.filter((s) => s.theme !== undefined);
    expect(themed.map((s) => s.theme)).toEqual([1, 2, 3, 4]);
    expect(themed.map((s) => s.title)).toEqual(themes.map((t) => t.title));
    expect(themed.every((s) => s.kind === 'narrative')).toBe(true);
  });

  it('asks no question the letter does not ask, and only in theme sections', () => {
    const all = template.sections.flatMap((s) =>
      s.promptQuestions.map((q) => ({ theme: s.theme, text: q.text })),
    );
    expect(all).toHaveLength(themes.reduce((n, t) => n + t.questions.length, 0));
    for (const q of all) {
      expect(q.theme).toBeDefined();
      expect(normaliseSpace(letter)).toContain(normaliseSpace(q.text));
    }
  });

  it('attributes every question to the letter', () => {
    const sources = template.sections.flatMap((s) => s.promptQuestions.map((q) => q.source));
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) expect(source).toEqual(LETTER);
    expect(letter).toContain(LETTER.title);
    expect(letter).toContain('16 April 2024');
  });
});
