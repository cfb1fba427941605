/**
 * Measures for the tab on a phone or in a narrow panel: whether the page scrolls sideways (WCAG 2.2
 * reflow, 1.4.10), which controls are smaller than 24 × 24 CSS px (target size, 2.5.8), and screenshots
 * kept in test-results/mobile.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const PHONE_SCREENSHOTS = path.join(root, 'test-results', 'mobile');

/** The widths the issue names: the narrowest Teams panel and a common phone. */
export const PHONES = [
  { width: 320, height: 640 },
  { width: 390, height: 844 },
] as const;

export interface Overflow {
  readonly viewport: number;
  readonly scrollWidth: number;
  /** The elements whose right edge passes the viewport (at most 5), to say what pushes the page wide. */
  readonly widest: readonly string[];
}

/** How wide the page is against the viewport, with the elements that stick out. */
export async function pageOverflow(page: Page): Promise<Overflow> {
  return (await page.evaluate(`(() => {
    // The layout viewport: on a phone a page wider than the screen is zoomed out to fit, so innerWidth
    // (the visual viewport) grows with it; clientWidth stays the device width the page was laid out for.
    const viewport = document.documentElement.clientWidth;
    const describe = (el) =>
      el.tagName.toLowerCase() + (el.getAttribute('data-testid') ? '[' + el.getAttribute('data-testid') + ']' : '') +
      ' "' + (el.textContent || '').trim().slice(0, 40) + '" right=' + Math.round(el.getBoundingClientRect().right);
    const widest = [...document.body.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > viewport + 0.5)
      .filter((el) => getComputedStyle(el).visibility !== 'hidden')
      .slice(-5)
      .map(describe);
    return { viewport, scrollWidth: document.documentElement.scrollWidth, widest };
  })()`)) as Overflow;
}

export interface SmallTarget {
  readonly what: string;
  readonly width: number;
  readonly height: number;
}

/**
 * Every visible button, link, input, select, text area and ARIA control smaller than 24 × 24 CSS px.
 * The one exception taken is WCAG's own: a link inside a sentence (an inline link with text around it in
 * the same block), whose size the line of text sets. Those are answered apart so a test can count them.
 */
export async function smallTargets(page: Page): Promise<{ small: SmallTarget[]; inline: number }> {
  return (await page.evaluate(`(() => {
    const selector = 'button, a[href], input:not([type=hidden]), select, textarea, summary, [role=button], [role=checkbox], [role=radio], [role=tab], [role=combobox], [role=switch], [role=menuitem], [role=option]';
    const small = [];
    let inline = 0;
    for (const el of document.querySelectorAll(selector)) {
      if (el.closest('[aria-hidden="true"], [data-tabster-dummy], [hidden]')) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      if (rect.bottom + window.scrollY <= 0) continue; // parked above the page (the skip link until focused)
      if (rect.width >= 23.99 && rect.height >= 23.99) continue;
      if (el.tagName === 'A' && style.display === 'inline') {
        const block = el.parentElement.closest('p, li, dd, td, th, div, span[role="status"]') || el.parentElement;
        if ((block.textContent || '').trim().length > (el.textContent || '').trim().length) {
          inline += 1;
          continue;
        }
      }
      small.push({
        what: el.tagName.toLowerCase() + (el.getAttribute('role') ? '[role=' + el.getAttribute('role') + ']' : '') +
          ' "' + (el.getAttribute('aria-label') || el.textContent || el.getAttribute('name') || '').trim().slice(0, 40) + '"',
        width: Math.round(rect.width * 10) / 10,
        height: Math.round(rect.height * 10) / 10,
      });
    }
    return { small, inline };
  })()`)) as { small: SmallTarget[]; inline: number };
}

export async function phoneScreenshot(
  page: Page,
  name: string,
  options: { fullPage?: boolean } = {},
): Promise<string> {
  mkdirSync(PHONE_SCREENSHOTS, { recursive: true });
  const file = path.join(PHONE_SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? true });
  return file;
}

/**
 * Elements that say something only on hover (a `title` is shown as a tooltip, which touch never shows):
 * any element with a title whose own visible text does not already say it. A frame's title (its
 * accessible name, never a tooltip one needs) is left out.
 */
export async function hoverOnlyTitles(page: Page): Promise<string[]> {
  return (await page.evaluate(`(() => [...document.querySelectorAll('[title]:not(iframe)')]
    .filter((el) => el.getAttribute('title').trim() !== '')
    .filter((el) => !(el.textContent || '').includes(el.getAttribute('title').trim()))
    .map((el) => el.tagName.toLowerCase() + ' title="' + el.getAttribute('title').slice(0, 60) + '"'))()`)) as string[];
}
