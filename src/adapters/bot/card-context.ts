/**
 * What the card builders need beyond the plan: names for every id (looked up once, then given to the
 * pure view builders in src/cards), what changed since a stage's last round, who may be a deputy, and
 * the approval card's view with all of these filled in.
 */
import type { ApprovalCardView, Notice } from '../../cards/approval-card.js';
import { approvalViewFromPlan, type NameOf } from '../../cards/plan-view-models.js';
import { approversOf } from '../../domain/approvals/approvers.js';
import type { ApprovalStage, PersonId, Plan } from '../../domain/plan/plan.js';
import { teamsUserMri, type TabLinks } from './links.js';
import type { PeopleNames } from './people-names.js';

/** Every person a card about this plan could name. */
function peopleIn(plan: Plan): PersonId[] {
  return [
    ...new Set<PersonId>([
      plan.leadId,
      ...Object.values(plan.roles).flat(),
      ...plan.sections.flatMap((s) => [...(s.ownerId ? [s.ownerId] : []), ...s.contributorIds]),
      ...plan.stages.flatMap((s) => [
        ...s.approverIds,
        ...s.delegations.map((d) => d.deputyId),
        ...s.responses.map((r) => r.responderId),
      ]),
    ]),
  ];
}

export async function namesFor(
  plan: Plan,
  names: PeopleNames,
  extra: readonly PersonId[] = [],
): Promise<NameOf> {
  const known = await names.names([...peopleIn(plan), ...extra]);
  return (id) => known[id] ?? 'Someone not in the directory';
}

/** Sections edited since the previous round of this stage: what approvers should look at again. */
export function changesSinceLastRound(plan: Plan, stage: ApprovalStage): string[] | null {
  if (stage.round <= 1) return null;
  const previous = stage.responses
    .filter((r) => r.round === stage.round - 1)
    .map((r) => r.at)
    .sort();
  const since = previous.at(-1) ?? '';
  const changed = plan.sections
    .filter((s) => s.lastEdit !== null && s.lastEdit.at > since)
    .map((s) => s.definition.title);
  return changed.length > 0 ? changed : ['No section text changed; the report details did.'];
}

/** Everyone named in the plan who does not answer for this stage. */
export function deputyCandidates(plan: Plan, stage: ApprovalStage): PersonId[] {
  const answering = new Set(approversOf(plan, stage));
  return peopleIn(plan).filter((id) => !answering.has(id));
}

/** The approval card's view of a stage for one viewer (null: the everyone view for a chat). */
export function approvalViewFor(
  plan: Plan,
  stage: ApprovalStage,
  context: { nameOf: NameOf; links: TabLinks; viewerId: PersonId | null; notice?: Notice | null },
): ApprovalCardView | null {
  return approvalViewFromPlan(plan, stage.key, {
    nameOf: context.nameOf,
    documentUrl: context.links.version(plan.id, stage.boundVersion ?? plan.contentVersion),
    changes: changesSinceLastRound(plan, stage),
    viewerId: context.viewerId,
    deputyCandidates: deputyCandidates(plan, stage),
    refreshIdOf: teamsUserMri,
    notice: context.notice ?? null,
  });
}
