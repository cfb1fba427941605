import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import {
  lookAlike,
  markdownSafe,
  plainText,
  truncate,
  userText,
  visibleText,
} from '../../../src/cards/escape.js';

const WJ = '\u2060';
const SIGNIFICANT = [
  ...'\\`*_[](){}#>+-!~|<&=:.@',
  '\n',
  ' ',
  '\t',
  '1',
  'a',
  '/',
  'é',
  '😀',
  'w',
  'h',
  't',
  'p',
  's',
];

/** Strings made mostly of the characters that matter, arbitrary Unicode, and the known attacks. */
const hostileStrings = fc.oneof(
  fc.string({ unit: fc.constantFrom(...SIGNIFICANT), maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom(
    '[click](https://evil.example)',
    '<at>CEO</at>',
    '**bold**',
    '# heading',
    'javascript:alert(1)',
    '1. first\n2) second\n- third\n+ fourth\n* fifth',
    'www.evil.example and ceo@evil.example',
    '![img](http://e.x/a.png)',
    '<https://autolink.example>',
    '&#91;x&#93;(http://e.x)',
    'Title\n===',
    '_italic_ __strong__ ***both*** a*b*c',
    '~~struck~~ > quote `code`',
    '[ref]: http://e.x\n[ref]',
    '    indented code',
    '{{DATE(2017-02-14T06:08:00Z, SHORT)}}',
    'see //evil.example/x',
    '#//h.',
  ),
);

/** CommonMark (markdown-it), linking bare addresses as Teams does: the strictest reader at hand. */
const markdown = MarkdownIt({ linkify: true });
const FORMATTING = /<(a|strong|em|li|ol|ul|h[1-6]|blockquote|img|code|pre|s|hr|table)\b/;

describe('markdownSafe', () => {
  it('reads as the text typed, with `*` and `` ` `` as look-alikes: the joiners are invisible', () => {
    fc.assert(
      fc.property(hostileStrings, (text) => {
        fc.pre(!text.includes(WJ));
        expect(visibleText(markdownSafe(text))).toBe(lookAlike(text));
      }),
      { numRuns: Number(process.env.PB_PROPERTY_RUNS ?? 2000) },
    );
  });

  it('gives a markdown reader nothing to format: no link, emphasis, list, heading, quote or code', () => {
    fc.assert(
      fc.property(hostileStrings, (text) => {
        expect(markdown.render(markdownSafe(text))).not.toMatch(FORMATTING);
      }),
      { numRuns: Number(process.env.PB_PROPERTY_RUNS ?? 2000) },
    );
  });

  it('adds no backslash, and leaves no mention, inline link, scheme or address to find', () => {
    fc.assert(
      fc.property(hostileStrings, (text) => {
        const safe = markdownSafe(text);
        expect(safe.split('\\').length).toBe(text.split('\\').length);
        expect(safe).not.toMatch(/<at>/i);
        expect(safe).not.toMatch(/\]\(/);
        expect(safe).not.toMatch(/\/\//);
        expect(safe).not.toMatch(/[:.](?!\u2060)/);
        expect(safe).not.toMatch(/[A-Za-z0-9]@/);
        expect(safe).not.toMatch(/^[ \t]*(\d+[.)]|[-+*#>])/m);
      }),
      { numRuns: Number(process.env.PB_PROPERTY_RUNS ?? 2000) },
    );
  });

  it('leaves ordinary words alone', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ,'"?£%]*$/), (text) => {
        expect(markdownSafe(text)).toBe(text);
      }),
    );
    expect(markdownSafe('')).toBe('');
  });

  it('neutralises the known attacks in the forms expected', () => {
    expect(markdownSafe('[click](https://evil.example)')).toBe(
      `[${WJ}click]${WJ}(https:${WJ}/${WJ}/evil.${WJ}example)${WJ}`.replace(/^/, WJ),
    );
    expect(markdownSafe('<at>CEO</at>')).toBe(`${WJ}<${WJ}at>CEO<${WJ}/at>`);
    expect(markdownSafe('**bold**')).toBe(`${WJ}\u2217\u2217bold\u2217\u2217`);
    expect(markdownSafe('snake_case')).toBe(`snake${WJ}_${WJ}case`);
    expect(markdownSafe('1. first')).toBe(`${WJ}1.${WJ} first`);
    expect(markdownSafe('a - b')).toBe(`a -${WJ} b`);
  });

  it('is, character by character, the rule the file states (the quick paths change nothing)', () => {
    fc.assert(
      fc.property(fc.oneof(hostileStrings, fc.string({ unit: 'grapheme', maxLength: 40 })), (text) => {
        expect(markdownSafe(text)).toBe(statedRule(text));
      }),
      { numRuns: 2_000 },
    );
  });
});

/** The rule at the top of escape.ts, applied one code point at a time as plainly as it can be written. */
function statedRule(text: string): string {
  const chars = Array.from(text);
  let lineStart = true;
  return chars
    .map((char, i) => {
      if (char === '\r' || char === '\n') {
        lineStart = true;
        return char;
      }
      const lead = lineStart && !/^\p{L}$/u.test(char) ? WJ : '';
      lineStart = false;
      const next = chars[i + 1];
      if (char === '*') return `${lead}\u2217`;
      if (char === '`') return `${lead}\u02CB`;
      if (char === '_' || char === '@') return `${lead}${WJ}${char}${WJ}`;
      if (':.][)<&{\\~'.includes(char) || (char === '/' && next === '/')) return `${lead}${char}${WJ}`;
      if ((char === '-' || char === '+') && (next === undefined || next === ' ' || next === '\t'))
        return `${lead}${char}${WJ}`;
      return lead + char;
    })
    .join('');
}

describe('truncate and userText', () => {
  it('never exceeds the limit, keeps short text whole and never splits a character', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 300 }),
        fc.integer({ min: 1, max: 200 }),
        (text, max) => {
          const cut = truncate(text, max);
          expect(Array.from(cut).length).toBeLessThanOrEqual(max);
          if (Array.from(text).length <= max) expect(cut).toBe(text);
          else {
            expect(cut.endsWith('…')).toBe(true);
            expect(text.startsWith(cut.slice(0, -1))).toBe(true);
          }
          expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
        },
      ),
    );
  });

  it('userText is the safe form of the cut text', () => {
    const long = `${'x'.repeat(20)}[a](b)`;
    expect(visibleText(userText(long, 10))).toBe(truncate(long, 10));
  });
});

describe('plainText', () => {
  it('flattens line breaks and control characters and keeps the rest as is: no markdown to neutralise', () => {
    expect(plainText('  Dee\n\tDeputy\u0000 [x](y) *£* ', 100)).toBe('Dee Deputy [x](y) *£*');
  });
});
