/**
 * Calibrates the page estimate (src/domain/checks/page-estimate.ts) against real rendering. Not part of the test
 * run: it needs LibreOffice and poppler-utils. Run it with
 *
 *   npx tsx test/integration/documents/calibrate-pages.ts
 *
 * For plans of different sizes and shapes (prose, sub-headings, lists, tables, few and many sections) it
 * renders the plan alone to .docx with the production renderer, converts it to PDF with LibreOffice, and
 * measures the printed length in fractional pages: whole pages before the last, plus how far down the
 * last page's text area the last line of body text ends (from `pdftotext -bbox`). It then fits the
 * PageMetrics by least squares and prints the fit and each plan's error, for src/documents/README.md.
 *
 * Text comes from the councils' own reports, the seeds (read at run time, not copied; PB_SEEDS_DIR, by
 * default ../shared/seeds beside the repo: test/support/seeds.ts), so word lengths are those of real
 * council prose.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { assemblePlanDocument } from '../../../src/domain/documents/assemble-document.js';
import type { PageMetrics } from '../../../src/domain/checks/page-estimate.js';
import { defaultPageMetrics, estimatePlanPages } from '../../../src/domain/checks/page-estimate.js';
import type { Plan } from '../../../src/domain/plan/plan.js';
import type { Block, RichText } from '../../../src/domain/sections/rich-text.js';
import { wordCount } from '../../../src/domain/sections/rich-text.js';
import { renderWord, WORD_LAYOUT } from '../../../src/documents/word.js';
import { newTestPlan, templateWithSections } from '../../support/fixtures/index.js';
import { readSeedFile, seedFileNames } from '../../support/seeds.js';

/** Words of the seeds' prose, without list markers, markup and link targets. */
function corpus(): string[] {
  const text = seedFileNames()
    .map((name) => readSeedFile(name))
    .join('\n');
  return text
    .replace(/<[^>]+>/g, ' ')
    .replace(/\]\(#\)/g, ' ')
    .split(/\s+/)
    .filter((word) => /^[A-Za-z][A-Za-z'’,.;:()-]*$/.test(word));
}

const WORDS = corpus();
let cursor = 0;
const take = (n: number): string => {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(WORDS[(cursor++ * 7919) % WORDS.length] ?? 'council');
  return out.join(' ');
};
const text = (n: number) => [{ type: 'text' as const, text: take(n) }];

interface Shape {
  readonly words: number;
  readonly subheadings?: number;
  readonly listItems?: number;
  readonly tableRows?: number;
}

function contentOf(shape: Shape): RichText {
  const blocks: Block[] = [];
  const parts = (shape.subheadings ?? 0) + 1;
  for (let part = 0; part < parts; part++) {
    if (part > 0) blocks.push({ type: 'heading', level: 3, children: text(5) });
    let left = Math.round(shape.words / parts);
    for (let i = 0; left > 0; i++) {
      const n = Math.min(left, 70 + ((i * 13) % 30));
      blocks.push({ type: 'paragraph', children: text(n) });
      left -= n;
    }
  }
  if (shape.listItems)
    blocks.push({
      type: 'list',
      ordered: false,
      items: Array.from({ length: shape.listItems }, (_, i) => text(8 + (i % 7))),
    });
  if (shape.tableRows)
    blocks.push({
      type: 'table',
      headerRow: true,
      rows: [
        [text(1), text(2), text(1)],
        ...Array.from({ length: shape.tableRows }, () => [text(4), text(3), text(2)]),
      ],
    });
  return blocks;
}

function planWith(sections: number, shape: Shape): Plan {
  const { plan } = newTestPlan({ template: templateWithSections(sections), id: `calibration-${sections}` });
  return {
    ...plan,
    sections: plan.sections.map((s) =>
      s.definition.part === 'plan' ? { ...s, content: contentOf(shape) } : s,
    ),
  };
}

const samples: readonly [string, number, Shape][] = [
  ['prose, short', 9, { words: 60 }],
  ['prose', 9, { words: 200 }],
  ['prose, long', 9, { words: 450 }],
  ['prose, very long', 9, { words: 900 }],
  ['sub-headings', 9, { words: 200, subheadings: 3 }],
  ['many sub-headings', 9, { words: 400, subheadings: 7 }],
  ['lists', 9, { words: 120, listItems: 8 }],
  ['long lists', 9, { words: 100, listItems: 20 }],
  ['tables', 9, { words: 120, tableRows: 6 }],
  ['long tables', 9, { words: 80, tableRows: 15 }],
  ['mixed', 9, { words: 300, subheadings: 2, listItems: 4, tableRows: 3 }],
  ['few sections', 3, { words: 500, subheadings: 1, listItems: 3, tableRows: 2 }],
  ['many sections', 20, { words: 100 }],
  ['many short sections', 30, { words: 40, listItems: 2 }],
];

// Points, from the Word layout (twentieths of a point).
const PAGE_HEIGHT = WORD_LAYOUT.pageHeight / 20;
const TOP = WORD_LAYOUT.margin / 20;
const BOTTOM = PAGE_HEIGHT - WORD_LAYOUT.margin / 20;

/** Printed length in pages, the last one counted as far as its body text reaches. */
function measuredPages(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  const bbox = execFileSync('pdftotext', ['-bbox', '-f', String(pages), '-l', String(pages), pdf, '-'], {
    encoding: 'utf8',
  });
  // Body text only: the footer sits below the bottom margin.
  const bottoms = [...bbox.matchAll(/<word [^>]*yMax="([\d.]+)"/g)]
    .map((m) => Number(m[1]))
    .filter((y) => y <= BOTTOM + 1);
  const reached = Math.max(TOP, ...bottoms);
  return pages - 1 + (reached - TOP) / (BOTTOM - TOP);
}

interface Features {
  readonly words: number;
  readonly sections: number;
  readonly subheadings: number;
  readonly listItems: number;
  readonly tableRows: number;
  readonly paragraphs: number;
  readonly tables: number;
  readonly lists: number;
}

function features(plan: Plan): Features {
  const sections = plan.sections.filter((s) => s.definition.part === 'plan' && s.content.length > 0);
  const blocks = sections.flatMap((s) => s.content);
  return {
    words: sections.reduce((sum, s) => sum + wordCount(s.content), 0),
    sections: sections.length,
    subheadings: blocks.filter((b) => b.type === 'heading').length,
    listItems: blocks.reduce((sum, b) => sum + (b.type === 'list' ? b.items.length : 0), 0),
    tableRows: blocks.reduce((sum, b) => sum + (b.type === 'table' ? b.rows.length : 0), 0),
    paragraphs: blocks.filter((b) => b.type === 'paragraph').length,
    tables: blocks.filter((b) => b.type === 'table').length,
    lists: blocks.filter((b) => b.type === 'list').length,
  };
}

/** Solves A x = b (least squares through the normal equations, Gaussian elimination with pivoting). */
function leastSquares(rows: readonly number[][], targets: readonly number[]): number[] {
  const n = rows[0]?.length ?? 0;
  const m: number[][] = Array.from({ length: n }, (_, i) => [
    ...Array.from({ length: n }, (_, j) => rows.reduce((s, r) => s + (r[i] ?? 0) * (r[j] ?? 0), 0)),
    rows.reduce((s, r, k) => s + (r[i] ?? 0) * (targets[k] ?? 0), 0),
  ]);
  for (let col = 0; col < n; col++) {
    const pivot = m
      .slice(col)
      .reduce((best, row, k) => (Math.abs(row[col]!) > Math.abs(m[best]![col]!) ? col + k : best), col);
    [m[col], m[pivot]] = [m[pivot]!, m[col]!];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const factor = m[r]![col]! / m[col]![col]!;
      for (let c = col; c <= n; c++) m[r]![c]! -= factor * m[col]![c]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

async function main(): Promise<void> {
  const work = mkdtempSync(path.join(tmpdir(), 'calibrate-'));
  try {
    const plans = samples.map(([name, sections, shape]) => ({ name, plan: planWith(sections, shape) }));
    for (const [i, { plan }] of plans.entries())
      writeFileSync(path.join(work, `${i}.docx`), await renderWord(assemblePlanDocument(plan)));
    execFileSync(
      'soffice',
      [
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        work,
        ...plans.map((_, i) => path.join(work, `${i}.docx`)),
      ],
      { stdio: 'ignore' },
    );
    const measured = plans.map(({ name, plan }, i) => ({
      name,
      plan,
      features: features(plan),
      pages: measuredPages(path.join(work, `${i}.pdf`)),
    }));

    const rows = measured.map(({ features: f }) => [
      f.words,
      f.sections,
      f.subheadings,
      f.listItems,
      f.tableRows,
    ]);
    const [perWord = 0, perSection = 0, perSubheading = 0, perListItem = 0, perTableRow = 0] = leastSquares(
      rows,
      measured.map((m) => m.pages),
    );
    const wordsPerPage = 1 / perWord;
    const leastSquaresFit: PageMetrics = {
      wordsPerPage: Math.round(wordsPerPage),
      sectionHeadingWords: Math.round(perSection * wordsPerPage),
      subheadingWords: Math.round(perSubheading * wordsPerPage),
      listItemWords: Math.round(perListItem * wordsPerPage),
      tableRowWords: Math.round(perTableRow * wordsPerPage),
    };
    // Least squares minimises the typical error; the budget check cares about the worst one, so the whole
    // numbers are then nudged one at a time while that lowers the largest error.
    const worstError = (metrics: PageMetrics) =>
      Math.max(...measured.map((m) => Math.abs(estimatePlanPages(m.plan, metrics).pages - m.pages)));
    let fitted = leastSquaresFit;
    for (let improved = true; improved;) {
      improved = false;
      for (const key of Object.keys(fitted) as (keyof PageMetrics)[])
        for (const step of key === 'wordsPerPage' ? [-5, -1, 1, 5] : [-1, 1]) {
          const candidate = { ...fitted, [key]: fitted[key] + step };
          if (worstError(candidate) < worstError(fitted) - 1e-9) {
            fitted = candidate;
            improved = true;
          }
        }
    }

    // What the estimate could reach with per-paragraph, per-table and per-list terms (not in PageMetrics).
    const extendedRows = measured.map(({ features: f }) => [
      f.words,
      f.sections,
      f.subheadings,
      f.listItems,
      f.tableRows,
      f.paragraphs,
      f.tables,
      f.lists,
    ]);
    const extended = leastSquares(
      extendedRows,
      measured.map((m) => m.pages),
    );
    const extendedWorst = Math.max(
      ...extendedRows.map((r, k) =>
        Math.abs(r.reduce((sum, x, i) => sum + x * (extended[i] ?? 0), 0) - (measured[k]?.pages ?? 0)),
      ),
    );
    const perWordExtended = extended[0] ?? 1;
    const extendedWords = extended.map((c) => Math.round((c / perWordExtended) * 10) / 10);

    const version = execFileSync('soffice', ['--version'], { encoding: 'utf8' }).trim();
    console.log(
      `Rendered with ${version}; Arial is ${execFileSync('fc-match', ['Arial'], { encoding: 'utf8' }).trim()}`,
    );
    console.log(
      `\nLeast-squares metrics: ${JSON.stringify(leastSquaresFit)} (largest error ${worstError(leastSquaresFit).toFixed(2)})`,
    );
    console.log(`Fitted metrics: ${JSON.stringify(fitted)}`);
    console.log(`Current metrics: ${JSON.stringify(defaultPageMetrics)}\n`);
    console.log(
      '| plan | sections | words | sub-headings | list items | table rows | measured | fitted estimate | error | current estimate | error |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|---|---|');
    let worst = 0;
    for (const m of measured) {
      const fit = estimatePlanPages(m.plan, fitted).pages;
      const now = estimatePlanPages(m.plan).pages;
      worst = Math.max(worst, Math.abs(fit - m.pages));
      const f = m.features;
      console.log(
        `| ${m.name} | ${f.sections} | ${f.words} | ${f.subheadings} | ${f.listItems} | ${f.tableRows} | ${m.pages.toFixed(2)} | ${fit.toFixed(1)} | ${(fit - m.pages).toFixed(2)} | ${now.toFixed(1)} | ${(now - m.pages).toFixed(2)} |`,
      );
    }
    console.log(`\nLargest error with the fitted metrics: ${worst.toFixed(2)} pages`);
    console.log(
      `With extra terms (words per page ${Math.round(1 / perWordExtended)}; words per section, sub-heading, list item, ` +
        `table row, paragraph, table, list: ${extendedWords.slice(1).join(', ')}), unrounded: largest error ${extendedWorst.toFixed(2)} pages`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
