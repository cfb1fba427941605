/**
 * Every change to a plan: load, reconcile what an unfinished earlier save left, decide, save. A save
 * that meets someone else's change is retried on the fresh state, where the workflow decides again:
 * an edit from a stale copy is then refused as STALE_VERSION rather than written over the other one.
 */
import type { Actor, Command } from '../../domain/plan/commands.js';
import type { DomainEvent } from '../../domain/plan/events.js';
import type { Plan } from '../../domain/plan/plan.js';
import { reconcile } from '../../domain/workflow/reconcile.js';
import { ok, type Result } from '../../domain/support/result.js';
import { decide } from '../../domain/workflow/decide.js';
import type { Clock } from '../../ports/clock.js';
import type { EventSink } from '../../ports/event-sink.js';
import type { PlanStore, StoredPlan } from '../../ports/plan-store.js';
import { settle } from './settle.js';

export interface CommandDeps {
  readonly store: PlanStore;
  readonly clock: Clock;
  readonly events: EventSink;
  /**
   * Where a response asked to be settled later goes (the server's coalesced settle); without it, every
   * response is settled before runCommand returns.
   */
  readonly followUp?: ResponseFollowUp;
}

/** Takes a stored response's plan to settle, and the click's events to publish with it, after the answer. */
export interface ResponseFollowUp {
  after(planId: string, events: readonly DomainEvent[]): void;
}

export interface CommandOptions {
  /**
   * A response (a card click) is answered as soon as it is stored: the plan is settled, and the events
   * published, by `deps.followUp` (once for a burst of clicks). The plan returned is the stored one as
   * reconcile reads it, so the last approver already sees the outcome.
   */
  readonly settle?: 'now' | 'after';
}

export interface CommandOutcome {
  readonly plan: Plan;
  readonly events: readonly DomainEvent[];
  readonly changed: boolean;
}

/** Attempts before a CONFLICT reaches the user; each attempt re-reads the plan. */
export const MAX_ATTEMPTS = 6;

/**
 * A command, or how to make it from the plan as it stands (for a command that needs the plan's own data,
 * such as a decision whose end of call-in comes from the council's rules); it is made again on each attempt.
 */
export type CommandFor = Command | ((plan: Plan) => Command);

/** The store's copy; a read begun a moment ago (shared by a burst); a read begun after this call. */
type PlanRead = 'copy' | 'recent' | 'fresh';

function readPlan(store: PlanStore, planId: string, read: PlanRead): Promise<Result<StoredPlan>> {
  if (read === 'fresh') return store.refresh(planId);
  return read === 'recent' ? store.recent(planId) : store.load(planId);
}

export async function runCommand(
  deps: CommandDeps,
  planId: string,
  commandFor: CommandFor,
  actor: Actor,
  options: CommandOptions = {},
): Promise<Result<CommandOutcome>> {
  const now = deps.clock.now();
  let lastConflict: Result<CommandOutcome> | null = null;
  // A response is an item of its own that no eTag guards, so it is decided on the plan as a read begun a
  // moment ago found it (a copy a few seconds old could take a click after the stage closed elsewhere);
  // a burst of clicks shares that read. Everything else writes the items its decision rests on with
  // If-Match, so the store's copy will do. A refusal or a conflict on either is decided again on the
  // plan read afresh.
  let read: PlanRead = typeof commandFor !== 'function' && commandFor.type === 'respond' ? 'recent' : 'copy';
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const loaded = await readPlan(deps.store, planId, read);
    if (!loaded.ok) return loaded;
    const reconciled = reconcile(loaded.value.plan, now);
    const command = typeof commandFor === 'function' ? commandFor(reconciled.plan) : commandFor;
    const decided = decide(reconciled.plan, command, actor, now);
    if (!decided.ok) {
      if (read === 'fresh') return decided;
      read = 'fresh';
      continue;
    }
    const events = [...reconciled.events, ...decided.value.events];
    if (events.length === 0 && !decided.value.changed && reconciled.plan === loaded.value.plan) {
      return ok({ plan: loaded.value.plan, events: [], changed: false });
    }
    const saved = await deps.store.save(
      loaded.value,
      decided.value.plan,
      decided.value.audit ? [decided.value.audit] : [],
      actor.id,
    );
    if (!saved.ok) {
      if (saved.error.code !== 'CONFLICT') return saved;
      lastConflict = saved;
      read = 'fresh';
      continue;
    }
    let finalPlan = saved.value.plan;
    const allEvents = [...events];
    if (command.type === 'respond' && options.settle === 'after' && deps.followUp) {
      deps.followUp.after(planId, allEvents);
      return ok({
        plan: reconcile(finalPlan, now).plan,
        events: allEvents,
        changed: decided.value.changed,
      });
    }
    if (command.type === 'respond') {
      // Responders write their responses side by side without a lock; whoever reads after writing sees
      // every response that finished before, so the last of them closes the stage.
      const settled = await settle(deps, planId, now);
      if (settled.ok) {
        finalPlan = settled.value.plan;
        allEvents.push(...settled.value.events);
      }
    }
    await deps.events.publish(finalPlan, allEvents);
    return ok({ plan: finalPlan, events: allEvents, changed: decided.value.changed });
  }
  return lastConflict!;
}
