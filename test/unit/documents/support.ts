/**
 * Realistic plans for the document tests: every section written with paragraphs, sub-headings, lists,
 * tables and links (seeded, so the same call gives the same plan), signed off through the approval chain,
 * and small readers for the .docx XML and the HTML written independently of the renderers.
 */
import type { Command } from '../../../src/domain/plan/commands.js';
import { contentHash } from '../../../src/domain/documents/content-hash.js';
import type { IsoDateTime, Plan } from '../../../src/domain/plan/plan.js';
import type { ReportFormat } from '../../../src/domain/templates/report-format.js';
import type { Block, RichText } from '../../../src/domain/sections/rich-text.js';
import { decide } from '../../../src/domain/workflow/decide.js';
import { estimatePlanPages } from '../../../src/domain/checks/page-estimate.js';
import { readZip } from '../../../src/documents/zip.js';
import { catalog, newTestPlan, T0, testPeople } from '../../support/fixtures/index.js';

export { catalog, testPeople, T0 };

export const SEED_FORMATS = ['barking-and-dagenham-cabinet', 'durham-cabinet', 'sandwell-cabinet'] as const;

export const formatById = (id: string): ReportFormat => {
  const format = catalog.reportFormats.find((f) => f.id === id);
  if (!format) throw new Error(`no format ${id}`);
  return format;
};

/** Display names, one with characters that need escaping in XML and HTML. */
export const names: Readonly<Record<string, string>> = {
  [testPeople.lead]: 'Priya Shah',
  [testPeople.owner]: 'Tom Ellis',
  [testPeople.contributor]: 'Sam Okafor',
  [testPeople.finance]: 'Jo Moore',
  [testPeople.legal]: "Dr Paul O'Neill & Co",
  [testPeople.portfolio]: 'Cllr Ann Hughes',
  [testPeople.chiefExecutive]: 'John Hewitt',
  ...Object.fromEntries(testPeople.cmt.map((id, i) => [id, `Director ${i + 1}`])),
};

const WORDS = (
  'council services residents productivity budget transformation digital data partners workforce ' +
  'efficiency savings investment programme performance delivery housing care schools transport ' +
  'waste procurement technology customers community outcomes review strategy improvement costs ' +
  'demand prevention capacity resources systems contracts assets energy health planning'
).split(' ');

/** Deterministic pseudo-random numbers (a linear congruential generator). */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function sentence(next: () => number, words: number): string {
  const chosen = Array.from({ length: words }, () => WORDS[Math.floor(next() * WORDS.length)] ?? 'council');
  const text = chosen.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function paragraphOf(next: () => number, words: number): Block {
  const parts: string[] = [];
  let left = words;
  while (left > 0) {
    const n = Math.min(left, 8 + Math.floor(next() * 10));
    parts.push(sentence(next, n));
    left -= n;
  }
  return { type: 'paragraph', children: [{ type: 'text', text: parts.join(' ') }] };
}

export interface ContentShape {
  /** Words of running text, roughly. */
  readonly words: number;
  readonly subheadings?: number;
  readonly listItems?: number;
  readonly tableRows?: number;
  readonly links?: boolean;
}

/** Section content of about the given size and shape. */
export function content(seed: number, shape: ContentShape): RichText {
  const next = random(seed);
  const blocks: Block[] = [];
  const subheadings = shape.subheadings ?? 0;
  const parts = subheadings + 1;
  const perPart = Math.max(1, Math.round(shape.words / parts));
  for (let part = 0; part < parts; part++) {
    if (part > 0)
      blocks.push({
        type: 'heading',
        level: 3,
        children: [{ type: 'text', text: sentence(next, 4).slice(0, -1) }],
      });
    let left = perPart;
    while (left > 0) {
      const n = Math.min(left, 60 + Math.floor(next() * 40));
      blocks.push(paragraphOf(next, n));
      left -= n;
    }
  }
  if (shape.links) {
    blocks.push({
      type: 'paragraph',
      children: [
        { type: 'text', text: 'See the ' },
        {
          type: 'link',
          href: 'https://www.gov.uk/government/publications/productivity-plans',
          text: 'guidance',
        },
        { type: 'text', text: ' and ' },
        { type: 'link', href: 'https://example.org/report.pdf', text: 'https://example.org/report.pdf' },
        { type: 'text', text: '.' },
      ],
    });
  }
  if ((shape.listItems ?? 0) > 0)
    blocks.push({
      type: 'list',
      ordered: false,
      items: Array.from({ length: shape.listItems ?? 0 }, () => [
        { type: 'text', text: sentence(next, 6 + Math.floor(next() * 6)) },
      ]),
    });
  if ((shape.tableRows ?? 0) > 0)
    blocks.push({
      type: 'table',
      headerRow: true,
      rows: [
        [
          [{ type: 'text', text: 'Measure' }],
          [{ type: 'text', text: 'Baseline' }],
          [{ type: 'text', text: 'Target' }],
        ],
        ...Array.from({ length: shape.tableRows ?? 0 }, (_, i) => [
          [{ type: 'text' as const, text: sentence(next, 3) }],
          [{ type: 'text' as const, text: `${10 + i}%` }],
          [{ type: 'text' as const, text: `${20 + i}%` }],
        ]),
      ],
    });
  return blocks;
}

export function at(plan: Plan, command: Command, actor: string, now: IsoDateTime = T0): Plan {
  const result = decide(plan, command, { id: actor }, now);
  if (!result.ok) throw new Error(`${command.type}: ${result.error.code} ${result.error.message}`);
  return result.value.plan;
}

export interface WrittenPlanOptions {
  readonly formatId?: string;
  readonly format?: ReportFormat;
  readonly id?: string;
  /** Content for a section, by key; default: realistic text of about 120 words. */
  readonly contentFor?: (key: string, index: number) => RichText;
  readonly figures?: Readonly<Record<string, number | null>>;
}

/** Every section written (optional ones too), accepted, and the theme 3 figures entered. */
export function writtenPlan(options: WrittenPlanOptions = {}): Plan {
  let plan = newTestPlan({
    ...(options.format ? { format: options.format } : { formatId: options.formatId ?? 'durham-cabinet' }),
    id: options.id ?? 'plan-0001',
  }).plan;
  plan.sections.forEach((section, index) => {
    const key = section.definition.key;
    const owner = section.ownerId ?? testPeople.owner;
    if (section.ownerId === null)
      plan = at(
        plan,
        { type: 'assignSection', sectionKey: key, ownerId: owner, contributorIds: [], dueDate: null },
        testPeople.lead,
      );
    const figures = section.definition.figureFields.some((f) => f.kind === 'entered')
      ? options.figures
      : undefined;
    plan = at(
      plan,
      {
        type: 'editSection',
        sectionKey: key,
        baseRevision: 0,
        content: options.contentFor?.(key, index) ?? content(index + 1, { words: 120, links: index === 2 }),
        ...(figures ? { figures } : {}),
      },
      owner,
    );
    plan = at(plan, { type: 'submitSection', sectionKey: key }, owner);
    plan = at(plan, { type: 'acceptSection', sectionKey: key }, testPeople.lead);
  });
  return plan;
}

export const approve = (plan: Plan, stageKey: string, onBehalfOf?: string): Command => ({
  type: 'respond',
  stageKey,
  decision: 'approve',
  comment: null,
  versionHash: contentHash(plan),
  ...(onBehalfOf ? { onBehalfOf } : {}),
});

/** Runs every sign-off and endorsement stage, each approver at the given time. */
export function signedOff(plan: Plan, now: IsoDateTime): Plan {
  let current = at(plan, { type: 'startApprovals', delivery: { kind: 'one-to-one' } }, testPeople.lead, now);
  for (;;) {
    const open = current.stages.find((s) => s.state === 'open' && s.kind !== 'decision');
    if (!open) return current;
    const pending = open.approverIds.filter(
      (id) => !open.responses.some((r) => r.round === open.round && r.approverId === id),
    );
    const first = pending[0];
    if (first === undefined) return current;
    current = at(current, approve(current, open.key), first, now);
  }
}

// ------------------------------------------------------------------------------- reading the outputs

const decoder = new TextDecoder();

export function docxPart(docx: Uint8Array, name: string): string {
  const entry = readZip(docx).find((e) => e.name === name);
  if (!entry) throw new Error(`no ${name} in the package`);
  return decoder.decode(entry.data);
}

export const unescapeXml = (text: string): string =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)))
    .replace(/&amp;/g, '&');

export interface WordParagraph {
  readonly style: string | null;
  readonly text: string;
  readonly xml: string;
}

/** Paragraphs of word/document.xml in order (table cells' paragraphs included), with style and text. */
export function wordParagraphs(documentXml: string): WordParagraph[] {
  return [...documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => {
    const xml = m[0];
    const style = /<w:pStyle w:val="([^"]+)"\/>/.exec(xml)?.[1] ?? null;
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((t) => unescapeXml(t[1] ?? ''))
      .join('');
    return { style, text, xml };
  });
}

export const wordHeadings = (documentXml: string): { level: number; text: string }[] =>
  wordParagraphs(documentXml).flatMap((p) => {
    const level = /^Heading(\d)$/.exec(p.style ?? '')?.[1];
    return level === undefined ? [] : [{ level: Number(level), text: p.text }];
  });

export const unescapeHtml = (text: string): string =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

export const htmlHeadings = (html: string): { level: number; text: string }[] =>
  [...html.matchAll(/<h([1-6])>([\s\S]*?)<\/h\1>/g)].map((m) => ({
    level: Number(m[1]),
    text: unescapeHtml((m[2] ?? '').replace(/<[^>]+>/g, '')),
  }));

/** True when `wanted` occurs in `items` in order (other items may come between). */
export function inOrder<T>(
  items: readonly T[],
  wanted: readonly T[],
  same: (a: T, b: T) => boolean,
): boolean {
  let i = 0;
  for (const item of items) if (i < wanted.length && same(item, wanted[i] as T)) i++;
  return i === wanted.length;
}

/** Plans of a chosen printed length, for timing assembly and rendering (tests and the bench). */
export const SIZED_PLAN_FORMAT = 'barking-and-dagenham-cabinet';
const sizedFormat = formatById(SIZED_PLAN_FORMAT);

const planShape = (words: number) => ({ words, subheadings: 2, listItems: 4, tableRows: 3, links: true });

function planOf(wordsPerSection: number) {
  return signedOff(
    writtenPlan({
      formatId: sizedFormat.id,
      contentFor: (key, i) =>
        key.startsWith('report.') || key.startsWith('implications.')
          ? content(i, { words: 120 })
          : content(i, planShape(wordsPerSection)),
    }),
    '2024-07-01T10:00:00Z',
  );
}

/** Words per section for which the page estimate (whatever its metrics) first reaches `pages`. */
function wordsFor(pages: number): number {
  const base = writtenPlan({ formatId: sizedFormat.id });
  const estimate = (words: number) =>
    estimatePlanPages({
      ...base,
      sections: base.sections.map((s, i) =>
        s.definition.part === 'plan' ? { ...s, content: content(i, planShape(words)) } : s,
      ),
    }).pages;
  let [low, high] = [1, 4_000];
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (estimate(mid) < pages) low = mid + 1;
    else high = mid;
  }
  return low;
}

export async function time(run: () => unknown | Promise<unknown>, times: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    await run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? Number.NaN;
}

/** A signed-off plan whose estimated length is about `pages` pages. */
export const planOfPages = (pages: number) => planOf(wordsFor(pages));
