/**
 * Text from people (titles, comments, names) goes into TextBlocks, which render a markdown subset and which
 * Teams also scans for links and `<at>` mentions. Escaping makes such text render as itself.
 *
 * The escape is a per-character code, so it is invertible (the property tests rely on this):
 * - markdown punctuation gets a backslash, which CommonMark (and the Adaptive Cards renderers) drop;
 * - `:` and `.` get a zero-width space after them, which no renderer shows but which breaks every URL
 *   scheme (`https://`, `javascript:`, `mailto:`), bare domains (`evil.example`, `www.`) and ordered-list
 *   markers (`1. `) — a backslash before them would be dropped before Teams looks for links;
 * - a zero-width space in the input is doubled, so the ones added above can be told apart.
 * `<at>` cannot survive because `>` is always backslashed.
 */

const ZWSP = '\u200B';
const BACKSLASHED = new Set('\\`*_[](){}#>+-!~|<&='.split(''));
const SPACED = new Set([':', '.']);

export function escapeMarkdown(text: string): string {
  let out = '';
  for (const char of text) {
    if (BACKSLASHED.has(char)) out += `\\${char}`;
    else if (SPACED.has(char)) out += char + ZWSP;
    else if (char === ZWSP) out += ZWSP + ZWSP;
    else out += char;
  }
  return out;
}

/** The inverse of escapeMarkdown, for tests and for anyone reading a card back. */
export function unescapeMarkdown(escaped: string): string {
  let out = '';
  for (let i = 0; i < escaped.length; i += 1) {
    const char = escaped[i]!;
    const next = escaped[i + 1];
    if (char === '\\' && next !== undefined && BACKSLASHED.has(next)) {
      out += next;
      i += 1;
    } else if (SPACED.has(char)) {
      out += char;
      if (next === ZWSP) i += 1;
    } else if (char === ZWSP && next === ZWSP) {
      out += ZWSP;
      i += 1;
    } else {
      out += char;
    }
  }
  return out;
}

/**
 * Shortens text to at most `max` characters (code points), ending in an ellipsis when cut, so one long
 * comment cannot push a card past Teams' message size. Never splits a surrogate pair.
 */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/** For user text in a TextBlock or Fact: bounded, then escaped. */
export function userText(text: string, max: number): string {
  return escapeMarkdown(truncate(text, max));
}

/**
 * For places rendered as plain text (choice titles): no markdown to escape, but line breaks and other
 * control characters are flattened so a name stays on one line.
 */
export function plainText(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  return truncate(text.replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim(), max);
}
