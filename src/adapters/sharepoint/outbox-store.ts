/**
 * The outbox in the `PB Notification outbox` list. The unique `MessageKey` makes a message impossible
 * to enqueue twice; claiming an entry is an If-Match update, so only one instance sends each attempt.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import type { IsoDateTime, PersonId } from '../../domain/plan/plan.js';
import type { UnreachableReason } from '../../ports/reachability.js';
import type { Outbox, OutboxEntry, OutgoingMessage } from '../../ports/outbox.js';
import type { BatchOptions } from './graph-batch.js';
import { GraphLists, type Fields } from './graph-lists.js';
import { outboxList } from './list-schema.js';
import { ListRepository, versionOf, type ListMapper } from './list-repository.js';
import type { SiteLists } from './site.js';
import { FieldReader, type StoredItem } from './stored-item.js';
import { liveCardJson } from './stored-json.js';

/** How long a claim lasts: a sender that dies mid-send frees the entry after this. */
export const CLAIM_SECONDS = 120;

const cardJson = (text: string | null): Readonly<Record<string, unknown>> | null => {
  if (text === null) return null;
  const parsed: unknown = JSON.parse(text);
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : null;
};

/** A message as it is first stored: pending, never tried. */
function messageFields(message: OutgoingMessage): Fields {
  return {
    Title: message.text.slice(0, 255) || message.key.slice(0, 255),
    MessageKey: message.key,
    PlanId: message.planId,
    State: 'pending',
    RecipientKind: message.recipient.kind,
    RecipientId:
      message.recipient.kind === 'user' ? message.recipient.userId : message.recipient.conversationKey,
    Text: message.text,
    Card: message.card === null ? null : JSON.stringify(message.card),
    ReplacesKey: message.replacesKey,
    Live: message.live === null ? null : JSON.stringify(message.live),
    NotBefore: message.notBefore,
    NextAttemptAt: message.notBefore,
    Attempts: 0,
  };
}

function readEntry(item: StoredItem): OutboxEntry {
  const f = new FieldReader(outboxList, item);
  const recipientId = f.text('RecipientId');
  return {
    key: f.text('MessageKey'),
    version: versionOf(item),
    planId: f.text('PlanId'),
    recipient:
      f.text('RecipientKind') === 'user'
        ? { kind: 'user', userId: recipientId }
        : { kind: 'conversation', conversationKey: recipientId },
    text: f.optionalText('Text') ?? '',
    card: cardJson(f.optionalText('Card')),
    replacesKey: f.optionalText('ReplacesKey'),
    live: f.optionalText('Live') === null ? null : f.json('Live', liveCardJson),
    notBefore: f.text('NotBefore'),
    state: f.text('State') as OutboxEntry['state'],
    attempts: f.number('Attempts'),
    lastError: f.optionalText('LastError'),
    conversationId: f.optionalText('ConversationId'),
    activityId: f.optionalText('ActivityId'),
    nextAttemptAt: f.text('NextAttemptAt'),
    unreachable: unreachableOf(f),
  };
}

function unreachableOf(f: FieldReader): OutboxEntry['unreachable'] {
  const reason = f.optionalText('Unreachable') as UnreachableReason | null;
  const at = f.optionalText('UnreachableAt');
  return reason === null || at === null ? null : { reason, at };
}

export const outboxMapper: ListMapper<OutboxEntry> = {
  list: outboxList,
  changedBy: { by: 'State' },
  fields: (entry) => ({
    ...messageFields(entry),
    State: entry.state,
    Attempts: entry.attempts,
    LastError: entry.lastError,
    ConversationId: entry.conversationId,
    ActivityId: entry.activityId,
    NextAttemptAt: entry.nextAttemptAt,
    Unreachable: entry.unreachable?.reason ?? null,
    UnreachableAt: entry.unreachable?.at ?? null,
  }),
  read: readEntry,
};

const addSeconds = (at: IsoDateTime, seconds: number): IsoDateTime =>
  new Date(Date.parse(at) + seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Keys this instance has seen stored, remembered so that enqueuing one again costs no request. */
const KNOWN_KEYS = 20_000;

export class SharePointOutbox implements Outbox {
  private readonly lists: GraphLists;
  private readonly items: ListRepository<OutboxEntry>;
  /** Entries are never deleted, so a key once stored stays taken: asking again can only answer 409. */
  private readonly known = new Set<string>();

  constructor(client: Client, site: SiteLists, batchOptions: BatchOptions = {}) {
    this.lists = new GraphLists(client, site, batchOptions);
    this.items = new ListRepository(this.lists, outboxMapper);
  }

  async enqueue(messages: readonly OutgoingMessage[]): Promise<number> {
    const fresh = [...new Map(messages.map((m) => [m.key, m])).values()].filter(
      (m) => !this.known.has(m.key),
    );
    // One round trip for all of them; a key already taken (an earlier or concurrent enqueue) adds nothing.
    const written = await this.lists.writeAll(
      fresh.map((message) => ({ op: 'create' as const, list: outboxList, fields: messageFields(message) })),
    );
    for (const message of fresh) this.remember(message.key);
    return written.filter((w) => w.ok).length;
  }

  private remember(key: string): void {
    this.known.add(key);
    if (this.known.size > KNOWN_KEYS) this.known.delete(this.known.values().next().value!);
  }

  async due(now: IsoDateTime, limit: number): Promise<readonly OutboxEntry[]> {
    const { pending, sending } = await this.lists.readAll({
      pending: { list: outboxList, where: { column: 'State', value: 'pending' } },
      sending: { list: outboxList, where: { column: 'State', value: 'sending' } },
    });
    return [...pending, ...sending]
      .map(readEntry)
      .filter((entry) => entry.nextAttemptAt <= now)
      .sort((a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt) || a.key.localeCompare(b.key))
      .slice(0, limit);
  }

  async claim(entry: OutboxEntry, now: IsoDateTime): Promise<OutboxEntry | null> {
    const claimedUntil = addSeconds(now, CLAIM_SECONDS);
    const claimed: OutboxEntry = {
      ...entry,
      state: 'sending',
      attempts: entry.attempts + 1,
      nextAttemptAt: claimedUntil,
    };
    const version = await this.items.patch(entry.version, {
      State: claimed.state,
      Attempts: claimed.attempts,
      NextAttemptAt: claimed.nextAttemptAt,
    });
    return version ? { ...claimed, version } : null;
  }

  async markSent(
    entry: OutboxEntry,
    where: { conversationId: string; activityId: string | null },
  ): Promise<void> {
    await this.items.patch(entry.version, {
      State: 'sent',
      ConversationId: where.conversationId,
      ActivityId: where.activityId,
      LastError: null,
    });
  }

  async markFailed(
    entry: OutboxEntry,
    error: string,
    retryAt: IsoDateTime | null,
    unreachable?: { readonly reason: UnreachableReason; readonly at: IsoDateTime },
  ): Promise<void> {
    await this.items.patch(entry.version, {
      State: retryAt === null ? 'failed' : 'pending',
      LastError: error.slice(0, 2000),
      ...(retryAt === null ? {} : { NextAttemptAt: retryAt }),
      ...(unreachable ? { Unreachable: unreachable.reason, UnreachableAt: unreachable.at } : {}),
    });
  }

  async undeliverable(planId: string): Promise<readonly OutboxEntry[]> {
    return (await this.items.where('PlanId', planId))
      .map((v) => v.item)
      .filter((entry) => entry.state === 'failed');
  }

  async missedBy(userId: PersonId): Promise<readonly OutboxEntry[]> {
    return (await this.items.where('State', 'failed'))
      .map((v) => v.item)
      .filter(
        (entry) =>
          (entry.unreachable ?? null) !== null &&
          entry.recipient.kind === 'user' &&
          entry.recipient.userId === userId,
      );
  }

  async resend(entry: OutboxEntry, now: IsoDateTime): Promise<boolean> {
    const version = await this.items.patch(entry.version, {
      State: 'pending',
      NextAttemptAt: now,
      LastError:
        `Sent again at ${now}: the recipient can be reached now (was: ${entry.lastError ?? ''})`.slice(
          0,
          2000,
        ),
      Unreachable: null,
      UnreachableAt: null,
    });
    return version !== null;
  }

  async get(key: string): Promise<OutboxEntry | null> {
    return (await this.items.get(key))?.item ?? null;
  }
}
