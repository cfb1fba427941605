/**
 * Events and reminders become messages for the outbox: who is told what, under which key, chosen here
 * (event-notices.ts); worded and drawn by the renderer (the bot's card composer).
 */
import type { DomainEvent } from '../../../domain/plan/events.js';
import type { Plan } from '../../../domain/plan/plan.js';
import type { Escalation, SectionReminder } from '../../../domain/timeline/reminders.js';
import type { NoticeRenderer } from '../../../ports/notices.js';
import type { NotificationComposer } from '../../../ports/notifications.js';
import type { OutgoingMessage } from '../../../ports/outbox.js';
import { eventNotices, reminderNotices } from './event-notices.js';

export class NoticeComposer implements NotificationComposer {
  constructor(private readonly renderer: NoticeRenderer) {}

  async forEvents(
    plan: Plan,
    events: readonly DomainEvent[],
    now: string,
  ): Promise<readonly OutgoingMessage[]> {
    const notices = eventNotices(plan, events);
    return notices.length === 0 ? [] : this.renderer.word(plan, notices, now);
  }

  async forReminders(
    plan: Plan,
    reminders: readonly SectionReminder[],
    escalation: Escalation | null,
    now: string,
  ): Promise<readonly OutgoingMessage[]> {
    const notices = reminderNotices(reminders, escalation);
    return notices.length === 0 ? [] : this.renderer.word(plan, notices, now);
  }
}
