import { describe, expect, it } from 'vitest';
import type { ReportFormat } from '../../../src/domain/templates/report-format.js';
import { reportOutline } from '../../../src/domain/documents/report-outline.js';
import type { OutlineHeading } from '../../../src/domain/documents/report-outline.js';
import { loadReportFormat } from '../../../src/templates/index.js';
import { findLine, sectionNumberOf, shippedFile } from './seeds.js';
import { readSeed, type SeedCouncil } from '../../support/seeds.js';

interface Council {
  readonly seed: SeedCouncil;
  readonly file: string;
  /** Appendices the seed refers to but whose text the extract does not include. */
  readonly beyondExtract: readonly string[];
}

const COUNCILS: readonly Council[] = [
  { seed: 'barking', file: 'barking-and-dagenham.json', beyondExtract: [] },
  // The Durham extract ends with Appendix 2 (the letter); the plan itself, Appendix 3, is not in it.
  { seed: 'durham', file: 'durham.json', beyondExtract: ['plan'] },
  { seed: 'sandwell', file: 'sandwell.json', beyondExtract: [] },
];

const load = (c: Council): ReportFormat => loadReportFormat(shippedFile('report-formats', c.file));

/** The outline headings not found in the seed after the heading before them: empty when all are in order. */
const outOfOrder = (lines: readonly string[], outline: readonly OutlineHeading[]): string[] => {
  let from = 0;
  const missing: string[] = [];
  for (const heading of outline) {
    const at = findLine(lines, heading.title, from);
    if (at < 0) missing.push(heading.title);
    else from = at + 1;
  }
  return missing;
};

describe.each(COUNCILS)('report format read from the $seed seed', (council) => {
  const format = load(council);
  const seed = readSeed(council.seed);
  const lines = seed.split('\n');
  const outline = reportOutline(format);

  it('gives an outline whose headings all appear in the seed, in the same order', () => {
    const inExtract = outline.filter((h) => !council.beyondExtract.includes(h.key));
    expect(inExtract.length).toBeGreaterThan(10);
    expect(outOfOrder(lines, inExtract)).toEqual([]);
  });

  it('would notice two headings in the wrong order or a heading the council does not use', () => {
    const inExtract = outline.filter((h) => !council.beyondExtract.includes(h.key) && h.level === 1);
    const [first, second, ...rest] = inExtract;
    if (first === undefined || second === undefined) throw new Error('too few headings');
    expect(outOfOrder(lines, [second, first, ...rest])).not.toEqual([]);
    expect(outOfOrder(lines, [...inExtract, { level: 1, title: 'Options Appraisal', key: 'x' }])).toEqual([
      'Options Appraisal',
    ]);
  });

  it('numbers the headings the seed numbers, with the seed’s numbers', () => {
    let from = 0;
    for (const heading of outline.filter((h) => h.level === 1 && !council.beyondExtract.includes(h.key))) {
      const at = findLine(lines, heading.title, from);
      expect(sectionNumberOf(lines[at] ?? ''), heading.title).toBe(heading.number);
      from = at + 1;
    }
  });

  it('refers, in the seed, to the appendices the extract leaves out, by their number', () => {
    for (const key of council.beyondExtract) {
      const heading = outline.find((h) => h.key === key);
      const position = format.appendices.findIndex((a) => a.key === key) + 1;
      expect(heading?.title).toMatch(new RegExp(`^Appendix ${position}\\b`));
      expect(seed).toMatch(new RegExp(`within Appendix ${position}\\b`));
      expect(findLine(lines, heading?.title ?? '', 0)).toBe(-1);
    }
  });

  it('places every implication once and names an officer for finance and legal', () => {
    for (const implication of format.implications.headings) {
      const own = outline.filter((h) => h.key === implication.key);
      const heldAlone = format.headings.filter(
        (h) => h.implicationKeys?.length === 1 && h.implicationKeys[0] === implication.key,
      );
      // Either a sub-heading of its own, or the heading that holds it alone under the same title.
      if (own.length === 0) expect(heldAlone.map((h) => h.title)).toEqual([implication.title]);
      else expect(own).toHaveLength(1);
    }
    const officers = format.implications.headings.flatMap((i) =>
      i.completedByRole === undefined ? [] : [i.completedByRole],
    );
    expect(officers.sort()).toEqual(['chief-finance-officer', 'monitoring-officer']);
  });

  it('uses the common role keys and ends its chain with the decision the plan lead records', () => {
    const roles = format.roles.map((r) => r.key);
    expect(roles).toEqual(
      expect.arrayContaining([
        'plan-lead',
        'report-author',
        'portfolio-holder',
        'chief-finance-officer',
        'monitoring-officer',
      ]),
    );
    const last = format.approvalChain.at(-1);
    expect(last?.kind).toBe('decision');
    expect(last?.approverRoles).toEqual([]);
    const beforeDecision = format.approvalChain.at(-2);
    expect(beforeDecision?.approverRoles).toEqual(['portfolio-holder']);
    expect(format.approvalChain[0]?.approverRoles).toEqual(['implication-officers']);
    for (const stage of format.approvalChain) expect(stage.description ?? '').not.toBe('');
  });
});

describe('what the formats take from each seed', () => {
  const [barking, durham, sandwell] = COUNCILS.map(load);
  const barkingLines = readSeed('barking').split('\n');

  it('Barking: an "Implications completed by" line follows exactly the headings whose officer is named', () => {
    if (barking === undefined) throw new Error('missing');
    const named = new Set(
      barking.implications.headings.filter((i) => i.completedByRole !== undefined).map((i) => i.key),
    );
    const completedBy = barkingLines.flatMap((l, i) =>
      l.startsWith('Implications completed by:') ? [i] : [],
    );
    const headingsWithOfficer = barking.headings.filter((h) =>
      (h.implicationKeys ?? []).some((k) => named.has(k)),
    );
    expect(headingsWithOfficer.map((h) => h.title)).toEqual(
      completedBy.map((i) =>
        barkingLines
          .slice(0, i)
          .findLast((l) => sectionNumberOf(l) !== undefined)
          ?.replace(/^\d+\.\s*/, ''),
      ),
    );
  });

  it('management team: endorsed by the team named in the seed; Sandwell’s seed records none', () => {
    const team = (f: ReportFormat | undefined) => f?.roles.find((r) => r.key === 'management-team');
    expect(team(barking)).toMatchObject({ title: 'Executive Management Team', group: true });
    expect(readSeed('barking')).toContain('endorsed by the Executive Management Team');
    expect(team(durham)).toMatchObject({ title: 'Corporate Management Team', group: true });
    expect(readSeed('durham')).toContain('Report of Corporate Management Team');
    expect(team(sandwell)).toBeUndefined();
    expect(readSeed('sandwell')).not.toMatch(/management team|leadership team/i);
  });

  it('paragraph numbering as the seeds show it', () => {
    expect(barking?.paragraphNumbering).toBe('by-section');
    expect(readSeed('barking')).toMatch(/^- 2\.3 /m);
    expect(durham?.paragraphNumbering).toBe('continuous');
    expect(readSeed('durham')).toMatch(/^- 23 /m);
    expect(sandwell?.paragraphNumbering).toBe('by-section');
    expect(readSeed('sandwell')).toMatch(/^- 4\.9 /m);
  });

  it('implications presented as the seeds present them', () => {
    expect(barking?.implications.presentation).toBe('sections');
    expect(durham?.implications.presentation).toBe('appendix');
    expect(durham?.appendices.find((a) => a.content === 'implications')?.title).toBe('Implications');
    expect(sandwell?.implications.presentation).toBe('table');
  });
});
