/**
 * Word's clipboard HTML through the browser's own parser (Debian's Chromium) and then the paste
 * converter: Word desktop's marked list markers, Word's filtered HTML (Outlook, "Web Page, Filtered"),
 * whose "·" and "1." are plain text, and Word 2003's unmarked markers between `<![if !supportLists]>`
 * comments. A bullet list item never keeps the bullet as text (it would show twice), headings come in on
 * the app's levels with none of Word's sizes, and a web page's own "•" inside an `<li>` goes too.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateRichText, type RichText } from '../../../src/domain/sections/rich-text.js';
import { richTextFromDom, type DomLike } from '../../../src/tab/rich-text/from-dom.js';
import { launchChromium } from '../../support/tab-browser.js';

const sample = (name: string): string =>
  readFileSync(new URL(`../../fixtures/word-paste/${name}`, import.meta.url), 'utf8');

interface Plain {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  attributes: Record<string, string>;
  childNodes: Plain[];
}

const asDomLike = (node: Plain): DomLike => ({
  nodeType: node.nodeType,
  nodeName: node.nodeName,
  textContent: node.textContent,
  childNodes: node.childNodes.map(asDomLike),
  getAttribute: (name) => node.attributes[name] ?? null,
});

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
});

/** Runs in the page (the test's own types have no DOM): the parsed body as plain data. */
const PARSE_IN_PAGE = `(source) => {
  const plain = (node) => ({
    nodeType: node.nodeType,
    nodeName: node.nodeName,
    textContent: node.textContent,
    attributes: node.attributes ? Object.fromEntries([...node.attributes].map((a) => [a.name, a.value])) : {},
    childNodes: [...node.childNodes].map(plain),
  });
  return plain(new DOMParser().parseFromString(source, 'text/html').body);
}`;

/** The HTML as the tab's paste handler sees it: DOMParser in the browser, read by richTextFromDom. */
async function pasted(html: string): Promise<RichText> {
  const tree = (await page.evaluate(`(${PARSE_IN_PAGE})(${JSON.stringify(html)})`)) as Plain;
  const content = richTextFromDom(asDomLike(tree));
  expect(validateRichText(content).ok).toBe(true);
  return content;
}

const t = (text: string) => ({ type: 'text', text });

describe('Word clipboard HTML into the rich-text model', () => {
  it('Word desktop: marked bullets come in once, at one level, headings on the app ramp', async () => {
    const content = await pasted(sample('word-desktop-bullets.html'));
    expect(content).toEqual([
      { type: 'heading', level: 2, children: [t('Our approach to skills')] },
      { type: 'paragraph', children: [t('We will do three things:')] },
      {
        type: 'list',
        ordered: false,
        items: [
          [t('Fund 200 apprenticeships')],
          [{ type: 'text', text: 'Open', bold: true }, t(' the skills hub')],
          [t('Outreach in every ward')],
        ],
      },
      { type: 'heading', level: 2, children: [t('Funding')] },
    ]);
  });

  it('Word filtered HTML: a "·" or "1." drawn as plain text is the list marker, not the item text', async () => {
    const content = await pasted(sample('word-filtered-lists.html'));
    expect(content).toEqual([
      { type: 'heading', level: 2, children: [t('Priorities')] },
      {
        type: 'list',
        ordered: false,
        items: [[t('Cut waiting times for adaptations')], [t('Publish the housing register quarterly')]],
      },
      { type: 'list', ordered: true, items: [[t('Consult tenants')], [t('Report to Cabinet')]] },
    ]);
  });

  it('Word 2003: an unmarked marker between the supportLists comments is left out', async () => {
    const content = await pasted(sample('word-2003-bullets.html'));
    expect(content).toEqual([
      {
        type: 'list',
        ordered: false,
        items: [[t('Recycling collected fortnightly')], [t('Food waste weekly')]],
      },
    ]);
  });

  it('a web list drawing its own "•" keeps one bullet; words that merely start like a marker stay', async () => {
    const content = await pasted(
      '<ul><li>• Already bulleted</li><li>\u2022\u00a0Also</li><li>a) is an option</li></ul>' +
        '<p>a) stays in a paragraph</p><p class="MsoNormal">· not a list paragraph</p>',
    );
    expect(content).toEqual([
      {
        type: 'list',
        ordered: false,
        items: [[t('Already bulleted')], [t('Also')], [t('a) is an option')]],
      },
      { type: 'paragraph', children: [t('a) stays in a paragraph')] },
      { type: 'paragraph', children: [t('· not a list paragraph')] },
    ]);
  });
});
