/**
 * What the bot does with a fault no handler answered, in place of the Agents SDK's default (which sends
 * "The agent encountered an error or bug." into the conversation, even a proactive one that failed because
 * the conversation is gone). A click gets the typed fault card as its invoke response, a message gets the
 * same card as a reply; anything else (a proactive turn, an install) is only logged. Every fault is
 * logged with a correlation id, which the card repeats.
 */
import { Activity, ActivityTypes } from '@microsoft/agents-activity';
import {
  CardFactory,
  INVOKE_RESPONSE_KEY,
  MessageFactory,
  type CloudAdapter,
  type TurnContext,
} from '@microsoft/agents-hosting';
import { faultCard } from './bot-cards.js';
import { correlationId, logFault, type FaultLog } from './fault-log.js';

async function answerWithFaultCard(
  context: TurnContext,
  id: string,
  log: FaultLog | undefined,
): Promise<void> {
  const activity = context.activity;
  try {
    if (activity.type === ActivityTypes.Invoke) {
      if (context.turnState.get(INVOKE_RESPONSE_KEY)) return;
      await context.sendActivity(
        Activity.fromObject({
          type: ActivityTypes.InvokeResponse,
          value: {
            status: 200,
            body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: faultCard(id) },
          },
        }),
      );
      return;
    }
    if (activity.type === ActivityTypes.Message) {
      await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(faultCard(id))));
    }
  } catch (error) {
    logFault(log, id, 'answering the fault', error);
  }
}

export function handleTurnErrors(adapter: CloudAdapter, log?: FaultLog): void {
  adapter.onTurnError = async (context, error) => {
    const id = correlationId();
    const activity = context.activity;
    logFault(log, id, `${activity.type}${activity.name ? ` ${activity.name}` : ''} turn`, error);
    await answerWithFaultCard(context, id, log);
  };
}
