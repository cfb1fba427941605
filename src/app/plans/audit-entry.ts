/** The entry a change appends to its plan's audit log: who did what, now, against the plan's current version. */
import type { Actor } from '../../domain/plan/commands.js';
import type { AuditEntry } from '../../domain/plan/events.js';
import type { Clock } from '../../ports/clock.js';
import type { StoredPlan } from '../../ports/plan-store.js';

export const auditEntry = (
  clock: Clock,
  stored: StoredPlan,
  actor: Actor,
  command: string,
  summary: string,
): AuditEntry => ({
  at: clock.now(),
  planId: stored.plan.id,
  actorId: actor.id,
  command,
  version: stored.plan.contentVersion,
  hash: stored.plan.versionHash,
  summary,
});
