/** Events become outbox messages: composed once, enqueued under keys that make repeats harmless. */
import type { DomainEvent } from '../../domain/plan/events.js';
import type { Plan } from '../../domain/plan/plan.js';
import type { Clock } from '../../ports/clock.js';
import type { EventSink } from '../../ports/event-sink.js';
import type { NotificationComposer } from '../../ports/notifications.js';
import type { Outbox } from '../../ports/outbox.js';

export class OutboxEventSink implements EventSink {
  constructor(
    private readonly composer: NotificationComposer,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async publish(plan: Plan, events: readonly DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    const messages = await this.composer.forEvents(plan, events, this.clock.now());
    if (messages.length > 0) await this.outbox.enqueue(messages);
  }
}
