/**
 * What "safe" means for text in a markdown-rendered place (TextBlock, Fact): a markdown reader
 * (CommonMark, linking bare addresses as Teams does) formats nothing in it, and it carries no mention,
 * inline link, live scheme or backslash escape (some Teams clients show backslashes).
 */
import MarkdownIt from 'markdown-it';
import { expect } from 'vitest';

const markdown = MarkdownIt({ linkify: true });
export const FORMATTING = /<(a|strong|em|li|ol|ul|h[1-6]|blockquote|img|code|pre|s|hr|table)\b/;

/** The HTML a markdown processor makes of the text. */
export const asMarkdown = (text: string): string => markdown.render(text);

export function expectNoMarkup(text: string): void {
  expect(asMarkdown(text)).not.toMatch(FORMATTING);
  expect(text).not.toMatch(/<at>/i);
  expect(text).not.toMatch(/\]\(/);
  expect(text).not.toMatch(/(https?|javascript|mailto):(?!\u2060)/i);
  expect(text).not.toMatch(/:\/\//);
  // None of the hostile strings has a backslash, so any backslash would be an escape we added.
  expect(text).not.toContain('\\');
}
