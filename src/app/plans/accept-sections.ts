/**
 * The plan lead accepts several sections at once (from the dashboard): one load, the workflow deciding
 * each acceptance in turn on the plan as the previous one left it, one save with an audit entry per
 * section. A section that cannot be accepted (not submitted, changed meanwhile) is reported with why; the
 * others are accepted. A save that meets someone else's change is retried on the fresh state.
 */
import type { Actor } from '../../domain/plan/commands.js';
import type { AuditEntry, DomainEvent } from '../../domain/plan/events.js';
import type { Plan } from '../../domain/plan/plan.js';
import { ok, refuse, type Result } from '../../domain/support/result.js';
import { decide } from '../../domain/workflow/decide.js';
import { reconcile } from '../../domain/workflow/reconcile.js';
import { MAX_ATTEMPTS, type CommandDeps } from './run-command.js';

/** More than a plan has sections is a mistake, not a request. */
export const MAX_SECTIONS_AT_ONCE = 100;

export interface AcceptedSections {
  readonly plan: Plan;
  readonly accepted: readonly string[];
  readonly refused: readonly { readonly sectionKey: string; readonly message: string }[];
}

export async function acceptSections(
  deps: CommandDeps,
  planId: string,
  sectionKeys: readonly string[],
  actor: Actor,
): Promise<Result<AcceptedSections>> {
  const keys = [...new Set(sectionKeys)];
  if (keys.length === 0) return refuse('VALIDATION', 'Choose at least one section to accept.');
  if (keys.length > MAX_SECTIONS_AT_ONCE) {
    return refuse('VALIDATION', `Accept at most ${MAX_SECTIONS_AT_ONCE} sections at once.`);
  }
  const now = deps.clock.now();
  let lastConflict: Result<AcceptedSections> | null = null;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const loaded = await deps.store.load(planId);
    if (!loaded.ok) return loaded;
    const reconciled = reconcile(loaded.value.plan, now);
    let plan = reconciled.plan;
    const events: DomainEvent[] = [...reconciled.events];
    const audits: AuditEntry[] = [];
    const accepted: string[] = [];
    const refused: { sectionKey: string; message: string }[] = [];
    for (const sectionKey of keys) {
      const decided = decide(plan, { type: 'acceptSection', sectionKey }, actor, now);
      if (!decided.ok) {
        // Only the plan lead accepts: that refusal is the whole answer, not one line of it.
        if (decided.error.code === 'NOT_ALLOWED') return decided;
        refused.push({ sectionKey, message: decided.error.message });
        continue;
      }
      accepted.push(sectionKey);
      if (!decided.value.changed) continue;
      plan = decided.value.plan;
      events.push(...decided.value.events);
      if (decided.value.audit) audits.push(decided.value.audit);
    }
    if (audits.length === 0 && reconciled.plan === loaded.value.plan) {
      return ok({ plan, accepted, refused });
    }
    const saved = await deps.store.save(loaded.value, plan, audits, actor.id);
    if (!saved.ok) {
      if (saved.error.code !== 'CONFLICT') return saved;
      lastConflict = saved;
      continue;
    }
    await deps.events.publish(saved.value.plan, events);
    return ok({ plan: saved.value.plan, accepted, refused });
  }
  return lastConflict!;
}
