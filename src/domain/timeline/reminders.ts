/**
 * When section owners are reminded and when the plan lead hears that something is overdue. Reminders
 * are worked out from the plan on every pass of the scheduler, each under a key naming the point in the
 * schedule it belongs to; the outbox's unique key then makes sure each is sent once, however many
 * passes or server instances see it. A pass that was missed (a server was down that day) still sends the
 * latest reminder that applies, never a backlog.
 */
import { addWorkingDays, type BankHolidayCalendar } from '../dates/calendar.js';
import type { IsoDate, PersonId, Plan, Section } from '../plan/plan.js';
import { outstandingAuthors } from '../sections/contribution.js';

export interface ReminderPolicy {
  /** Working days before the due date for the first reminder. */
  readonly workingDaysBefore: number;
  /** After the due date, remind again every this many working days. */
  readonly overdueEveryWorkingDays: number;
}

export const defaultReminderPolicy: ReminderPolicy = { workingDaysBefore: 3, overdueEveryWorkingDays: 2 };

export type ReminderKind = 'upcoming' | 'due-today' | 'overdue';

export interface SectionReminder {
  readonly key: string;
  readonly planId: string;
  readonly sectionKey: string;
  readonly ownerId: PersonId;
  readonly kind: ReminderKind;
  readonly dueDate: IsoDate;
  /** The schedule point this reminder belongs to. */
  readonly pointDate: IsoDate;
}

export interface Escalation {
  readonly key: string;
  readonly planId: string;
  readonly leadId: PersonId;
  readonly pointDate: IsoDate;
  readonly overdue: readonly {
    readonly sectionKey: string;
    readonly ownerId: PersonId;
    readonly dueDate: IsoDate;
  }[];
}

const WAITING_FOR_OWNER: ReadonlySet<Section['status']> = new Set([
  'not-started',
  'drafting',
  'changes-requested',
]);

/** The latest schedule point on or before today, if any. */
function currentPoint(
  dueDate: IsoDate,
  today: IsoDate,
  calendar: BankHolidayCalendar,
  policy: ReminderPolicy,
): { kind: ReminderKind; date: IsoDate } | null {
  if (today === dueDate) return { kind: 'due-today', date: dueDate };
  if (today < dueDate) {
    const first = addWorkingDays(dueDate, -policy.workingDaysBefore, calendar).value;
    return today >= first ? { kind: 'upcoming', date: first } : null;
  }
  let point = addWorkingDays(dueDate, policy.overdueEveryWorkingDays, calendar).value;
  if (point > today) return null; // overdue, but the first overdue reminder is not due yet
  for (;;) {
    const next = addWorkingDays(point, policy.overdueEveryWorkingDays, calendar).value;
    if (next > today) return { kind: 'overdue', date: point };
    point = next;
  }
}

export function remindersDue(
  plan: Plan,
  today: IsoDate,
  calendar: BankHolidayCalendar,
  policy: ReminderPolicy = defaultReminderPolicy,
): { readonly reminders: readonly SectionReminder[]; readonly escalation: Escalation | null } {
  if (plan.status === 'decided' || plan.status === 'published') return { reminders: [], escalation: null };
  const reminders: SectionReminder[] = [];
  const overdue: Escalation['overdue'][number][] = [];
  for (const section of plan.sections) {
    const dueDate = section.dueDate ?? section.toFollow?.by ?? null;
    if (!dueDate || !WAITING_FOR_OWNER.has(section.status)) continue;
    // Who is waited for: the owner (for text from outside, the officer chasing it), or each joint
    // author who has not yet agreed.
    const waitingFor = section.jointAuthors
      ? outstandingAuthors(section)
      : section.ownerId
        ? [section.ownerId]
        : [];
    for (const ownerId of waitingFor) {
      if (today > dueDate) overdue.push({ sectionKey: section.definition.key, ownerId, dueDate });
      const point = currentPoint(dueDate, today, calendar, policy);
      if (!point) continue;
      reminders.push({
        key: `reminder/${plan.id}/${section.definition.key}/${ownerId}/${dueDate}/${point.date}`,
        planId: plan.id,
        sectionKey: section.definition.key,
        ownerId,
        kind: point.kind,
        dueDate,
        pointDate: point.date,
      });
    }
  }
  // One digest a day to the plan lead while anything is overdue.
  const escalation: Escalation | null =
    overdue.length === 0
      ? null
      : {
          key: `escalation/${plan.id}/${today}`,
          planId: plan.id,
          leadId: plan.leadId,
          pointDate: today,
          overdue,
        };
  return { reminders, escalation };
}
