/** Where domain events go once their plan change is stored: the bot's outbox (cards, reminders). */
import type { DomainEvent } from '../domain/events.js';
import type { Plan } from '../domain/plan.js';

export interface EventSink {
  publish(plan: Plan, events: readonly DomainEvent[]): Promise<void>;
}
