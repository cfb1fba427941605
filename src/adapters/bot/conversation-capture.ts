/** A conversation reference from an incoming activity, in the form the ConversationStore keeps. */
import type { Activity } from '@microsoft/agents-activity';
import { conversationKey, personalKey, type StoredConversation } from '../../ports/conversations.js';

export function capturedConversation(activity: Activity, now: string): StoredConversation | null {
  const conversation = activity.conversation;
  const serviceUrl = activity.serviceUrl;
  const botId = activity.recipient?.id;
  if (!conversation?.id || !serviceUrl || !botId) return null;
  const type = conversation.conversationType;
  const tenantId =
    conversation.tenantId ??
    (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ??
    '';
  if (type === 'personal' || type === undefined) {
    const userId = activity.from?.aadObjectId;
    if (!userId) return null;
    return {
      key: personalKey(userId),
      kind: 'personal',
      conversationId: conversation.id,
      serviceUrl,
      tenantId,
      botId,
      userId,
      title: activity.from?.name ?? null,
      updatedAt: now,
    };
  }
  return {
    key: conversationKey(conversation.id),
    kind: type === 'channel' ? 'channel' : 'groupChat',
    conversationId: conversation.id,
    serviceUrl,
    tenantId,
    botId,
    userId: null,
    title: conversation.name ?? null,
    updatedAt: now,
  };
}
