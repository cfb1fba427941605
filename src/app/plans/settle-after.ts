/**
 * Settling a plan after card clicks, off the click's path. A response is stored by the click; what follows
 * from the responses together (the stage closing, the next one opening) and the messages they send are
 * worked out here, once per burst: while a settle of a plan is out, the clicks that land meanwhile wait for
 * one more settle after it, which reads the plan afresh and sees them all. Many clicks on one plan → one
 * or two settles, one update of the posted card. Runs on this instance; any later settle, on any
 * instance, derives the same outcome from the stored responses (reconcile runs after every load too).
 */
import type { DomainEvent } from '../../domain/plan/events.js';
import type { CommandDeps, ResponseFollowUp } from './run-command.js';
import { settle } from './settle.js';

interface Pending {
  /** Another settle is wanted after the one out (a click landed since it read). */
  again: boolean;
  /** Events of the clicks since the last settle, published with it. */
  readonly events: DomainEvent[];
  done: Promise<void>;
}

export class SettleAfterClicks implements ResponseFollowUp {
  private readonly pending = new Map<string, Pending>();
  /** Settles run, for tests and the bench. */
  readonly counts = { settles: 0 };

  constructor(
    private readonly deps: Omit<CommandDeps, 'followUp'>,
    private readonly onError: (planId: string, error: unknown) => void,
  ) {}

  after(planId: string, events: readonly DomainEvent[]): void {
    const known = this.pending.get(planId);
    if (known) {
      known.events.push(...events);
      known.again = true;
      return;
    }
    const entry: Pending = { again: true, events: [...events], done: Promise.resolve() };
    this.pending.set(planId, entry);
    entry.done = this.run(planId, entry);
  }

  /** Resolves once nothing is waiting to be settled on this instance (tests, an explicit dispatch, close). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending.values()].map((p) => p.done));
  }

  private async run(planId: string, entry: Pending): Promise<void> {
    // Let the clicks that arrived with this one be answered first.
    await new Promise<void>((resolve) => setImmediate(resolve));
    try {
      while (entry.again) {
        entry.again = false;
        const events = entry.events.splice(0);
        await this.settleOnce(planId, events);
      }
    } finally {
      this.pending.delete(planId);
    }
  }

  private async settleOnce(planId: string, clicked: readonly DomainEvent[]): Promise<void> {
    this.counts.settles += 1;
    try {
      const settled = await settle(this.deps, planId, this.deps.clock.now());
      if (!settled.ok) {
        this.onError(planId, new Error(`${settled.error.code}: ${settled.error.message}`));
        return;
      }
      await this.deps.events.publish(settled.value.plan, [...clicked, ...settled.value.events]);
    } catch (error) {
      // The responses are stored; the next settle (a later click, on any instance) derives the same.
      this.onError(planId, error);
    }
  }
}
