/**
 * The progress update's HTML in real Chromium: axe-core with the WCAG 2.2 AA rule tags finds nothing,
 * charts included, and the page reflows at 400% zoom (320 CSS px) without scrolling sideways. The
 * browser setup is the one accessibility.test.ts uses.
 */
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleProgressUpdate } from '../../../src/domain/assemble-progress-update.js';
import { renderHtml } from '../../../src/documents/html.js';
import { progressInput } from '../../unit/documents/progress-support.js';

const AXE = fileURLToPath(new URL('../../../node_modules/axe-core/axe.min.js', import.meta.url));
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface AxeResult {
  readonly violations: readonly { id: string; help: string; nodes: { target: unknown }[] }[];
  readonly passes: readonly { id: string }[];
}

let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  // The page's Content-Security-Policy forbids every script, axe's included; bypassing it to inject axe
  // does not change what axe sees.
  context = await browser.newContext({ bypassCSP: true });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

async function audit(html: string): Promise<AxeResult> {
  const page = await context.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    await page.addScriptTag({ path: AXE });
    return await page.evaluate(async (tags) => {
      const inPage = globalThis as unknown as {
        document: unknown;
        axe: { run: (context: unknown, options: unknown) => Promise<AxeResult> };
      };
      return inPage.axe.run(inPage.document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations', 'passes'],
      });
    }, WCAG_22_AA);
  } finally {
    await page.close();
  }
}

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
