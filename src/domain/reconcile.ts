/**
 * Derived transitions, applied after every command and after every load. A SharePoint save spans several
 * items and cannot be atomic, so what follows from durable facts is re-derived rather than trusted:
 * - content whose hash is not the one its version numbers gets the next version, and approvals bound to
 *   any other hash wait for a new round (an approval can never cover content it did not see);
 * - an open stage whose responses meet (or can no longer meet) its rule closes, and the next one opens.
 * Running it twice changes nothing the second time.
 */
import { tally } from './approval-rule.js';
import { contentHash } from './content-hash.js';
import type { DomainEvent } from './events.js';
import type { IsoDateTime, Plan } from './plan.js';
import { currentStage, replaceStage } from './plan-updates.js';
import { openStage } from './stage-opening.js';

export interface Reconciled {
  readonly plan: Plan;
  readonly events: readonly DomainEvent[];
}

function renumberChangedContent(plan: Plan, hash: string): Reconciled {
  if (hash === plan.versionHash) return { plan, events: [] };
  const invalidated = plan.stages.filter(
    (s) => s.boundHash !== null && s.boundHash !== hash && s.state !== 'waiting',
  );
  const keys = new Set(invalidated.map((s) => s.key));
  const renumbered: Plan = {
    ...plan,
    contentVersion: plan.contentVersion + 1,
    versionHash: hash,
    status:
      keys.size > 0 && (plan.status === 'in-approval' || plan.status === 'awaiting-decision')
        ? 'drafting'
        : plan.status,
    stages: plan.stages.map((s) =>
      keys.has(s.key) ? { ...s, state: 'waiting', boundHash: null, boundVersion: null, closedAt: null } : s,
    ),
  };
  const events: DomainEvent[] =
    keys.size === 0
      ? []
      : [
          {
            type: 'ApprovalsReopened',
            planId: plan.id,
            stageKeys: [...keys],
            previousHash: plan.versionHash,
            hash,
          },
        ];
  return { plan: renumbered, events };
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
  const renumbered = renumberChangedContent(plan, hash);
  const advanced = advanceDecidedStages(renumbered.plan, hash, now);
  return { plan: advanced.plan, events: [...renumbered.events, ...advanced.events] };
}
