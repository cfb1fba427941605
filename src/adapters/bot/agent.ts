/**
 * The bot's routes, kept thin: who is acting comes from the activity (`from.aadObjectId`, which the
 * Agents SDK has authenticated), never from card data; each action re-reads the plan through the use
 * cases and answers with a card of the state as it is now.
 */
import type { Activity } from '@microsoft/agents-activity';
import {
  AgentApplication,
  CardFactory,
  MemoryStorage,
  MessageFactory,
  type TurnContext,
  type TurnState,
} from '@microsoft/agents-hosting';
import type { AdaptiveCard as CardJson } from '@microsoft/agents-hosting';
import { staleApprovalCard } from '../../cards/approval-card.js';
import { mySectionsViewFromPlans, statusViewFromPlan } from '../../cards/plan-view-models.js';
import { helpCard, mySectionsCard, statusCard } from '../../cards/status-cards.js';
import { parseAction, type ParsedPayloads, type Verb } from '../../cards/verbs.js';
import type { AdaptiveCard } from '../../cards/elements.js';
import { card, heading, text } from '../../cards/elements.js';
import { userText } from '../../cards/escape.js';
import { completeSectionAsNone } from '../../app/plans/complete-as-none.js';
import { outstandingAuthors } from '../../domain/sections/contribution.js';
import { runCommand, type CommandDeps } from '../../app/plans/run-command.js';
import type { Command } from '../../domain/plan/commands.js';
import type { PersonId, Plan } from '../../domain/plan/plan.js';
import { canEditSection, findStage } from '../../domain/plan/plan.js';
import type { Refusal } from '../../domain/support/result.js';
import { conversationKey, type ConversationStore } from '../../ports/conversations.js';
import type { RateLimiter } from '../../ports/rate-limit.js';
import { GraphStoreError } from '../sharepoint/store-errors.js';
import { capturedConversation } from './conversation-capture.js';
import { registerKpiCheckins, type KpiBotDeps } from './kpi-checkins.js';
import type { TabLinks } from './links.js';
import { refuseUnknownInvokes } from './unknown-invoke.js';
import type { CardComposer } from './notification-composer.js';
import type { PeopleNames } from './people-names.js';
import { approvalViewFor, namesFor } from './card-context.js';

export interface BotDeps {
  /** KPI check-ins from cards, once a plan is published. */
  readonly kpis?: KpiBotDeps;
  /** Per person: how many messages and card actions the bot takes from one person in a short time. */
  readonly limiter: RateLimiter;
  readonly commands: CommandDeps;
  readonly conversations: ConversationStore;
  readonly composer: CardComposer;
  readonly names: PeopleNames;
  readonly links: TabLinks;
}

const asJson = (value: AdaptiveCard): CardJson => value as unknown as CardJson;

function messageCard(
  title: string,
  body: string,
  tone: 'good' | 'attention' | 'default' = 'default',
): CardJson {
  return asJson(card([heading(userText(title, 200)), text(userText(body, 2000), { color: tone })]));
}

const actorOf = (context: TurnContext): PersonId | null => context.activity.from?.aadObjectId ?? null;

const slowDown = (seconds: number): CardJson =>
  messageCard(
    'One moment',
    `That is a lot at once. Nothing was done; try again in ${seconds} seconds.`,
    'attention',
  );

/** Text typed to the bot, without the @mention of the bot itself. */
function typed(activity: Activity): string {
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

async function plansFor(deps: BotDeps, personId: PersonId): Promise<Plan[]> {
  const plans: Plan[] = [];
  for (const summary of await deps.commands.store.list()) {
    const loaded = await deps.commands.store.load(summary.id);
    if (!loaded.ok) continue;
    const plan = loaded.value.plan;
    const involved =
      plan.leadId === personId ||
      plan.sections.some((s) => canEditSection(s, personId)) ||
      Object.values(plan.roles).some((ids) => ids.includes(personId));
    if (involved) plans.push(plan);
  }
  return plans.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export function createAgent(deps: BotDeps): AgentApplication<TurnState> {
  const agent = new AgentApplication<TurnState>({ storage: new MemoryStorage() });
  const now = (): string => deps.commands.clock.now();

  agent.onTurn('beforeTurn', async (context) => {
    // Messages and installs tell us where people are; card clicks come from conversations we know.
    if (context.activity.type !== 'message' && context.activity.type !== 'conversationUpdate') return true;
    const captured = capturedConversation(context.activity, now());
    if (captured) {
      try {
        await deps.conversations.save(captured);
      } catch (error) {
        console.warn(
          'Could not record the conversation reference:',
          error instanceof Error ? error.message : error,
        );
      }
    }
    return true;
  });

  agent.onConversationUpdate('membersAdded', async (context) => {
    const botAdded = (context.activity.membersAdded ?? []).some(
      (m) => m.id === context.activity.recipient?.id,
    );
    if (botAdded) await context.sendActivity('Plan Builder is here. Type "help" to see what I can do.');
  });

  agent.onMessage(/.*/, async (context) => {
    const actor = actorOf(context);
    const said = typed(context.activity);
    const command = said.toLowerCase();
    const reply = async (value: CardJson): Promise<void> => {
      await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(value)));
    };
    if (!actor)
      return reply(
        messageCard(
          'Who are you?',
          'Teams did not say who sent this, so I cannot look up your plans.',
          'attention',
        ),
      );
    const budget = deps.limiter.take(actor);
    if (!budget.allowed) return reply(slowDown(budget.retryAfterSeconds));
    if (command === 'help' || command === '') return reply(asJson(helpCard()));
    if (command === 'status') {
      const [plan] = await plansFor(deps, actor);
      if (!plan) return reply(messageCard('No plans', 'You are not part of any plan yet.'));
      const nameOf = await namesFor(plan, deps.names);
      return reply(
        asJson(statusCard(statusViewFromPlan(plan, { nameOf, planUrl: deps.links.plan(plan.id) }))),
      );
    }
    if (command === 'my sections') {
      const plans = await plansFor(deps, actor);
      const view = mySectionsViewFromPlans(plans, actor, {
        today: now().slice(0, 10),
        sectionUrl: (plan, key) => deps.links.section(plan.id, key),
      });
      return reply(asJson(mySectionsCard(view)));
    }
    if (/^use this (chat|channel) for (the )?management team$/.test(command)) {
      const conversation = context.activity.conversation;
      if (!conversation?.id || conversation.conversationType === 'personal') {
        return reply(
          messageCard('Not here', 'Say this in the management team’s group chat or channel.', 'attention'),
        );
      }
      const led = (await plansFor(deps, actor)).filter((p) => p.leadId === actor && p.status !== 'published');
      if (led.length === 0)
        return reply(
          messageCard('Not allowed', 'Only a plan lead can choose the management team’s chat.', 'attention'),
        );
      for (const plan of led) {
        const result = await runCommand(
          deps.commands,
          plan.id,
          { type: 'setManagementTeamChat', conversationKey: conversationKey(conversation.id) },
          { id: actor },
        );
        if (!result.ok) return reply(messageCard('Not done', result.error.message, 'attention'));
      }
      return reply(
        messageCard(
          'Done',
          `Management team endorsements for ${led.map((p) => p.title).join(', ')} will be posted here.`,
          'good',
        ),
      );
    }
    return reply(asJson(helpCard(said)));
  });

  const execute = <V extends Verb>(
    verb: V,
    handle: (context: TurnContext, actor: PersonId, data: ParsedPayloads[V]) => Promise<CardJson>,
  ) => {
    agent.adaptiveCards.actionExecute(verb, async (context, _state, action) => {
      const actor = actorOf(context);
      if (!actor)
        return messageCard(
          'Who are you?',
          'Teams did not say who clicked, so nothing was recorded.',
          'attention',
        );
      // Refreshes are Teams asking on the person's behalf, not the person; they do not count.
      if (verb !== 'approval.refresh') {
        const budget = deps.limiter.take(actor);
        if (!budget.allowed) return slowDown(budget.retryAfterSeconds);
      }
      const parsed = parseAction(verb, (action as { data?: unknown }).data);
      if (!parsed.ok)
        return messageCard(
          'This card is damaged',
          'Its data could not be read, so nothing was recorded.',
          'attention',
        );
      try {
        return await handle(context, actor, parsed.value.data as ParsedPayloads[V]);
      } catch (error) {
        if (error instanceof GraphStoreError && error.code === 'GRAPH_UNAVAILABLE') {
          return messageCard(
            'Try again in a moment',
            'SharePoint is busy. Nothing was recorded.',
            'attention',
          );
        }
        throw error;
      }
    });
  };

  /** The approval card for this viewer as things stand, with a notice about what just happened. */
  const currentApproval = async (
    planId: string,
    stageKey: string,
    viewer: PersonId,
    notice: { tone: 'info' | 'good' | 'warning'; text: string } | null,
    known: Plan | null = null,
  ): Promise<CardJson> => {
    let plan = known;
    if (!plan) {
      const loaded = await deps.commands.store.load(planId);
      if (!loaded.ok) return messageCard('Plan not found', loaded.error.message, 'attention');
      plan = loaded.value.plan;
    }
    const activity = deps.composer.approvalActivity(
      plan,
      stageKey,
      viewer,
      await namesFor(plan, deps.names),
      notice,
    );
    return activity?.card
      ? (activity.card as unknown as CardJson)
      : messageCard('Nothing to approve', 'This stage is not open.', 'default');
  };

  execute('approval.refresh', async (_context, actor, data) =>
    currentApproval(data.planId, data.stageKey, actor, null),
  );

  execute('approval.respond', async (_context, actor, data) => {
    const loaded = await deps.commands.store.load(data.planId);
    if (!loaded.ok) return messageCard('Plan not found', loaded.error.message, 'attention');
    const stage = findStage(loaded.value.plan, data.stageKey);
    if (stage && stage.round !== data.round) {
      const plan = loaded.value.plan;
      const view = approvalViewFor(plan, stage, {
        nameOf: await namesFor(plan, deps.names),
        links: deps.links,
        viewerId: actor,
      });
      if (view) return asJson(staleApprovalCard({ round: data.round, versionHash: data.versionHash }, view));
    }
    const command: Command = {
      type: 'respond',
      stageKey: data.stageKey,
      decision: data.decision,
      comment: data.comment,
      versionHash: data.versionHash,
      ...(data.onBehalfOf ? { onBehalfOf: data.onBehalfOf } : {}),
    };
    const result = await runCommand(deps.commands, data.planId, command, { id: actor });
    if (!result.ok) return refusalCard(result.error, data, actor);
    const notice = !result.value.changed
      ? { tone: 'info' as const, text: 'Your answer was already recorded; nothing changed.' }
      : {
          tone: 'good' as const,
          text:
            data.decision === 'approve'
              ? 'Your approval is recorded.'
              : 'Your request for changes is recorded.',
        };
    // The use case returns the plan as it stored it, settled: no need to read it again.
    return currentApproval(data.planId, data.stageKey, actor, notice, result.value.plan);
  });

  const refusalCard = async (
    error: Refusal,
    data: ParsedPayloads['approval.respond'],
    actor: PersonId,
  ): Promise<CardJson> => {
    if (error.code === 'STALE_VERSION') {
      const loaded = await deps.commands.store.load(data.planId);
      if (loaded.ok) {
        const plan = loaded.value.plan;
        const stage = findStage(plan, data.stageKey);
        const view = stage
          ? approvalViewFor(plan, stage, {
              nameOf: await namesFor(plan, deps.names),
              links: deps.links,
              viewerId: actor,
            })
          : null;
        if (view)
          return asJson(staleApprovalCard({ round: data.round, versionHash: data.versionHash }, view));
      }
    }
    return currentApproval(data.planId, data.stageKey, actor, { tone: 'warning', text: error.message });
  };

  execute('approval.delegate', async (_context, actor, data) => {
    const result = await runCommand(
      deps.commands,
      data.planId,
      { type: 'delegate', stageKey: data.stageKey, approverId: actor, deputyId: data.deputyId },
      { id: actor },
    );
    const notice = result.ok
      ? { tone: 'good' as const, text: `${await deps.names.name(data.deputyId)} can now answer for you.` }
      : { tone: 'warning' as const, text: result.error.message };
    return currentApproval(data.planId, data.stageKey, actor, notice);
  });

  execute('section.submit', async (_context, actor, data) => {
    const result = await runCommand(
      deps.commands,
      data.planId,
      { type: 'submitSection', sectionKey: data.sectionKey },
      { id: actor },
    );
    if (!result.ok) return messageCard('Not submitted', result.error.message, 'attention');
    const section = result.value.plan.sections.find((s) => s.definition.key === data.sectionKey);
    const title = section?.definition.title ?? data.sectionKey;
    // A joint author's click is their agreement; the section goes to the plan lead when the last agrees.
    const waiting = section ? outstandingAuthors(section) : [];
    if (section && section.status !== 'submitted' && waiting.length > 0) {
      const names = await Promise.all(waiting.map((id) => deps.names.name(id)));
      return messageCard(
        'Agreed',
        `Your agreement to "${title}" is recorded. It goes to the plan lead when ${names.join(', ')} ${waiting.length === 1 ? 'agrees' : 'agree'} too.`,
        'good',
      );
    }
    return messageCard('Submitted', `"${title}" is with the plan lead for review.`, 'good');
  });

  execute('section.none', async (_context, actor, data) => {
    const result = await completeSectionAsNone(deps.commands, data, { id: actor });
    if (!result.ok) return messageCard('Not completed', result.error.message, 'attention');
    return messageCard(
      'Completed as none',
      `"${result.value.title}" now reads “${result.value.wording}” and is ${result.value.submitted ? 'with the plan lead for review' : 'waiting for its other authors to agree'}.`,
      'good',
    );
  });

  if (deps.kpis) registerKpiCheckins(agent, deps.kpis);
  // Last, after every other invoke route: what none of them takes gets a typed refusal.
  refuseUnknownInvokes(agent);
  return agent;
}
