/**
 * Finding plans for the bot's chat commands: the plans a person takes part in, and the plans a shared
 * chat works for (or could: those whose management team has no chat yet).
 */
import type { PersonId, Plan } from '../../domain/plan/plan.js';
import { canEditSection } from '../../domain/plan/plan.js';
import type { PlanStore } from '../../ports/plan-store.js';

async function allPlans(store: PlanStore): Promise<Plan[]> {
  const plans: Plan[] = [];
  for (const summary of await store.list()) {
    const loaded = await store.load(summary.id);
    if (loaded.ok) plans.push(loaded.value.plan);
  }
  return plans.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

const involves = (plan: Plan, personId: PersonId): boolean =>
  plan.leadId === personId ||
  plan.sections.some((s) => canEditSection(s, personId)) ||
  Object.values(plan.roles).some((ids) => ids.includes(personId));

/** The plans a person leads, writes for or holds a role in, newest first. */
export async function plansInvolving(store: PlanStore, personId: PersonId): Promise<Plan[]> {
  return (await allPlans(store)).filter((plan) => involves(plan, personId));
}

/** A plan still being approved: its management team may yet need a chat. */
const stillApproving = (plan: Plan): boolean => plan.status !== 'decided' && plan.status !== 'published';

export interface ChatPlans {
  /** Plans whose management team works in this chat. */
  readonly bound: readonly Plan[];
  /** Plans still being approved whose management team has no chat yet. */
  readonly unbound: readonly Plan[];
}

export async function plansForChat(store: PlanStore, conversationKey: string): Promise<ChatPlans> {
  const plans = await allPlans(store);
  return {
    bound: plans.filter((p) => p.managementTeamChat === conversationKey),
    unbound: plans.filter((p) => p.managementTeamChat === null && stillApproving(p)),
  };
}
