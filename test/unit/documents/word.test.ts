import { patchDetector } from 'docx';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { assembleDocument, assemblePlanDocument } from '../../../src/domain/documents/assemble-document.js';
import { contentHash } from '../../../src/domain/documents/content-hash.js';
import type { Plan } from '../../../src/domain/plan/plan.js';
import { renderWord } from '../../../src/documents/word.js';
import { readZip, writeZip } from '../../../src/documents/zip.js';
import {
  at,
  content,
  testPeople,
  docxPart,
  formatById,
  names,
  signedOff,
  wordHeadings,
  wordParagraphs,
  writtenPlan,
} from './support.js';

const format = formatById('barking-and-dagenham-cabinet');
const plan = writtenPlan({
  formatId: format.id,
  contentFor: (key, i) =>
    content(i + 1, { words: 150, subheadings: 1, listItems: 2, tableRows: 2, links: i === 3 }),
  figures: { 'staff-budget': 1_000_000, 'agency-spend': 50_000 },
});
const render = (p: Plan = plan) => renderWord(assembleDocument(p, format, { people: names }));

afterEach(() => {
  vi.useRealTimers();
});

describe('the Word file', () => {
  it('uses real heading styles for the title, the report headings and what sits under them', async () => {
    const xml = docxPart(await render(), 'word/document.xml');
    const headings = wordHeadings(xml);
    expect(headings[0]).toEqual({ level: 1, text: 'Productivity Plan 2024' });
    expect(headings).toContainEqual({ level: 2, text: '1. Introduction and Background' });
    expect(headings).toContainEqual({ level: 2, text: 'Summary' });
    expect(headings).toContainEqual({ level: 3, text: 'Risk Management' });
    expect(headings).toContainEqual({ level: 3, text: 'Implementation milestones' });
    // Authors' own sub-headings sit one level below their section.
    const risk = headings.findIndex((h) => h.text === 'Risk Management');
    expect(headings[risk + 1]?.level).toBe(4);
    // The styles exist in styles.xml under those ids.
    const styles = docxPart(await render(), 'word/styles.xml');
    for (const id of ['Heading1', 'Heading2', 'Heading3', 'Heading4'])
      expect(styles).toContain(`w:styleId="${id}"`);
  });

  it('prints paragraph numbers as text before the paragraph, where the format numbers them', async () => {
    const paragraphs = wordParagraphs(docxPart(await render(), 'word/document.xml'));
    const numbered = paragraphs.filter((p) => /^\d+\.\d+\t/.test(p.text)).map((p) => p.text.split('\t')[0]);
    expect(numbered.slice(0, 2)).toEqual(['1.1', '1.2']);
    expect(numbered).toContain('6.1');
  });

  it('has tables with a caption and a header row that repeats on each page', async () => {
    const xml = docxPart(await render(), 'word/document.xml');
    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    // Every table: report details, the authors' own, figures and clearance.
    expect(tables.length).toBeGreaterThanOrEqual(4);
    for (const table of tables) {
      const rows = [...table.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
      expect(rows[0]).toContain('<w:tblHeader/>');
      expect(rows.slice(1).some((r) => r.includes('<w:tblHeader/>'))).toBe(false);
    }
    const captions = wordParagraphs(xml)
      .filter((p) => p.style === 'Caption')
      .map((p) => p.text);
    expect(captions).toContain('Report details');
    expect(captions).toContain('Implications completed by and report clearance');
    expect(captions).toContain(
      'Figures: Your plans to reduce wasteful spend within your organisation and systems',
    );
  });

  it('carries title, creator, description and language en-GB, and dates from the plan, not the clock', async () => {
    const docx = await render();
    const core = docxPart(docx, 'docProps/core.xml');
    expect(core).toContain('<dc:title>Productivity Plan 2024</dc:title>');
    expect(core).toContain('<dc:creator>London Borough of Barking and Dagenham</dc:creator>');
    expect(core).toContain('<dc:language>en-GB</dc:language>');
    expect(core).toContain(contentHash(plan));
    expect(core).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${plan.createdAt}</dcterms:created>`);
    expect(core).toContain(
      `<dcterms:modified xsi:type="dcterms:W3CDTF">${plan.createdAt}</dcterms:modified>`,
    );
    const styles = docxPart(docx, 'word/styles.xml');
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*<w:lang w:val="en-GB"\/>[\s\S]*<\/w:docDefaults>/);
  });

  it('is A4 portrait with page numbers in the footer', async () => {
    const docx = await render();
    const xml = docxPart(docx, 'word/document.xml');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    const footer = docxPart(docx, 'word/footer1.xml');
    expect(footer).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);
    expect(footer).toContain(`Version ${plan.contentVersion}`);
  });

  it('links with the text the reader sees, under relationship ids fixed by the content', async () => {
    const docx = await render();
    const xml = docxPart(docx, 'word/document.xml');
    const rels = docxPart(docx, 'word/_rels/document.xml.rels');
    expect(xml).toMatch(/<w:hyperlink [^>]*r:id="rIdLink1"/);
    expect(rels).toMatch(
      /Id="rIdLink1"[^>]*Target="https:\/\/www\.gov\.uk\/government\/publications\/productivity-plans" TargetMode="External"/,
    );
    expect(rels).not.toMatch(/Id="(?!rId\d+"|rIdLink\d+")/);
    const linkText = wordParagraphs(xml).find((p) => p.xml.includes('rIdLink2'))?.text;
    expect(linkText).toContain('Web page on example.org (https://example.org/report.pdf)');
  });

  it('is a zip that another reader accepts', async () => {
    // docx's own patcher unzips with fflate: an independent check of zip.ts's output.
    await expect(patchDetector({ data: Buffer.from(await render()) })).resolves.toEqual([]);
  });
});

describe('byte-identical output', () => {
  it('gives the same bytes for the same content, rendered at different times', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    const first = await render();
    vi.setSystemTime(new Date('2031-07-15T13:14:15Z'));
    const second = await render(structuredClone(plan));
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it('gives different bytes and a different content hash after a one-character edit', async () => {
    const section = plan.sections.find((s) => s.definition.key === 'theme-4-barriers')!;
    let edited = at(
      plan,
      { type: 'requestSectionChanges', sectionKey: 'theme-4-barriers', comment: 'Typo.' },
      testPeople.lead,
    );
    const first = section.content[0]!;
    if (first.type !== 'paragraph' || first.children[0]?.type !== 'text')
      throw new Error('unexpected content');
    const text = first.children[0].text;
    const changed = [
      { ...first, children: [{ ...first.children[0], text: `${text.slice(0, -1)}!` }] },
      ...section.content.slice(1),
    ];
    edited = at(
      edited,
      {
        type: 'editSection',
        sectionKey: 'theme-4-barriers',
        baseRevision: section.revision,
        content: changed,
      },
      section.ownerId ?? testPeople.owner,
    );
    expect(contentHash(edited)).not.toBe(contentHash(plan));
    const [before, after] = [await render(), await render(edited)];
    expect(Buffer.from(after).equals(Buffer.from(before))).toBe(false);
    expect(docxPart(after, 'word/document.xml')).toContain(`${text.slice(0, -1)}!`);
  });

  it('stamps every zip entry with the plan’s date, whatever the time zone', async () => {
    const docx = await render();
    const bytes = Buffer.from(docx);
    // Local headers: DOS time at offset 10, date at 12. T0 is 2024-06-03T09:00:00Z.
    const expectedDate = ((2024 - 1980) << 9) | (6 << 5) | 3;
    const expectedTime = 9 << 11;
    let headers = 0;
    for (let i = 0; i + 4 <= bytes.length; i++) {
      if (bytes.readUInt32LE(i) !== 0x04034b50) continue;
      headers++;
      expect(bytes.readUInt16LE(i + 12)).toBe(expectedDate);
      expect(bytes.readUInt16LE(i + 10)).toBe(expectedTime);
    }
    expect(headers).toBe(readZip(docx).length);
  });
});

describe('the zip writer', () => {
  it('round-trips entries in order, stored or deflated', () => {
    const entries = [
      { name: '[Content_Types].xml', data: new TextEncoder().encode('<Types/>'.repeat(200)) },
      { name: 'a/b.bin', data: new Uint8Array([0, 1, 2, 3, 255]) },
      { name: 'empty', data: new Uint8Array() },
      { name: 'ünïcode.txt', data: new TextEncoder().encode('£ – €') },
    ];
    const zip = writeZip(entries, '2024-07-23T18:30:00Z');
    expect(readZip(zip)).toEqual(entries);
    expect(writeZip(entries, '2024-07-23T18:30:00Z')).toEqual(zip);
  });

  it('refuses damaged input', () => {
    const zip = writeZip(
      [{ name: 'a.txt', data: new TextEncoder().encode('hello hello hello') }],
      '2024-01-01T00:00:00Z',
    );
    expect(() => readZip(new Uint8Array(10))).toThrow(/not a zip/);
    const damaged = new Uint8Array(zip);
    damaged[35] = (damaged[35] ?? 0) ^ 0xff;
    expect(() => readZip(damaged)).toThrow();
  });
});

describe('the plan on its own', () => {
  it('renders with the plan title as its only Heading1 and sections as Heading2', async () => {
    const docx = await renderWord(assemblePlanDocument(signedOff(plan, '2024-07-01T10:00:00Z')));
    const headings = wordHeadings(docxPart(docx, 'word/document.xml'));
    expect(headings.filter((h) => h.level === 1)).toEqual([{ level: 1, text: 'Productivity Plan 2024' }]);
    expect(headings.filter((h) => h.level === 2).map((h) => h.text)).toEqual(
      plan.sections.filter((s) => s.definition.part === 'plan').map((s) => s.definition.title),
    );
  });
});
