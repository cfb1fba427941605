/**
 * Settling a plan: read it as it stands now and store whatever reconcile derives from it (a stage whose
 * responses meet its rule closes, the next opens), retrying on conflict. Responders write their responses
 * side by side without a lock; whoever settles after writing sees every response that finished before, so
 * the last of them closes the stage.
 */
import type { DomainEvent } from '../../domain/plan/events.js';
import type { Plan } from '../../domain/plan/plan.js';
import { ok, type Result } from '../../domain/support/result.js';
import { reconcile } from '../../domain/workflow/reconcile.js';
import type { PlanStore, StoredPlan } from '../../ports/plan-store.js';

/** Attempts before a CONFLICT is given up on; each attempt re-reads the plan. */
const MAX_SETTLE_ATTEMPTS = 6;

export async function saveReconciled(
  deps: { readonly store: PlanStore },
  stored: StoredPlan,
  now: string,
): Promise<Result<{ stored: StoredPlan; events: readonly DomainEvent[] }>> {
  const reconciled = reconcile(stored.plan, now);
  if (reconciled.events.length === 0 && reconciled.plan === stored.plan) return ok({ stored, events: [] });
  const saved = await deps.store.save(stored, reconciled.plan, [], 'plan-builder');
  if (!saved.ok) return saved;
  return ok({ stored: saved.value, events: reconciled.events });
}

export async function settle(
  deps: { readonly store: PlanStore },
  planId: string,
  now: string,
): Promise<Result<{ plan: Plan; events: readonly DomainEvent[] }>> {
  let last: Result<{ plan: Plan; events: readonly DomainEvent[] }> | null = null;
  for (let attempt = 1; attempt <= MAX_SETTLE_ATTEMPTS; attempt++) {
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
