/** Turning what happened into messages for people: cards, addressed, under idempotency keys. */
import type { DomainEvent } from '../domain/plan/events.js';
import type { Plan } from '../domain/plan/plan.js';
import type { Escalation, SectionReminder } from '../domain/timeline/reminders.js';
import type { OutgoingMessage } from './outbox.js';

export interface NotificationComposer {
  forEvents(plan: Plan, events: readonly DomainEvent[], now: string): Promise<readonly OutgoingMessage[]>;
  forReminders(
    plan: Plan,
    reminders: readonly SectionReminder[],
    escalation: Escalation | null,
    now: string,
  ): Promise<readonly OutgoingMessage[]>;
}
