/**
 * Proactive sends through the Agents SDK: continue the stored conversation and send or update an
 * activity. The SDK's connector client carries the bot's token in tenant mode; locally the Playground's
 * connector accepts anonymous calls.
 */
import { Activity, ActivityTypes, type ConversationReference } from '@microsoft/agents-activity';
import type { CloudAdapter } from '@microsoft/agents-hosting';
import type { StoredConversation } from '../../ports/conversations.js';
import { SendFailure, type MessageSender, type OutgoingActivity } from '../../ports/messaging.js';

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

/** Connector status codes worth retrying: throttling and server faults. */
function failure(error: unknown): SendFailure {
  const status =
    (error as { statusCode?: number; status?: number } | null)?.statusCode ??
    (error as { status?: number } | null)?.status;
  const message = error instanceof Error ? error.message : String(error);
  const retryable = status === undefined || status === 429 || status >= 500;
  return new SendFailure(
    `Teams did not take the message${status ? ` (${status})` : ''}: ${message}`,
    retryable,
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
    try {
      await this.adapter.continueConversation(this.botAppId, referenceOf(conversation), async (context) => {
        const response = await context.sendActivity(activityOf(message));
        activityId = response?.id ?? null;
      });
    } catch (error) {
      throw failure(error);
    }
    return { activityId };
  }

  async update(
    conversation: StoredConversation,
    activityId: string,
    message: OutgoingActivity,
  ): Promise<void> {
    try {
      await this.adapter.continueConversation(this.botAppId, referenceOf(conversation), async (context) => {
        const activity = activityOf(message);
        activity.id = activityId;
        await context.updateActivity(activity);
      });
    } catch (error) {
      throw failure(error);
    }
  }
}
