/** Who signed what, as the report prints it: standing approvals, "Completed by", the authorisation table. */
import { IMPLICATION_OFFICERS } from '../plan/create-plan.js';
import type { ApprovalStage, PersonId, Plan, Section, StageResponse } from '../plan/plan.js';
import { londonDate } from '../dates/london-date.js';
import { longDate } from '../wording/dates.js';
import { nameOf, roleTitle, type AssemblyContext } from './assembly-context.js';
import type { DocBlock, TableCell } from './document-model.js';
import { plain } from './text-runs.js';

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

const signerName = (context: AssemblyContext, response: StageResponse): string =>
  response.responderId === response.approverId
    ? nameOf(context, response.approverId)
    : `${nameOf(context, response.approverId)} (signed by ${nameOf(context, response.responderId)} on their behalf)`;

export function completedBy(context: AssemblyContext, section: Section): string | null {
  const role = section.definition.completedByRole;
  if (!context.signOffs || role === undefined || section.ownerId === null) return null;
  const response = standingApproval(stagesSignedBy(context.plan, role), context.hash, section.ownerId);
  if (response === null) return null;
  return `Completed by: ${signerName(context, response)}, ${roleTitle(context.plan, role)}`;
}

export function authorisationTable(context: AssemblyContext): DocBlock[] {
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
