/**
 * Derived transitions, applied after every command and after every load. A SharePoint save spans several
 * items and cannot be atomic, so what follows from durable facts is re-derived rather than trusted:
 * - approvals bound to a hash other than the content's wait for a new round (an approval can never cover
 *   content it did not see);
 * - an open stage whose responses meet (or can no longer meet) its rule closes, and the next one opens.
 * Running it twice changes nothing the second time.
 */
import { tally } from '../approvals/rule.js';
import { contentHash } from '../documents/content-hash.js';
import type { DomainEvent } from '../plan/events.js';
import type { IsoDateTime, Plan } from '../plan/plan.js';
import { currentStage, replaceStage } from '../plan/updates.js';
import { openStage } from '../approvals/stage-opening.js';

export interface Reconciled {
  readonly plan: Plan;
  readonly events: readonly DomainEvent[];
}

function reopenInvalidatedApprovals(plan: Plan, hash: string): Reconciled {
  const invalidated = plan.stages.filter(
    (s) => s.boundHash !== null && s.boundHash !== hash && s.state !== 'waiting',
  );
  if (invalidated.length === 0) return { plan, events: [] };
  const keys = new Set(invalidated.map((s) => s.key));
  const reopened: Plan = {
    ...plan,
    status: plan.status === 'in-approval' || plan.status === 'awaiting-decision' ? 'drafting' : plan.status,
    stages: plan.stages.map((s) =>
      keys.has(s.key) ? { ...s, state: 'waiting', boundHash: null, boundVersion: null, closedAt: null } : s,
    ),
  };
  return {
    plan: reopened,
    events: [
      {
        type: 'ApprovalsReopened',
        planId: plan.id,
        stageKeys: [...keys],
        previousHash: invalidated[0]!.boundHash!,
        hash,
      },
    ],
  };
}

function advanceDecidedStages(plan: Plan, hash: string, now: IsoDateTime): Reconciled {
  let current = plan;
  const events: DomainEvent[] = [];
  for (;;) {
    const stage = current.stages.find((s) => s.state === 'open' && s.kind !== 'decision');
    if (!stage) break;
    const outcome = tally(stage).outcome;
    if (outcome === 'pending') break;
    const lastAnswer = stage.responses.reduce(
      (latest, r) => (r.round === stage.round && r.at > latest ? r.at : latest),
      '',
    );
    current = replaceStage(current, {
      ...stage,
      state: outcome === 'approved' ? 'approved' : 'changes-requested',
      closedAt: lastAnswer || now,
    });
    if (outcome === 'changes-requested') {
      events.push({
        type: 'StageChangesRequested',
        planId: plan.id,
        stageKey: stage.key,
        round: stage.round,
      });
      current = { ...current, status: 'drafting' };
      break;
    }
    events.push({ type: 'StageApproved', planId: plan.id, stageKey: stage.key, round: stage.round });
    const following = currentStage(current);
    if (!following) {
      current = { ...current, status: 'decided' };
      break;
    }
    const opened = openStage(current, following, { hash, now });
    // If nobody holds the next stage's roles yet, the lead names them and starts it from the tab.
    if (!opened.ok) break;
    current = opened.value.plan;
    events.push(opened.value.event);
  }
  return { plan: current, events };
}

export function reconcile(plan: Plan, now: IsoDateTime): Reconciled {
  const hash = contentHash(plan);
  const reopened = reopenInvalidatedApprovals(plan, hash);
  const advanced = advanceDecidedStages(reopened.plan, hash, now);
  return { plan: advanced.plan, events: [...reopened.events, ...advanced.events] };
}
