/**
 * Every proactive message goes through the outbox: enqueued with an idempotency key (so a retried
 * request, a replayed event or a second server instance can never send it twice), then sent and retried
 * by whichever instance claims it.
 */
import type { IsoDateTime, PersonId } from '../domain/plan/plan.js';
import type { UnreachableReason } from './reachability.js';
import type { Version } from './versioned.js';

export type Recipient =
  | { readonly kind: 'user'; readonly userId: PersonId }
  | { readonly kind: 'conversation'; readonly conversationKey: string };

export interface OutgoingMessage {
  /** The idempotency key: the same message is always enqueued under the same key. */
  readonly key: string;
  readonly planId: string;
  readonly recipient: Recipient;
  /** Plain text for notifications and accessibility; the card carries the detail. */
  readonly text: string;
  readonly card: Readonly<Record<string, unknown>> | null;
  /** Replace the message another outbox entry sent (e.g. update an approval card for everyone). */
  readonly replacesKey: string | null;
  readonly notBefore: IsoDateTime;
  /**
   * A card shown to many people that must always be current (a management team's approval card): it is
   * rendered from the stored plan when sent, so updates sent out of order can never show an older tally.
   */
  readonly live: LiveCard | null;
}

export interface LiveCard {
  readonly kind: 'approval';
  readonly stageKey: string;
  readonly round: number;
}

export type OutboxState = 'pending' | 'sending' | 'sent' | 'failed';

export interface OutboxEntry extends OutgoingMessage {
  /** The store's concurrency token for this entry; opaque. */
  readonly version: Version;
  readonly state: OutboxState;
  readonly attempts: number;
  readonly lastError: string | null;
  /** Where it went, once sent: needed to update it later. */
  readonly conversationId: string | null;
  readonly activityId: string | null;
  /** When a pending entry may be tried (again), or when a claim on a sending one lapses. */
  readonly nextAttemptAt: IsoDateTime;
  /** For an entry given up on because its recipient cannot be reached: why, and when that was found. */
  readonly unreachable?: { readonly reason: UnreachableReason; readonly at: IsoDateTime } | null;
}

export interface Outbox {
  /** Adds the messages not already there; returns how many were new. */
  enqueue(messages: readonly OutgoingMessage[]): Promise<number>;
  /** Entries ready to send now, oldest first. */
  due(now: IsoDateTime, limit: number): Promise<readonly OutboxEntry[]>;
  /**
   * Takes an entry for sending. Only one caller wins a given attempt, across instances; the others get
   * false and leave it alone.
   */
  claim(entry: OutboxEntry, now: IsoDateTime): Promise<OutboxEntry | null>;
  markSent(entry: OutboxEntry, where: { conversationId: string; activityId: string | null }): Promise<void>;
  /**
   * Records a failed attempt: to be tried again at `retryAt`, or given up on (null). `unreachable` says the
   * recipient cannot be reached, and why; it is kept with the entry (what the dashboard lists).
   */
  markFailed(
    entry: OutboxEntry,
    error: string,
    retryAt: IsoDateTime | null,
    unreachable?: { readonly reason: UnreachableReason; readonly at: IsoDateTime },
  ): Promise<void>;
  get(key: string): Promise<OutboxEntry | null>;
  /** A plan's messages that could not be delivered and will not be tried again. */
  undeliverable(planId: string): Promise<readonly OutboxEntry[]>;
  /** Every plan's messages to this person given up on because they could not be reached. */
  missedBy(userId: PersonId): Promise<readonly OutboxEntry[]>;
  /**
   * Puts an entry given up on back in the queue, due now, its unreachable mark cleared. Only one caller
   * wins (If-Match on the entry as read); the others, and an entry no longer as read, get false.
   */
  resend(entry: OutboxEntry, now: IsoDateTime): Promise<boolean>;
}
