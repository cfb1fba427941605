/**
 * A progress update as a DocumentModel, for the same Word and HTML renderers as the plan: what the
 * council said it would measure, what it measured, how that compares with the path to each target, and
 * where each milestone stands, as at the end of one period (a quarter by default).
 *
 * Layout: the title (level 1) and a standfirst; the lead's summary; "At a glance" (a table of RAG
 * counts); the KPIs under their themes (level 3), each (level 4) with its facts, a chart against its
 * target and the same figures as a table, and the owner's commentary for the period; the milestones as
 * one table. Status is always written in words, never carried by colour alone.
 *
 * Pure and deterministic like assembleDocument: the dates in the metadata come from the data (the
 * latest change among the KPIs, values and milestones), never the clock, and the content hash covers
 * exactly what the document shows, so an approval can be bound to it.
 */
import { canonicalJson } from '../support/canonical-json.js';
import { shortHash } from './content-hash.js';
import type { ChartBlock, DocBlock, DocumentModel, HeadingLevel, TableBlock } from './document-model.js';
import { describeMeasurement, formatKpiValue, type Kpi, type KpiValue } from '../kpis/kpi.js';
import { periodFromKey, periodsBetween, type Period } from '../kpis/periods.js';
import { milestoneProgress, type Milestone } from '../kpis/milestone.js';
import type { IsoDateTime, PersonId, Plan } from '../plan/plan.js';
import { deriveRag, expectedOn, kpiRag, RAG_LABELS, type RagResult } from '../kpis/rag.js';
import { sha256Hex } from '../support/sha256.js';
import { longDate } from '../wording/dates.js';

export interface ProgressUpdateInput {
  readonly plan: Pick<Plan, 'id' | 'title' | 'council' | 'sections' | 'createdAt'>;
  readonly period: Period;
  /** Retired KPIs are left out. */
  readonly kpis: readonly Kpi[];
  readonly values: readonly KpiValue[];
  readonly milestones: readonly Milestone[];
  /** The plan lead's overview; blank lines separate paragraphs. */
  readonly summary: string | null;
  /** Display names by person id; an unknown id is printed as the id, so the gap is visible. */
  readonly people: Readonly<Record<PersonId, string>>;
  /** The update's version, bumped each time its content changes after approvals were sought. */
  readonly version: number;
}

const FREQUENCY_WORDS = { monthly: 'Monthly', quarterly: 'Quarterly', annually: 'Annually' } as const;

const clean = (text: string): string =>
  // eslint-disable-next-line no-control-regex
  text.replace(/[\t\r\n]+/g, ' ').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\uFFFE\uFFFF]/g, '');

const nameOf = (input: ProgressUpdateInput, id: PersonId): string => input.people[id] ?? id;

/** The KPIs reported on, in theme order (the plan as a whole last), then by name. */
function reported(input: ProgressUpdateInput): Kpi[] {
  return input.kpis
    .filter((k) => !k.retired && k.planId === input.plan.id)
    .sort(
      (a, b) =>
        (a.theme ?? Number.MAX_SAFE_INTEGER) - (b.theme ?? Number.MAX_SAFE_INTEGER) ||
        a.name.localeCompare(b.name) ||
        a.id.localeCompare(b.id),
    );
}

/** A KPI's values up to the end of the update's period, in time order. */
function valuesOf(kpi: Kpi, input: ProgressUpdateInput): KpiValue[] {
  return input.values
    .filter((v) => v.kpiId === kpi.id && v.asOf <= input.period.end)
    .sort((a, b) => a.asOf.localeCompare(b.asOf));
}

/** What the document shows, and so what its hash (and an approval of it) covers. */
export function progressUpdateContent(input: ProgressUpdateInput): unknown {
  return {
    plan: [input.plan.id, input.plan.title, input.plan.council],
    period: input.period.key,
    summary: input.summary,
    kpis: reported(input).map((kpi) => ({
      ...kpi,
      revision: undefined,
      updatedAt: undefined,
      updatedBy: undefined,
      values: valuesOf(kpi, input).map((v) => [v.periodKey, v.measurement, v.commentary]),
    })),
    milestones: [...input.milestones]
      .filter((m) => m.planId === input.plan.id)
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((m) => [m.id, m.title, m.ownerId, m.dueDate, m.theme, m.status, m.completedOn, m.note]),
    people: input.people,
  };
}

export const progressUpdateHash = (input: ProgressUpdateInput): string =>
  sha256Hex(canonicalJson(progressUpdateContent(input)));

const paragraph = (text: string, style?: 'lead' | 'note'): DocBlock =>
  style === undefined
    ? { type: 'paragraph', runs: [{ text: clean(text) }] }
    : { type: 'paragraph', runs: [{ text: clean(text) }], style };

const heading = (level: HeadingLevel, text: string): DocBlock => ({
  type: 'heading',
  level,
  text: clean(text),
});

const cell = (text: string) => [[{ text: clean(text) }]];

function ragWords(rag: RagResult): string {
  return rag.status === 'none' ? `${RAG_LABELS.none}. ${rag.reason}` : RAG_LABELS[rag.status];
}

function themeTitle(input: ProgressUpdateInput, theme: number | null): string {
  if (theme === null) return 'The plan as a whole';
  const section = input.plan.sections.find(
    (s) => s.definition.theme === theme && s.definition.part === 'plan',
  );
  return section ? `Theme ${theme}: ${section.definition.title}` : `Theme ${theme}`;
}

const UNIT_MARKS: Readonly<Record<Kpi['unit'], { prefix: string; suffix: string }>> = {
  'currency-gbp': { prefix: '£', suffix: '' },
  count: { prefix: '', suffix: '' },
  hours: { prefix: '', suffix: ' h' },
  percent: { prefix: '', suffix: '%' },
  number: { prefix: '', suffix: '' },
};

function periodLabel(key: string): string {
  return periodFromKey(key)?.label ?? key;
}

function kpiBlocks(kpi: Kpi, input: ProgressUpdateInput): DocBlock[] {
  const values = valuesOf(kpi, input);
  const rag = kpiRag(kpi, values, input.period.end);
  const latest = values.at(-1) ?? null;
  const show = (value: number): string => formatKpiValue(value, kpi.unit);
  const direction = kpi.direction === 'higher-is-better' ? 'Higher is better' : 'Lower is better';
  const summary: TableBlock = {
    type: 'table',
    caption: `${clean(kpi.name)}: summary`,
    header: null,
    rowHeaders: true,
    rows: [
      [cell('Status'), cell(ragWords(rag))],
      [
        cell('Latest value'),
        cell(
          latest
            ? `${describeMeasurement(kpi, latest.measurement)} (${periodLabel(latest.periodKey)})`
            : 'None reported yet',
        ),
      ],
      [cell('Baseline'), cell(`${describeMeasurement(kpi, kpi.baseline)} (${longDate(kpi.baseline.date)})`)],
      [cell('Target'), cell(`${show(kpi.target.value)} by ${longDate(kpi.target.date)}. ${direction}.`)],
      [cell('Owner'), cell(nameOf(input, kpi.ownerId))],
      [cell('Measured'), cell(`${FREQUENCY_WORDS[kpi.frequency]}. Source: ${kpi.source}`)],
    ],
  };
  const tableCaption = `${clean(kpi.name)}: values by period`;
  // Periods that have ended by the update's date, within the KPI's own span.
  const periods = periodsBetween(kpi.frequency, kpi.baseline.date, input.period.end).filter(
    (p) => p.end <= input.period.end && p.start <= kpi.target.date,
  );
  const byPeriod = new Map(values.map((v) => [v.periodKey, v]));
  const rows = [
    [
      cell(`Baseline (${longDate(kpi.baseline.date)})`),
      cell(describeMeasurement(kpi, kpi.baseline)),
      cell(show(kpi.baseline.value)),
      cell('Baseline'),
    ],
    ...periods.map((p) => {
      const value = byPeriod.get(p.key);
      const expected = expectedOn(kpi.baseline, kpi.target, p.end);
      const status = value
        ? deriveRag({
            direction: kpi.direction,
            baseline: kpi.baseline,
            target: kpi.target,
            actual: { value: value.measurement.value, date: value.asOf },
          })
        : null;
      return [
        cell(p.label),
        cell(value ? describeMeasurement(kpi, value.measurement) : 'Not reported'),
        cell(show(expected)),
        cell(status === null ? 'No value' : ragWords(status)),
      ];
    }),
    [
      cell(`Target (${longDate(kpi.target.date)})`),
      cell(show(kpi.target.value)),
      cell(show(kpi.target.value)),
      cell('Target'),
    ],
  ];
  const figures: TableBlock = {
    type: 'table',
    caption: tableCaption,
    header: ['Period', 'Value', 'On the path to the target', 'Status'].map((h) => cell(h)),
    rows,
    rowHeaders: true,
  };
  const reportedValues = values.map((v) => `${show(v.measurement.value)} in ${periodLabel(v.periodKey)}`);
  const chart: ChartBlock = {
    type: 'chart',
    title: `${clean(kpi.name)} against its target`,
    description: clean(
      `Baseline ${show(kpi.baseline.value)} on ${longDate(kpi.baseline.date)}; target ${show(kpi.target.value)} by ${longDate(kpi.target.date)}. ${
        reportedValues.length === 0 ? 'No values reported yet.' : `Reported: ${reportedValues.join(', ')}.`
      } ${ragWords(rag)}.`,
    ),
    unit: UNIT_MARKS[kpi.unit],
    baseline: {
      date: kpi.baseline.date,
      label: `Baseline, ${longDate(kpi.baseline.date)}`,
      value: kpi.baseline.value,
    },
    target: { date: kpi.target.date, label: `Target, ${longDate(kpi.target.date)}`, value: kpi.target.value },
    values: values.map((v) => ({
      date: v.asOf,
      label: periodLabel(v.periodKey),
      value: v.measurement.value,
    })),
    table: tableCaption,
  };
  const commentary = byPeriod.get(input.period.key)?.commentary ?? null;
  return [
    heading(4, kpi.name),
    ...(kpi.definition.trim() === '' ? [] : [paragraph(kpi.definition)]),
    summary,
    chart,
    figures,
    commentary === null
      ? paragraph(`No commentary for ${input.period.label}.`, 'note')
      : {
          type: 'paragraph',
          runs: [
            {
              text: `Commentary for ${input.period.label}, from ${clean(nameOf(input, kpi.ownerId))}: `,
              bold: true,
            },
            { text: clean(commentary) },
          ],
        },
  ];
}

function milestoneTable(input: ProgressUpdateInput): DocBlock[] {
  const milestones = input.milestones
    .filter((m) => m.planId === input.plan.id)
    .sort(
      (a, b) =>
        a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id),
    );
  if (milestones.length === 0) return [paragraph('No milestones are set.', 'note')];
  return [
    {
      type: 'table',
      caption: `Milestones as at ${longDate(input.period.end)}`,
      header: ['Milestone', 'Theme', 'Owner', 'Due', 'Status', 'Note'].map((h) => cell(h)),
      rowHeaders: true,
      rows: milestones.map((m) => {
        const progress = milestoneProgress(m, input.period.end);
        const done = m.completedOn === null ? '' : `, ${longDate(m.completedOn)}`;
        return [
          cell(m.title),
          cell(m.theme === null ? 'Whole plan' : `Theme ${m.theme}`),
          cell(nameOf(input, m.ownerId)),
          cell(longDate(m.dueDate)),
          cell(`${progress.label}${done}`),
          cell(m.note ?? ''),
        ];
      }),
    },
  ];
}

function atAGlance(input: ProgressUpdateInput, kpis: readonly Kpi[]): TableBlock {
  const kpiCounts = { green: 0, amber: 0, red: 0, none: 0 };
  for (const kpi of kpis) kpiCounts[kpiRag(kpi, valuesOf(kpi, input), input.period.end).status] += 1;
  const milestoneCounts = { green: 0, amber: 0, red: 0, none: 0 };
  for (const m of input.milestones.filter((m) => m.planId === input.plan.id))
    milestoneCounts[milestoneProgress(m, input.period.end).rag] += 1;
  const row = (label: string, key: keyof typeof kpiCounts) => [
    cell(label),
    cell(String(kpiCounts[key])),
    cell(key === 'none' ? 'Not applicable' : String(milestoneCounts[key])),
  ];
  return {
    type: 'table',
    caption: `At a glance, ${input.period.label}`,
    header: [cell('Status'), cell('KPIs'), cell('Milestones')],
    rowHeaders: true,
    rows: [
      row('Green: on track', 'green'),
      row('Amber: behind, but better than the baseline (milestones: at risk or late)', 'amber'),
      row('Red: no better than the baseline (milestones: overdue)', 'red'),
      row('No status: not enough data', 'none'),
    ],
  };
}

/** The latest change among what the update shows: its dates come from the data, not the clock. */
function lastChange(input: ProgressUpdateInput): IsoDateTime {
  const stamps = [
    input.plan.createdAt,
    ...input.kpis.map((k) => k.updatedAt),
    ...input.values.filter((v) => v.asOf <= input.period.end).map((v) => v.correctedAt ?? v.recordedAt),
    ...input.milestones.map((m) => m.updatedAt),
  ];
  return stamps.reduce((a, b) => (b > a ? b : a));
}

export function assembleProgressUpdate(input: ProgressUpdateInput): DocumentModel {
  const kpis = reported(input);
  const hash = progressUpdateHash(input);
  const title = `${clean(input.plan.title)}: progress update, ${input.period.label}`;
  const blocks: DocBlock[] = [
    heading(1, title),
    paragraph(`${input.plan.council}. Progress to ${longDate(input.period.end)}.`, 'lead'),
  ];
  const summary = (input.summary ?? '')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (summary.length > 0) blocks.push(heading(2, 'Summary'), ...summary.map((p) => paragraph(p)));
  blocks.push(heading(2, 'At a glance'), atAGlance(input, kpis));
  blocks.push(heading(2, 'Key performance indicators'));
  if (kpis.length === 0) blocks.push(paragraph('No KPIs are set.', 'note'));
  let theme: number | null | undefined;
  for (const kpi of kpis) {
    if (kpi.theme !== theme) {
      theme = kpi.theme;
      blocks.push(heading(3, themeTitle(input, kpi.theme)));
    }
    blocks.push(...kpiBlocks(kpi, input));
  }
  blocks.push(heading(2, 'Milestones'), ...milestoneTable(input));
  const at = lastChange(input);
  return {
    metadata: {
      title,
      subject: 'Progress update',
      creator: input.plan.council,
      description: `Progress on ${clean(input.plan.title)} to ${longDate(input.period.end)}: KPIs against their targets and milestones.`,
      language: 'en-GB',
      created: at,
      modified: at,
      contentHash: hash,
      version: input.version,
      versionLabel: `Version ${input.version} (${shortHash(hash)})`,
    },
    blocks,
  };
}
