import { describe, expect, it } from 'vitest';
import { assembleProgressUpdate } from '../../../src/domain/documents/assemble-progress-update.js';
import type { ChartBlock } from '../../../src/domain/documents/document-model.js';
import { renderHtml, renderHtmlBody } from '../../../src/documents/html.js';
import { agency, progressInput } from './progress-support.js';
import { unescapeHtml } from './support.js';

const model = assembleProgressUpdate(progressInput());
const html = renderHtml(model);
const charts = model.blocks.filter((b): b is ChartBlock => b.type === 'chart');
const figures = [...html.matchAll(/<figure class="chart">([\s\S]*?)<\/figure>/g)].map((m) => m[1] ?? '');

describe('charts in the progress update HTML', () => {
  it('draws one figure per KPI, each an image named by its title, with its description', () => {
    expect(charts).toHaveLength(4);
    expect(figures).toHaveLength(charts.length);
    charts.forEach((chart, i) => {
      const figure = figures[i]!;
      expect(figure).toMatch(/^\n<svg role="img" aria-label="[^"]+" viewBox="0 0 640 300"/);
      expect(unescapeHtml(/aria-label="([^"]+)"/.exec(figure)![1]!)).toBe(chart.title);
      expect(unescapeHtml(/<title>([^<]+)<\/title>/.exec(figure)![1]!)).toBe(chart.title);
      expect(unescapeHtml(/<desc>([^<]+)<\/desc>/.exec(figure)![1]!)).toBe(chart.description);
    });
  });

  it('says in its caption how to read it and names the table that holds the same figures', () => {
    charts.forEach((chart, i) => {
      const caption = unescapeHtml(/<figcaption>([^<]+)<\/figcaption>/.exec(figures[i]!)![1]!);
      expect(caption).toContain(`The figures are in the table “${chart.table}”.`);
      expect(html).toContain(`<caption>${chart.table.replace(/&/g, '&amp;')}</caption>`);
      // The table comes straight after the chart.
      const after = html.slice(html.indexOf(figures[i]!) + figures[i]!.length);
      expect(after.indexOf('<table>')).toBeLessThan(
        after.indexOf('<figure') === -1 ? Infinity : after.indexOf('<figure'),
      );
    });
  });

  it('plots the baseline and every reported value, the trajectory and the target', () => {
    const agencyIndex = charts.findIndex((c) => c.title.startsWith(agency.name));
    const figure = figures[agencyIndex]!;
    expect(figure.match(/<circle /g)).toHaveLength(1 + charts[agencyIndex]!.values.length);
    expect(figure.match(/<polyline /g)).toHaveLength(1);
    expect(figure.match(/stroke-dasharray/g)).toHaveLength(1);
    expect(figure).toMatch(/<path class="dot" d="M[\d. LZ]+"/);
    // Lower is better and the value rose from Q1 to Q2: the second dot sits higher on the page (smaller y).
    const ys = [...figure.matchAll(/<circle class="dot" cx="[\d.]+" cy="([\d.]+)"/g)].map((m) =>
      Number(m[1]),
    );
    expect(ys[2]!).toBeLessThan(ys[1]!);
    // Axis labels carry the unit.
    expect(figure).toMatch(/>4(\.\d+)?%<\/text>/);
    // A KPI without values draws no line, only its baseline and target.
    const empty = figures[charts.findIndex((c) => c.values.length === 0)]!;
    expect(empty.match(/<polyline /g)).toBeNull();
    expect(empty.match(/<circle /g)).toHaveLength(1);
  });

  it('keeps every coordinate inside the drawing, whatever the values', () => {
    const extreme = assembleProgressUpdate(
      progressInput({
        values: progressInput().values.map((v) => ({
          ...v,
          measurement: { ...v.measurement, value: v.measurement.value * 1e6 },
        })),
      }),
    );
    const body = renderHtmlBody(extreme);
    for (const m of body.matchAll(/\s(?:x1|x2|cx|x)="(-?[\d.]+)"/g)) {
      expect(Number(m[1])).toBeGreaterThanOrEqual(0);
      expect(Number(m[1])).toBeLessThanOrEqual(640);
    }
    for (const m of body.matchAll(/\s(?:y1|y2|cy|y)="(-?[\d.]+)"/g)) {
      expect(Number(m[1])).toBeGreaterThanOrEqual(0);
      expect(Number(m[1])).toBeLessThanOrEqual(300);
    }
    expect(body).not.toMatch(/NaN|Infinity/);
  });

  it('shows hostile text as text, in the chart as everywhere else', () => {
    const evil = '<script>alert(1)</script> "quoted" & <img src=x onerror=alert(1)>';
    const hostile = renderHtml(
      assembleProgressUpdate(
        progressInput({
          kpis: progressInput().kpis.map((k) => ({ ...k, name: `${k.name} ${evil}`, definition: evil })),
          summary: evil,
        }),
      ),
    );
    expect(hostile).not.toMatch(/<script|<img/i);
    // The only "onerror=" is the escaped text itself, never an attribute of a tag.
    expect(hostile.match(/onerror=/g)?.length).toBe(hostile.match(/&lt;img src=x onerror=/g)?.length);
    expect(hostile).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(hostile).toMatch(/aria-label="[^"]*&quot;quoted&quot; &amp; &lt;img/);
  });

  it('keeps the stylesheet free of fixed widths, and the page free of scripts', () => {
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    expect(style).not.toMatch(/(?<![-\w])(min-|max-)?width:\s*\d+(\.\d+)?px/);
    expect(style).toMatch(/figure\.chart svg \{[^}]*width: 100%/);
    expect(style).toMatch(/@media \(forced-colors: active\) \{\s*figure\.chart/);
    expect(html).not.toMatch(/<script/);
    expect(renderHtml(structuredClone(model))).toBe(html);
  });
});
