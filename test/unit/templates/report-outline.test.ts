import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ReportFormat } from '../../../src/domain/templates/report-format.js';
import { reportOutline } from '../../../src/domain/documents/report-outline.js';
import { loadCatalog, loadReportFormat } from '../../../src/templates/index.js';
import { repoRoot, shippedFile } from './seeds.js';

const fixturesDir = path.resolve(repoRoot, 'test/fixtures/report-formats');
const fixtureFile = path.join(fixturesDir, 'wessex-vale.json');
const fixture = (): ReportFormat => loadReportFormat(fixtureFile);
const work = mkdtempSync(path.join(tmpdir(), 'outline-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('a fourth council, as a data file only', () => {
  it('loads through loadCatalog from its own folder', () => {
    const catalog = loadCatalog({ reportFormatsDir: fixturesDir });
    expect(catalog.reportFormats.map((f) => f.id)).toEqual(['wessex-vale-executive']);
    expect(catalog.planTemplates.map((t) => t.id)).toEqual(['dluhc-productivity-plan-2024']);
  });

  it('sits beside the shipped councils in one folder, sorted by id, other files ignored', () => {
    const dir = mkdtempSync(path.join(work, 'all-'));
    for (const name of readdirSync(shippedFile('report-formats')))
      copyFileSync(shippedFile('report-formats', name), path.join(dir, name));
    copyFileSync(fixtureFile, path.join(dir, 'a-wessex-vale.json'));
    writeFileSync(path.join(dir, 'README.md'), '# not a format');
    writeFileSync(path.join(dir, 'draft.json.bak'), '{');
    const ids = loadCatalog({ reportFormatsDir: dir }).reportFormats.map((f) => f.id);
    expect(ids).toEqual([
      'ashcombe-borough-cabinet',
      'barking-and-dagenham-cabinet',
      'durham-cabinet',
      'fenmarsh-governance-and-resources',
      'sandwell-cabinet',
      'wealdshire-county-cabinet',
      'wessex-vale-executive',
    ]);
  });

  it('yields its outline: its own labels, numbering and implication layout', () => {
    expect(reportOutline(fixture())).toEqual([
      { level: 1, title: 'Purpose', key: 'purpose' },
      { level: 1, number: '1', title: 'Recommendations', key: 'recommendations' },
      { level: 1, number: '2', title: 'Reasons', key: 'reasons' },
      { level: 1, number: '3', title: 'Main Report', key: 'main-report' },
      { level: 1, number: '4', title: 'Finance', key: 'finance' },
      { level: 1, number: '5', title: 'Statutory Matters', key: 'statutory-matters' },
      { level: 2, title: 'Legal', key: 'legal' },
      { level: 2, title: 'Equality Impact', key: 'equality' },
      { level: 1, title: 'Background Papers', key: 'background-papers' },
      { level: 1, title: 'Annex 1. The Plan', key: 'plan' },
      { level: 1, title: 'Annex 2. Government letter', key: 'letter' },
    ]);
  });
});

describe('reportOutline', () => {
  const base = fixture();
  const variant = (change: (f: ReportFormat) => ReportFormat): ReportFormat => change(structuredClone(base));

  it('counts only numbered headings, so an unnumbered heading does not take a number', () => {
    const numbers = reportOutline(
      variant((f) => ({ ...f, headings: f.headings.map((h, i) => ({ ...h, numbered: i % 2 === 0 })) })),
    ).flatMap((h) => (h.number === undefined ? [] : [h.number]));
    expect(numbers).toEqual(['1', '2', '3', '4']);
  });

  it('shows a lone implication under its heading when the titles differ', () => {
    const outline = reportOutline(
      variant((f) => ({
        ...f,
        implications: {
          ...f.implications,
          headings: f.implications.headings.map((h) =>
            h.key === 'finance-implication' ? { ...h, title: 'Section 151 comments' } : h,
          ),
        },
      })),
    );
    const at = outline.findIndex((h) => h.key === 'finance');
    expect(outline[at + 1]).toEqual({ level: 2, title: 'Section 151 comments', key: 'finance-implication' });
  });

  it('lists the appendices under the heading that lists them', () => {
    const outline = reportOutline(
      variant((f) => ({
        ...f,
        headings: [
          ...f.headings,
          { key: 'appendix-list', title: 'Appendices', kind: 'appendices', numbered: true },
        ],
      })),
    );
    expect(outline.slice(-3)).toEqual([
      { level: 1, number: '6', title: 'Appendices', key: 'appendix-list' },
      { level: 2, title: 'Annex 1. The Plan', key: 'plan' },
      { level: 2, title: 'Annex 2. Government letter', key: 'letter' },
    ]);
  });

  it('puts the implications beneath the appendix that holds them when no heading lists appendices', () => {
    const outline = reportOutline(
      variant((f) => ({
        ...f,
        headings: f.headings.filter((h) => h.kind !== 'implications'),
        implications: { ...f.implications, presentation: 'appendix' },
        appendices: [
          ...f.appendices,
          { key: 'implications', title: 'Implications', content: 'implications' },
        ],
      })),
    );
    expect(outline.slice(-4)).toEqual([
      { level: 1, title: 'Annex 3. Implications', key: 'implications' },
      { level: 2, title: 'Finance', key: 'finance-implication' },
      { level: 2, title: 'Legal', key: 'legal' },
      { level: 2, title: 'Equality Impact', key: 'equality' },
    ]);
  });

  it('titles appendices plainly for a council without an appendix label', () => {
    const { appendixLabel: _label, ...unlabelled } = base;
    const titles = reportOutline(unlabelled)
      .filter((h) => h.key === 'plan' || h.key === 'letter')
      .map((h) => h.title);
    expect(titles).toEqual(['The Plan', 'Government letter']);
  });

  it('does not change the format it reads', () => {
    const format = fixture();
    const before = JSON.stringify(format);
    reportOutline(format);
    expect(JSON.stringify(format)).toBe(before);
  });

  it('follows the format file: renumbering comes from the data, not the code', () => {
    const raw = JSON.parse(readFileSync(fixtureFile, 'utf8')) as { headings: { numbered: boolean }[] };
    for (const h of raw.headings) h.numbered = true;
    const file = path.join(work, 'all-numbered.json');
    writeFileSync(file, JSON.stringify(raw));
    const level1 = reportOutline(loadReportFormat(file)).filter(
      (h) => h.level === 1 && !h.title.startsWith('Annex'),
    );
    expect(level1.map((h) => h.number)).toEqual(level1.map((_, i) => String(i + 1)));
  });
});
