/**
 * When a stage opens, the version it is bound to is frozen as Word and HTML in the library, so approvers
 * read exactly what they approve. A failure to freeze does not undo the stored change; it is reported and
 * the next round (or the tab) can freeze again. While SharePoint's budget runs low (the gate says wait),
 * freezing is background work: the change and its notices go on, and the version is frozen once the
 * budget allows, so people's clicks keep what is left.
 */
import type { DomainEvent } from '../../domain/plan/events.js';
import type { Plan } from '../../domain/plan/plan.js';
import type { BackgroundGate } from '../../ports/background.js';
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
      readonly gate?: BackgroundGate;
      /** Runs `work` after `ms` (default a timer that does not keep the process alive). */
      readonly later?: (ms: number, work: () => void) => void;
    },
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Freezes still waiting for the budget, for close() and tests. */
  readonly deferred = new Set<Promise<void>>();

  async publish(plan: Plan, events: readonly DomainEvent[]): Promise<void> {
    const opened = events.some((e) => e.type === 'StageOpened');
    if (opened) {
      const wait = this.deps.gate?.backgroundDelayMs() ?? 0;
      if (wait > 0) this.defer(plan, wait);
      else await this.freeze(plan);
    }
    await this.inner.publish(plan, events);
  }

  private async freeze(plan: Plan): Promise<void> {
    try {
      await freezeVersion(this.deps, plan, this.deps.clock.now());
    } catch (error) {
      this.onError(error);
    }
  }

  private defer(plan: Plan, ms: number): void {
    const later =
      this.deps.later ??
      ((delay: number, work: () => void) => {
        setTimeout(work, delay).unref();
      });
    const done: Promise<void> = new Promise<void>((resolve) => {
      const attempt = (): void => {
        const wait = this.deps.gate?.backgroundDelayMs() ?? 0;
        if (wait > 0) later(wait, attempt);
        else void this.freeze(plan).then(resolve);
      };
      later(ms, attempt);
    }).finally(() => this.deferred.delete(done));
    this.deferred.add(done);
  }
}
