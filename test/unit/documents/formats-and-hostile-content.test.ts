import { describe, expect, it } from 'vitest';
import { assembleDocument } from '../../../src/domain/documents/assemble-document.js';
import type { RichText } from '../../../src/domain/sections/rich-text.js';
import { reportOutline } from '../../../src/domain/documents/report-outline.js';
import { renderHtml } from '../../../src/documents/html.js';
import { renderWord } from '../../../src/documents/word.js';
import {
  docxPart,
  formatById,
  htmlHeadings,
  inOrder,
  names,
  SEED_FORMATS,
  unescapeHtml,
  wordHeadings,
  wordParagraphs,
  writtenPlan,
} from './support.js';

const shown = (entry: { number?: string; title: string }) =>
  entry.number === undefined ? entry.title : `${entry.number}. ${entry.title}`;

describe.each(SEED_FORMATS)('the %s format', (formatId) => {
  const format = formatById(formatId);
  const plan = writtenPlan({ formatId });
  const model = assembleDocument(plan, format, { people: names });
  const outline = reportOutline(format);
  // Where the format sets implications out as a table, its outline's implication entries are the table's
  // row headers (a heading inside a table cell would break the table), so they are checked there.
  const tabled = new Set(
    format.implications.presentation === 'table' ? format.implications.headings.map((h) => h.key) : [],
  );
  const asHeadings = outline.filter((e) => !tabled.has(e.key));
  const asRows = outline.filter((e) => tabled.has(e.key));
  const same = (a: { level: number; text: string }, b: { level: number; text: string }) =>
    a.level === b.level && a.text === b.text;
  const wanted = asHeadings.map((e) => ({ level: e.level + 1, text: shown(e) }));

  it('produces its outline headings in order in Word, at the outline’s levels', async () => {
    const xml = docxPart(await renderWord(model), 'word/document.xml');
    const headings = wordHeadings(xml);
    expect(inOrder(headings, wanted, same)).toBe(true);
    const rowHeaders = wordParagraphs(xml).map((p) => p.text);
    expect(
      inOrder(
        rowHeaders,
        asRows.map((e) => e.title),
        (a, b) => a === b,
      ),
    ).toBe(true);
  });

  it('produces its outline headings in order in HTML, at the outline’s levels', () => {
    const html = renderHtml(model);
    expect(inOrder(htmlHeadings(html), wanted, same)).toBe(true);
    const rowHeaders = [...html.matchAll(/<th scope="row">([^<]*)<\/th>/g)].map((m) =>
      unescapeHtml(m[1] ?? ''),
    );
    expect(
      inOrder(
        rowHeaders,
        asRows.map((e) => e.title),
        (a, b) => a === b,
      ),
    ).toBe(true);
  });

  it('fails the order check when two outline headings are swapped (the check can fail)', () => {
    const [a, b, ...rest] = wanted;
    expect(inOrder(htmlHeadings(renderHtml(model)), [b!, a!, ...rest], same)).toBe(false);
  });
});

const LONG_WORD = 'x'.repeat(10_000);
const HOSTILE: readonly string[] = [
  '<script>alert("pwned")</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(document.cookie)',
  `"><svg onload=alert('x')>`,
  ']]><w:p><w:r><w:t>injected</w:t></w:r></w:p>',
  '&amp; &lt;already escaped&gt;',
  LONG_WORD,
];
const hostileContent: RichText = [
  ...HOSTILE.map((text): RichText[number] => ({ type: 'paragraph', children: [{ type: 'text', text }] })),
  { type: 'heading', level: 2, children: [{ type: 'text', text: '<h1>not a heading</h1>' }] },
  { type: 'list', ordered: false, items: [[{ type: 'text', text: '<li onclick="x">item</li>' }]] },
  {
    type: 'table',
    headerRow: true,
    rows: [
      [[{ type: 'text', text: '<th>head</th>' }]],
      [[{ type: 'link', href: 'https://example.org/?q=a&b=c', text: '<b>link</b>' }]],
    ],
  },
];

describe('hostile content in sections', () => {
  const format = formatById('barking-and-dagenham-cabinet');
  const plan = writtenPlan({
    formatId: format.id,
    contentFor: (key, i) =>
      key === 'theme-1-transformation' || key === 'report.summary'
        ? hostileContent
        : [{ type: 'paragraph', children: [{ type: 'text', text: `Section ${i}.` }] }],
  });
  const model = assembleDocument(plan, format, { people: names });

  it('appears as text in HTML, with no script and no element from the content', () => {
    const html = renderHtml(model);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<(img|svg|w:p|h1>not|li onclick|b>link)/i);
    // Attribute-like text may appear as text; never inside a tag.
    expect(html).not.toMatch(/<[a-z][^>]*\son\w+=/i);
    for (const text of HOSTILE) expect(unescapeHtml(html)).toContain(text);
    expect(html).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;');
    expect(html).toContain('&amp;amp; &amp;lt;already escaped&amp;gt;');
    // The validator refuses an unsafe address; a safe one with odd characters is escaped in the attribute.
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('<h3>&lt;h1&gt;not a heading&lt;/h1&gt;</h3>');
    expect(html).toContain('<a href="https://example.org/?q=a&amp;b=c">&lt;b&gt;link&lt;/b&gt;</a>');
  });

  it('appears as text in Word, inside text elements only', async () => {
    const xml = docxPart(await renderWord(model), 'word/document.xml');
    expect(xml).not.toMatch(/<script|<img|<svg|<h1>|<li /);
    expect(xml).not.toContain('<w:t>injected</w:t>');
    const text = wordParagraphs(xml).map((p) => p.text);
    for (const hostile of HOSTILE) expect(text).toContain(hostile);
    expect(text).toContain('<h1>not a heading</h1>');
    expect(text).toContain('<b>link</b>');
    expect(xml.split('&lt;script&gt;').length - 1).toBe(2);
  });
});
