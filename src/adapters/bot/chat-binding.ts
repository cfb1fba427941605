/**
 * Which chat a plan's management team works in, chosen from the chat itself: the welcome card when the app
 * is added to a group chat or channel (a button per plan without a chat yet, for its plan lead), the
 * button's `chat.bind`, and the typed command. Only the plan lead may choose (the domain decides); anyone
 * else is told who can. Binding posts the card of a stage already open for the team, once (the
 * ManagementTeamChatChosen notice, under the chat card's idempotency key).
 */
import type { Activity } from '@microsoft/agents-activity';
import type { AdaptiveCard as CardJson } from '@microsoft/agents-hosting';
import { chatBoundCard, notThePlanLeadCard, welcomeCard } from '../../cards/chat-cards.js';
import { plansForChat, plansInvolving } from '../../app/plans/plan-lookup.js';
import { runCommand, type CommandDeps } from '../../app/plans/run-command.js';
import type { PersonId, Plan } from '../../domain/plan/plan.js';
import { conversationKey } from '../../ports/conversations.js';
import { answer, refused, type ActionAnswer, type ActionPipeline } from './action-pipeline.js';
import { asJson, messageCard } from './bot-cards.js';
import type { PeopleNames } from './people-names.js';

export interface ChatBindingDeps {
  readonly commands: CommandDeps;
  readonly names: PeopleNames;
}

/** The shared chat an activity came from, as the plan stores it; null in a 1:1 chat. */
export function sharedChatOf(activity: Activity): string | null {
  const conversation = activity.conversation;
  if (!conversation?.id || conversation.conversationType === 'personal' || !conversation.conversationType)
    return null;
  return conversationKey(conversation.id);
}

const notHere = (): CardJson =>
  messageCard('Not here', 'Do this in the management team’s group chat or channel.', 'attention');

/** Stages of the plan open for the management team now: their cards follow the binding to the chat. */
const openForTeam = (plan: Plan): string[] =>
  plan.stages.filter((s) => s.state === 'open' && s.kind === 'endorsement').map((s) => s.title);

export async function welcomeFor(deps: ChatBindingDeps, chat: string): Promise<CardJson> {
  const { bound, unbound } = await plansForChat(deps.commands.store, chat);
  const leads = await deps.names.names([...new Set(unbound.map((p) => p.leadId))]);
  return asJson(
    welcomeCard({
      boundHere: bound.map((p) => p.title),
      offers: unbound.map((p) => ({
        planId: p.id,
        planTitle: p.title,
        leadName: leads[p.leadId] ?? 'Someone not in the directory',
      })),
    }),
  );
}

async function bind(
  deps: ChatBindingDeps,
  planId: string,
  chat: string,
  actor: PersonId,
): Promise<ActionAnswer> {
  const result = await runCommand(
    deps.commands,
    planId,
    { type: 'setManagementTeamChat', conversationKey: chat },
    { id: actor },
  );
  if (result.ok)
    return answer(asJson(chatBoundCard([result.value.plan.title], openForTeam(result.value.plan))));
  if (result.error.code !== 'NOT_ALLOWED') return refused(result.error);
  const loaded = await deps.commands.store.load(planId);
  if (!loaded.ok) return refused(result.error);
  const plan = loaded.value.plan;
  return answer(asJson(notThePlanLeadCard(plan.title, await deps.names.name(plan.leadId))));
}

export function registerChatBinding(pipeline: ActionPipeline, deps: ChatBindingDeps): void {
  pipeline.route('chat.bind', async ({ actor, context }, data) => {
    const chat = sharedChatOf(context.activity);
    if (chat === null) return answer(notHere());
    return bind(deps, data.planId, chat, actor);
  });
}

/** "use this chat for management team", typed: the plans the person leads that have no chat yet. */
export async function bindByCommand(
  deps: ChatBindingDeps,
  activity: Activity,
  actor: PersonId,
): Promise<CardJson> {
  const chat = sharedChatOf(activity);
  if (chat === null) return notHere();
  const led = (await plansInvolving(deps.commands.store, actor)).filter(
    (p) => p.leadId === actor && p.status !== 'decided' && p.status !== 'published',
  );
  if (led.length === 0) {
    const { unbound } = await plansForChat(deps.commands.store, chat);
    const leads = await deps.names.names([...new Set(unbound.map((p) => p.leadId))]);
    const who = [...new Set(unbound.map((p) => leads[p.leadId] ?? 'the plan lead'))];
    return messageCard(
      'Only a plan lead can choose this chat',
      who.length > 0
        ? `Ask ${who.join(' or ')} to do it. Nothing was changed.`
        : 'You lead no plan that is still being approved. Nothing was changed.',
      'attention',
    );
  }
  // Plans without a chat yet (or already here); only when every one has a chat elsewhere is that moved.
  const waiting = led.filter((p) => p.managementTeamChat === null || p.managementTeamChat === chat);
  const titles: string[] = [];
  const open: string[] = [];
  for (const plan of waiting.length > 0 ? waiting : led) {
    const result = await runCommand(
      deps.commands,
      plan.id,
      { type: 'setManagementTeamChat', conversationKey: chat },
      { id: actor },
    );
    if (!result.ok) return messageCard('Not done', result.error.message, 'attention');
    titles.push(plan.title);
    open.push(...openForTeam(result.value.plan));
  }
  return asJson(chatBoundCard(titles, open));
}
