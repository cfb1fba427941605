/** "Needs my action": what the plan is waiting on the person asking for, most pressing first. */
import { currentResponses } from '../../domain/approvals/rule.js';
import { answeringFor } from '../../domain/approvals/approvers.js';
import type { IsoDate, PersonId, Plan } from '../../domain/plan/plan.js';
import { canEditSection } from '../../domain/plan/plan.js';
import { currentStage } from '../../domain/plan/updates.js';

export type ActionKind = 'write' | 'revise' | 'review' | 'start-approvals' | 'respond' | 'record-decision';

export interface ActionItem {
  readonly kind: ActionKind;
  readonly label: string;
  readonly sectionKey: string | null;
  readonly stageKey: string | null;
  readonly dueDate: IsoDate | null;
}

const ORDER: readonly ActionKind[] = [
  'respond',
  'record-decision',
  'revise',
  'review',
  'write',
  'start-approvals',
];

function sectionsReady(plan: Plan): boolean {
  return plan.sections.every(
    (s) => !(s.definition.required || s.content.length > 0) || s.status === 'accepted',
  );
}

export function actionsFor(plan: Plan, personId: PersonId): ActionItem[] {
  const items: ActionItem[] = [];
  const isLead = plan.leadId === personId;
  const editable = plan.status === 'drafting' || plan.status === 'in-approval';
  for (const section of plan.sections) {
    const title = section.definition.title;
    const base = { sectionKey: section.definition.key, stageKey: null, dueDate: section.dueDate };
    if (editable && canEditSection(section, personId)) {
      if (section.status === 'changes-requested') {
        items.push({ ...base, kind: 'revise', label: `Revise “${title}”: the plan lead asked for changes` });
      } else if (section.status === 'not-started' || section.status === 'drafting') {
        items.push({ ...base, kind: 'write', label: `Write and submit “${title}”` });
      }
    }
    if (isLead && section.status === 'submitted') {
      items.push({ ...base, kind: 'review', label: `Review “${title}”: accept it or ask for changes` });
    }
  }
  const open = plan.stages.find((s) => s.state === 'open');
  if (open) {
    if (open.kind === 'decision') {
      if (isLead) {
        items.push({
          kind: 'record-decision',
          label: `Record the decision of ${plan.dates.decisionMeeting?.body ?? 'the decision meeting'}`,
          sectionKey: null,
          stageKey: open.key,
          dueDate: plan.dates.decisionMeeting?.date ?? null,
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
        });
      }
    }
  } else if (isLead && plan.status === 'drafting' && currentStage(plan) && sectionsReady(plan)) {
    const next = currentStage(plan)!;
    items.push({
      kind: 'start-approvals',
      label: `Every section is accepted: start “${next.title}”`,
      sectionKey: null,
      stageKey: next.key,
      dueDate: null,
    });
  }
  const rank = (item: ActionItem): number => ORDER.indexOf(item.kind);
  return items.sort((a, b) => rank(a) - rank(b) || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
}
