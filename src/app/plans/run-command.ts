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

export interface CommandDeps {
  readonly store: PlanStore;
  readonly clock: Clock;
  readonly events: EventSink;
}

export interface CommandOutcome {
  readonly plan: Plan;
  readonly events: readonly DomainEvent[];
  readonly changed: boolean;
}

/** Attempts before a CONFLICT reaches the user; each attempt re-reads the plan. */
export const MAX_ATTEMPTS = 6;

async function saveReconciled(
  deps: Pick<CommandDeps, 'store'>,
  stored: StoredPlan,
  now: string,
): Promise<Result<{ stored: StoredPlan; events: readonly DomainEvent[] }>> {
  const reconciled = reconcile(stored.plan, now);
  if (reconciled.events.length === 0 && reconciled.plan === stored.plan) return ok({ stored, events: [] });
  const saved = await deps.store.save(stored, reconciled.plan, [], 'plan-builder');
  if (!saved.ok) return saved;
  return ok({ stored: saved.value, events: reconciled.events });
}

/**
 * A command, or how to make it from the plan as it stands (for a command that needs the plan's own data,
 * such as a decision whose end of call-in comes from the council's rules); it is made again on each attempt.
 */
export type CommandFor = Command | ((plan: Plan) => Command);

export async function runCommand(
  deps: CommandDeps,
  planId: string,
  commandFor: CommandFor,
  actor: Actor,
): Promise<Result<CommandOutcome>> {
  const now = deps.clock.now();
  let lastConflict: Result<CommandOutcome> | null = null;
  // A response is an item of its own that no eTag guards, so it is decided on the plan as it stands now
  // (a copy a few seconds old could take a click after the stage closed elsewhere). Everything else
  // writes the items its decision rests on with If-Match, so the store's copy will do; a refusal or a
  // conflict on that copy is decided again on the plan read afresh.
  let fresh = typeof commandFor !== 'function' && commandFor.type === 'respond';
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const loaded = fresh ? await deps.store.refresh(planId) : await deps.store.load(planId);
    if (!loaded.ok) return loaded;
    const reconciled = reconcile(loaded.value.plan, now);
    const command = typeof commandFor === 'function' ? commandFor(reconciled.plan) : commandFor;
    const decided = decide(reconciled.plan, command, actor, now);
    if (!decided.ok) {
      if (fresh) return decided;
      fresh = true;
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
      fresh = true;
      continue;
    }
    let finalPlan = saved.value.plan;
    const allEvents = [...events];
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

/** Re-reads a plan and stores whatever reconcile derives from it, retrying on conflict. */
export async function settle(
  deps: Pick<CommandDeps, 'store'>,
  planId: string,
  now: string,
): Promise<Result<{ plan: Plan; events: readonly DomainEvent[] }>> {
  let last: Result<{ plan: Plan; events: readonly DomainEvent[] }> | null = null;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    // Every response that finished before must be seen, whichever instance wrote it.
    const loaded = await deps.store.refresh(planId);
    if (!loaded.ok) return loaded;
    const saved = await saveReconciled(deps, loaded.value, now);
    if (saved.ok) return ok({ plan: saved.value.stored.plan, events: saved.value.events });
    if (saved.error.code !== 'CONFLICT') return saved;
    last = saved;
  }
  return last!;
}
