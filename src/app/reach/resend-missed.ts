/**
 * A person the bot could not reach becomes reachable (they opened a chat with Plan Builder, installed it,
 * or their client showed the chat): the approval cards they missed are sent again, once each, while the
 * round they were for is still open and waits for them. Each goes back into the outbox under its own key
 * (If-Match), so two instances seeing the same activity, or a second activity, can never send it twice;
 * a card for a round that has closed or moved on stays as it was, listed as missed.
 */
import type { PersonId, Plan } from '../../domain/plan/plan.js';
import { findStage } from '../../domain/plan/plan.js';
import { tally } from '../../domain/approvals/rule.js';
import type { Clock } from '../../ports/clock.js';
import type { Outbox, OutboxEntry } from '../../ports/outbox.js';
import type { PlanStore } from '../../ports/plan-store.js';

export interface ResendDeps {
  readonly outbox: Outbox;
  readonly plans: PlanStore;
  readonly clock: Clock;
}

/**
 * The approval card keys (src/adapters/bot/notifications/approval-notices.ts):
 * `approval/<plan>/<stage>/<round>/<approver>` and `delegated/<plan>/<stage>/<round>/<approver>/<deputy>`.
 */
const CARD_KEY = /^(?:approval|delegated)\/[^/]+\/([^/]+)\/(\d+)\/([^/]+)(?:\/[^/]+)?$/;

/** The card still asks something of the person: its round is open and the approver it is for has not answered. */
function stillAsked(plan: Plan, entry: OutboxEntry): boolean {
  const match = CARD_KEY.exec(entry.key);
  if (!match) return false;
  const [, stageKey, round, approverId] = match;
  const stage = findStage(plan, stageKey!);
  return (
    stage !== undefined &&
    stage.state === 'open' &&
    stage.round === Number(round) &&
    tally(stage).waiting.includes(approverId!)
  );
}

/** Returns the keys put back in the queue. */
export async function resendMissed(deps: ResendDeps, personId: PersonId): Promise<string[]> {
  const missed = await deps.outbox.missedBy(personId);
  const plans = new Map<string, Plan | null>();
  const planOf = async (planId: string): Promise<Plan | null> => {
    if (!plans.has(planId)) {
      const loaded = await deps.plans.load(planId);
      plans.set(planId, loaded.ok ? loaded.value.plan : null);
    }
    return plans.get(planId) ?? null;
  };
  const resent: string[] = [];
  for (const entry of missed) {
    const plan = await planOf(entry.planId);
    if (!plan || !stillAsked(plan, entry)) continue;
    if (await deps.outbox.resend(entry, deps.clock.now())) resent.push(entry.key);
  }
  return resent;
}
