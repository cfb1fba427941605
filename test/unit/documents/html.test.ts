import { describe, expect, it } from 'vitest';
import { assembleDocument, assemblePlanDocument } from '../../../src/domain/documents/assemble-document.js';
import type { DocumentModel } from '../../../src/domain/documents/document-model.js';
import { escapeHtml, renderHtml } from '../../../src/documents/html.js';
import { content, formatById, htmlHeadings, names, signedOff, unescapeHtml, writtenPlan } from './support.js';

const format = formatById('durham-cabinet');
const plan = signedOff(
  writtenPlan({
    formatId: format.id,
    contentFor: (key, i) =>
      content(i + 1, { words: 120, subheadings: 1, listItems: 2, tableRows: 2, links: i === 2 }),
    figures: { 'staff-budget': 1_000_000, 'agency-spend': 50_000 },
  }),
  '2024-07-01T10:00:00Z',
);
const model = assembleDocument(plan, format, { people: names });
const html = renderHtml(model);

describe('the HTML document', () => {
  it('is one HTML5 document in British English with a title and nothing to run or load', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en-GB">')).toBe(true);
    expect(html).toContain('<title>Productivity Plan 2024 – Durham County Council</title>');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|\son\w+=/i);
    expect(html).toMatch(/Content-Security-Policy" content="default-src &#39;none&#39;/);
    expect(html).toMatch(/<\/html>\n$/);
  });

  it('has its headings in the model’s order and never skips a level', () => {
    const headings = htmlHeadings(html);
    const expected = model.blocks.flatMap((b) =>
      b.type === 'heading' ? [{ level: b.level, text: b.number ? `${b.number}. ${b.text}` : b.text }] : [],
    );
    expect(headings).toEqual(expected);
    expect(headings.filter((h) => h.level === 1)).toHaveLength(1);
    headings.forEach((h, i) => i > 0 && expect(h.level).toBeLessThanOrEqual(headings[i - 1]!.level + 1));
  });

  it('gives every table a caption and scoped header cells', () => {
    const tables = [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((m) => m[1] ?? '');
    expect(tables.length).toBe(model.blocks.filter((b) => b.type === 'table').length);
    for (const table of tables) {
      expect(table).toMatch(/^\n<caption>[^<]+<\/caption>/);
      expect(table).not.toMatch(/<th(?=[\s>])(?! scope="(col|row)")/);
      expect(table).toMatch(/<th scope="col">/);
    }
    expect(html).toContain('<caption>Report clearance</caption>');
    expect(html).toMatch(
      /<tr><th scope="row">Chief Finance Officer<\/th><td>Jo Moore<\/td><td>1 July 2024<\/td><\/tr>/,
    );
  });

  it('keeps link text and gives a bare address its site', () => {
    expect(html).toContain(
      '<a href="https://www.gov.uk/government/publications/productivity-plans">guidance</a>',
    );
    expect(html).toContain(
      '<a href="https://example.org/report.pdf">Web page on example.org (https://example.org/report.pdf)</a>',
    );
  });

  it('reflows: widths only in relative units, long words wrap, and a print stylesheet', () => {
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    expect(style).not.toMatch(/(?<![-\w])(min-|max-)?width:\s*\d+(\.\d+)?px/);
    expect(style).toMatch(/overflow-wrap: anywhere/);
    expect(style).toMatch(/max-width: 48rem/);
    expect(style).toMatch(/@media print \{[\s\S]*thead \{ display: table-header-group; \}/);
    expect(style).toMatch(/@media \(forced-colors: active\)/);
  });

  it('renders paragraph numbers and assembled notes', () => {
    expect(html).toMatch(/<p><span class="paragraph-number">1<\/span> [A-Z]/);
    expect(html).toContain('<p class="note">Completed by: Jo Moore, Chief Finance Officer</p>');
  });

  it('is the same string for the same model', () => {
    expect(renderHtml(structuredClone(model))).toBe(html);
    expect(renderHtml(assemblePlanDocument(plan))).toBe(renderHtml(assemblePlanDocument(plan)));
  });
});

describe('escaping', () => {
  it('escapes all five characters that matter in text and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('escapes every field of the model, metadata included', () => {
    const hostile = `<b onmouseover="x">'&'</b>`;
    const crafted: DocumentModel = {
      metadata: {
        ...model.metadata,
        title: hostile,
        creator: hostile,
        description: hostile,
        versionLabel: hostile,
      },
      blocks: [
        { type: 'heading', level: 1, number: hostile, text: hostile },
        { type: 'paragraph', number: hostile, runs: [{ text: hostile, bold: true, italic: true }] },
        { type: 'list', ordered: true, items: [[{ text: hostile }]] },
        {
          type: 'table',
          caption: hostile,
          header: [[[{ text: hostile }]]],
          rows: [[[[{ text: hostile }]]]],
          rowHeaders: true,
        },
        // An unsafe address is never a link, even if a model carried one.
        {
          type: 'paragraph',
          runs: [
            { text: 'x', href: 'javascript:alert(1)' },
            { text: 'y', href: `https://a.example/"><b>` },
          ],
        },
      ],
    };
    const out = renderHtml(crafted);
    expect(out).not.toMatch(/<b[\s>]/);
    expect(out).not.toContain('javascript:');
    expect(unescapeHtml(out).split(hostile).length - 1).toBeGreaterThanOrEqual(10);
  });
});
