/**
 * The outbox in the `PB Notification outbox` list. The unique `MessageKey` makes a message impossible
 * to enqueue twice; claiming an entry is an If-Match update, so only one instance sends each attempt.
 */
import type { Client } from '@microsoft/microsoft-graph-client';
import type { IsoDateTime } from '../../domain/plan.js';
import type { Outbox, OutboxEntry, OutgoingMessage } from '../../ports/outbox.js';
import { outboxList } from './list-schema.js';
import { ListItems } from './list-items.js';
import type { Fields } from './plan-mapper.js';
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

function fromItem(item: StoredItem): OutboxEntry {
  const f = new FieldReader(outboxList, item);
  const recipientId = f.text('RecipientId');
  return {
    key: f.text('MessageKey'),
    version: `${item.id}|${item.eTag}`,
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
  };
}

const addSeconds = (at: IsoDateTime, seconds: number): IsoDateTime =>
  new Date(Date.parse(at) + seconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

const itemRef = (entry: OutboxEntry): { id: string; eTag: string } => {
  const bar = entry.version.indexOf('|');
  return { id: entry.version.slice(0, bar), eTag: entry.version.slice(bar + 1) };
};

export class SharePointOutbox implements Outbox {
  private readonly items: ListItems;

  constructor(client: Client, site: SiteLists) {
    this.items = new ListItems(client, site, outboxList);
  }

  async enqueue(messages: readonly OutgoingMessage[]): Promise<number> {
    let added = 0;
    for (const message of messages) {
      const fields: Fields = {
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
      const created = await this.items.create(fields);
      if (created.ok) added += 1;
    }
    return added;
  }

  async due(now: IsoDateTime, limit: number): Promise<readonly OutboxEntry[]> {
    const [pending, sending] = await Promise.all([
      this.items.where('State', 'pending'),
      this.items.where('State', 'sending'),
    ]);
    return [...pending, ...sending]
      .map(fromItem)
      .filter((entry) => entry.nextAttemptAt <= now)
      .sort((a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt) || a.key.localeCompare(b.key))
      .slice(0, limit);
  }

  async claim(entry: OutboxEntry, now: IsoDateTime): Promise<OutboxEntry | null> {
    const { id, eTag } = itemRef(entry);
    const claimedUntil = addSeconds(now, CLAIM_SECONDS);
    const written = await this.items.update(id, eTag, {
      State: 'sending',
      Attempts: entry.attempts + 1,
      NextAttemptAt: claimedUntil,
    });
    if (!written.ok) return null;
    return {
      ...entry,
      version: `${id}|${written.eTag}`,
      state: 'sending',
      attempts: entry.attempts + 1,
      nextAttemptAt: claimedUntil,
    };
  }

  async markSent(
    entry: OutboxEntry,
    where: { conversationId: string; activityId: string | null },
  ): Promise<void> {
    const { id, eTag } = itemRef(entry);
    await this.items.update(id, eTag, {
      State: 'sent',
      ConversationId: where.conversationId,
      ActivityId: where.activityId,
      LastError: null,
    });
  }

  async markFailed(entry: OutboxEntry, error: string, retryAt: IsoDateTime | null): Promise<void> {
    const { id, eTag } = itemRef(entry);
    await this.items.update(id, eTag, {
      State: retryAt === null ? 'failed' : 'pending',
      LastError: error.slice(0, 2000),
      ...(retryAt === null ? {} : { NextAttemptAt: retryAt }),
    });
  }

  async undeliverable(planId: string): Promise<readonly OutboxEntry[]> {
    return (await this.items.where('PlanId', planId))
      .map(fromItem)
      .filter((entry) => entry.state === 'failed');
  }

  async get(key: string): Promise<OutboxEntry | null> {
    const [item] = await this.items.where('MessageKey', key);
    return item ? fromItem(item) : null;
  }
}
