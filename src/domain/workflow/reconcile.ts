/**
 * Derived transitions, applied after every command and after every load. A SharePoint save spans several
 * items and cannot be atomic, so what follows from durable facts is re-derived rather than trusted:
 * - a stage whose rule binds it to content that has changed waits for a new round (an approval can never
 *   cover content its rule binds it to that its approver did not see);
 * - an open stage whose responses meet (or can no longer meet) its rule closes, and the next one opens.
 * Running it twice changes nothing the second time.
 */
import { tally } from '../approvals/rule.js';
import { currentContent, ruleTouched, type CurrentContent } from '../approvals/reopen-rule.js';
import type { DomainEvent } from '../plan/events.js';
import type { IsoDateTime, Plan } from '../plan/plan.js';
import { currentStage, replaceStage } from '../plan/updates.js';
import { openStage } from '../approvals/stage-opening.js';

export interface Reconciled {
  readonly plan: Plan;
  readonly events: readonly DomainEvent[];
}

/**
 * Re-opens exactly the stages whose rule says the content they are bound to has changed. Stages bound by
 * other rules keep their version (and an open one stays open: its approvers answer for what they see).
 */
function reopenInvalidatedApprovals(plan: Plan, now: CurrentContent): Reconciled {
  const invalidated = plan.stages.filter((s) => ruleTouched(s, now));
  if (invalidated.length === 0) return { plan, events: [] };
  const keys = new Set(invalidated.map((s) => s.key));
  const stages = plan.stages.map((s) =>
    keys.has(s.key)
      ? {
          ...s,
          state: 'waiting' as const,
          boundHash: null,
          boundVersion: null,
          boundSections: null,
          closedAt: null,
        }
      : s,
  );
  const stillOpen = stages.some((s) => s.state === 'open');
  const reopened: Plan = {
    ...plan,
    status:
      !stillOpen && (plan.status === 'in-approval' || plan.status === 'awaiting-decision')
        ? 'drafting'
        : plan.status,
    stages,
  };
  return {
    plan: reopened,
    events: [
      {
        type: 'ApprovalsReopened',
        planId: plan.id,
        stageKeys: [...keys],
        previousHash: invalidated[0]!.boundHash!,
        hash: now.hash,
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
  const content = currentContent(plan);
  const reopened = reopenInvalidatedApprovals(plan, content);
  const advanced = advanceDecidedStages(reopened.plan, content.hash, now);
  return { plan: advanced.plan, events: [...reopened.events, ...advanced.events] };
}
