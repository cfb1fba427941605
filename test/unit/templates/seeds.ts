/**
 * Reading the councils' reports (the seeds: test/support/seeds.ts reads them) as test fixtures: the
 * government letter's questions, and where a heading title occurs among a report's lines.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export const shippedFile = (...parts: string[]): string => path.resolve(repoRoot, 'src/templates', ...parts);

export const normaliseSpace = (text: string): string => text.replace(/\s+/g, ' ').trim();

export interface LetterTheme {
  readonly theme: number;
  readonly title: string;
  readonly questions: readonly string[];
}

/** The letter is Appendix 2 of the Durham report; everything before it is the council's own text. */
export const letterText = (durhamSeed: string): string => {
  const start = durhamSeed.indexOf('Appendix 2: Letter from the Minister');
  if (start < 0) throw new Error('the Durham seed no longer holds the letter as Appendix 2');
  return durhamSeed.slice(start);
};

/**
 * Every bullet under each theme's "Questions to consider:". Text extraction broke some bullets across
 * lines (with blank lines between); a bullet that does not yet end a sentence continues on the next line.
 */
export const letterThemes = (letter: string): LetterTheme[] => {
  const themes: { theme: number; title: string; questions: string[] }[] = [];
  let inQuestions = false;
  for (const raw of letter.split('\n')) {
    const line = raw.trim();
    const heading = /^(\d)\.\s+(.+)$/.exec(line);
    if (heading?.[1] !== undefined && heading[2] !== undefined) {
      themes.push({ theme: Number(heading[1]), title: heading[2].replace(/\.$/, ''), questions: [] });
      inQuestions = false;
      continue;
    }
    const current = themes.at(-1);
    if (current === undefined) continue;
    if (line === 'Questions to consider:') {
      inQuestions = true;
      continue;
    }
    if (!inQuestions || line === '') continue;
    if (line.startsWith('- ')) {
      current.questions.push(line.slice(2));
      continue;
    }
    const last = current.questions.at(-1);
    if (last !== undefined && !/[?.!]$/.test(last))
      current.questions[current.questions.length - 1] = `${last} ${line}`;
    else inQuestions = false;
  }
  return themes.map((t) => ({ ...t, questions: t.questions.map(normaliseSpace) }));
};

// Matching a heading title against a report's lines, ignoring list markers, paragraph and section
// numbers, bold markers, the kind of dash or quote, and the punctuation that follows a label.
const canonical = (text: string): string =>
  normaliseSpace(
    text
      .replace(/[\u2018\u2019]/g, "'")
      .replace(/[\u2013\u2014]/g, '-')
      .replace(/\*\*/g, '')
      .replace(/^\s*-\s+/, '')
      .replace(/^\d+(\.\d+)*\.?\s+/, '')
      .replace(/^(appendix|annex)\s+(\d+)\s*[-:.]\s*/i, '$1 $2 '),
  ).toLowerCase();

export const lineStartsWithTitle = (line: string, title: string): boolean => {
  const l = canonical(line);
  const t = canonical(title);
  return l === t || (l.startsWith(t) && /^[\s:<\-–(]/.test(l.slice(t.length)));
};

/** The line's own section number ("4. Financial Implications", "1 Recommendations"), if any. */
export const sectionNumberOf = (line: string): string | undefined => /^\s*(\d+)\.?\s+\D/.exec(line)?.[1];

/** The index of the first line at or after `from` that starts with the title, or -1. */
export const findLine = (lines: readonly string[], title: string, from: number): number => {
  for (let i = from; i < lines.length; i++) if (lineStartsWithTitle(lines[i] ?? '', title)) return i;
  return -1;
};
