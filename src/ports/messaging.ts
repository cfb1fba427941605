/** Sending into Teams: through the bot for cards, and Graph for installing the app for someone. */
import type { PersonId } from '../domain/plan/plan.js';
import type { StoredConversation } from './conversations.js';
import type { LiveCard } from './outbox.js';

export interface OutgoingActivity {
  readonly text: string;
  readonly card: Readonly<Record<string, unknown>> | null;
}

/** A send that failed in a way worth retrying (throttled, connector down) vs. one that never will. */
export class SendFailure extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

export interface MessageSender {
  send(
    conversation: StoredConversation,
    activity: OutgoingActivity,
  ): Promise<{ readonly activityId: string | null }>;
  update(conversation: StoredConversation, activityId: string, activity: OutgoingActivity): Promise<void>;
}

/** Renders a live card from the plan as stored now. */
export interface LiveCardRenderer {
  render(planId: string, card: LiveCard): Promise<OutgoingActivity | null>;
}

export interface ChatInstaller {
  /**
   * Installs the app for a person who has not, and returns the 1:1 chat that creates; null when the
   * tenant does not permit it (the plan lead is then told who cannot be reached).
   */
  personalChat(userId: PersonId): Promise<StoredConversation | null>;
}
