/**
 * One path for every Action.Execute click: who (from `from.aadObjectId`, which the Agents SDK has
 * authenticated; never card data), the per-person rate limit, the card's data parsed for its verb, the
 * use case, a refusal turned into a card by one table, and any fault caught into a typed card with a
 * correlation id in the log. Handlers hold only what their verb does.
 */
import type {
  AdaptiveCard as CardJson,
  AgentApplication,
  TurnContext,
  TurnState,
} from '@microsoft/agents-hosting';
import { parseActionData, type ParsedPayloads, type Verb } from '../../cards/verbs.js';
import type { PersonId } from '../../domain/plan/plan.js';
import type { Refusal, RefusalCode } from '../../domain/support/result.js';
import type { RateLimiter } from '../../ports/rate-limit.js';
import { isStoreUnavailable } from '../../ports/store-failure.js';
import { faultCard, messageCard } from './bot-cards.js';
import { correlationId, logFault, type FaultLog } from './fault-log.js';

export interface ActionTurn {
  readonly actor: PersonId;
  readonly context: TurnContext;
  /** `automatic`: Teams asking on the person's behalf (a refresh), not a click. */
  readonly trigger: 'manual' | 'automatic';
}

/** A handler's answer: the card that replaces the one clicked, for the person who clicked. */
export type ActionAnswer = { readonly card: CardJson } | { readonly refused: Refusal };

export type ActionHandler<V extends Verb> = (
  turn: ActionTurn,
  data: ParsedPayloads[V],
) => Promise<ActionAnswer>;

export interface PipelineDeps {
  readonly limiter?: RateLimiter;
  readonly log?: FaultLog;
}

/** How each kind of refusal is titled when its verb has no card of its own for it. */
const REFUSAL_TITLES: Readonly<Record<RefusalCode, string>> = {
  NOT_ALLOWED: 'Not allowed',
  STALE_VERSION: 'This card is out of date',
  INVALID_STATE: 'Not possible now',
  VALIDATION: 'Not done',
  NOT_FOUND: 'Not found',
  CONFLICT: 'Someone else changed it first',
  ALREADY_RESPONDED: 'Already answered',
  CHOICE_NEEDED: 'A choice is needed first',
  HEADER_INCOMPLETE: 'The report header is not complete',
  UNPLACED_TEXT: 'Some text has nowhere to go',
};

export const refusalCard = (refusal: Refusal): CardJson =>
  messageCard(REFUSAL_TITLES[refusal.code], `${refusal.message} Nothing was recorded.`, 'attention');

export const answer = (card: CardJson): ActionAnswer => ({ card });
export const refused = (refusal: Refusal): ActionAnswer => ({ refused: refusal });

export class ActionPipeline {
  constructor(
    private readonly agent: AgentApplication<TurnState>,
    private readonly deps: PipelineDeps,
  ) {}

  /** Registers a verb. Automatic refreshes never count against the person's limit. */
  route<V extends Verb>(verb: V, handle: ActionHandler<V>): this {
    this.agent.adaptiveCards.actionExecute(verb, async (context, _state, action) =>
      this.run(verb, handle, context, (action as { data?: unknown }).data),
    );
    return this;
  }

  private async run<V extends Verb>(
    verb: V,
    handle: ActionHandler<V>,
    context: TurnContext,
    data: unknown,
  ): Promise<CardJson> {
    const actor = context.activity.from?.aadObjectId ?? null;
    if (!actor)
      return messageCard(
        'Who are you?',
        'Teams did not say who clicked, so nothing was recorded.',
        'attention',
      );
    const trigger =
      (context.activity.value as { trigger?: string } | undefined)?.trigger === 'automatic'
        ? 'automatic'
        : 'manual';
    if (trigger === 'manual' && this.deps.limiter) {
      const budget = this.deps.limiter.take(actor);
      if (!budget.allowed)
        return messageCard(
          'One moment',
          `That is a lot at once. Nothing was done; try again in ${budget.retryAfterSeconds} seconds.`,
          'attention',
        );
    }
    const parsed = parseActionData(verb, data);
    if (!parsed.ok)
      return messageCard(
        'This card is damaged',
        'Its data could not be read, so nothing was recorded.',
        'attention',
      );
    try {
      const result = await handle({ actor, context, trigger }, parsed.value);
      return 'card' in result ? result.card : refusalCard(result.refused);
    } catch (error) {
      if (isStoreUnavailable(error))
        return messageCard('Try again in a moment', 'SharePoint is busy. Nothing was recorded.', 'attention');
      const id = correlationId();
      logFault(this.deps.log, id, `card action ${verb} from ${actor}`, error);
      return faultCard(id);
    }
  }
}
