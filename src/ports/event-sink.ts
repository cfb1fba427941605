/** Where domain events go once their plan change is stored: the bot's outbox (cards, reminders). */
import type { DomainEvent } from '../domain/plan/events.js';
import type { Plan } from '../domain/plan/plan.js';

export interface EventSink {
  publish(plan: Plan, events: readonly DomainEvent[]): Promise<void>;
}
