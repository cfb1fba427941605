/**
 * The progress update's HTML in real Chromium: axe-core with the WCAG 2.2 AA rule tags finds nothing,
 * charts included, and the page reflows at 400% zoom (320 CSS px) without scrolling sideways.
 */
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHtmlAuditor, type AxeResult, type HtmlAuditor } from '../../support/html-audit.js';
import { assembleProgressUpdate } from '../../../src/domain/documents/assemble-progress-update.js';
import { renderHtml } from '../../../src/documents/html.js';
import { progressInput } from '../../unit/documents/progress-support.js';

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

const describeViolations = (result: AxeResult): string[] =>
  result.violations.map((v) => `${v.id}: ${v.help} (${JSON.stringify(v.nodes.map((n) => n.target))})`);

describe('the progress update HTML in Chromium', () => {
  it('has no WCAG 2.2 AA violations, and axe checked the chart images', async () => {
    const result = await audit(renderHtml(assembleProgressUpdate(progressInput())));
    expect(describeViolations(result)).toEqual([]);
    expect(result.passes.map((p) => p.id)).toEqual(expect.arrayContaining(['svg-img-alt']));
  });

  it('has none with hostile text and with nothing reported', async () => {
    const evil = '<script>alert(1)</script> <img src=x onerror=alert(1)> ' + 'w'.repeat(2_000);
    const hostile = progressInput({
      kpis: progressInput().kpis.map((k) => ({ ...k, name: `${k.name} ${evil}`, source: evil })),
      summary: evil,
    });
    expect(describeViolations(await audit(renderHtml(assembleProgressUpdate(hostile))))).toEqual([]);
    const empty = progressInput({ values: [], milestones: [], summary: null });
    expect(describeViolations(await audit(renderHtml(assembleProgressUpdate(empty))))).toEqual([]);
  });

  it('finds the violation in a chart without a name (the audit can fail)', async () => {
    const html = renderHtml(assembleProgressUpdate(progressInput())).replace(
      /<svg role="img" aria-label="[^"]*"([^>]*)>\n<title>[^<]*<\/title>/,
      '<svg role="img"$1>',
    );
    expect((await audit(html)).violations.map((v) => v.id)).toEqual(expect.arrayContaining(['svg-img-alt']));
  });

  it('reflows at 400% zoom: nothing scrolls sideways at 320 CSS pixels', async () => {
    const page = await context.newPage();
    try {
      await page.setViewportSize({ width: 320, height: 256 });
      await page.setContent(renderHtml(assembleProgressUpdate(progressInput())), { waitUntil: 'load' });
      const overflow = await page.evaluate(() => {
        const inPage = globalThis as unknown as {
          document: { documentElement: { scrollWidth: number; clientWidth: number } };
        };
        return inPage.document.documentElement.scrollWidth - inPage.document.documentElement.clientWidth;
      });
      expect(overflow).toBeLessThanOrEqual(0);
    } finally {
      await page.close();
    }
  });
});
