/**
 * The one way user text (titles, comments, names, answers) reaches a place where Teams renders markdown:
 * a TextBlock's text, a Fact's title and value, and the text of a text-only message. Teams renders only a
 * subset there: emphasis (`*`, `_`), links (`[x](y)`, and bare addresses it links by itself), lists at a
 * line start (`- `, `+ `, `1. `, `1) `), and `<at>` mentions; text-only messages add strike-through (`~`),
 * code (`` ` ``) and quotes (`>`). Its clients do not agree on backslash escapes (the mobile renderers
 * show the backslash), so none is used. Each construct is neutralised in a form that looks the same with
 * a markdown processor and without one:
 *
 * - a WORD JOINER (U+2060, invisible, no line break) after `:` and `.` breaks every URL scheme
 *   (`https:`, `javascript:`), bare domain (`www.`, `evil.example`) and ordered-list marker (`1.`); after
 *   `]` it breaks `[x](y)`, `![x](y)`, `[x][y]` and `[x]: y`; after `<` it breaks `<at>`, HTML tags and
 *   `<https://…>` autolinks; after `&`, `{`, `\`, `~`, `[` and `)` it breaks entities, `{{DATE()}}`,
 *   escapes, strike-through and the places where a mobile renderer looks for a list; between `//` it
 *   breaks protocol-relative links (`//evil.example/x`), whose host a linker accepts without a known
 *   top-level domain, so a joiner after its `.` is not enough;
 * - one at the start of every line that does not start with a letter, so no line can open a list,
 *   heading, quote, rule or code block;
 * - one each side of `_` and `@`: an underscore between two such characters can neither open nor close
 *   emphasis (CommonMark's flanking rules; the mobile renderer never closes one), and no e-mail address
 *   is found;
 * - `*` becomes `∗` (U+2217) and `` ` `` becomes `ˋ` (U+02CB), look-alikes no renderer treats as syntax,
 *   since no invisible character stops `*` emphasis everywhere.
 *
 * Plain-text places (input labels, placeholders, button and choice titles, a message's summary) are never
 * given this: there it would only be noise (plainText below). What a person sees is `visibleText`.
 */

const WJ = '\u2060';
const AFTER = new Set([':', '.', ']', '[', ')', '<', '&', '{', '\\', '~']);
const AROUND = new Set(['_', '@']);
const LOOK_ALIKE: Readonly<Record<string, string>> = { '*': '\u2217', '`': '\u02CB' };
const LETTER = /^\p{L}$/u;
/** Text that starts with a letter, has one line and none of the characters above: already safe. */
const NOTHING_TO_DO = /^\p{L}[^:.\][)<&{\\~_@*`+\-/\r\n]*$/u;

/** User text made to render as itself wherever Teams renders markdown. */
export function markdownSafe(text: string): string {
  if (NOTHING_TO_DO.test(text)) return text;
  let out = '';
  let lineStart = true;
  for (let i = 0; i < text.length;) {
    // One code point at a time (a lone surrogate is one on its own).
    const code = text.codePointAt(i)!;
    const char = code > 0xffff ? text.slice(i, i + 2) : text[i]!;
    i += char.length;
    if (char === '\r' || char === '\n') {
      out += char;
      lineStart = true;
      continue;
    }
    // A line that starts with a letter cannot open a block; any other start might (`-`, `1.`, `#`, `>`, indent).
    if (lineStart && !LETTER.test(char)) out += WJ;
    lineStart = false;
    const next = text[i];
    if (char in LOOK_ALIKE) out += LOOK_ALIKE[char];
    else if (AROUND.has(char)) out += WJ + char + WJ;
    else if (AFTER.has(char) || (char === '/' && next === '/')) out += char + WJ;
    // A hyphen or plus followed by a space is a list marker wherever a renderer starts a block.
    else if ((char === '-' || char === '+') && (next === undefined || next === ' ' || next === '\t'))
      out += char + WJ;
    else out += char;
  }
  return out;
}

/** What a person reads in a markdown-safe text: the joiners are invisible, the look-alikes read as such. */
export function visibleText(safe: string): string {
  return safe.replaceAll(WJ, '');
}

/** The characters a person sees in place of the ones replaced by look-alikes. */
export const lookAlike = (text: string): string =>
  Array.from(text, (char) => LOOK_ALIKE[char] ?? char).join('');

/**
 * Shortens text to at most `max` characters (code points), ending in an ellipsis when cut, so one long
 * comment cannot push a card past Teams' message size. Never splits a surrogate pair.
 */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/** For user text in a TextBlock or Fact: bounded, then made markdown-safe. */
export function userText(text: string, max: number): string {
  return markdownSafe(truncate(text, max));
}

/**
 * For places rendered as plain text (input labels, placeholders, choice and button titles): no markdown
 * to neutralise, but line breaks and other control characters are flattened so the text stays one line.
 */
export function plainText(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  return truncate(text.replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim(), max);
}

/** The name the card builders used before; the same function. */
export const escapeMarkdown = markdownSafe;

/**
 * The text a markdown-safe string was made from, as far as a person can tell: joiners dropped, look-alikes
 * read back (exact unless the original held joiners or look-alikes itself). For tests and for reading a
 * card back.
 */
export function unescapeMarkdown(safe: string): string {
  return Array.from(visibleText(safe), (char) => ORIGINAL[char] ?? char).join('');
}

const ORIGINAL: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(LOOK_ALIKE).map(([original, alike]) => [alike, original]),
);
