/** Reminders to section owners as a due date nears or passes, and the escalation of overdue sections to the lead. */
import { daysOverdue, sectionRefFromPlan } from '../../../cards/plan-view-models.js';
import { escalationCard, reminderCard } from '../../../cards/section-cards.js';
import type { Section } from '../../../domain/plan/plan.js';
import { findSection } from '../../../domain/plan/plan.js';
import type { Escalation, SectionReminder } from '../../../domain/timeline/reminders.js';
import type { OutgoingMessage } from '../../../ports/outbox.js';
import { json, message, toUser, type NoticeContext } from './message.js';

const dayCount = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

function reminderNotice(
  context: NoticeContext,
  reminder: SectionReminder,
  today: string,
): OutgoingMessage | null {
  const { plan } = context;
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
  const card = json(reminderCard({ ...ref, dueDate: reminder.dueDate, timing }));
  return message(
    context,
    reminder.key,
    toUser(reminder.ownerId),
    `Reminder: ${ref.sectionTitle} is due ${reminder.dueDate}`,
    card,
  );
}

/** How the person waited for stands to the section, when it is not simply theirs to write. */
function roleOf(section: Section | undefined): string | null {
  if (!section) return null;
  if (section.outsideParty) return `Chasing ${section.outsideParty.organisation}`;
  if (section.jointAuthors) return 'Joint author, still to agree';
  return null;
}

function escalationNotice(context: NoticeContext, escalation: Escalation, today: string): OutgoingMessage {
  const { plan } = context;
  const card = json(
    escalationCard({
      planTitle: plan.title,
      planUrl: context.links.plan(plan.id),
      overdue: escalation.overdue.map((o) => ({
        sectionTitle: findSection(plan, o.sectionKey)?.definition.title ?? o.sectionKey,
        ownerName: context.nameOf(o.ownerId),
        role: roleOf(findSection(plan, o.sectionKey)),
        dueDate: o.dueDate,
        daysOverdue: daysOverdue(o.dueDate, today) ?? 0,
      })),
    }),
  );
  return message(
    context,
    escalation.key,
    toUser(escalation.leadId),
    `${escalation.overdue.length} section(s) of "${plan.title}" are overdue`,
    card,
  );
}

export function reminderNotices(
  context: NoticeContext,
  reminders: readonly SectionReminder[],
  escalation: Escalation | null,
): OutgoingMessage[] {
  const today = context.now.slice(0, 10);
  const out: OutgoingMessage[] = [];
  for (const reminder of reminders) {
    const notice = reminderNotice(context, reminder, today);
    if (notice) out.push(notice);
  }
  if (escalation) out.push(escalationNotice(context, escalation, today));
  return out;
}
