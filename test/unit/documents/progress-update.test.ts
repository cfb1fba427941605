import { describe, expect, it } from 'vitest';
import {
  assembleProgressUpdate,
  progressUpdateHash,
} from '../../../src/domain/documents/assemble-progress-update.js';
import type { ChartBlock, DocBlock, TableBlock } from '../../../src/domain/documents/document-model.js';
import { kpiRag } from '../../../src/domain/kpis/rag.js';
import { renderWord } from '../../../src/documents/word.js';
import { agency, complaints, ediHours, online, progressInput, value, values } from './progress-support.js';

const model = assembleProgressUpdate(progressInput());
const tables = model.blocks.filter((b): b is TableBlock => b.type === 'table');
const table = (caption: string): TableBlock => {
  const found = tables.find((t) => t.caption === caption);
  if (!found) throw new Error(`no table "${caption}"`);
  return found;
};
const cellText = (cell: readonly (readonly { text: string }[])[]): string =>
  cell.map((line) => line.map((r) => r.text).join('')).join('\n');
const rowsOf = (t: TableBlock): string[][] => t.rows.map((row) => row.map(cellText));
const textOf = (block: DocBlock): string =>
  block.type === 'heading'
    ? block.text
    : block.type === 'paragraph'
      ? block.runs.map((r) => r.text).join('')
      : '';

describe('the progress update document', () => {
  it('has one title, headings that never skip a level, KPIs under their themes', () => {
    const headings = model.blocks.filter((b) => b.type === 'heading');
    expect(headings[0]).toMatchObject({
      level: 1,
      text: 'Productivity Plan 2024: progress update, Q2 2024/25',
    });
    expect(headings.filter((h) => h.level === 1)).toHaveLength(1);
    headings.forEach((h, i) => i > 0 && expect(h.level).toBeLessThanOrEqual(headings[i - 1]!.level + 1));
    const outline = headings.map((h) => `${h.level} ${h.text}`);
    expect(outline.filter((h) => h.startsWith('2 '))).toEqual([
      '2 Summary',
      '2 At a glance',
      '2 Key performance indicators',
      '2 Milestones',
    ]);
    // Theme order, then by name; the retired KPI is left out.
    expect(outline.filter((h) => h.startsWith('4 '))).toEqual([
      `4 ${complaints.name}`,
      `4 ${online.name}`,
      `4 ${agency.name}`,
      `4 ${ediHours.name}`,
    ]);
    expect(outline.filter((h) => h.startsWith('3 ')).map((h) => h.slice(2))).toEqual([
      expect.stringMatching(/^Theme 1/),
      expect.stringMatching(/^Theme 2/),
      expect.stringMatching(/^Theme 3/),
    ]);
  });

  it('counts each status as the RAG rule gives it, for KPIs and milestones', () => {
    const input = progressInput();
    const statuses = [agency, online, complaints, ediHours].map(
      (k) => kpiRag(k, values, input.period.end).status,
    );
    expect(statuses).toEqual(['amber', 'red', 'green', 'none']);
    expect(rowsOf(table('At a glance, Q2 2024/25'))).toEqual([
      ['Green: on track', '1', '2'],
      ['Amber: behind, but better than the baseline (milestones: at risk or late)', '1', '2'],
      ['Red: no better than the baseline (milestones: overdue)', '1', '1'],
      ['No status: not enough data', '1', 'Not applicable'],
    ]);
  });

  it('gives each KPI its facts, a chart, and the same figures as a table', () => {
    const summary = rowsOf(table(`${agency.name}: summary`));
    expect(summary).toEqual([
      ['Status', 'Amber: behind the trajectory, better than the baseline'],
      ['Latest value', '4.1% (£1,025,000 of £25,000,000) (Q2 2024/25)'],
      ['Baseline', '4.2% (£4,200,000 of £100,000,000) (31 March 2024)'],
      ['Target', '3% by 31 March 2026. Lower is better.'],
      ['Owner', 'Sam Owner'],
      ['Measured', 'Quarterly. Source: General ledger, cost centre 4100'],
    ]);
    const figures = table(`${agency.name}: values by period`);
    expect(figures.header?.map(cellText)).toEqual(['Period', 'Value', 'On the path to the target', 'Status']);
    expect(rowsOf(figures).map((r) => [r[0], r[1], r[3]])).toEqual([
      ['Baseline (31 March 2024)', '4.2% (£4,200,000 of £100,000,000)', 'Baseline'],
      ['Q1 2024/25', '4% (£1,000,000 of £25,000,000)', 'Green: on track'],
      [
        'Q2 2024/25',
        '4.1% (£1,025,000 of £25,000,000)',
        'Amber: behind the trajectory, better than the baseline',
      ],
      ['Target (31 March 2026)', '3%', 'Target'],
    ]);
    const index = model.blocks.indexOf(figures);
    const chart = model.blocks[index - 1] as ChartBlock;
    expect(chart).toMatchObject({
      type: 'chart',
      title: `${agency.name} against its target`,
      table: figures.caption,
      unit: { prefix: '', suffix: '%' },
      baseline: { date: '2024-03-31', value: 4.2 },
      target: { date: '2026-03-31', value: 3 },
      values: [
        { date: '2024-06-30', label: 'Q1 2024/25', value: 4 },
        { date: '2024-09-30', label: 'Q2 2024/25', value: 4.1 },
      ],
    });
    expect(chart.description).toContain('Reported: 4% in Q1 2024/25, 4.1% in Q2 2024/25.');
  });

  it('shows a missing month as not reported, and values after the update’s period not at all', () => {
    const input = progressInput({ values: [...values, value(online, '2024-10', 15_000)] });
    const rows = rowsOf(table(`${online.name}: values by period`));
    expect(rows.map((r) => r[0])).toContain('August 2024');
    expect(rows.find((r) => r[0] === 'August 2024')?.[1]).toBe('Not reported');
    const later = assembleProgressUpdate(input);
    expect(JSON.stringify(later)).not.toContain('October 2024');
    expect(progressUpdateHash(input)).toBe(progressUpdateHash(progressInput()));
  });

  it('prints the owner’s commentary for the period, or says there is none', () => {
    const texts = model.blocks.map(textOf);
    expect(texts).toContain('Commentary for Q2 2024/25, from Sam Owner: Winter pressures came early.');
    expect(texts).toContain('No commentary for Q2 2024/25.');
    expect(texts).toContain('Agency spend rose with early winter pressures; complaints handling improved.');
  });

  it('lists milestones by due date with their derived status in words', () => {
    expect(rowsOf(table('Milestones as at 30 September 2024')).map((r) => [r[0], r[4], r[5]])).toEqual([
      ['Data strategy agreed', 'Overdue', ''],
      ['Agency framework re-let', 'Complete, 30 August 2024', ''],
      ['Triage pilot evaluated', 'Complete (after its due date), 20 September 2024', ''],
      ['Shared service business case', 'At risk', 'Partner council delayed.'],
      ['New HR system live', 'Not started', ''],
    ]);
  });

  it('is deterministic, and its hash follows what it shows and nothing else', () => {
    expect(assembleProgressUpdate(structuredClone(progressInput()))).toEqual(model);
    expect(model.metadata).toMatchObject({
      subject: 'Progress update',
      language: 'en-GB',
      created: '2024-09-30T16:00:00Z',
      contentHash: progressUpdateHash(progressInput()),
      versionLabel: `Version 1 (${progressUpdateHash(progressInput()).slice(0, 7)})`,
    });
    const changed = progressInput({
      values: values.map((v) =>
        v.kpiId === agency.id && v.periodKey === 'FY2024-25-Q2' ? { ...v, commentary: 'Edited.' } : v,
      ),
    });
    expect(progressUpdateHash(changed)).not.toBe(progressUpdateHash(progressInput()));
    const touched = progressInput({
      kpis: progressInput().kpis.map((k) => ({ ...k, revision: k.revision + 1 })),
    });
    expect(progressUpdateHash(touched)).toBe(progressUpdateHash(progressInput()));
  });

  it('says so when there is nothing to report', () => {
    const empty = assembleProgressUpdate(
      progressInput({ kpis: [], values: [], milestones: [], summary: null }),
    );
    const texts = empty.blocks.map(textOf);
    expect(texts).toEqual(expect.arrayContaining(['No KPIs are set.', 'No milestones are set.']));
    expect(texts).not.toContain('Summary');
  });

  it('renders to Word, which leaves the charts to the tables that carry the same figures', async () => {
    const bytes = await renderWord(model);
    expect(bytes.byteLength).toBeGreaterThan(5_000);
  });
});
