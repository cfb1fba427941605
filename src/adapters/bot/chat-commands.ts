/**
 * What people type to the bot: help, status, my sections, and choosing the management team's chat. In a
 * group chat or channel the bot hears only messages that mention it; the mention is taken out first.
 */
import type { Activity } from '@microsoft/agents-activity';
import type { AdaptiveCard as CardJson } from '@microsoft/agents-hosting';
import { mySectionsViewFromPlans, statusViewFromPlan } from '../../cards/plan-view-models.js';
import { helpCard, mySectionsCard, planChoiceCard, statusCard } from '../../cards/status-cards.js';
import { plansForChat, plansInvolving } from '../../app/plans/plan-lookup.js';
import type { PersonId, Plan } from '../../domain/plan/plan.js';
import { canEditSection } from '../../domain/plan/plan.js';
import { answer, refused, type ActionPipeline } from './action-pipeline.js';
import { asJson, messageCard } from './bot-cards.js';
import { namesFor } from './card-context.js';
import { bindByCommand, sharedChatOf, type ChatBindingDeps } from './chat-binding.js';
import type { TabLinks } from './links.js';

export interface ChatCommandDeps extends ChatBindingDeps {
  readonly links: TabLinks;
}

/** Text typed to the bot, without the @mention of the bot itself. */
export function typed(activity: Activity): string {
  let value = activity.text ?? '';
  for (const entity of activity.entities ?? []) {
    const mentioned = (entity as { type?: string; text?: string }).text;
    if ((entity as { type?: string }).type === 'mention' && mentioned) value = value.replace(mentioned, ' ');
  }
  return value
    .replace(/<at>[^<]*<\/at>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const BIND = /^use this (chat|channel) for (the )?management team$/;

async function statusOf(deps: ChatCommandDeps, plan: Plan): Promise<CardJson> {
  const nameOf = await namesFor(plan, deps.names);
  return asJson(statusCard(statusViewFromPlan(plan, { nameOf, planUrl: deps.links.plan(plan.id) })));
}

/** In a management team's chat, that team's plan; elsewhere the person's plans (a choice if several). */
async function status(deps: ChatCommandDeps, activity: Activity, actor: PersonId): Promise<CardJson> {
  const chat = sharedChatOf(activity);
  if (chat !== null) {
    const { bound } = await plansForChat(deps.commands.store, chat);
    if (bound.length === 1) return statusOf(deps, bound[0]!);
    if (bound.length > 1)
      return asJson(
        planChoiceCard(bound.map((p) => ({ planId: p.id, planTitle: p.title, planStatus: p.status }))),
      );
  }
  const plans = await plansInvolving(deps.commands.store, actor);
  if (plans.length === 0) return messageCard('No plans', 'You are not part of any plan yet.');
  if (plans.length === 1) return statusOf(deps, plans[0]!);
  return asJson(
    planChoiceCard(plans.map((p) => ({ planId: p.id, planTitle: p.title, planStatus: p.status }))),
  );
}

/** The answer to a message; `now` for due dates. */
export async function answerMessage(
  deps: ChatCommandDeps,
  activity: Activity,
  actor: PersonId,
  now: string,
): Promise<CardJson> {
  const said = typed(activity);
  const command = said.toLowerCase();
  if (command === 'help' || command === '') return asJson(helpCard());
  if (command === 'status') return status(deps, activity, actor);
  if (command === 'my sections') {
    const plans = await plansInvolving(deps.commands.store, actor);
    const view = mySectionsViewFromPlans(plans, actor, {
      today: now.slice(0, 10),
      sectionUrl: (plan, key) => deps.links.section(plan.id, key),
    });
    return asJson(mySectionsCard(view));
  }
  if (BIND.test(command)) return bindByCommand(deps, activity, actor);
  return asJson(helpCard(said));
}

const mayRead = (plan: Plan, personId: PersonId, chat: string | null): boolean =>
  plan.managementTeamChat === chat ||
  plan.leadId === personId ||
  plan.sections.some((s) => canEditSection(s, personId)) ||
  Object.values(plan.roles).some((ids) => ids.includes(personId));

export function registerPlanStatus(pipeline: ActionPipeline, deps: ChatCommandDeps): void {
  pipeline.route('plan.status', async ({ actor, context }, data) => {
    const loaded = await deps.commands.store.load(data.planId);
    if (!loaded.ok) return refused(loaded.error);
    const plan = loaded.value.plan;
    if (!mayRead(plan, actor, sharedChatOf(context.activity)))
      return refused({ code: 'NOT_ALLOWED', message: 'You are not part of this plan.' });
    return answer(await statusOf(deps, plan));
  });
}
