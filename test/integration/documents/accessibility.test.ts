/**
 * The published HTML in real Chromium: axe-core with the WCAG 2.2 AA rule tags finds nothing, and the page
 * reflows at 400% zoom (a 1280 px wide window at 400% is 320 CSS px) without scrolling sideways.
 */
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHtmlAuditor, type AxeResult, type HtmlAuditor } from '../../support/html-audit.js';
import { assembleDocument, assemblePlanDocument } from '../../../src/domain/documents/assemble-document.js';
import type { RichText } from '../../../src/domain/sections/rich-text.js';
import { renderHtml } from '../../../src/documents/html.js';
import {
  content,
  formatById,
  names,
  SEED_FORMATS,
  signedOff,
  writtenPlan,
} from '../../unit/documents/support.js';

let auditor: HtmlAuditor;
let context: BrowserContext;
const audit = (html: string): Promise<AxeResult> => auditor.audit(html);

beforeAll(async () => {
  auditor = await startHtmlAuditor();
  context = auditor.context;
});

afterAll(async () => {
  await auditor?.close();
});

async function sidewaysOverflow(html: string, width: number): Promise<number> {
  const page = await context.newPage();
  try {
    await page.setViewportSize({ width, height: 256 });
    await page.setContent(html, { waitUntil: 'load' });
    return await page.evaluate(() => {
      const inPage = globalThis as unknown as {
        document: { documentElement: { scrollWidth: number; clientWidth: number } };
      };
      return inPage.document.documentElement.scrollWidth - inPage.document.documentElement.clientWidth;
    });
  } finally {
    await page.close();
  }
}

const realistic = (formatId: string) =>
  signedOff(
    writtenPlan({
      formatId,
      contentFor: (key, i) =>
        content(i + 1, {
          words: 150,
          subheadings: i % 2,
          listItems: 3,
          tableRows: i % 3 === 0 ? 3 : 0,
          links: i % 4 === 0,
        }),
      figures: { 'staff-budget': 98_000_000, 'agency-spend': 4_100_000, 'consultant-spend': 700_000 },
    }),
    '2024-07-01T10:00:00Z',
  );

const hostile: RichText = [
  {
    type: 'paragraph',
    children: [{ type: 'text', text: '<script>alert(1)</script> <img src=x onerror=alert(1)>' }],
  },
  { type: 'paragraph', children: [{ type: 'text', text: 'w'.repeat(10_000) }] },
  {
    type: 'heading',
    level: 4,
    children: [{ type: 'text', text: 'A level 4 heading straight after the section' }],
  },
  {
    type: 'paragraph',
    children: [{ type: 'link', href: 'https://www.gov.uk/a/very/long/path/'.repeat(20), text: '' }],
  },
  {
    type: 'table',
    headerRow: false,
    rows: [
      [
        [{ type: 'text', text: 'a'.repeat(2_000) }],
        [{ type: 'text', text: 'b' }],
        [{ type: 'text', text: 'c' }],
      ],
    ],
  },
];

describe('the published HTML in Chromium', () => {
  it.each(SEED_FORMATS)('has no WCAG 2.2 AA violations in the %s format', async (formatId) => {
    const html = renderHtml(assembleDocument(realistic(formatId), formatById(formatId), { people: names }));
    const result = await audit(html);
    expect(
      result.violations.map((v) => `${v.id}: ${v.help} (${JSON.stringify(v.nodes.map((n) => n.target))})`),
    ).toEqual([]);
  });

  it('has none with hostile content, and shows it as text', async () => {
    const formatId = 'barking-and-dagenham-cabinet';
    const plan = writtenPlan({
      formatId,
      contentFor: (key, i) => (key === 'theme-1-transformation' ? hostile : content(i, { words: 40 })),
    });
    const html = renderHtml(assembleDocument(plan, formatById(formatId), { people: names }));
    expect((await audit(html)).violations.map((v) => v.id)).toEqual([]);
    const page = await context.newPage();
    try {
      await page.setContent(html, { waitUntil: 'load' });
      expect(await page.locator('script, img').count()).toBe(0);
      expect(await page.locator('main').innerText()).toContain(
        '<script>alert(1)</script> <img src=x onerror=alert(1)>',
      );
    } finally {
      await page.close();
    }
  });

  it('has none for the plan on its own', async () => {
    const html = renderHtml(assemblePlanDocument(realistic('durham-cabinet')));
    expect((await audit(html)).violations.map((v) => v.id)).toEqual([]);
  });

  it('finds a violation in a page built to have one (the audit can fail)', async () => {
    const result = await audit(
      '<!DOCTYPE html><html><head><title>x</title></head><body><img src="data:,"></body></html>',
    );
    expect(result.violations.map((v) => v.id)).toEqual(
      expect.arrayContaining(['html-has-lang', 'image-alt']),
    );
  });

  it('reflows at 400% zoom: nothing scrolls sideways at 320 CSS pixels, even with 10,000-character words', async () => {
    const formatId = 'sandwell-cabinet';
    const plan = writtenPlan({
      formatId,
      contentFor: (key, i) =>
        key.startsWith('theme') || key === 'implications.risk'
          ? hostile
          : content(i, { words: 60, tableRows: 2 }),
    });
    const html = renderHtml(assembleDocument(plan, formatById(formatId), { people: names }));
    expect(await sidewaysOverflow(html, 320)).toBeLessThanOrEqual(0);
    // And the measure can fail: a page with a fixed-width element overflows.
    expect(
      await sidewaysOverflow(
        '<!DOCTYPE html><html><body><div style="width:2000px">x</div></body></html>',
        320,
      ),
    ).toBeGreaterThan(0);
  });
});
