/**
 * Proactive sends through the Agents SDK: continue the stored conversation and send or update an
 * activity. The SDK's connector client carries the bot's token in tenant mode; locally the Playground's
 * connector accepts anonymous calls.
 */
import { Activity, ActivityTypes, type ConversationReference } from '@microsoft/agents-activity';
import type { CloudAdapter, TurnContext } from '@microsoft/agents-hosting';
import type { StoredConversation } from '../../ports/conversations.js';
import type { MessageSender, OutgoingActivity } from '../../ports/messaging.js';
import { connectorFailure } from './connector-failure.js';

function referenceOf(conversation: StoredConversation): ConversationReference {
  return {
    channelId: 'msteams',
    serviceUrl: conversation.serviceUrl,
    conversation: {
      id: conversation.conversationId,
      conversationType: conversation.kind,
      tenantId: conversation.tenantId,
      isGroup: conversation.kind !== 'personal',
    },
    agent: { id: conversation.botId, name: 'Plan Builder' },
    ...(conversation.userId ? { user: { id: conversation.userId, aadObjectId: conversation.userId } } : {}),
  } as ConversationReference;
}

function activityOf(message: OutgoingActivity): Activity {
  // With a card, the text goes in `summary` (what notifications and screen readers announce): a message
  // carrying both text and a card is shown twice, and some connectors will not return its id for updates.
  return Activity.fromObject(
    message.card
      ? {
          type: ActivityTypes.Message,
          summary: message.text,
          attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: message.card }],
        }
      : { type: ActivityTypes.Message, text: message.text },
  );
}

export class TeamsSender implements MessageSender {
  constructor(
    private readonly adapter: CloudAdapter,
    /** The bot's app id; anonymous local mode uses a fixed placeholder. */
    private readonly botAppId: string,
  ) {}

  async send(
    conversation: StoredConversation,
    message: OutgoingActivity,
  ): Promise<{ activityId: string | null }> {
    let activityId: string | null = null;
    await this.inConversation(conversation, async (context) => {
      const response = await context.sendActivity(activityOf(message));
      activityId = response?.id ?? null;
    });
    return { activityId };
  }

  async update(
    conversation: StoredConversation,
    activityId: string,
    message: OutgoingActivity,
  ): Promise<void> {
    await this.inConversation(conversation, async (context) => {
      const activity = activityOf(message);
      activity.id = activityId;
      await context.updateActivity(activity);
    });
  }

  /**
   * Runs a proactive turn and throws the typed failure of whatever failed in it. The failure is caught
   * inside the turn: left to escape, it would reach the adapter's turn-error handler, and the SDK's default
   * one sends its generic error text into the very conversation that just failed.
   */
  private async inConversation(
    conversation: StoredConversation,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    let failed: { error: unknown } | null = null;
    try {
      await this.adapter.continueConversation(this.botAppId, referenceOf(conversation), async (context) => {
        try {
          await logic(context);
        } catch (error) {
          failed = { error };
        }
      });
    } catch (error) {
      failed ??= { error };
    }
    if (failed !== null) throw connectorFailure((failed as { error: unknown }).error);
  }
}
