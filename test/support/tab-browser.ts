/**
 * Debian's Chromium through playwright-core, one browser per test file: pages acting as demo people,
 * every dialog and page error recorded, axe-core run in the page, screenshots kept in test-results/tab.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const SCREENSHOTS = path.join(root, 'test-results', 'tab');

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_FLAGS });
}

export interface TabPage {
  readonly page: Page;
  readonly context: BrowserContext;
  /** Every alert/confirm/prompt the page tried to open (each was dismissed). */
  readonly dialogs: string[];
  /** Uncaught exceptions in the page. */
  readonly errors: string[];
  close(): Promise<void>;
}

/** A fresh context acting as one demo person (the local-mode picker's remembered choice). */
export async function openAs(
  browser: Browser,
  baseUrl: string,
  personId: string,
  hash = '#/',
  options: {
    bypassCSP?: boolean;
    /** A phone or a narrow panel: that viewport, with touch and the mobile viewport meta honoured. */
    phone?: { width: number; height: number };
  } = {},
): Promise<TabPage> {
  const context = await browser.newContext({
    viewport: options.phone ?? { width: 1280, height: 900 },
    ...(options.phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 1 } : {}),
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    bypassCSP: options.bypassCSP ?? false,
  });
  await context.addInitScript({
    content: `localStorage.setItem('pb.actingAs', ${JSON.stringify(personId)});`,
  });
  const page = await context.newPage();
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${baseUrl}/${hash}`);
  return { page, context, dialogs, errors, close: () => context.close() };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: string[];
}

/** axe-core's serious and critical violations on the page as it is now (WCAG 2.x A/AA rules). */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Check the page once it has settled: a dialog that just closed leaves it aria-hidden for a moment (its
  // exit, then the tab's guard), and one fading in has not reached its colours yet, so axe would measure
  // contrast mid-fade (endless animations, such as spinners, do not count). A page that never settles is
  // checked as it is, and fails.
  // (Polled with evaluate(), which runs outside the page's CSP; waitForFunction would need 'unsafe-eval'.)
  const settled = `(document.querySelector('[role="dialog"][aria-modal="true"], [role="alertdialog"]') !== null ||
      document.getElementById('root')?.getAttribute('aria-hidden') !== 'true') &&
    document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity)`;
  for (let waited = 0; !((await page.evaluate(settled)) as boolean); waited += 50) {
    if (waited >= 5_000) break;
    await page.waitForTimeout(50);
  }
  // evaluate() runs outside the page's CSP, so the check sees the page exactly as served.
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(`(async () => {
    // tabster (Fluent's focus manager) puts invisible sentinel <i tabindex> elements at the edges of the
    // page and of dialogs; they hand focus on at once and are marked aria-hidden on purpose. axe's
    // aria-hidden-focus rule cannot tell, so they are left out — and only they.
    const result = await axe.run({ include: [document], exclude: [['[data-tabster-dummy]']] }, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  })()`)) as AxeViolation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
