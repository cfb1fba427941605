/**
 * The councils added as data files render in every form the app publishes: accessible HTML (axe-core,
 * WCAG 2.2 AA, in Chromium), Word, and a Word file that LibreOffice opens and converts to PDF with the
 * report's text in it. Each plan is written, signed off and has its header filled as a plan lead would.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleDocument } from '../../../src/domain/documents/assemble-document.js';
import type { Plan } from '../../../src/domain/plan/plan.js';
import { renderHtml } from '../../../src/documents/html.js';
import { renderWord } from '../../../src/documents/word.js';
import { testPeople } from '../../support/fixtures/index.js';
import { startHtmlAuditor, type HtmlAuditor } from '../../support/html-audit.js';
import {
  at,
  content,
  docxPart,
  formatById,
  names,
  signedOff,
  wordParagraphs,
  writtenPlan,
} from '../../unit/documents/support.js';

/** The councils that exist only as data files, with the header a plan lead fills in and a line each must print. */
const COUNCILS: readonly {
  id: string;
  header: Readonly<Record<string, string>>;
  prints: readonly string[];
}[] = [
  {
    id: 'fenmarsh-governance-and-resources',
    header: {
      'meeting-date': '2024-07-16',
      title: 'Productivity Plan 2024',
      'final-decision-maker': 'Governance and Resources Committee',
      classification: 'Public',
      'wards-affected': 'All wards',
      purpose: 'Decision',
    },
    prints: ['Appendix A: Fenmarsh District Council Productivity Plan 2024', 'Tel: 01632 960 118'],
  },
  {
    id: 'ashcombe-borough-cabinet',
    header: {
      'open-or-exempt': 'OPEN REPORT',
      'meeting-date': '2024-07-02',
      title: 'Productivity Plan 2024',
      'wards-affected': 'All Wards',
      'forward-plan-reference': 'FP/2024/031',
    },
    prints: ['OPEN REPORT', 'Appendix A – Ashcombe Borough Council Productivity Plan 2024', 'Date cleared'],
  },
  {
    id: 'wealdshire-county-cabinet',
    header: { 'electoral-divisions': 'All' },
    prints: ['J. Appendices', 'Appendix 2: Implications', 'Oflog', 'Author: Jo Moore', 'Key decision'],
  },
];

/** The directory's details of the people the header shows. */
const contacts = {
  [testPeople.chiefExecutive]: {
    jobTitle: 'Head of Policy and Performance',
    phone: '01632 960 118',
    email: 'policy@council.example',
  },
  [testPeople.portfolio]: { jobTitle: 'Cabinet Member for Finance and Corporate Services' },
};

function realistic(formatId: string, header: Readonly<Record<string, string>>): Plan {
  let plan = writtenPlan({
    formatId,
    contentFor: (key, i) =>
      content(i + 1, {
        words: 140,
        subheadings: i % 3 === 0 ? 1 : 0,
        listItems: i % 2 === 0 ? 3 : 0,
        tableRows: i % 4 === 0 ? 3 : 0,
        links: i % 5 === 0,
      }),
    figures: { 'staff-budget': 98_000_000, 'agency-spend': 4_100_000, 'consultant-spend': 700_000 },
  });
  for (const [key, value] of Object.entries(header))
    plan = at(plan, { type: 'setHeaderField', key, value }, testPeople.lead);
  return signedOff(plan, '2024-07-01T10:00:00Z');
}

let auditor: HtmlAuditor;
const work = mkdtempSync(path.join(tmpdir(), 'council-formats-'));

beforeAll(async () => {
  auditor = await startHtmlAuditor();
});

afterAll(async () => {
  await auditor?.close();
  rmSync(work, { recursive: true, force: true });
});

describe.each(COUNCILS)('the $id format', ({ id, header, prints }) => {
  const format = formatById(id);
  const model = assembleDocument(realistic(id, header), format, { people: names, contacts });

  it('renders HTML with no WCAG 2.2 AA violations, printing what the council prints', async () => {
    const html = renderHtml(model);
    // What a reader sees: the page's text without its tags (a heading's number is a span of its own).
    const seen = html.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ');
    for (const line of prints) expect(seen).toContain(line);
    const result = await auditor.audit(html);
    expect(
      result.violations.map((v) => `${v.id}: ${v.help} (${JSON.stringify(v.nodes.map((n) => n.target))})`),
    ).toEqual([]);
  });

  it('renders Word that LibreOffice converts to a PDF holding the report', async () => {
    const docx = await renderWord(model);
    const text = wordParagraphs(docxPart(docx, 'word/document.xml'))
      .map((p) => p.text)
      .join('\n');
    for (const line of prints) expect(text).toContain(line);

    const file = path.join(work, `${id}.docx`);
    writeFileSync(file, docx);
    const profile = `file://${path.join(work, `profile-${id}`)}`;
    execFileSync(
      'libreoffice',
      [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', work, file],
      { stdio: 'pipe', timeout: 120_000 },
    );
    const pdf = path.join(work, `${id}.pdf`);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdfText = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    expect(pdfText).toContain(format.council);
    for (const line of prints) expect(pdfText.replace(/\s+/g, ' ')).toContain(line);
  }, 180_000);
});
