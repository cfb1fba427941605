/**
 * Where the bot can reach people and chats: conversation references captured when the app is installed
 * (or a 1:1 chat created through Graph), kept in SharePoint so every server instance can use them.
 */
import type { IsoDateTime, PersonId } from '../domain/plan/plan.js';
import type { UnreachableReason } from './reachability.js';

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
  /**
   * Set when a send found this conversation cannot be reached: nothing is sent to it again until Teams
   * shows it is there (any activity from it stores the reference afresh, without this mark).
   */
  readonly unreachable?: Unreachability | null;
}

export interface Unreachability {
  readonly reason: UnreachableReason;
  /** What Teams said, for the log and the dashboard. */
  readonly detail: string;
  readonly since: IsoDateTime;
}

export const personalKey = (userId: PersonId): string => `user:${userId}`;
export const conversationKey = (conversationId: string): string => `conversation:${conversationId}`;

export interface ConversationStore {
  /**
   * Insert or replace by key. A reference saved from an activity carries no unreachable mark. Answers what
   * was stored under the key before (null: nothing), so the caller can tell a conversation that has just
   * become reachable.
   */
  save(conversation: StoredConversation): Promise<StoredConversation | null>;
  /** Marks a stored conversation unreachable; nothing happens when none is stored under the key. */
  markUnreachable(key: string, unreachable: Unreachability): Promise<void>;
  get(key: string): Promise<StoredConversation | null>;
  /** Group chats and channels the app is in, for the plan lead to pick the management team's. */
  shared(): Promise<readonly StoredConversation[]>;
}
