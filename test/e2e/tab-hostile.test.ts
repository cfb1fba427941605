/**
 * Hostile content: markup and scripts typed, pasted or sent through the API are refused with a clear
 * error or kept as plain text, and never run in the tab. The pages here are opened with the CSP switched
 * off, so what is tested is the tab's own handling (escaping, the closed model), not the server's header.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPeople } from '../../src/local/demo/people.js';
import type { ApiErrorBody, PlanCreatedDto, SectionDto } from '../../src/shared/api.js';
import { builtTab } from '../support/tab-build.js';
import { launchChromium, openAs, screenshot, type TabPage } from '../support/tab-browser.js';
import { pasteInto, savedSection, textOf, typeAtEnd } from '../support/tab-editor.js';
import { startTabServer, type TabServer } from '../support/tab-server.js';

let tab: TabServer;
let browser: Browser;
const opened: TabPage[] = [];

const lead = demoPeople.planLead.id;
const owner = demoPeople.digitalLead.id;
const KEY = 'theme-1-transformation';

/** Each payload, if it ever ran, would set window.__pwned and open a dialog. */
const run = (where: string) => `window.__pwned='${where}';alert('${where}')`;
const TITLE = `Plan <img src=x onerror="${run('title')}">`;
const SCRIPT_TEXT = `<script>${run('content')}</script>`;
const IMG_TEXT = `<img src=x onerror="${run('content-img')}">`;
const REASON = `<svg onload="${run('reason')}"></svg>`;
const COMMENT = `<iframe src="javascript:${run('comment')}"></iframe> Please shorten.`;
const PASTED = `<html><body>
<script>${run('paste-script')}</script>
<p onclick="${run('paste-click')}" onmouseover="${run('paste-hover')}">Hover over me</p>
<img src=x onerror="${run('paste-img')}">
<a href="javascript:${run('paste-link')}">Click me</a>
<a href="https://www.gov.uk/" onclick="${run('paste-link-handler')}">A real link</a>
<iframe src="javascript:${run('paste-iframe')}"></iframe>
<svg><script>${run('paste-svg')}</script></svg>
<style>body { display: none }</style>
<form action="javascript:${run('paste-form')}"><button>Go</button></form>
</body></html>`;

let planId = '';

beforeAll(async () => {
  const tabDir = await builtTab();
  [tab, browser] = await Promise.all([startTabServer({ tabDir }), launchChromium()]);
  const created = await tab.as(lead)<PlanCreatedDto>('POST', '/api/plans', {
    templateId: 'dluhc-productivity-plan-2024',
    reportFormatId: 'demo-borough-cabinet',
    title: TITLE,
  });
  planId = created.body.planId;
  await tab.as(lead)('POST', `/api/plans/${planId}/sections/${KEY}/assign`, {
    ownerId: owner,
    contributorIds: [],
    dueDate: null,
  });
  const section = await savedSection(tab, owner, planId, KEY);
  const saved = await tab.as(owner)('PUT', `/api/plans/${planId}/sections/${KEY}`, {
    baseRevision: section.revision,
    content: [
      { type: 'paragraph', children: [{ type: 'text', text: SCRIPT_TEXT }] },
      { type: 'heading', level: 3, children: [{ type: 'text', text: IMG_TEXT, bold: true }] },
      {
        type: 'list',
        ordered: false,
        items: [[{ type: 'link', href: 'https://www.gov.uk/', text: IMG_TEXT }]],
      },
    ],
    promptAnswers: { [section.promptQuestions[0]!.id]: { state: 'not-applicable', reason: REASON } },
  });
  if (saved.status !== 200) throw new Error(`setup save: ${JSON.stringify(saved.body)}`);
  await tab.as(owner)('POST', `/api/plans/${planId}/sections/${KEY}/submit`);
  await tab.as(lead)('POST', `/api/plans/${planId}/sections/${KEY}/request-changes`, { comment: COMMENT });
}, 120_000);

afterAll(async () => {
  for (const page of opened) await page.close().catch(() => undefined);
  await browser?.close();
  await tab?.close();
});

async function open(personId: string, hash: string): Promise<TabPage> {
  const page = await openAs(browser, tab.url, personId, hash, { bypassCSP: true });
  opened.push(page);
  return page;
}

/** What would show that markup got into the page or ran. */
async function injected(page: Page): Promise<{ pwned: unknown; elements: string[]; inlineScripts: number }> {
  return (await page.evaluate(`({
    pwned: window.__pwned ?? null,
    elements: [...document.querySelectorAll(
      'img, iframe, object, embed, form, [onerror], [onload], [onclick], [onmouseover], a[href^="javascript:" i], svg script, main style'
    )].map((e) => e.outerHTML.slice(0, 120)),
    inlineScripts: [...document.querySelectorAll('script')].filter((s) => !s.src).length,
  })`)) as { pwned: unknown; elements: string[]; inlineScripts: number };
}

async function expectClean(page: TabPage): Promise<void> {
  expect(await injected(page.page)).toEqual({ pwned: null, elements: [], inlineScripts: 0 });
  expect(page.dialogs).toEqual([]);
  expect(page.errors).toEqual([]);
}

describe('hostile content', () => {
  it('the API refuses what the model cannot hold, with a clear error', async () => {
    const put = (content: unknown) =>
      tab.as(owner)<ApiErrorBody>('PUT', `/api/plans/${planId}/sections/${KEY}`, {
        baseRevision: 99,
        content,
      });
    const js = await put([
      { type: 'paragraph', children: [{ type: 'link', href: 'javascript:alert(1)', text: 'x' }] },
    ]);
    expect(js.status).toBe(400);
    expect(js.body.error.message).toMatch(/links must be http, https or mailto/);
    const html = await put([{ type: 'html', html: '<script>alert(1)</script>' }]);
    expect(html.status).toBe(400);
    expect(html.body.error.message).toMatch(/expected paragraph, heading, list or table/);
    const handler = await put([
      { type: 'paragraph', children: [{ type: 'text', text: 'x', onclick: 'alert(1)' }] },
    ]);
    expect(handler.status).toBe(400);
    expect(handler.body.error.message).toMatch(/onclick: not allowed/);
    const stored = await savedSection(tab, owner, planId, KEY);
    expect(textOf(stored.content)).toContain(SCRIPT_TEXT); // kept, as text
  });

  it('the served tab carries a CSP that allows only its own scripts', async () => {
    const response = await fetch(`${tab.url}/`);
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/);
    expect(response.headers.get('content-security-policy')).toMatch(/object-src 'none'/);
  });

  it('shows hostile titles, text, reasons and comments as text, and runs none of it', async () => {
    const list = await open(lead, '#/');
    await list.page.getByRole('link', { name: TITLE }).waitFor();
    await expectClean(list);

    const dashboard = await open(lead, `#/plans/${planId}`);
    await dashboard.page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    await expectClean(dashboard);

    const review = await open(lead, `#/plans/${planId}/sections/${KEY}`);
    await review.page.getByText(COMMENT).waitFor();
    const body = await review.page.locator('main').innerText();
    expect(body).toContain(SCRIPT_TEXT);
    expect(body).toContain(IMG_TEXT);
    expect(await review.page.getByRole('textbox', { name: 'Why it does not apply' }).inputValue()).toBe(
      REASON,
    );
    await screenshot(review.page, '30-hostile-read');
    await expectClean(review);

    const plan = await tab.as(lead)<{ contentVersion: number }>('GET', `/api/plans/${planId}`);
    const version = await open(lead, `#/plans/${planId}/versions/${plan.body.contentVersion}`);
    await version.page.getByText(SCRIPT_TEXT).waitFor();
    await expectClean(version);
  }, 90_000);

  it('a hostile paste keeps only text and a safe link, and nothing in it runs, hovered or clicked', async () => {
    const editor = await open(owner, `#/plans/${planId}/sections/${KEY}`);
    const area = editor.page.getByTestId('section-editor');
    await area.waitFor();
    // The stored text is in the editor as text, not markup.
    expect(await area.innerText()).toContain(SCRIPT_TEXT);
    await pasteInto(editor.page, PASTED, 'Hover over me');
    await area.getByText('Hover over me').hover();
    await area.getByText('Click me').click();
    await area.getByText('A real link').hover();
    await editor.page.waitForTimeout(300);
    await expectClean(editor);
    expect(await area.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual([
      'https://www.gov.uk/',
      'https://www.gov.uk/',
    ]);

    await expect
      .poll(async () => textOf((await savedSection(tab, owner, planId, KEY)).content), { timeout: 15_000 })
      .toContain('A real link');
    const saved = await savedSection(tab, owner, planId, KEY);
    const stored = JSON.stringify(saved.content);
    expect(stored).not.toMatch(/paste-(script|click|hover|img|link|iframe|svg|form)/);
    expect(stored).not.toMatch(/javascript:|display: none/i);
    expect(textOf(saved.content)).toContain('Hover over me');
    expect(textOf(saved.content)).toContain('Click me');
    await screenshot(editor.page, '31-hostile-paste');
  }, 90_000);

  it('huge input is refused in words before it is sent, and nothing already saved is lost', async () => {
    const editor = await open(owner, `#/plans/${planId}/sections/${KEY}`);
    await editor.page.getByTestId('section-editor').waitFor();
    const before = await savedSection(tab, owner, planId, KEY);
    let puts = 0;
    editor.page.on('request', (request) => {
      if (request.method() === 'PUT') puts++;
    });
    const huge = Array.from({ length: 12_000 }, (_, i) => `word${i}`).join(' ');
    await pasteInto(editor.page, '', huge);
    const alert = editor.page.getByRole('alert');
    await alert.waitFor({ timeout: 10_000 });
    expect(await alert.innerText()).toMatch(/too long to store/);
    expect(await alert.innerText()).toMatch(/Shorten it or move detail to an appendix/);
    expect(await editor.page.getByTestId('save-state').getAttribute('data-state')).toBe('failed');
    expect(await editor.page.getByTestId('word-count').innerText()).toMatch(/over the budget/);
    await screenshot(editor.page, '32-too-long');
    expect(puts).toBe(0);
    const after: SectionDto = await savedSection(tab, owner, planId, KEY);
    expect(after.revision).toBe(before.revision);
    expect(after.content).toEqual(before.content);
    await typeAtEnd(editor.page, ' still here');
    await expectClean(editor);
  }, 90_000);
});
