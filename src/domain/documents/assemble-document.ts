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
import type { Plan } from '../plan/plan.js';
import type { ReportFormat } from '../templates/report-format.js';
import type { AssembleOptions, AssemblyContext } from './assembly-context.js';
import { contentHash, shortHash } from './content-hash.js';
import type { DocumentMetadata, DocumentModel } from './document-model.js';
import { planSections } from './plan-sections.js';
import { reportBody } from './report-body.js';
import { bannerLines, headerTable, rowFields } from './report-header.js';
import { longDate } from '../wording/dates.js';
import { cleanText, plain } from './text-runs.js';

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

/** The cover report in the council's format, then the plan. */
export function assembleDocument(plan: Plan, format: ReportFormat, options: AssembleOptions): DocumentModel {
  if (plan.reportFormatId !== format.id) {
    throw new Error(`assembleDocument: plan ${plan.id} uses format ${plan.reportFormatId}, not ${format.id}`);
  }
  const hash = contentHash(plan);
  const context: AssemblyContext = {
    plan,
    format,
    hash,
    signOffs: (options.signOffs ?? 'include') === 'include',
    people: options.people,
    contacts: options.contacts ?? {},
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
      ...bannerLines(context),
      { type: 'heading', level: 1, text: cleanText(plan.title) },
      { type: 'paragraph', runs: plain(standfirst), style: 'lead' },
      ...headerTable(context, rowFields(context, 'before-summary'), 'Report details'),
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
