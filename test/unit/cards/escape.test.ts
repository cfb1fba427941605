import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  escapeMarkdown,
  plainText,
  truncate,
  unescapeMarkdown,
  userText,
} from '../../../src/cards/escape.js';

const ZWSP = '\u200B';
const SIGNIFICANT = [...'\\`*_[](){}#>+-!~|<&=:.', ZWSP, '\n', ' ', '1', 'a', '@', '/', 'é', '😀'];

/** Strings made mostly of the characters that matter, and arbitrary Unicode (lone surrogates too). */
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
  ),
);

/**
 * Walks escaped text the way a markdown reader would: a backslash takes the next character literally.
 * Returns the characters that stand unescaped.
 */
function unescapedCharacters(escaped: string): string[] {
  const bare: string[] = [];
  for (let i = 0; i < escaped.length; i += 1) {
    if (escaped[i] === '\\') i += 1;
    else bare.push(escaped[i]!);
  }
  return bare;
}

describe('escapeMarkdown', () => {
  it('is undone by unescapeMarkdown, for any string', () => {
    fc.assert(
      fc.property(hostileStrings, (text) => {
        expect(unescapeMarkdown(escapeMarkdown(text))).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves no link, image, autolink, HTML or mention syntax unescaped', () => {
    fc.assert(
      fc.property(hostileStrings, (text) => {
        const escaped = escapeMarkdown(text);
        const bare = unescapedCharacters(escaped);
        for (const char of '[]()<>!*_`#~|&=+-') expect(bare).not.toContain(char);
        expect(escaped).not.toMatch(/<at>/i);
        expect(escaped).not.toMatch(/\]\(/);
      }),
      { numRuns: 2000 },
    );
  });

  it('breaks every URL scheme, bare domain and numbered-list marker with an invisible space', () => {
    fc.assert(
      fc.property(hostileStrings, (text) => {
        const escaped = escapeMarkdown(text);
        // Every `:` and `.` is followed by a zero-width space, so no `scheme:`, `://`, `www.` or `1. ` remains.
        expect(escaped).not.toMatch(/[:.](?!\u200B)/);
        expect(escaped).not.toMatch(/:\/\//);
        expect(escaped).not.toMatch(/www\.[\w-]/i);
        expect(escaped).not.toMatch(/^\s*\d+[.)]\s/m);
        expect(escaped).not.toMatch(/^\s*[-+*#>]/m);
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves ordinary words alone', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9 ,'"?£%]*$/), (text) => {
        expect(escapeMarkdown(text)).toBe(text);
      }),
    );
  });

  it('escapes the hostile examples as expected', () => {
    expect(escapeMarkdown('[click](https://evil.example)')).toBe(
      `\\[click\\]\\(https:${ZWSP}//evil.${ZWSP}example\\)`,
    );
    expect(escapeMarkdown('<at>CEO</at>')).toBe('\\<at\\>CEO\\</at\\>');
    expect(escapeMarkdown('**bold**')).toBe('\\*\\*bold\\*\\*');
    expect(escapeMarkdown('# heading')).toBe('\\# heading');
    expect(escapeMarkdown('javascript:alert(1)')).toBe(`javascript:${ZWSP}alert\\(1\\)`);
    expect(escapeMarkdown('1. first')).toBe(`1.${ZWSP} first`);
  });
});

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

  it('userText is the escape of the cut text', () => {
    const long = `${'x'.repeat(20)}[a](b)`;
    expect(unescapeMarkdown(userText(long, 10))).toBe(truncate(long, 10));
  });
});

describe('plainText', () => {
  it('flattens line breaks and control characters and keeps the rest as is', () => {
    expect(plainText('  Dee\n\tDeputy\u0000 [x](y) ', 100)).toBe('Dee Deputy [x](y)');
  });
});
