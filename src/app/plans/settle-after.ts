/**
 * Settling a plan after card clicks, off the click's path. A response is stored by the click; what follows
 * from the responses together (the stage closing, the next one opening) and the messages they send are
 * worked out here, once per burst: while a settle of a plan is out, the clicks that land meanwhile wait for
 * one more settle after it, which reads the plan afresh and sees them all. Many clicks on one plan → one
 * or two settles, one update of the posted card. A settle that fails (SharePoint unavailable, a conflict
 * past its attempts) is tried again after a while, a few times, with the clicks' events kept for it, so the
 * stage still closes and its messages still go out though nobody clicks again. Runs on this instance; any
 * later settle, on any instance, derives the same outcome from the stored responses (reconcile runs after
 * every load too).
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

/** How long a failed settle waits before each try again; after the last it is reported and left. */
export const SETTLE_RETRY_MS: readonly number[] = [1_000, 5_000, 15_000];

/** A settle that did not get through: the plan is not found (nothing to retry), or it may next time. */
type Outcome = 'settled' | 'gone' | 'failed';

export class SettleAfterClicks implements ResponseFollowUp {
  private readonly pending = new Map<string, Pending>();
  /** Settles run (tries included), those that failed and will be tried again, and tries again made. */
  readonly counts = { settles: 0, failures: 0, retries: 0 };

  constructor(
    private readonly deps: Omit<CommandDeps, 'followUp'>,
    private readonly onError: (planId: string, error: unknown) => void,
    private readonly retryMs: readonly number[] = SETTLE_RETRY_MS,
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
      let failures = 0;
      while (entry.again) {
        entry.again = false;
        const events = entry.events.splice(0);
        const outcome = await this.settleOnce(planId, events, failures < this.retryMs.length);
        if (outcome !== 'failed') {
          failures = 0;
          continue;
        }
        // Kept for the next try, which clicks landing meanwhile join.
        this.counts.failures += 1;
        entry.events.unshift(...events);
        entry.again = true;
        await new Promise((resolve) => setTimeout(resolve, this.retryMs[failures]));
        failures += 1;
        this.counts.retries += 1;
      }
    } finally {
      this.pending.delete(planId);
    }
  }

  private async settleOnce(
    planId: string,
    clicked: readonly DomainEvent[],
    canRetry: boolean,
  ): Promise<Outcome> {
    this.counts.settles += 1;
    let problem: unknown;
    try {
      const settled = await settle(this.deps, planId, this.deps.clock.now());
      if (settled.ok) {
        await this.deps.events.publish(settled.value.plan, [...clicked, ...settled.value.events]);
        return 'settled';
      }
      problem = new Error(`${settled.error.code}: ${settled.error.message}`);
      if (settled.error.code === 'NOT_FOUND') {
        this.onError(planId, problem);
        return 'gone';
      }
    } catch (error) {
      problem = error;
    }
    if (canRetry) return 'failed';
    // The responses are stored; the next settle (a later click, on any instance) derives the same.
    this.onError(planId, problem);
    return 'gone';
  }
}
