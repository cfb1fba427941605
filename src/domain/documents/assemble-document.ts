/**
 * Assembles the cover report (in the council's own format) and the plan into one DocumentModel, from the
 * stored sections alone. Pure and deterministic: no clock, no random ids, so the same plan always gives the
 * same model and the renderers give the same bytes.
 *
 * Layout decisions, all driven by the format's data:
 * - the title (level 1), a standfirst naming the meeting, and the header table;
 * - the report's headings in `reportOutline` order at level 2, the implications or appendices under them
 *   at level 3; paragraph numbers per `paragraphNumbering`;
 * - implications as the format places them: under their headings, in the implications appendix, or as a
 *   two-column table whose row headers are the implication titles;
 * - the authorisation table after the report's own headings (before any appendix that follows the report);
 * - appendices: the government letter as a reference line, the plan itself in full on a new page, where the
 *   outline puts it or, when the appendix is only listed under a heading, after the report.
 */
import { londonDate } from '../dates/london-date.js';
import { contentHash, shortHash } from './content-hash.js';
import { IMPLICATION_OFFICERS } from '../plan/create-plan.js';
import type {
  DocBlock,
  DocLine,
  DocRun,
  DocumentMetadata,
  DocumentModel,
  HeadingLevel,
  TableBlock,
  TableCell,
} from './document-model.js';
import { computeShares } from '../sections/figures.js';
import type { ApprovalStage, PersonId, Plan, Section, StageResponse } from '../plan/plan.js';
import { findSection } from '../plan/plan.js';
import type {
  AppendixTemplate,
  HeaderField,
  ImplicationHeading,
  ReportFormat,
  ReportHeading,
} from '../templates/report-format.js';
import { reportOutline } from './report-outline.js';
import type { Inline, RichText } from '../sections/rich-text.js';
import type { FigureField } from '../templates/template.js';
import { longDate } from '../wording/dates.js';
import { formatFigure, formatPercent } from '../wording/numbers.js';

export interface AssembleOptions {
  /**
   * 'include' (default) prints recorded sign-offs: "Completed by" lines and dates in the authorisation
   * table. 'omit' leaves them out, for the frozen copy that goes round for approval before anyone signs.
   */
  readonly signOffs?: 'include' | 'omit';
  /** Display names by person id; an id without a name is printed as the id, so the gap is visible. */
  readonly people: Readonly<Record<PersonId, string>>;
}

interface Context {
  readonly plan: Plan;
  readonly format: ReportFormat;
  readonly hash: string;
  readonly signOffs: boolean;
  readonly people: Readonly<Record<PersonId, string>>;
}

// ---------------------------------------------------------------------------------------------- text

// Control characters and unpaired surrogates (\p{Cs} with the u flag) cannot be carried by XML, so Word
// would refuse the file; line breaks and tabs inside a run mean nothing to either renderer: spaces.
const UNREPRESENTABLE = /[\p{Cc}\p{Cs}\uFFFE\uFFFF]/gu;
const cleanText = (text: string): string => text.replace(/[\t\r\n]+/g, ' ').replace(UNREPRESENTABLE, '');

// The rich-text validator already refuses other links; checked again because a renderer must never emit
// a script: URL even if unvalidated content reached it.
const SAFE_LINK = /^(https?:\/\/|mailto:)[^\s\p{Cc}<>"]+$/iu;
const MAX_LINK_CHARS = 2_048;
export const isSafeHref = (href: string): boolean => href.length <= MAX_LINK_CHARS && SAFE_LINK.test(href);

const hostOf = (href: string): string | null =>
  /^https?:\/\/(?:[^@/?#]*@)?([^/:?#]+)/i.exec(href)?.[1]?.toLowerCase() ?? null;

/**
 * Link text must say where the link goes. Text the author wrote is kept; a bare address (or no text) is
 * given its site as context, so "https://www.gov.uk/x" reads "Web page on www.gov.uk (https://…)".
 */
function linkText(text: string, href: string): string {
  const trimmed = text.trim();
  if (href.toLowerCase().startsWith('mailto:')) {
    return trimmed === '' ? `Email ${href.slice('mailto:'.length)}` : trimmed;
  }
  const looksLikeAddress = trimmed === '' || trimmed === href || /^(https?:\/\/|www\.)/i.test(trimmed);
  if (!looksLikeAddress) return trimmed;
  const host = hostOf(href);
  const shown = trimmed === '' ? href : trimmed;
  return host === null ? shown : `Web page on ${host} (${shown})`;
}

function runsOf(inlines: readonly Inline[]): DocRun[] {
  return inlines.flatMap((inline): DocRun[] => {
    const text = cleanText(inline.text);
    const style = { ...(inline.bold ? { bold: true } : {}), ...(inline.italic ? { italic: true } : {}) };
    if (inline.type === 'link') {
      const href = cleanText(inline.href);
      if (isSafeHref(href)) return [{ text: linkText(text, href), href, ...style }];
    }
    return text === '' ? [] : [{ text, ...style }];
  });
}

const plain = (text: string): DocLine => [{ text: cleanText(text) }];
const isBlank = (line: DocLine): boolean => line.every((run) => run.text.trim() === '');

// ------------------------------------------------------------------------------------------- people

const nameOf = (context: Context, id: PersonId): string => context.people[id] ?? id;

const roleTitle = (plan: Plan, role: string): string =>
  plan.roleDefinitions.find((r) => r.key === role)?.title ?? role;

/**
 * A person's approval that still stands: given in the current round of a stage that is still bound to
 * this very content. An edit re-binds or resets the stage, so older approvals drop out by themselves.
 */
function standingApproval(
  stages: readonly ApprovalStage[],
  hash: string,
  personId: PersonId,
): StageResponse | null {
  for (const stage of stages) {
    if (stage.boundHash !== hash) continue;
    const response = stage.responses.find(
      (r) =>
        r.round === stage.round && r.approverId === personId && r.decision === 'approve' && r.hash === hash,
    );
    if (response) return response;
  }
  return null;
}

/** Stages in which a role signs: named directly, or as the officer completing an implication. */
function stagesSignedBy(plan: Plan, role: string): ApprovalStage[] {
  const completesImplications = plan.sections.some(
    (s) => s.definition.part === 'implications' && s.definition.completedByRole === role,
  );
  return plan.stages.filter(
    (stage) =>
      stage.kind !== 'decision' &&
      (stage.approverRoles.includes(role) ||
        (completesImplications && stage.approverRoles.includes(IMPLICATION_OFFICERS))),
  );
}

const signerName = (context: Context, response: StageResponse): string =>
  response.responderId === response.approverId
    ? nameOf(context, response.approverId)
    : `${nameOf(context, response.approverId)} (signed by ${nameOf(context, response.responderId)} on their behalf)`;

// ---------------------------------------------------------------------------------------- rich text

type Numberer = () => string | undefined;
const unnumbered: Numberer = () => undefined;

/**
 * A section's content at `sectionLevel` + 1 and below. Author headings keep their relative depth but never
 * skip a level, since a skipped level breaks navigation by headings.
 */
function richBlocks(
  content: RichText,
  sectionLevel: HeadingLevel,
  caption: string,
  number: Numberer,
): DocBlock[] {
  const blocks: DocBlock[] = [];
  const tableCount = content.filter((b) => b.type === 'table').length;
  let tables = 0;
  let lastLevel: number = sectionLevel;
  for (const block of content) {
    switch (block.type) {
      case 'paragraph': {
        const runs = runsOf(block.children);
        if (isBlank(runs)) break;
        const n = number();
        blocks.push(n === undefined ? { type: 'paragraph', runs } : { type: 'paragraph', runs, number: n });
        break;
      }
      case 'heading': {
        const text = runsOf(block.children)
          .map((r) => r.text)
          .join('')
          .trim();
        if (text === '') break;
        const level = Math.min(sectionLevel + block.level - 1, lastLevel + 1, 6) as HeadingLevel;
        lastLevel = level;
        blocks.push({ type: 'heading', level, text });
        break;
      }
      case 'list': {
        const items = block.items.map(runsOf).filter((item) => !isBlank(item));
        if (items.length > 0) blocks.push({ type: 'list', ordered: block.ordered, items });
        break;
      }
      case 'table': {
        tables += 1;
        const [first, ...rest] = block.rows;
        const cells = (row: readonly (readonly Inline[])[]): TableCell[] => row.map((cell) => [runsOf(cell)]);
        const header = block.headerRow && first !== undefined ? cells(first) : null;
        const rows = (block.headerRow ? rest : block.rows).map(cells);
        if (header === null && rows.length === 0) break;
        blocks.push({
          type: 'table',
          caption: tableCount > 1 ? `${caption}: table ${tables} of ${tableCount}` : caption,
          header,
          rows,
          rowHeaders: false,
        });
        break;
      }
    }
  }
  return blocks;
}

/** Content as lines, for a table cell: list items keep a marker, table rows read cell by cell. */
function richLines(content: RichText): DocLine[] {
  return content
    .flatMap((block): DocLine[] => {
      switch (block.type) {
        case 'paragraph':
          return [runsOf(block.children)];
        case 'heading':
          return [runsOf(block.children).map((r) => ({ ...r, bold: true }))];
        case 'list':
          return block.items.map((item, i) => [
            { text: block.ordered ? `${i + 1}. ` : '• ' },
            ...runsOf(item),
          ]);
        case 'table':
          return block.rows.map((row) =>
            row.flatMap((cell, i) => [...(i > 0 ? [{ text: ' | ' }] : []), ...runsOf(cell)]),
          );
      }
    })
    .filter((line) => !isBlank(line));
}

const note = (text: string): DocBlock => ({ type: 'paragraph', runs: plain(text), style: 'note' });
const NOT_WRITTEN = 'Not yet written.';
const NOT_COMPLETED = 'Not yet completed.';

// ---------------------------------------------------------------------------------------- numbering

/**
 * Paragraph numbers as the council prints them: none; continuous over the report's body (Durham 1, 2, 3);
 * or within each numbered heading (Barking 4.1, 4.2). Lists, tables, assembled notes and the plan itself
 * are never numbered.
 */
function paragraphNumbering(format: ReportFormat) {
  let continuous = 0;
  return (heading: { readonly number: string | undefined; readonly numberable: boolean }): Numberer => {
    if (!heading.numberable || format.paragraphNumbering === 'none') return unnumbered;
    if (format.paragraphNumbering === 'continuous') return () => String(++continuous);
    if (heading.number === undefined) return unnumbered;
    let within = 0;
    const prefix = heading.number;
    return () => `${prefix}.${++within}`;
  };
}

const NUMBERED_KINDS: ReadonlySet<ReportHeading['kind']> = new Set([
  'summary',
  'recommendations',
  'reasons',
  'narrative',
  'corporate-plan-objectives',
  'implications',
]);

// ---------------------------------------------------------------------------------------- the report

function headerValue(context: Context, field: HeaderField): string {
  const { plan } = context;
  const value = plan.header[field.key] ?? null;
  if (value === null) {
    if (field.type !== 'person' || field.defaultRole === undefined) return '';
    const role = plan.roleDefinitions.find((r) => r.key === field.defaultRole);
    // A group is named as the group ("Report of Corporate Management Team"), not member by member.
    if (role?.group) return role.title;
    return (plan.roles[field.defaultRole] ?? []).map((id) => nameOf(context, id)).join(', ');
  }
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (field.type === 'date') return longDate(value);
  if (field.type === 'person') return context.people[value] ?? value;
  return value;
}

function headerTable(context: Context): TableBlock {
  return {
    type: 'table',
    caption: 'Report details',
    header: [[plain('Item')], [plain('Details')]],
    rows: context.plan.headerFields.map((field) => [
      [plain(field.label)],
      [plain(headerValue(context, field))],
    ]),
    rowHeaders: true,
  };
}

function completedBy(context: Context, section: Section): string | null {
  const role = section.definition.completedByRole;
  if (!context.signOffs || role === undefined || section.ownerId === null) return null;
  const response = standingApproval(stagesSignedBy(context.plan, role), context.hash, section.ownerId);
  if (response === null) return null;
  return `Completed by: ${signerName(context, response)}, ${roleTitle(context.plan, role)}`;
}

function implicationSection(context: Context, implication: ImplicationHeading): Section | undefined {
  return findSection(context.plan, `implications.${implication.key}`);
}

function implicationBody(
  context: Context,
  implication: ImplicationHeading,
  level: HeadingLevel,
  number: Numberer,
): DocBlock[] {
  const section = implicationSection(context, implication);
  if (section === undefined) return [note(NOT_COMPLETED)];
  const completed = completedBy(context, section);
  const body = richBlocks(section.content, level, implication.title, number);
  return [...(completed ? [note(completed)] : []), ...(body.length > 0 ? body : [note(NOT_COMPLETED)])];
}

function implicationsTable(
  context: Context,
  heading: ReportHeading,
  implications: readonly ImplicationHeading[],
): TableBlock {
  return {
    type: 'table',
    caption: heading.title,
    header: [[plain('Implication')], [plain('Details')]],
    rows: implications.map((implication) => {
      const section = implicationSection(context, implication);
      const completed = section ? completedBy(context, section) : null;
      const lines = section ? richLines(section.content) : [];
      return [
        [plain(implication.title)],
        [...(completed ? [plain(completed)] : []), ...(lines.length > 0 ? lines : [plain(NOT_COMPLETED)])],
      ];
    }),
    rowHeaders: true,
  };
}

function writtenSection(
  context: Context,
  heading: ReportHeading,
  level: HeadingLevel,
  number: Numberer,
): DocBlock[] {
  const section = findSection(context.plan, `report.${heading.key}`);
  const blocks = section ? richBlocks(section.content, level, heading.title, number) : [];
  if (blocks.length > 0) return blocks;
  // Councils print "None" under background papers when there are none.
  return [note(heading.kind === 'background-papers' ? 'None.' : NOT_WRITTEN)];
}

/** The author heading names the report author role's holders (the plan lead where there is none). */
function authorLines(context: Context): DocBlock[] {
  const { plan } = context;
  const authors = plan.roles['report-author'] ?? [];
  const people = authors.length > 0 ? authors : [plan.leadId];
  return people.map((id) => ({ type: 'paragraph', runs: plain(`Contact: ${nameOf(context, id)}`) }));
}

function authorisationTable(context: Context): DocBlock[] {
  const { plan, format } = context;
  const rows = format.authorisation.roles.map((role): TableCell[] => {
    const holders = plan.roles[role] ?? [];
    const stages = stagesSignedBy(plan, role);
    const signed = holders.map((id) =>
      context.signOffs ? standingApproval(stages, context.hash, id) : null,
    );
    return [
      [plain(roleTitle(plan, role))],
      holders.length === 0
        ? [plain('')]
        : holders.map((id, i) => {
            const response = signed[i];
            return plain(response ? signerName(context, response) : nameOf(context, id));
          }),
      holders.length === 0
        ? [plain('')]
        : signed.map((response) => plain(response ? longDate(londonDate(response.at)) : '')),
    ];
  });
  return [
    { type: 'heading', level: 2, text: format.authorisation.title },
    {
      type: 'table',
      caption: format.authorisation.title,
      header: [[plain('Role')], [plain('Name')], [plain('Signed off')]],
      rows,
      rowHeaders: true,
    },
  ];
}

function letterReference(context: Context): DocBlock {
  const sources = new Map<string, string>();
  for (const section of context.plan.sections)
    for (const question of section.definition.promptQuestions) {
      const { title, author, date } = question.source;
      sources.set(`${title}|${author}|${date}`, `“${title}”, ${author}, ${longDate(date)}`);
    }
  const cited = [...sources.values()];
  const what = cited.length > 0 ? `${cited.join('; ')}. ` : '';
  return note(`${what}Published by the Government; not reproduced in this document.`);
}

function appendixReference(context: Context, appendix: AppendixTemplate): DocBlock[] {
  switch (appendix.content) {
    case 'plan':
      return [note('The plan follows this report in full.')];
    case 'government-letter':
      return [letterReference(context)];
    case 'implications':
      return [note('The implications are set out in this appendix.')];
    case 'other':
      return [note('Provided separately.')];
  }
}

// ------------------------------------------------------------------------------------------ the plan

function figuresTable(section: Section): TableBlock | null {
  const fields = section.definition.figureFields;
  const entered = fields.filter((f): f is Extract<FigureField, { kind: 'entered' }> => f.kind === 'entered');
  const values = section.figures;
  if (!entered.some((f) => typeof values[f.key] === 'number')) return null;
  const shares = computeShares(fields, values);
  const labelOf = new Map(entered.map((f) => [f.key, f.label]));
  return {
    type: 'table',
    caption: `Figures: ${section.definition.title}`,
    header: [[plain('Figure')], [plain('Value')], [plain('Share')]],
    rows: entered.map((field) => {
      const value = values[field.key];
      const shareLines = fields.flatMap((share) => {
        if (share.kind !== 'share' || share.numeratorKey !== field.key) return [];
        if (typeof value !== 'number') return [];
        const percent = shares.find((s) => s.key === share.key)?.percent ?? null;
        const basis = labelOf.get(share.denominatorKey) ?? share.denominatorKey;
        return [
          plain(
            percent === null ? `Not computed: ${basis} not given` : `${formatPercent(percent)} of ${basis}`,
          ),
        ];
      });
      return [
        [plain(field.label)],
        [plain(typeof value === 'number' ? formatFigure(value, field.unit) : 'Not given')],
        shareLines.length > 0 ? shareLines : [plain('')],
      ];
    }),
    rowHeaders: true,
  };
}

/** The plan's sections in template order, each at `level`. Optional sections left empty are left out. */
function planSections(plan: Plan, level: HeadingLevel): DocBlock[] {
  return plan.sections
    .filter((s) => s.definition.part === 'plan')
    .flatMap((section): DocBlock[] => {
      const figures = figuresTable(section);
      const body = richBlocks(section.content, level, section.definition.title, unnumbered);
      if (body.length === 0 && figures === null && !section.definition.required) return [];
      return [
        { type: 'heading', level, text: cleanText(section.definition.title) },
        ...(body.length > 0 ? body : [note(NOT_WRITTEN)]),
        ...(figures ? [figures] : []),
      ];
    });
}

function planAppendix(plan: Plan, title: string): DocBlock[] {
  return [
    { type: 'pageBreak' },
    { type: 'heading', level: 2, text: title },
    {
      type: 'paragraph',
      runs: [{ text: cleanText(plan.title), bold: true }, { text: ` — ${plan.council}` }],
      style: 'lead',
    },
    ...planSections(plan, 3),
  ];
}

// ------------------------------------------------------------------------------------------ assembly

function metadata(plan: Plan, hash: string, subject: string, description: string): DocumentMetadata {
  return {
    title: cleanText(plan.title),
    subject,
    creator: plan.council,
    description,
    language: 'en-GB',
    created: plan.createdAt,
    modified: plan.createdAt,
    contentHash: hash,
    version: plan.contentVersion,
    versionLabel: `Version ${plan.contentVersion} (${shortHash(hash)})`,
  };
}

function reportBody(context: Context): DocBlock[] {
  const { format } = context;
  const outline = reportOutline(format);
  const headingByKey = new Map(format.headings.map((h) => [h.key, h]));
  const implicationByKey = new Map(format.implications.headings.map((i) => [i.key, i]));
  const appendixByKey = new Map(format.appendices.map((a) => [a.key, a]));
  const subEntries = new Set(outline.filter((e) => e.level === 2).map((e) => e.key));
  const underHeadings = new Set(format.headings.flatMap((h) => h.implicationKeys ?? []));
  const numbering = paragraphNumbering(format);

  const blocks: DocBlock[] = [];
  // What level-2 entries sit under: their paragraph numbers continue the enclosing heading's.
  let enclosing: { readonly kind: ReportHeading['kind'] | null; readonly number: Numberer } = {
    kind: null,
    number: unnumbered,
  };
  let inTable = new Set<string>();
  let authorised = false;
  let listedPlanTitle: string | null = null;

  for (const entry of outline) {
    const heading = entry.level === 1 ? headingByKey.get(entry.key) : undefined;
    const implication = entry.level === 2 ? implicationByKey.get(entry.key) : undefined;
    const appendix =
      heading === undefined && implication === undefined ? appendixByKey.get(entry.key) : undefined;

    if (heading !== undefined) {
      const table = heading.kind === 'implications' && format.implications.presentation === 'table';
      const number = numbering({
        number: entry.number,
        numberable: NUMBERED_KINDS.has(heading.kind) && !table,
      });
      enclosing = { kind: heading.kind, number };
      inTable = new Set();
      blocks.push({
        type: 'heading',
        level: 2,
        text: entry.title,
        ...(entry.number === undefined ? {} : { number: entry.number }),
      });
      if (heading.kind === 'implications') {
        const held = (heading.implicationKeys ?? []).flatMap((k) => implicationByKey.get(k) ?? []);
        if (table) {
          blocks.push(implicationsTable(context, heading, held));
          inTable = new Set(held.map((i) => i.key));
        } else {
          // A heading holding one implication of its own title is that implication's heading.
          for (const i of held.filter((h) => !subEntries.has(h.key)))
            blocks.push(...implicationBody(context, i, 2, number));
        }
      } else if (heading.kind === 'author') blocks.push(...authorLines(context));
      else if (heading.kind !== 'appendices') blocks.push(...writtenSection(context, heading, 2, number));
      continue;
    }

    if (implication !== undefined) {
      if (inTable.has(implication.key)) continue;
      blocks.push({ type: 'heading', level: 3, text: entry.title });
      const number = enclosing.kind === 'implications' ? enclosing.number : unnumbered;
      blocks.push(...implicationBody(context, implication, 3, number));
      continue;
    }

    if (appendix === undefined) continue;
    if (entry.level === 2) {
      // Listed under the report's appendices heading; the plan itself follows the report.
      blocks.push({ type: 'heading', level: 3, text: entry.title }, ...appendixReference(context, appendix));
      if (appendix.content === 'plan') listedPlanTitle = entry.title;
      if (appendix.content === 'implications')
        for (const i of format.implications.headings.filter((h) => !underHeadings.has(h.key)))
          blocks.push(
            { type: 'heading', level: 4, text: i.title },
            ...implicationBody(context, i, 4, unnumbered),
          );
      continue;
    }
    // Appendices that follow the report as parts of their own: the authorisation table closes the report.
    if (!authorised) {
      blocks.push(...authorisationTable(context));
      authorised = true;
    }
    enclosing = { kind: null, number: unnumbered };
    inTable = new Set();
    if (appendix.content === 'plan') {
      blocks.push(...planAppendix(context.plan, entry.title));
      continue;
    }
    blocks.push({ type: 'pageBreak' }, { type: 'heading', level: 2, text: entry.title });
    // The implications appendix's own entries follow in the outline.
    if (appendix.content !== 'implications') blocks.push(...appendixReference(context, appendix));
  }
  if (!authorised) blocks.push(...authorisationTable(context));
  if (listedPlanTitle !== null) blocks.push(...planAppendix(context.plan, listedPlanTitle));
  else if (!format.appendices.some((a) => a.content === 'plan'))
    blocks.push(...planAppendix(context.plan, cleanText(context.plan.title)));
  return blocks;
}

/** The cover report in the council's format, then the plan. */
export function assembleDocument(plan: Plan, format: ReportFormat, options: AssembleOptions): DocumentModel {
  if (plan.reportFormatId !== format.id) {
    throw new Error(`assembleDocument: plan ${plan.id} uses format ${plan.reportFormatId}, not ${format.id}`);
  }
  const hash = contentHash(plan);
  const context: Context = {
    plan,
    format,
    hash,
    signOffs: (options.signOffs ?? 'include') === 'include',
    people: options.people,
  };
  const meeting = plan.dates.decisionMeeting;
  const standfirst = `Report to ${meeting?.body ?? format.decisionBody}${meeting ? `, ${longDate(meeting.date)}` : ''}`;
  return {
    metadata: metadata(
      plan,
      hash,
      format.name,
      `${cleanText(plan.title)}: ${format.name} and the plan, ${plan.council}. Version ${plan.contentVersion}, content hash ${hash}.`,
    ),
    blocks: [
      { type: 'heading', level: 1, text: cleanText(plan.title) },
      { type: 'paragraph', runs: plain(standfirst), style: 'lead' },
      headerTable(context),
      ...reportBody(context),
    ],
  };
}

/** The plan alone (no cover report): what the page estimate measures, and a plain copy for the web. */
export function assemblePlanDocument(plan: Plan): DocumentModel {
  const hash = contentHash(plan);
  return {
    metadata: metadata(
      plan,
      hash,
      cleanText(plan.title),
      `${cleanText(plan.title)}, ${plan.council}. Version ${plan.contentVersion}, content hash ${hash}.`,
    ),
    blocks: [
      { type: 'heading', level: 1, text: cleanText(plan.title) },
      { type: 'paragraph', runs: plain(plan.council), style: 'lead' },
      ...planSections(plan, 2),
    ],
  };
}
