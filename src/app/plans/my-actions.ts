/** "Needs my action": what the plan is waiting on the person asking for, most pressing first. */
import { currentResponses } from '../../domain/approvals/rule.js';
import { answeringFor } from '../../domain/approvals/approvers.js';
import { pendingRefusal } from '../../domain/approvals/stage-opening.js';
import type { IsoDate, PersonId, Plan, Section } from '../../domain/plan/plan.js';
import { canEditSection } from '../../domain/plan/plan.js';
import { currentStage } from '../../domain/plan/updates.js';
import { hasAgreed, outstandingAuthors, sectionsToFollow } from '../../domain/sections/contribution.js';
import { sectionsNotReady } from '../../domain/workflow/approval-commands.js';

export type ActionKind =
  'write' | 'revise' | 'review' | 'start-approvals' | 'respond' | 'record-decision' | 'chase';

export interface ActionItem {
  readonly kind: ActionKind;
  readonly label: string;
  readonly sectionKey: string | null;
  readonly stageKey: string | null;
  readonly dueDate: IsoDate | null;
  /** The people the item waits on (joint authors still to agree, the officer chasing outside text). */
  readonly waitingFor: readonly PersonId[];
}

const ORDER: readonly ActionKind[] = [
  'respond',
  'record-decision',
  'revise',
  'review',
  'chase',
  'write',
  'start-approvals',
];

const dueOf = (section: Section): IsoDate | null => section.dueDate ?? section.toFollow?.by ?? null;

function writeLabel(section: Section): string {
  const title = section.definition.title;
  if (section.outsideParty !== null)
    return `Chase ${section.outsideParty.organisation} for “${title}” and enter their text`;
  if (section.jointAuthors) return `Write and agree “${title}” with its joint authors`;
  return `Write and submit “${title}”`;
}

/** For the plan lead: sections past due that wait on someone, named. */
function chaseItem(section: Section, today: IsoDate): ActionItem | null {
  const due = dueOf(section);
  if (due === null || today <= due) return null;
  if (section.status === 'submitted' || section.status === 'accepted') return null;
  const title = section.definition.title;
  const base = { kind: 'chase' as const, sectionKey: section.definition.key, stageKey: null, dueDate: due };
  if (section.jointAuthors) {
    const outstanding = outstandingAuthors(section);
    if (outstanding.length === 0) return null;
    return { ...base, label: `“${title}” is overdue: joint authors still to agree`, waitingFor: outstanding };
  }
  if (section.outsideParty !== null && section.ownerId !== null) {
    return {
      ...base,
      label: `“${title}” is overdue: awaited from ${section.outsideParty.organisation}`,
      waitingFor: [section.ownerId],
    };
  }
  if (section.toFollow !== null) {
    return {
      ...base,
      label: `“${title}” is to follow and overdue: awaited from ${section.toFollow.from}`,
      waitingFor: section.ownerId === null ? [] : [section.ownerId],
    };
  }
  return null;
}

export function actionsFor(plan: Plan, personId: PersonId, today?: IsoDate): ActionItem[] {
  const items: ActionItem[] = [];
  const isLead = plan.leadId === personId;
  const editable = plan.status === 'drafting' || plan.status === 'in-approval';
  for (const section of plan.sections) {
    const title = section.definition.title;
    const base = {
      sectionKey: section.definition.key,
      stageKey: null,
      dueDate: dueOf(section),
      waitingFor: [],
    };
    if (editable && canEditSection(section, personId)) {
      if (section.status === 'changes-requested') {
        items.push({ ...base, kind: 'revise', label: `Revise “${title}”: the plan lead asked for changes` });
      } else if (
        (section.status === 'not-started' || section.status === 'drafting') &&
        !(section.jointAuthors && hasAgreed(section, personId))
      ) {
        items.push({ ...base, kind: 'write', label: writeLabel(section) });
      }
    }
    if (isLead && section.status === 'submitted') {
      items.push({ ...base, kind: 'review', label: `Review “${title}”: accept it or ask for changes` });
    }
    if (isLead && editable && today !== undefined) {
      const chase = chaseItem(section, today);
      if (chase) items.push(chase);
    }
  }
  const open = plan.stages.find((s) => s.state === 'open');
  if (open) {
    if (open.kind === 'decision') {
      if (isLead) {
        const waiting = pendingRefusal(plan, open);
        items.push({
          kind: 'record-decision',
          label: waiting
            ? `Record the decision of ${plan.dates.decisionMeeting?.body ?? 'the decision meeting'} once ${sectionsToFollow(
                plan,
              )
                .map((s) => `“${s.definition.title}”`)
                .join(', ')} ${sectionsToFollow(plan).length === 1 ? 'has' : 'have'} landed`
            : `Record the decision of ${plan.dates.decisionMeeting?.body ?? 'the decision meeting'}`,
          sectionKey: null,
          stageKey: open.key,
          dueDate: plan.dates.decisionMeeting?.date ?? null,
          waitingFor: [],
        });
      }
    } else {
      const approverId = answeringFor(plan, open, personId, undefined);
      if (approverId !== null && !currentResponses(open).some((r) => r.approverId === approverId)) {
        items.push({
          kind: 'respond',
          label: `Approve or ask for changes: “${open.title}” on version ${open.boundVersion ?? plan.contentVersion}`,
          sectionKey: null,
          stageKey: open.key,
          dueDate: null,
          waitingFor: [],
        });
      }
    }
  } else if (
    isLead &&
    (plan.status === 'drafting' || plan.status === 'in-approval') &&
    currentStage(plan) &&
    sectionsNotReady(plan).length === 0
  ) {
    const next = currentStage(plan)!;
    const waiting = next.kind === 'decision' ? null : pendingRefusal(plan, next);
    const awaited = sectionsToFollow(plan).length;
    if (waiting === null) {
      items.push({
        kind: 'start-approvals',
        label:
          awaited === 0
            ? `Every section is accepted: start “${next.title}”`
            : `Every section is accepted or to follow: start “${next.title}”`,
        sectionKey: null,
        stageKey: next.key,
        dueDate: null,
        waitingFor: [],
      });
    }
  }
  const rank = (item: ActionItem): number => ORDER.indexOf(item.kind);
  return items.sort((a, b) => rank(a) - rank(b) || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
}
