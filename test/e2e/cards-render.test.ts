/**
 * Every card, with hostile user text, rendered by the `adaptivecards` renderer (the one Teams' web client
 * is built on) in Chromium, twice: with a real markdown processor (markdown-it, linking bare addresses as
 * Teams does) and with none. Either way a person sees the user's text as they typed it (`*` and `` ` `` as
 * their look-alikes), no backslash that was not typed, and no link, emphasis, list, heading or quote
 * made from it; plain-text places (labels, placeholders, choices, buttons) show it raw. Screenshots of
 * every card with every hostile string at once are kept in test-results/cards/.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/cards/card-text.js';
import { lookAlike, truncate } from '../../src/cards/escape.js';
import { launchChromium } from '../support/tab-browser.js';
import { everyCard } from '../unit/cards/support/every-card.js';
import { HOSTILE } from '../unit/cards/support/views.js';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../../', import.meta.url));
const SCREENSHOTS = path.join(root, 'test-results', 'cards');

/** The hostile strings of the card tests, and the other constructs Teams or markdown-it would act on. */
const STRINGS: Readonly<Record<string, string>> = {
  link: HOSTILE.link,
  mention: HOSTILE.mention,
  bold: HOSTILE.bold,
  heading: HOSTILE.heading,
  script: HOSTILE.script,
  underscores: '_italic_ and __strong__ in snake_case',
  lists: '1. first\n2) second\n- third\n+ fourth\n* fifth',
  bare: 'www.evil.example and ceo@evil.example',
  image: '![img](http://e.x/a.png)',
  autolink: '<https://autolink.example>',
  entity: '&#91;x&#93;(http://e.x)',
  reference: '[ref]: http://e.x\n[ref]',
  struck: '~~struck~~ > quoted `code`',
  backslash: 'C:\\Plans\\*draft* \\[a\\](b)',
  setext: 'Title\n===',
};
const EVERYTHING = Object.values(STRINGS).join(' ');

interface Rendered {
  /** The card's visible text, joiners removed, whitespace collapsed. */
  readonly visible: string;
  /** Markup elements a markdown processor made: none of our own text uses markdown. */
  readonly markup: readonly string[];
  /** Texts shown as plain text: labels, placeholders, choices, buttons. */
  readonly plain: readonly string[];
}

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 520, height: 800 } });
  await page.setContent(
    '<!doctype html><html lang="en"><body style="font: 14px \'Segoe UI\', sans-serif; margin: 8px"><div id="card"></div></body></html>',
  );
  await page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.min.js') });
  await page.addScriptTag({ path: require.resolve('markdown-it/browser') });
  await page.addScriptTag({ content: IN_PAGE });
});
afterAll(async () => {
  await browser?.close();
});

/** Runs in the page: renders one card, with markdown-it or without a markdown processor, and reads it. */
const IN_PAGE = `
window.renderCard = (card, markdown) => {
  const md = window.markdownit({ linkify: true });
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
    if (!markdown) return;
    result.outputHtml = md.render(text);
    result.didProcess = true;
  };
  const host = document.getElementById('card');
  host.replaceChildren();
  const adaptive = new AdaptiveCards.AdaptiveCard();
  adaptive.parse(card);
  const element = adaptive.render();
  host.appendChild(element);
  // Open every show card, so what they hold is rendered and read too.
  element.querySelectorAll('button[aria-expanded="false"]').forEach((button) => button.click());
  const markup = [...element.querySelectorAll(
    'a, strong, em, b, i, li, ol, ul, h1, h2, h3, h4, h5, h6, blockquote, img, s, del, code, pre, hr',
  )].map((e) => e.tagName.toLowerCase());
  const plain = [
    ...[...element.querySelectorAll('label, button, option')].map((e) => e.textContent || ''),
    ...[...element.querySelectorAll('input, textarea')].map((e) => e.getAttribute('placeholder') || ''),
  ];
  return {
    visible: element.innerText.replaceAll('\\u2060', '').replace(/\\s+/g, ' ').trim(),
    markup,
    plain,
  };
};`;

function render(card: unknown, markdown: boolean): Promise<Rendered> {
  return page.evaluate(`renderCard(${JSON.stringify(card)}, ${String(markdown)})`) as Promise<Rendered>;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
const fileName = (name: string) => name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();

/** Cards whose text does not change with the user text in them (help, an empty list) have none to check. */
const withUserText = new Set(
  everyCard(() => 'x')
    .filter(([name, card]) => {
      const other = everyCard(() => 'y').find(([otherName]) => otherName === name)![1];
      return JSON.stringify(card) !== JSON.stringify(other);
    })
    .map(([name]) => name),
);

describe.each([
  ['with markdown', true],
  ['without markdown', false],
] as const)('every card rendered %s', (mode, markdown) => {
  it.each(everyCard())('%s shows each hostile string as typed, and formats nothing', async (name) => {
    for (const hostile of Object.values(STRINGS)) {
      const card = everyCard(() => hostile).find(([other]) => other === name)![1];
      const rendered = await render(card, markdown);
      expect(rendered.markup, hostile).toEqual([]);
      // The start of the text (every field has room for the tightest limit) shows as typed.
      const shown = collapse(lookAlike(truncate(hostile, LIMITS.command).replace(/…$/, '')));
      if (withUserText.has(name)) expect(rendered.visible, hostile).toContain(shown);
      // No backslash but the ones typed: the text above shows them as typed (no markdown consumed them),
      // and there are no more on screen than the card carries.
      const typed = hostile.includes('\\');
      const count = (text: string) => text.split('\\').length - 1;
      if (typed) expect(count(rendered.visible)).toBeLessThanOrEqual(count(JSON.stringify(card)) / 2);
      else expect(rendered.visible, hostile).not.toContain('\\');
      // The plain-text places carry no joiner, and no backslash that was not typed.
      for (const text of rendered.plain) {
        expect(text, hostile).not.toContain('\u2060');
        if (!typed) expect(text, hostile).not.toContain('\\');
      }
    }
  });

  it.each(everyCard(() => EVERYTHING))(
    '%s, with every hostile string at once (screenshot)',
    async (name, card) => {
      const rendered = await render(card, markdown);
      expect(rendered.markup).toEqual([]);
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page
        .locator('#card')
        .screenshot({ path: path.join(SCREENSHOTS, `${fileName(name)}-${fileName(mode)}.png`) });
    },
  );
});

describe('the check itself', () => {
  it('sees a live link, emphasis and a list when text is not made safe, and a backslash escape', async () => {
    const raw = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'TextBlock', text: '[click](https://evil.example) **bold**\n- item', wrap: true },
        { type: 'Input.Text', id: 'x', label: 'Agency spend \\(£\\)' },
      ],
    };
    const withMarkdown = await render(raw, true);
    expect(withMarkdown.markup).toEqual(expect.arrayContaining(['a', 'strong', 'li']));
    expect(withMarkdown.plain).toContain('Agency spend \\(£\\)');
    const without = await render(raw, false);
    expect(without.visible).toContain('[click](https://evil.example) **bold**');
  });
});
