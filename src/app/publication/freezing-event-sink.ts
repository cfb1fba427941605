/**
 * When a stage opens, the version it is bound to is frozen as Word and HTML in the library, so approvers
 * read exactly what they approve. A failure to freeze does not undo the stored change; it is reported and
 * the next round (or the tab) can freeze again.
 */
import type { DomainEvent } from '../../domain/plan/events.js';
import type { Plan } from '../../domain/plan/plan.js';
import type { Clock } from '../../ports/clock.js';
import type { DocumentStore } from '../../ports/document-store.js';
import type { EventSink } from '../../ports/event-sink.js';
import type { DocumentRenderer } from '../../ports/publishing.js';
import { freezeVersion } from './publish-plan.js';

export class FreezingEventSink implements EventSink {
  constructor(
    private readonly inner: EventSink,
    private readonly deps: {
      readonly documents: DocumentStore;
      readonly renderer: DocumentRenderer;
      readonly clock: Clock;
    },
    private readonly onError: (error: unknown) => void,
  ) {}

  async publish(plan: Plan, events: readonly DomainEvent[]): Promise<void> {
    const opened = events.some((e) => e.type === 'StageOpened');
    if (opened) {
      try {
        await freezeVersion(this.deps, plan, this.deps.clock.now());
      } catch (error) {
        this.onError(error);
      }
    }
    await this.inner.publish(plan, events);
  }
}
