/** Text as document runs: cleaned of what Word and HTML cannot carry; links safe and saying where they go. */
import type { DocLine, DocRun } from './document-model.js';
import type { Inline } from '../sections/rich-text.js';

// Control characters and unpaired surrogates (\p{Cs} with the u flag) cannot be carried by XML, so Word
// would refuse the file; line breaks and tabs inside a run mean nothing to either renderer: spaces.
const UNREPRESENTABLE = /[\p{Cc}\p{Cs}\uFFFE\uFFFF]/gu;
export const cleanText = (text: string): string =>
  text.replace(/[\t\r\n]+/g, ' ').replace(UNREPRESENTABLE, '');

// The rich-text validator already refuses other links; checked again because a renderer must never emit
// a script: URL even if unvalidated content reached it.
const SAFE_LINK = /^(https?:\/\/|mailto:)[^\s\p{Cc}<>"]+$/iu;
const MAX_LINK_CHARS = 2_048;
export const isSafeHref = (href: string): boolean => href.length <= MAX_LINK_CHARS && SAFE_LINK.test(href);

const hostOf = (href: string): string | null =>
  /^https?:\/\/(?:[^@/?#]*@)?([^/:?#]+)/i.exec(href)?.[1]?.toLowerCase() ?? null;

/**
 * Link text must say where the link goes. Text the author wrote is kept; a bare address (or no text) is
 * given its site as context, so "https://www.gov.uk/x" reads "Web page on www.gov.uk (https://…)".
 */
function linkText(text: string, href: string): string {
  const trimmed = text.trim();
  if (href.toLowerCase().startsWith('mailto:')) {
    return trimmed === '' ? `Email ${href.slice('mailto:'.length)}` : trimmed;
  }
  const looksLikeAddress = trimmed === '' || trimmed === href || /^(https?:\/\/|www\.)/i.test(trimmed);
  if (!looksLikeAddress) return trimmed;
  const host = hostOf(href);
  const shown = trimmed === '' ? href : trimmed;
  return host === null ? shown : `Web page on ${host} (${shown})`;
}

export function runsOf(inlines: readonly Inline[]): DocRun[] {
  return inlines.flatMap((inline): DocRun[] => {
    const text = cleanText(inline.text);
    const style = { ...(inline.bold ? { bold: true } : {}), ...(inline.italic ? { italic: true } : {}) };
    if (inline.type === 'link') {
      const href = cleanText(inline.href);
      if (isSafeHref(href)) return [{ text: linkText(text, href), href, ...style }];
    }
    return text === '' ? [] : [{ text, ...style }];
  });
}

export const plain = (text: string): DocLine => [{ text: cleanText(text) }];
export const isBlank = (line: DocLine): boolean => line.every((run) => run.text.trim() === '');
