/**
 * The bot's routes, kept thin: who is acting comes from the activity (`from.aadObjectId`, which the
 * Agents SDK has authenticated), never from card data. Every card button goes through one pipeline
 * (action-pipeline.ts); messages go to the chat commands; the app being added to a chat is greeted.
 */
import {
  AgentApplication,
  CardFactory,
  MemoryStorage,
  MessageFactory,
  type TurnState,
} from '@microsoft/agents-hosting';
import type { AdaptiveCard as CardJson } from '@microsoft/agents-hosting';
import { completeSectionAsNone } from '../../app/plans/complete-as-none.js';
import { outstandingAuthors } from '../../domain/sections/contribution.js';
import { runCommand, type CommandDeps } from '../../app/plans/run-command.js';
import type { ConversationStore, StoredConversation } from '../../ports/conversations.js';
import type { PersonId } from '../../domain/plan/plan.js';
import type { RateLimiter } from '../../ports/rate-limit.js';
import { ActionPipeline, answer } from './action-pipeline.js';
import { registerApprovalActions } from './approval-actions.js';
import { messageCard } from './bot-cards.js';
import { registerChatBinding, sharedChatOf, welcomeFor } from './chat-binding.js';
import { answerMessage, registerPlanStatus } from './chat-commands.js';
import { capturedConversation } from './conversation-capture.js';
import type { FaultLog } from './fault-log.js';
import { registerKpiCheckins, type KpiBotDeps } from './kpi-checkins.js';
import type { TabLinks } from './links.js';
import { refuseUnknownInvokes } from './unknown-invoke.js';
import type { CardComposer } from './notification-composer.js';
import type { PeopleNames } from './people-names.js';

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
  /** Where faults go, each with its correlation id; the console by default. */
  readonly log?: FaultLog;
  /** A person the bot could not reach (or had no chat with) has a chat with it now: what they missed. */
  readonly reachable?: (personId: PersonId) => Promise<unknown>;
}

/** The conversation was not known, or was marked unreachable: Teams shows it is there now. */
const becameReachable = (before: StoredConversation | null): boolean =>
  before === null || (before.unreachable ?? null) !== null;

export function createAgent(deps: BotDeps): AgentApplication<TurnState> {
  const agent = new AgentApplication<TurnState>({ storage: new MemoryStorage() });
  const now = (): string => deps.commands.clock.now();
  const pipeline = new ActionPipeline(agent, {
    limiter: deps.limiter,
    ...(deps.log ? { log: deps.log } : {}),
  });

  agent.onTurn('beforeTurn', async (context) => {
    // Messages and installs tell us where people are; card clicks come from conversations we know.
    if (context.activity.type !== 'message' && context.activity.type !== 'conversationUpdate') return true;
    const captured = capturedConversation(context.activity, now());
    if (!captured) return true;
    let before: StoredConversation | null;
    try {
      before = await deps.conversations.save(captured);
    } catch (error) {
      console.warn(
        'Could not record the conversation reference:',
        error instanceof Error ? error.message : error,
      );
      return true;
    }
    if (captured.userId !== null && deps.reachable && becameReachable(before)) {
      // What they missed goes back in the outbox; the worker sends it. A failure here only waits for
      // their next activity from a chat the bot did not know.
      await deps.reachable(captured.userId).catch((error: unknown) => {
        console.warn('Could not queue the cards missed:', error instanceof Error ? error.message : error);
      });
    }
    return true;
  });

  agent.onConversationUpdate('membersAdded', async (context) => {
    const botAdded = (context.activity.membersAdded ?? []).some(
      (m) => m.id === context.activity.recipient?.id,
    );
    if (!botAdded) return;
    const chat = sharedChatOf(context.activity);
    if (chat === null) {
      await context.sendActivity('Plan Builder is here. Type "help" to see what I can do.');
      return;
    }
    const welcome = await welcomeFor(deps, chat);
    await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(welcome)));
  });

  agent.onMessage(/.*/, async (context) => {
    const reply = async (value: CardJson): Promise<void> => {
      await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(value)));
    };
    const actor = context.activity.from?.aadObjectId ?? null;
    if (!actor)
      return reply(
        messageCard(
          'Who are you?',
          'Teams did not say who sent this, so I cannot look up your plans.',
          'attention',
        ),
      );
    const budget = deps.limiter.take(actor);
    if (!budget.allowed)
      return reply(
        messageCard(
          'One moment',
          `That is a lot at once. Nothing was done; try again in ${budget.retryAfterSeconds} seconds.`,
          'attention',
        ),
      );
    return reply(await answerMessage(deps, context.activity, actor, now()));
  });

  registerApprovalActions(pipeline, deps);
  registerChatBinding(pipeline, deps);
  registerPlanStatus(pipeline, deps);

  pipeline.route('section.submit', async ({ actor }, data) => {
    const result = await runCommand(
      deps.commands,
      data.planId,
      { type: 'submitSection', sectionKey: data.sectionKey },
      { id: actor },
    );
    if (!result.ok) return answer(messageCard('Not submitted', result.error.message, 'attention'));
    const section = result.value.plan.sections.find((s) => s.definition.key === data.sectionKey);
    const title = section?.definition.title ?? data.sectionKey;
    // A joint author's click is their agreement; the section goes to the plan lead when the last agrees.
    const waiting = section ? outstandingAuthors(section) : [];
    if (section && section.status !== 'submitted' && waiting.length > 0) {
      const names = await Promise.all(waiting.map((id) => deps.names.name(id)));
      return answer(
        messageCard(
          'Agreed',
          `Your agreement to "${title}" is recorded. It goes to the plan lead when ${names.join(', ')} ${waiting.length === 1 ? 'agrees' : 'agree'} too.`,
          'good',
        ),
      );
    }
    return answer(messageCard('Submitted', `"${title}" is with the plan lead for review.`, 'good'));
  });

  pipeline.route('section.none', async ({ actor }, data) => {
    const result = await completeSectionAsNone(deps.commands, data, { id: actor });
    if (!result.ok) return answer(messageCard('Not completed', result.error.message, 'attention'));
    return answer(
      messageCard(
        'Completed as none',
        `"${result.value.title}" now reads “${result.value.wording}” and is ${result.value.submitted ? 'with the plan lead for review' : 'waiting for its other authors to agree'}.`,
        'good',
      ),
    );
  });

  if (deps.kpis) registerKpiCheckins(pipeline, deps.kpis);
  // Last, after every other invoke route: what none of them takes gets a typed refusal.
  refuseUnknownInvokes(agent);
  return agent;
}
