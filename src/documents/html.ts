/**
 * DocumentModel → one self-contained, accessible HTML5 page (WCAG 2.2 AA): lang="en-GB", a title,
 * headings exactly as the model orders them, tables with captions and scoped header cells, no fixed
 * widths (it reflows at 400% zoom), system-safe colours that survive forced-colours mode, and a print
 * stylesheet. There is no script, and a Content-Security-Policy forbids any.
 *
 * Every piece of text and every attribute value goes through `escapeHtml`; a link is emitted only for an
 * http(s) or mailto address, so hostile section content can only ever appear as text.
 */
import { isSafeHref } from '../domain/assemble-document.js';
import type { DocBlock, DocLine, DocumentModel, TableBlock, TableCell } from '../domain/document-model.js';

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);

function line(runs: DocLine): string {
  return runs
    .map((run) => {
      let html = escapeHtml(run.text);
      if (run.italic) html = `<em>${html}</em>`;
      if (run.bold) html = `<strong>${html}</strong>`;
      return run.href !== undefined && isSafeHref(run.href)
        ? `<a href="${escapeHtml(run.href)}">${html}</a>`
        : html;
    })
    .join('');
}

const cellContent = (cell: TableCell): string => cell.map(line).join('<br>');

function table(block: TableBlock): string {
  const head =
    block.header === null
      ? ''
      : `<thead><tr>${block.header.map((c) => `<th scope="col">${cellContent(c)}</th>`).join('')}</tr></thead>`;
  const rows = block.rows
    .map(
      (row) =>
        `<tr>${row
          .map((c, i) =>
            block.rowHeaders && i === 0
              ? `<th scope="row">${cellContent(c)}</th>`
              : `<td>${cellContent(c)}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('\n');
  return `<table>\n<caption>${escapeHtml(block.caption)}</caption>\n${head}\n<tbody>\n${rows}\n</tbody>\n</table>`;
}

function block(item: DocBlock): string {
  switch (item.type) {
    case 'heading': {
      const number =
        item.number === undefined ? '' : `<span class="number">${escapeHtml(item.number)}.</span> `;
      return `<h${item.level}>${number}${escapeHtml(item.text)}</h${item.level}>`;
    }
    case 'paragraph': {
      const number =
        item.number === undefined ? '' : `<span class="paragraph-number">${escapeHtml(item.number)}</span> `;
      const style = item.style === undefined ? '' : ` class="${item.style}"`;
      return `<p${style}>${number}${line(item.runs)}</p>`;
    }
    case 'list': {
      const tag = item.ordered ? 'ol' : 'ul';
      return `<${tag}>${item.items.map((i) => `<li>${line(i)}</li>`).join('')}</${tag}>`;
    }
    case 'table':
      return table(item);
    case 'pageBreak':
      return '<hr class="page-break">';
  }
}

// Colours meet 4.5:1 on white with room to spare; borders and focus use system colours in forced-colours
// mode. Widths are in rem or percent only, so the text reflows at any zoom.
const STYLE = `
:root { color-scheme: light; }
body { margin: 0; background: #ffffff; color: #1b1b1b; font-family: Arial, Helvetica, sans-serif;
  font-size: 1rem; line-height: 1.5; }
main, footer { max-width: 48rem; margin: 0 auto; padding: 1rem; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 1.5em 0 0.5em; }
h1 { font-size: 2rem; } h2 { font-size: 1.5rem; } h3 { font-size: 1.25rem; } h4, h5, h6 { font-size: 1.0625rem; }
h1, h2, h3, h4, h5, h6, p, li, th, td, caption { overflow-wrap: anywhere; }
a { color: #0b4f9c; text-decoration: underline; }
a:visited { color: #4c2c92; }
a:focus { outline: 3px solid #1b1b1b; outline-offset: 2px; background: #fff3bf; }
.lead { font-size: 1.125rem; font-weight: bold; }
.note { font-style: italic; }
.number, .paragraph-number { font-weight: bold; }
.paragraph-number { display: inline-block; min-width: 2.5em; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0 1.5rem; }
caption { text-align: left; font-weight: bold; padding: 0 0 0.25rem; }
th, td { border: 1px solid #595959; padding: 0.375rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
hr.page-break { border: 0; border-top: 2px solid #595959; margin: 2.5rem 0; }
footer { border-top: 1px solid #595959; font-size: 0.875rem; }
@media (forced-colors: active) {
  th, td, hr.page-break, footer { border-color: CanvasText; }
  a:focus { outline-color: Highlight; }
}
@media print {
  @page { size: A4 portrait; margin: 2cm; }
  body { font-size: 11pt; color: #000000; }
  main, footer { max-width: none; padding: 0; }
  a { color: #000000; }
  a[href^="http"]::after { content: " (" attr(href) ")"; overflow-wrap: anywhere; }
  hr.page-break { border: 0; margin: 0; break-after: page; }
  thead { display: table-header-group; }
  tr, th, td { break-inside: avoid; }
  h1, h2, h3, h4, h5, h6, caption { break-after: avoid; }
}
`;

/** Nothing may run and nothing may load: the page is text and one inline stylesheet. */
const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

/** The document's content alone, for a SharePoint page's text web part (which supplies its own page). */
export function renderHtmlBody(model: DocumentModel): string {
  return model.blocks.map(block).join('\n');
}

/** The model as one HTML document: the same model always gives the same string. */
export function renderHtml(model: DocumentModel): string {
  const { metadata } = model;
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(metadata.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(CONTENT_SECURITY_POLICY)}">`,
    `<title>${escapeHtml(`${metadata.title} – ${metadata.creator}`)}</title>`,
    `<meta name="author" content="${escapeHtml(metadata.creator)}">`,
    `<meta name="description" content="${escapeHtml(metadata.description)}">`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    renderHtmlBody(model),
    '</main>',
    `<footer><p>${escapeHtml(`${metadata.title}, ${metadata.creator}. ${metadata.versionLabel}; content hash ${metadata.contentHash}.`)}</p></footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
