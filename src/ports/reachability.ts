/**
 * Why a person or a chat cannot be reached; stable codes, worded once (src/app/notifications/cannot-reach.ts).
 * - `not-installed`: the app is not installed for them and could not be installed (or Teams says so).
 * - `conversation-not-found`: the chat does not exist or was deleted (404 ConversationNotFound).
 * - `removed`: the app was removed from the chat (403 BotNotInConversationRoster).
 * - `blocked`: they blocked the app, or the chat takes no messages from it (ConversationBlockedByUser,
 *   MessageWritesBlocked).
 * - `disabled-by-admin`: the tenant's admin blocked the app (403 BotDisabledByAdmin).
 * - `forbidden`: any other refusal to let the app write there (403, 401).
 */
export const UNREACHABLE_REASONS = [
  'not-installed',
  'conversation-not-found',
  'removed',
  'blocked',
  'disabled-by-admin',
  'forbidden',
] as const;
export type UnreachableReason = (typeof UNREACHABLE_REASONS)[number];
