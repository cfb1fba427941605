/**
 * DocumentModel → one self-contained, accessible HTML5 page (WCAG 2.2 AA): lang="en-GB", a title,
 * headings exactly as the model orders them, tables with captions and scoped header cells, no fixed
 * widths (it reflows at 400% zoom), system-safe colours that survive forced-colours mode, and a print
 * stylesheet. There is no script, and a Content-Security-Policy forbids any.
 *
 * Every piece of text and every attribute value goes through `escapeHtml`; a link is emitted only for an
 * http(s) or mailto address, so hostile section content can only ever appear as text.
 */
import { isSafeHref } from '../domain/documents/text-runs.js';
import type {
  ChartBlock,
  DocBlock,
  DocLine,
  DocumentModel,
  TableBlock,
  TableCell,
} from '../domain/documents/document-model.js';

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
    case 'chart':
      return chart(item);
  }
}

/**
 * A chart is an image of data that the table after it also holds: the SVG has role="img" with the
 * chart's title as its name (and <title>/<desc> for tools that read those), and the caption says how
 * to read it and where the figures are.
 */
function chart(item: ChartBlock): string {
  return [
    '<figure class="chart">',
    chartSvg(item),
    `<figcaption>${escapeHtml(
      `${item.title}. Solid line with dots: the values reported. Dashed line: the steady path from the baseline to the target. Diamond: the target. The figures are in the table “${item.table}”.`,
    )}</figcaption>`,
    '</figure>',
  ].join('\n');
}

// ------------------------------------------------------------------------------------------- charts

const CHART = { width: 640, height: 300, left: 72, right: 24, top: 20, bottom: 48 } as const;

/** Plain decimal with thousands separators, at most `decimals` places: renders never depend on locale. */
function plainNumber(value: number, decimals: number): string {
  const raw = Math.abs(value).toFixed(decimals);
  const fixed = raw.includes('.') ? raw.replace(/\.?0+$/, '') : raw;
  const [whole = '0', fraction] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const negative = value < 0 && /[1-9]/.test(fixed);
  return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** Axis bounds on a round step (1, 2, 2.5 or 5 times a power of ten), about five steps in all. */
function axis(values: readonly number[]): { min: number; max: number; step: number } {
  let low = Math.min(...values);
  let high = Math.max(...values);
  if (high === low) {
    const pad = Math.abs(high) > 0 ? Math.abs(high) * 0.1 : 1;
    low -= pad;
    high += pad;
  }
  const rough = (high - low) / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
  return { min: Math.floor(low / step) * step, max: Math.ceil(high / step) * step, step };
}

const coordinate = (n: number): string => String(Math.round(n * 10) / 10);

const dayNumber = (date: string): number =>
  Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / 86_400_000;

function chartSvg(item: ChartBlock): string {
  const all = [item.baseline, item.target, ...item.values];
  const { min, max, step } = axis(all.map((p) => p.value));
  const days = all.map((p) => dayNumber(p.date));
  const first = Math.min(...days);
  const last = Math.max(...days, first + 1);
  const plotWidth = CHART.width - CHART.left - CHART.right;
  const plotHeight = CHART.height - CHART.top - CHART.bottom;
  const x = (date: string): number => CHART.left + ((dayNumber(date) - first) / (last - first)) * plotWidth;
  const y = (value: number): number => CHART.top + (1 - (value - min) / (max - min)) * plotHeight;
  const decimals = step < 1 ? Math.min(4, Math.ceil(-Math.log10(step)) + 1) : 0;
  const tickLabel = (value: number): string =>
    escapeHtml(`${item.unit.prefix}${plainNumber(value, decimals)}${item.unit.suffix}`);
  const parts: string[] = [];
  for (let value = min, i = 0; value <= max + step / 2 && i < 20; value += step, i += 1) {
    const at = coordinate(y(value));
    parts.push(
      `<line x1="${CHART.left}" y1="${at}" x2="${CHART.width - CHART.right}" y2="${at}" stroke="#d0d0d0" stroke-width="1"/>`,
      `<text x="${CHART.left - 8}" y="${at}" text-anchor="end" dominant-baseline="middle" font-size="12" fill="#1b1b1b">${tickLabel(value)}</text>`,
    );
  }
  const bottom = coordinate(CHART.top + plotHeight);
  parts.push(
    `<line class="ink" x1="${CHART.left}" y1="${bottom}" x2="${CHART.width - CHART.right}" y2="${bottom}" stroke="#1b1b1b" stroke-width="1.5"/>`,
    `<line class="ink" x1="${CHART.left}" y1="${coordinate(CHART.top)}" x2="${CHART.left}" y2="${bottom}" stroke="#1b1b1b" stroke-width="1.5"/>`,
  );
  const edgeLabel = (point: ChartBlock['baseline'], anchor: 'start' | 'end'): string =>
    `<text x="${coordinate(x(point.date))}" y="${coordinate(CHART.height - 16)}" text-anchor="${anchor}" font-size="12" fill="#1b1b1b">${escapeHtml(point.label)}</text>`;
  parts.push(edgeLabel(item.baseline, 'start'), edgeLabel(item.target, 'end'));
  parts.push(
    `<line class="ink" x1="${coordinate(x(item.baseline.date))}" y1="${coordinate(y(item.baseline.value))}" x2="${coordinate(x(item.target.date))}" y2="${coordinate(y(item.target.value))}" stroke="#595959" stroke-width="2" stroke-dasharray="6 4"/>`,
  );
  const tx = x(item.target.date);
  const ty = y(item.target.value);
  parts.push(
    `<path class="dot" d="M${coordinate(tx)} ${coordinate(ty - 7)} L${coordinate(tx + 7)} ${coordinate(ty)} L${coordinate(tx)} ${coordinate(ty + 7)} L${coordinate(tx - 7)} ${coordinate(ty)} Z" fill="#1b1b1b"/>`,
  );
  const series = [item.baseline, ...item.values];
  if (series.length > 1) {
    parts.push(
      `<polyline class="ink" points="${series.map((p) => `${coordinate(x(p.date))},${coordinate(y(p.value))}`).join(' ')}" fill="none" stroke="#0b4f9c" stroke-width="2.5"/>`,
    );
  }
  for (const point of series) {
    parts.push(
      `<circle class="dot" cx="${coordinate(x(point.date))}" cy="${coordinate(y(point.value))}" r="4" fill="#0b4f9c"/>`,
    );
  }
  return [
    `<svg role="img" aria-label="${escapeHtml(item.title)}" viewBox="0 0 ${CHART.width} ${CHART.height}" focusable="false" xmlns="http://www.w3.org/2000/svg">`,
    `<title>${escapeHtml(item.title)}</title>`,
    `<desc>${escapeHtml(item.description)}</desc>`,
    ...parts,
    '</svg>',
  ].join('\n');
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
figure.chart { margin: 1rem 0 0.5rem; }
figure.chart svg { display: block; width: 100%; max-width: 40rem; height: auto; }
figure.chart figcaption { font-size: 0.875rem; }
@media (forced-colors: active) {
  figure.chart svg .ink { stroke: CanvasText; }
  figure.chart svg .dot, figure.chart svg text { fill: CanvasText; }
}
@media print {
  figure.chart { break-inside: avoid; }
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
