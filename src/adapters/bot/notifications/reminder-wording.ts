/** How reminders read: to a section owner as a due date nears or passes; overdue sections to the lead. */
import { daysOverdue, sectionRefFromPlan } from '../../../cards/plan-view-models.js';
import { escalationCard, reminderCard } from '../../../cards/section-cards.js';
import type { Section } from '../../../domain/plan/plan.js';
import { findSection } from '../../../domain/plan/plan.js';
import { json, type Wording } from './message.js';

const dayCount = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export const sectionReminder: Wording<'section-reminder'> = ({ reminder }, context) => {
  const { plan } = context;
  const today = context.now.slice(0, 10);
  const ref = sectionRefFromPlan(
    plan,
    reminder.sectionKey,
    context.links.section(plan.id, reminder.sectionKey),
    context.nameOf,
  );
  if (!ref) return null;
  const overdue = daysOverdue(reminder.dueDate, today);
  const timing =
    reminder.kind === 'due-today'
      ? ({ kind: 'due-today' } as const)
      : reminder.kind === 'overdue'
        ? ({ kind: 'overdue', daysOverdue: overdue ?? 1 } as const)
        : ({
            kind: 'upcoming',
            daysLeft: Math.max(1, dayCount(today, reminder.dueDate)),
          } as const);
  return {
    text: `Reminder: ${ref.sectionTitle} is due ${reminder.dueDate}`,
    card: json(reminderCard({ ...ref, dueDate: reminder.dueDate, timing })),
  };
};

/** How the person waited for stands to the section, when it is not simply theirs to write. */
function roleOf(section: Section | undefined): string | null {
  if (!section) return null;
  if (section.outsideParty) return `Chasing ${section.outsideParty.organisation}`;
  if (section.jointAuthors) return 'Joint author, still to agree';
  return null;
}

export const escalation: Wording<'escalation'> = ({ escalation }, context) => {
  const { plan } = context;
  const today = context.now.slice(0, 10);
  const card = escalationCard({
    planTitle: plan.title,
    planUrl: context.links.plan(plan.id),
    overdue: escalation.overdue.map((o) => ({
      sectionTitle: findSection(plan, o.sectionKey)?.definition.title ?? o.sectionKey,
      ownerName: context.nameOf(o.ownerId),
      role: roleOf(findSection(plan, o.sectionKey)),
      dueDate: o.dueDate,
      daysOverdue: daysOverdue(o.dueDate, today) ?? 0,
    })),
  });
  return {
    text: `${escalation.overdue.length} section(s) of "${plan.title}" are overdue`,
    card: json(card),
  };
};
