/** Sending into Teams: through the bot for cards, and Graph for installing the app for someone. */
import type { PersonId } from '../domain/plan/plan.js';
import type { StoredConversation } from './conversations.js';
import type { LiveCard } from './outbox.js';

export interface OutgoingActivity {
  readonly text: string;
  readonly card: Readonly<Record<string, unknown>> | null;
}

import type { UnreachableReason } from './reachability.js';

/**
 * How a send failed, as far as the sender can tell:
 * - `unreachable`: the recipient cannot be reached (see `UnreachableReason`); trying again cannot help until
 *   they or their chat change.
 * - `retry`: worth trying again later (412, 429, 502, 503, 504, or no answer at all).
 * - `rejected`: Teams refused this message for good (400, 413, 500, an activity no longer there to update…).
 */
export type SendFailureKind =
  | { readonly kind: 'unreachable'; readonly reason: UnreachableReason }
  | { readonly kind: 'retry'; readonly retryAfterSeconds: number | null }
  | { readonly kind: 'rejected' };

export class SendFailure extends Error {
  readonly failure: SendFailureKind;
  readonly retryable: boolean;
  /** `true` / `false` are shorthand for a retryable failure and a rejected one. */
  constructor(message: string, failure: SendFailureKind | boolean) {
    super(message);
    this.failure =
      typeof failure === 'boolean'
        ? failure
          ? { kind: 'retry', retryAfterSeconds: null }
          : { kind: 'rejected' }
        : failure;
    this.retryable = this.failure.kind === 'retry';
  }

  get unreachable(): UnreachableReason | null {
    return this.failure.kind === 'unreachable' ? this.failure.reason : null;
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
