/** Who signed what, as the report prints it: standing approvals, "Completed by", the authorisation table. */
import { IMPLICATION_OFFICERS } from '../plan/create-plan.js';
import { isIsoDate } from '../dates/calendar.js';
import type {
  ApprovalStage,
  IsoDate,
  IsoDateTime,
  PersonId,
  Plan,
  Section,
  StageResponse,
} from '../plan/plan.js';
import { londonDate } from '../dates/london-date.js';
import { longDate } from '../wording/dates.js';
import { nameOf, roleTitle, type AssemblyContext } from './assembly-context.js';
import type { DocBlock, TableCell } from './document-model.js';
import { plain } from './text-runs.js';

/**
 * A person's approval that still stands: given in the current round of a stage that is still bound (its
 * rule has not re-opened it since). Under 'any-change' that is this very content; a stage that covers
 * only some sections, or endorsed a draft, stands for the version it approved.
 */
function standingApproval(stages: readonly ApprovalStage[], personId: PersonId): StageResponse | null {
  for (const stage of stages) {
    if (stage.state === 'waiting' || stage.boundHash === null) continue;
    const response = stage.responses.find(
      (r) =>
        r.round === stage.round &&
        r.approverId === personId &&
        r.decision === 'approve' &&
        r.hash === stage.boundHash,
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

const signerName = (context: AssemblyContext, response: StageResponse): string =>
  response.responderId === response.approverId
    ? nameOf(context, response.approverId)
    : `${nameOf(context, response.approverId)} (signed by ${nameOf(context, response.responderId)} on their behalf)`;

export function completedBy(context: AssemblyContext, section: Section): string | null {
  const role = section.definition.completedByRole;
  if (!context.signOffs || role === undefined || section.ownerId === null) return null;
  const response = standingApproval(stagesSignedBy(context.plan, role), section.ownerId);
  if (response === null) return null;
  return `Completed by: ${signerName(context, response)}, ${roleTitle(context.plan, role)}`;
}

/**
 * Where the format names implication authors: who completes the section (signed off or not) and, on a
 * line of its own, whether they have signed it off.
 */
interface AuthorLines {
  /** "Jo Moore, Director of Resources / S151 Officer" */
  readonly who: string;
  /** "Signed off on 10 July 2024" or "Not yet signed off" */
  readonly state: string;
}

export function implicationAuthor(context: AssemblyContext, section: Section): AuthorLines | null {
  const role = section.definition.completedByRole;
  if (role === undefined || section.ownerId === null) return null;
  const response = context.signOffs
    ? standingApproval(stagesSignedBy(context.plan, role), section.ownerId)
    : null;
  const name = response ? signerName(context, response) : nameOf(context, section.ownerId);
  return {
    who: `${name}, ${roleTitle(context.plan, role)}`,
    state: response ? `Signed off on ${longDate(londonDate(response.at))}` : 'Not yet signed off',
  };
}

/** The author and sign-off lines before or after the text, as the format places them. */
export function authorAround<T>(
  context: AssemblyContext,
  section: Section,
  body: readonly T[],
  line: (text: string) => T,
): T[] {
  const author = context.format.implications.author;
  if (author === undefined) {
    const completed = completedBy(context, section);
    return [...(completed ? [line(completed)] : []), ...body];
  }
  const lines = implicationAuthor(context, section);
  if (lines === null) return [...body];
  const around = [line(`${author.label} ${lines.who}`), line(lines.state)];
  return author.position === 'before' ? [...around, ...body] : [...body, ...around];
}

/** "10/07/2024", as some councils print dates in tables. */
const shortDate = (date: IsoDate): string =>
  isIsoDate(date) ? `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}` : date;

export function authorisationTable(context: AssemblyContext): DocBlock[] {
  const { plan, format } = context;
  const { authorisation } = format;
  const rowsWanted: readonly { readonly role: string; readonly label?: string }[] =
    authorisation.rows ?? authorisation.roles.map((role) => ({ role }));
  // A format without an authorisation table has none: no rows, nothing printed.
  if (rowsWanted.length === 0) return [];
  const dateOf = (at: IsoDateTime): string =>
    authorisation.dateFormat === 'dd/mm/yyyy' ? shortDate(londonDate(at)) : longDate(londonDate(at));
  const rows = rowsWanted.map(({ role, label }): TableCell[] => {
    const holders = plan.roles[role] ?? [];
    const stages = stagesSignedBy(plan, role);
    const signed = holders.map((id) => (context.signOffs ? standingApproval(stages, id) : null));
    return [
      [plain(label ?? roleTitle(plan, role))],
      holders.length === 0
        ? [plain('')]
        : holders.map((id, i) => {
            const response = signed[i];
            return plain(response ? signerName(context, response) : nameOf(context, id));
          }),
      holders.length === 0
        ? [plain('')]
        : signed.map((response) => plain(response ? dateOf(response.at) : '')),
    ];
  });
  const columns = authorisation.columns ?? { role: 'Role', name: 'Name', date: 'Signed off' };
  return [
    { type: 'heading', level: 2, text: authorisation.title },
    ...(authorisation.intro === undefined
      ? []
      : [{ type: 'paragraph' as const, runs: plain(authorisation.intro) }]),
    {
      type: 'table',
      caption: authorisation.title,
      header: [[plain(columns.role)], [plain(columns.name)], [plain(columns.date)]],
      rows,
      rowHeaders: true,
    },
  ];
}
