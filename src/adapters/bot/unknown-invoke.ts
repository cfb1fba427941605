/**
 * An invoke the bot has no route for (a card action whose verb it does not know: an old card, a forged
 * one; or another invoke name, such as task/fetch) is answered with a typed refusal card saying nothing
 * was done, rather than the SDK's bare 501. One catch-all route, ranked after every other invoke route.
 */
import { Activity, ActivityTypes } from '@microsoft/agents-activity';
import {
  RouteRank,
  type AgentApplication,
  type TurnContext,
  type TurnState,
} from '@microsoft/agents-hosting';
import type { AdaptiveCard as CardJson } from '@microsoft/agents-hosting';
import { card, heading, text } from '../../cards/elements.js';
import { userText } from '../../cards/escape.js';

const CARD_ACTION = 'adaptiveCard/action';
const ADAPTIVE_CARD_RESPONSE = 'application/vnd.microsoft.card.adaptive';

function refusalCard(what: string): CardJson {
  return card([
    heading('Not something Plan Builder can do'),
    text(userText(`${what} is not an action Plan Builder knows. Nothing was done.`, 400), {
      color: 'attention',
    }),
  ]) as unknown as CardJson;
}

function described(activity: Activity): string {
  if (activity.name !== CARD_ACTION) return `This request (${activity.name ?? 'unnamed'})`;
  const verb = (activity.value as { action?: { verb?: unknown } } | undefined)?.action?.verb;
  return typeof verb === 'string' && verb !== '' ? `This button ("${verb}")` : 'This button';
}

export function refuseUnknownInvokes(agent: AgentApplication<TurnState>): void {
  agent.addRoute(
    async (context: TurnContext) => context.activity.type === ActivityTypes.Invoke,
    async (context: TurnContext) => {
      const body = {
        statusCode: 200,
        type: ADAPTIVE_CARD_RESPONSE,
        value: refusalCard(described(context.activity)),
      };
      await context.sendActivity(
        Activity.fromObject({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } }),
      );
    },
    true,
    RouteRank.Last,
  );
}
