import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { londonDate } from '../../../src/domain/dates/london-date.js';
import { assembleDocument, assemblePlanDocument } from '../../../src/domain/documents/assemble-document.js';
import { contentHash } from '../../../src/domain/documents/content-hash.js';
import type {
  DocBlock,
  DocumentModel,
  ParagraphBlock,
  TableBlock,
} from '../../../src/domain/documents/document-model.js';
import type { Plan } from '../../../src/domain/plan/plan.js';
import type { RichText } from '../../../src/domain/sections/rich-text.js';
import { longDate } from '../../../src/domain/wording/dates.js';
import { formatFigure } from '../../../src/domain/wording/numbers.js';
import {
  approve,
  at,
  content,
  testPeople,
  formatById,
  names,
  signedOff,
  T0,
  writtenPlan,
} from './support.js';

const paragraphs = (model: DocumentModel): ParagraphBlock[] =>
  model.blocks.filter((b): b is ParagraphBlock => b.type === 'paragraph');
const textOf = (block: DocBlock): string =>
  block.type === 'heading'
    ? block.text
    : block.type === 'paragraph'
      ? block.runs.map((r) => r.text).join('')
      : '';
const tables = (model: DocumentModel): TableBlock[] =>
  model.blocks.filter((b): b is TableBlock => b.type === 'table');
const tableCalled = (model: DocumentModel, caption: string): TableBlock => {
  const table = tables(model).find((t) => t.caption === caption);
  if (!table) throw new Error(`no table "${caption}"`);
  return table;
};
const cellText = (cell: readonly (readonly { text: string }[])[]): string =>
  cell.map((line) => line.map((r) => r.text).join('')).join('\n');
/** Blocks from the heading with this text up to the next heading at its level or above. */
function under(model: DocumentModel, headingText: string): DocBlock[] {
  const start = model.blocks.findIndex((b) => b.type === 'heading' && b.text === headingText);
  if (start < 0) throw new Error(`no heading "${headingText}"`);
  const head = model.blocks[start];
  const level = head?.type === 'heading' ? head.level : 6;
  const rest = model.blocks.slice(start + 1);
  const end = rest.findIndex((b) => b.type === 'heading' && b.level <= level);
  return end < 0 ? rest : rest.slice(0, end);
}

/** Reopens an accepted section (as the plan lead would) and saves new content as its owner. */
const edit = (plan: Plan, key: string, value: RichText): Plan => {
  const section = plan.sections.find((s) => s.definition.key === key)!;
  const owner = section.ownerId ?? testPeople.owner;
  const reopened =
    section.status === 'accepted'
      ? at(
          plan,
          { type: 'requestSectionChanges', sectionKey: key, comment: 'Please revise.' },
          testPeople.lead,
        )
      : plan;
  return at(
    reopened,
    { type: 'editSection', sectionKey: key, baseRevision: section.revision, content: value },
    owner,
  );
};
const para = (text: string): RichText => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

afterEach(() => {
  vi.useRealTimers();
});

describe('determinism', () => {
  it('gives the same model for the same plan, whatever the clock says', () => {
    const plan = signedOff(writtenPlan({ formatId: 'barking-and-dagenham-cabinet' }), '2024-07-01T10:00:00Z');
    const format = formatById('barking-and-dagenham-cabinet');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    const first = assembleDocument(plan, format, { people: names });
    vi.setSystemTime(new Date('2031-06-15T12:34:56Z'));
    const second = assembleDocument(structuredClone(plan), format, { people: { ...names } });
    expect(second).toEqual(first);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(first.metadata).toMatchObject({ created: plan.createdAt, modified: plan.createdAt });
  });

  it('carries the content hash and version the approvals bind to', () => {
    const plan = writtenPlan();
    const model = assembleDocument(plan, formatById('durham-cabinet'), { people: names });
    expect(model.metadata.contentHash).toBe(contentHash(plan));
    expect(model.metadata.versionLabel).toBe(
      `Version ${plan.contentVersion} (${contentHash(plan).slice(0, 7)})`,
    );
    expect(model.metadata).toMatchObject({ language: 'en-GB', creator: 'Durham County Council' });
  });

  it('refuses a format other than the plan’s own', () => {
    const plan = writtenPlan({ formatId: 'durham-cabinet' });
    expect(() => assembleDocument(plan, formatById('sandwell-cabinet'), { people: names })).toThrow(/format/);
  });
});

describe('the cover report', () => {
  it('opens with the title, the meeting and the header table with its values', () => {
    // From an empty header (the fixtures fill every required row), so an unset row shows as unset.
    let plan: Plan = { ...writtenPlan({ formatId: 'barking-and-dagenham-cabinet' }), header: {} };
    plan = at(
      plan,
      { type: 'setDates', dates: { decisionMeeting: { body: 'Cabinet', date: '2024-07-23' } } },
      testPeople.lead,
    );
    for (const [key, value] of [
      ['meeting-date', '2024-07-23'],
      ['key-decision', true],
      ['open-or-exempt', 'Open Report'],
      ['report-author', testPeople.owner],
      ['wards-affected', 'None'],
    ] as const)
      plan = at(plan, { type: 'setHeaderField', key, value }, testPeople.lead);
    const model = assembleDocument(plan, formatById('barking-and-dagenham-cabinet'), { people: names });
    expect(model.blocks[0]).toEqual({ type: 'heading', level: 1, text: 'Productivity Plan 2024' });
    expect(textOf(model.blocks[1]!)).toBe('Report to Cabinet, 23 July 2024');
    const header = tableCalled(model, 'Report details');
    expect(header.rowHeaders).toBe(true);
    const rows = Object.fromEntries(header.rows.map((r) => [cellText(r[0]!), cellText(r[1]!)]));
    expect(rows).toMatchObject({
      'Meeting date': '23 July 2024',
      'Key Decision': 'Yes',
      'Open or exempt report': 'Open Report',
      'Report Author': 'Tom Ellis', // a person id, shown by name
      'Report of': 'Cllr Ann Hughes', // unset: the holder of the field's default role
      'Wards Affected': 'None',
      'Contact Details': '',
    });
  });

  it('names a group role as the group, not member by member', () => {
    const model = assembleDocument(writtenPlan(), formatById('durham-cabinet'), { people: names });
    const header = tableCalled(model, 'Report details');
    const reportOf = header.rows.find((r) => cellText(r[0]!) === 'Report of');
    expect(cellText(reportOf![1]!)).toBe('Corporate Management Team');
  });

  it('numbers paragraphs within numbered sections where the format does (Barking: 1.1, 6.3)', () => {
    const plan = writtenPlan({ formatId: 'barking-and-dagenham-cabinet' });
    const model = assembleDocument(plan, formatById('barking-and-dagenham-cabinet'), { people: names });
    const numbered = (heading: string) =>
      under(model, heading).flatMap((b) => (b.type === 'paragraph' && b.number ? [b.number] : []));
    expect(numbered('Summary')).toEqual([]);
    expect(numbered('Introduction and Background')).toEqual(['1.1', '1.2']);
    // Other implications: one numbering across its sub-headings.
    const other = numbered('Other Implications');
    expect(other[0]).toBe('6.1');
    expect(other).toEqual(other.map((_, i) => `6.${i + 1}`));
    expect(other.length).toBeGreaterThan(5);
    const headings = model.blocks
      .filter((b) => b.type === 'heading' && b.level === 2)
      .map((b) => (b.type === 'heading' ? b.number : undefined));
    expect(headings.filter(Boolean)).toEqual(['1', '2', '3', '4', '5', '6']);
  });

  it('numbers paragraphs continuously over the report body where the format does (Durham)', () => {
    const plan = writtenPlan({ formatId: 'durham-cabinet' });
    const model = assembleDocument(plan, formatById('durham-cabinet'), { people: names });
    const numbers = paragraphs(model).flatMap((p) => (p.number ? [p.number] : []));
    expect(numbers).toEqual(numbers.map((_, i) => String(i + 1)));
    expect(numbers.length).toBeGreaterThan(7);
    // Not in the implications appendix, the background papers or the plan.
    for (const heading of ['Appendix 1: Implications', 'Background papers', 'Appendix 3: Productivity Plan'])
      expect(under(model, heading).some((b) => b.type === 'paragraph' && b.number)).toBe(false);
  });

  it('never numbers lists or tables, and numbers nothing when the format does not', () => {
    const plan = writtenPlan({
      formatId: 'sandwell-cabinet',
      contentFor: (key, i) => content(i, { words: 80, listItems: 3, tableRows: 2 }),
    });
    const format = formatById('sandwell-cabinet');
    const model = assembleDocument(plan, format, { people: names });
    expect(paragraphs(model).some((p) => p.number === '4.1')).toBe(true);
    const none = assembleDocument(
      { ...plan, reportFormatId: 'none' },
      { ...format, id: 'none', paragraphNumbering: 'none' },
      { people: names },
    );
    expect(paragraphs(none).some((p) => p.number !== undefined)).toBe(false);
  });

  it('puts implications where the format places them', () => {
    // Barking: under their own numbered headings; one heading of the same title is not repeated.
    const barking = assembleDocument(
      writtenPlan({ formatId: 'barking-and-dagenham-cabinet' }),
      formatById('barking-and-dagenham-cabinet'),
      { people: names },
    );
    expect(
      barking.blocks.filter((b) => b.type === 'heading' && b.text === 'Financial Implications'),
    ).toHaveLength(1);
    expect(
      under(barking, 'Other Implications')
        .filter((b) => b.type === 'heading')
        .map(textOf),
    ).toEqual([
      'Risk Management',
      'Staffing Issues',
      'Corporate Policy and Equality Impact',
      'Safeguarding Adults and Children',
      'Health Issues',
    ]);
    // Durham: in the implications appendix, after the report.
    const durham = assembleDocument(
      writtenPlan({ formatId: 'durham-cabinet' }),
      formatById('durham-cabinet'),
      { people: names },
    );
    expect(under(durham, 'Appendix 1: Implications').filter((b) => b.type === 'heading')).toHaveLength(11);
    // Sandwell: a two-column table whose row headers are the implications.
    const sandwell = assembleDocument(
      writtenPlan({ formatId: 'sandwell-cabinet' }),
      formatById('sandwell-cabinet'),
      { people: names },
    );
    const table = tableCalled(sandwell, 'Implications');
    expect(table.rowHeaders).toBe(true);
    expect(table.rows.map((r) => cellText(r[0]!))).toEqual(
      formatById('sandwell-cabinet').implications.headings.map((h) => h.title),
    );
    expect(cellText(table.rows[0]![1]!).length).toBeGreaterThan(50);
  });

  it('refers to the government letter by its source, and sets the plan out in full after the report', () => {
    const plan = writtenPlan({ formatId: 'sandwell-cabinet' });
    const model = assembleDocument(plan, formatById('sandwell-cabinet'), { people: names });
    const letter = under(
      model,
      'Appendix 1 – DLUHC letter to local authorities on requirements for Productivity Plans',
    );
    expect(letter.map(textOf).join(' ')).toMatch(
      /Productivity in Local Government.*16 April 2024.*not reproduced/,
    );
    // Listed under "7 Appendices", then the plan itself after the clearance table, on a new page.
    const planTitle = 'Appendix 2 – Sandwell Council’s proposed Productivity Plan';
    const indexes = model.blocks.flatMap((b, i) => (b.type === 'heading' && b.text === planTitle ? [i] : []));
    expect(indexes).toHaveLength(2);
    const clearance = model.blocks.findIndex((b) => b.type === 'heading' && b.text === 'Report clearance');
    expect(clearance).toBeGreaterThan(indexes[0]!);
    expect(indexes[1]!).toBeGreaterThan(clearance);
    expect(model.blocks[indexes[1]! - 1]).toEqual({ type: 'pageBreak' });
    const planPart = model.blocks.slice(indexes[1]!);
    const sectionTitles = plan.sections
      .filter((s) => s.definition.part === 'plan')
      .map((s) => s.definition.title);
    expect(planPart.filter((b) => b.type === 'heading' && b.level === 3).map(textOf)).toEqual(sectionTitles);
  });
});

describe('sign-offs', () => {
  const format = formatById('barking-and-dagenham-cabinet');
  const completedBy = (model: DocumentModel) =>
    paragraphs(model)
      .map(textOf)
      .filter((t) => t.startsWith('Completed by:'));
  const clearance = (model: DocumentModel) =>
    tableCalled(model, format.authorisation.title).rows.map((r) => r.map(cellText));

  it('leaves names of the officers but no dates while nobody has signed', () => {
    const model = assembleDocument(writtenPlan({ formatId: format.id }), format, { people: names });
    expect(completedBy(model)).toEqual([]);
    expect(clearance(model)).toEqual([
      ['Strategic Director, Resources', 'Jo Moore', ''],
      ['Monitoring Officer (Legal)', "Dr Paul O'Neill & Co", ''],
      ['Accountable Executive Team Director', 'John Hewitt', ''],
      ['Cabinet Member', 'Cllr Ann Hughes', ''],
    ]);
  });

  it('prints who completed each implication and the sign-off dates once recorded, in UK time', () => {
    // 23:30 UTC in July is 00:30 the next day in London.
    const plan = signedOff(writtenPlan({ formatId: format.id }), '2024-07-01T23:30:00Z');
    const model = assembleDocument(plan, format, { people: names });
    expect(completedBy(model)).toEqual([
      'Completed by: Jo Moore, Strategic Director, Resources',
      "Completed by: Dr Paul O'Neill & Co, Monitoring Officer (Legal)",
    ]);
    expect(under(model, 'Financial Implications').map(textOf)[0]).toBe(
      'Completed by: Jo Moore, Strategic Director, Resources',
    );
    expect(clearance(model).map((r) => r[2])).toEqual([
      '2 July 2024',
      '2 July 2024',
      '2 July 2024',
      '2 July 2024',
    ]);
  });

  it('puts "Completed by" at the head of the implication’s cell where implications are a table', () => {
    const sandwell = formatById('sandwell-cabinet');
    const plan = signedOff(writtenPlan({ formatId: sandwell.id }), '2024-07-01T10:00:00Z');
    const table = tableCalled(assembleDocument(plan, sandwell, { people: names }), 'Implications');
    const details = table.rows.map((r) => cellText(r[1]!).split('\n')[0]);
    expect(details[0]).toBe('Completed by: Jo Moore, Chief Finance Officer');
    expect(details[1]).toBe("Completed by: Dr Paul O'Neill & Co, Monitoring Officer");
    expect(details.slice(2).some((d) => d?.startsWith('Completed by'))).toBe(false);
  });

  it('omits recorded sign-offs when asked, for the copy that goes round for approval', () => {
    const plan = signedOff(writtenPlan({ formatId: format.id }), '2024-07-01T10:00:00Z');
    const model = assembleDocument(plan, format, { people: names, signOffs: 'omit' });
    expect(completedBy(model)).toEqual([]);
    expect(clearance(model).map((r) => r[2])).toEqual(['', '', '', '']);
  });

  it('drops sign-offs that no longer stand once the content changes', () => {
    let plan = writtenPlan({ formatId: format.id });
    plan = at(plan, { type: 'startApprovals', delivery: { kind: 'one-to-one' } }, testPeople.lead);
    plan = at(plan, approve(plan, 'implications-sign-off'), testPeople.finance, '2024-07-01T10:00:00Z');
    const signed = assembleDocument(plan, format, { people: names });
    expect(completedBy(signed)).toEqual(['Completed by: Jo Moore, Strategic Director, Resources']);
    expect(clearance(signed)[0]![2]).toBe('1 July 2024');
    // The finance officer edits their own paragraph after signing: the approval no longer covers it.
    plan = edit(plan, 'implications.financial', para('Revised after sign-off.'));
    const edited = assembleDocument(plan, format, { people: names });
    expect(completedBy(edited)).toEqual([]);
    expect(clearance(edited)[0]![2]).toBe('');
  });

  it('says when a deputy signed on the approver’s behalf', () => {
    let plan = writtenPlan({ formatId: format.id });
    plan = at(plan, { type: 'startApprovals', delivery: { kind: 'one-to-one' } }, testPeople.lead);
    plan = at(
      plan,
      {
        type: 'delegate',
        stageKey: 'implications-sign-off',
        approverId: testPeople.finance,
        deputyId: testPeople.contributor,
      },
      testPeople.finance,
    );
    plan = at(
      plan,
      approve(plan, 'implications-sign-off', testPeople.finance),
      testPeople.contributor,
      '2024-01-10T23:30:00Z',
    );
    const model = assembleDocument(plan, format, { people: names });
    expect(completedBy(model)).toEqual([
      'Completed by: Jo Moore (signed by Sam Okafor on their behalf), Strategic Director, Resources',
    ]);
    // 23:30 UTC in January is 23:30 in London: the same day.
    expect(clearance(model)[0]![2]).toBe('10 January 2024');
  });
});

describe('the plan', () => {
  it('sets out theme 3 figures as a table of values with units and computed shares', () => {
    const plan = writtenPlan({
      formatId: 'durham-cabinet',
      figures: {
        'staff-budget': 120_000_000,
        'agency-spend': 6_000_000,
        'edi-staff-hours': 1_250.5,
        'edi-champions': 40,
      },
    });
    const model = assembleDocument(plan, formatById('durham-cabinet'), { people: names });
    const table = tableCalled(
      model,
      'Figures: Your plans to reduce wasteful spend within your organisation and systems',
    );
    const rows = Object.fromEntries(
      table.rows.map((r) => [cellText(r[0]!), [cellText(r[1]!), cellText(r[2]!)]]),
    );
    expect(rows['Total staff budget']).toEqual(['£120,000,000', '']);
    expect(rows['Agency staff spend']).toEqual(['£6,000,000', '5% of Total staff budget']);
    expect(rows['Consultant spend']).toEqual(['Not given', '']);
    expect(rows['Staff time spent on EDI training and activity']![0]).toBe('1,250.5 hours');
    expect(rows['EDI Champions']![0]).toBe('40');
    expect(table.header?.map(cellText)).toEqual(['Figure', 'Value', 'Share']);
  });

  it('leaves figures out until one is entered, and optional sections out until written', () => {
    let plan = writtenPlan({ formatId: 'durham-cabinet' });
    plan = edit(plan, 'foreword', []);
    const model = assemblePlanDocument(plan);
    expect(tables(model)).toEqual([]);
    expect(model.blocks.some((b) => b.type === 'heading' && b.text === 'Foreword')).toBe(false);
    expect(model.blocks[0]).toEqual({ type: 'heading', level: 1, text: 'Productivity Plan 2024' });
  });

  it('marks a required section nobody has written', () => {
    const plan = edit(writtenPlan(), 'context', []);
    const model = assemblePlanDocument(plan);
    expect(under(model, 'About the council, its place and partners').map(textOf)).toEqual([
      'Not yet written.',
    ]);
  });

  it('never skips a heading level, whatever levels authors use', () => {
    const level = fc.constantFrom(2 as const, 3 as const, 4 as const);
    const blocks = fc.array(
      fc.oneof(
        level.map((l): RichText[number] => ({
          type: 'heading',
          level: l,
          children: [{ type: 'text', text: 'Heading' }],
        })),
        fc.constant<RichText[number]>({ type: 'paragraph', children: [{ type: 'text', text: 'Text.' }] }),
      ),
      { maxLength: 12 },
    );
    const base = writtenPlan({ formatId: 'barking-and-dagenham-cabinet' });
    const format = formatById('barking-and-dagenham-cabinet');
    fc.assert(
      fc.property(blocks, blocks, (planContent, reportContent) => {
        let plan = edit(base, 'theme-1-transformation', planContent);
        plan = edit(plan, 'implications.risk-management', reportContent);
        const levels = assembleDocument(plan, format, { people: names }).blocks.flatMap((b) =>
          b.type === 'heading' ? [b.level] : [],
        );
        expect(levels[0]).toBe(1);
        levels.forEach((l, i) => i > 0 && expect(l).toBeLessThanOrEqual(levels[i - 1]! + 1));
      }),
      { numRuns: 60 },
    );
  });
});

describe('text and links', () => {
  const linkPlan = (children: RichText[number]) => edit(writtenPlan(), 'context', [children]);

  it('keeps link text the author wrote and gives a bare address its site as context', () => {
    const plan = linkPlan({
      type: 'paragraph',
      children: [
        { type: 'link', href: 'https://www.gov.uk/guidance', text: 'the guidance' },
        { type: 'text', text: ' ' },
        { type: 'link', href: 'https://www.gov.uk/x?y=1', text: 'https://www.gov.uk/x?y=1' },
        { type: 'text', text: ' ' },
        { type: 'link', href: 'mailto:plans@durham.gov.uk', text: '' },
      ],
    });
    const runs = under(assemblePlanDocument(plan), 'About the council, its place and partners').flatMap(
      (b) => (b.type === 'paragraph' ? b.runs : []),
    );
    expect(runs.filter((r) => r.href)).toEqual([
      { text: 'the guidance', href: 'https://www.gov.uk/guidance' },
      { text: 'Web page on www.gov.uk (https://www.gov.uk/x?y=1)', href: 'https://www.gov.uk/x?y=1' },
      { text: 'Email plans@durham.gov.uk', href: 'mailto:plans@durham.gov.uk' },
    ]);
  });

  it('turns a link to anything but a web or mail address into plain text, even past the validator', () => {
    const written = writtenPlan();
    const plan: Plan = {
      ...written,
      sections: written.sections.map((s) =>
        s.definition.key === 'context'
          ? {
              ...s,
              content: [
                {
                  type: 'paragraph',
                  children: [{ type: 'link', href: 'javascript:alert(1)', text: 'click me' }],
                },
              ],
            }
          : s,
      ),
    };
    const runs = under(assemblePlanDocument(plan), 'About the council, its place and partners').flatMap(
      (b) => (b.type === 'paragraph' ? b.runs : []),
    );
    expect(runs).toEqual([{ text: 'click me' }]);
  });

  it('removes characters no document can carry and makes line breaks spaces', () => {
    const plan = linkPlan({
      type: 'paragraph',
      children: [{ type: 'text', text: 'a\u0000b\u0007c\nd\te\uD800f' }],
    });
    const text = under(assemblePlanDocument(plan), 'About the council, its place and partners').map(textOf);
    expect(text).toEqual(['abc d ef']);
  });
});

describe('formatting helpers', () => {
  it('writes dates as council reports do and converts sign-off instants to UK dates', () => {
    expect(longDate('2024-07-23')).toBe('23 July 2024');
    expect(longDate('2024-01-01')).toBe('1 January 2024');
    // BST 2024: 31 March 01:00 UTC to 27 October 01:00 UTC.
    expect(londonDate('2024-03-30T23:30:00Z')).toBe('2024-03-30');
    expect(londonDate('2024-03-31T23:30:00Z')).toBe('2024-04-01');
    expect(londonDate('2024-10-26T23:30:00Z')).toBe('2024-10-27');
    expect(londonDate('2024-10-27T23:30:00Z')).toBe('2024-10-27');
    expect(londonDate('2024-07-01T22:59:59Z')).toBe('2024-07-01');
  });

  it('formats figures with their units', () => {
    expect(formatFigure(1234567, 'currency-gbp')).toBe('£1,234,567');
    expect(formatFigure(1234.5, 'currency-gbp')).toBe('£1,234.50');
    expect(formatFigure(1, 'hours')).toBe('1 hour');
    expect(formatFigure(1000.25, 'hours')).toBe('1,000.25 hours');
    expect(formatFigure(0, 'count')).toBe('0');
  });

  it('assembles the same model from a plan signed at a fixed time (T0 from the shared fixtures)', () => {
    const plan = signedOff(writtenPlan(), T0);
    const a = assembleDocument(plan, formatById('durham-cabinet'), { people: names });
    const b = assembleDocument(plan, formatById('durham-cabinet'), { people: names });
    expect(a).toEqual(b);
    expect(tableCalled(a, 'Report clearance').rows.map((r) => cellText(r[2]!))).toEqual([
      '3 June 2024',
      '3 June 2024',
      '3 June 2024',
      '3 June 2024',
    ]);
  });
});
