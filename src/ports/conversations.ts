/**
 * Where the bot can reach people and chats: conversation references captured when the app is installed
 * (or a 1:1 chat created through Graph), kept in SharePoint so every server instance can use them.
 */
import type { IsoDateTime, PersonId } from '../domain/plan/plan.js';

export type ConversationKind = 'personal' | 'groupChat' | 'channel';

export interface StoredConversation {
  /** `user:<aad id>` for a 1:1 chat, `conversation:<id>` for a group chat or channel. */
  readonly key: string;
  readonly kind: ConversationKind;
  readonly conversationId: string;
  readonly serviceUrl: string;
  readonly tenantId: string;
  readonly botId: string;
  /** For a personal chat: whose it is. */
  readonly userId: PersonId | null;
  readonly title: string | null;
  readonly updatedAt: IsoDateTime;
}

export const personalKey = (userId: PersonId): string => `user:${userId}`;
export const conversationKey = (conversationId: string): string => `conversation:${conversationId}`;

export interface ConversationStore {
  /** Insert or replace by key. */
  save(conversation: StoredConversation): Promise<void>;
  get(key: string): Promise<StoredConversation | null>;
  /** Group chats and channels the app is in, for the plan lead to pick the management team's. */
  shared(): Promise<readonly StoredConversation[]>;
}
