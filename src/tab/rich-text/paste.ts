/**
 * What a paste becomes. HTML is parsed with DOMParser into a detached, inert document — its scripts do
 * not run and its images do not load — and only read by richTextFromDom; it never reaches the page.
 */
import type { RichText } from '../../domain/sections/rich-text.js';
import { richTextFromDom } from './from-dom.js';

export function richTextFromHtml(html: string): RichText {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  return richTextFromDom(parsed.body);
}

/** Plain text: a blank line separates paragraphs; single line breaks join into one. */
export function richTextFromPlain(text: string): RichText {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((chunk) => chunk.replace(/\s+/g, ' ').trim())
    .filter((chunk) => chunk !== '')
    .map((chunk) => ({ type: 'paragraph', children: [{ type: 'text', text: chunk }] }));
}
