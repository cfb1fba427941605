/**
 * One pass of the reminder scheduler: every plan in progress, every reminder now due, into the outbox.
 * Safe to run on every instance as often as wanted: reminder keys are unique per schedule point.
 */
import type { BankHolidayCalendar } from '../../domain/dates/calendar.js';
import { remindersDue, type ReminderPolicy } from '../../domain/timeline/reminders.js';
import type { Clock } from '../../ports/clock.js';
import type { NotificationComposer } from '../../ports/notifications.js';
import type { Outbox } from '../../ports/outbox.js';
import type { PlanStore } from '../../ports/plan-store.js';

export interface ReminderDeps {
  readonly plans: PlanStore;
  readonly outbox: Outbox;
  readonly composer: NotificationComposer;
  readonly clock: Clock;
  readonly calendar: BankHolidayCalendar;
  readonly policy?: ReminderPolicy;
}

export async function scheduleReminders(deps: ReminderDeps): Promise<{ readonly enqueued: number }> {
  const now = deps.clock.now();
  const today = now.slice(0, 10);
  let enqueued = 0;
  for (const summary of await deps.plans.list()) {
    if (summary.status === 'decided' || summary.status === 'published') continue;
    const loaded = await deps.plans.load(summary.id);
    if (!loaded.ok) continue;
    const due = remindersDue(loaded.value.plan, today, deps.calendar, deps.policy);
    if (due.reminders.length === 0 && due.escalation === null) continue;
    const messages = await deps.composer.forReminders(loaded.value.plan, due.reminders, due.escalation, now);
    enqueued += await deps.outbox.enqueue(messages);
  }
  return { enqueued };
}
