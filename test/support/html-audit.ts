/**
 * An HTML document checked in real Chromium with axe-core under the WCAG 2.2 AA rule tags: the published
 * plan, the progress update, anything the app renders as a standalone page.
 */
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchChromium } from './tab-browser.js';

const AXE = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));
export const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export interface AxeResult {
  readonly violations: readonly {
    id: string;
    impact: string | null;
    help: string;
    nodes: { target: unknown }[];
  }[];
  readonly passes: readonly { id: string }[];
}

export interface HtmlAuditor {
  /** For other checks on the same pages (e.g. reflow at 400% zoom). */
  readonly context: BrowserContext;
  audit(html: string): Promise<AxeResult>;
  close(): Promise<void>;
}

export async function startHtmlAuditor(): Promise<HtmlAuditor> {
  const browser: Browser = await launchChromium();
  // The documents' own Content-Security-Policy forbids every script, axe's included; bypassing it to
  // inject axe does not change what axe sees.
  const context = await browser.newContext({ bypassCSP: true });
  return {
    context,
    async audit(html) {
      const page = await context.newPage();
      try {
        await page.setContent(html, { waitUntil: 'load' });
        await page.addScriptTag({ path: AXE });
        // The callback runs in the page; the project compiles without DOM types, so the page is typed here.
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
    },
    async close() {
      await context.close();
      await browser.close();
    },
  };
}
