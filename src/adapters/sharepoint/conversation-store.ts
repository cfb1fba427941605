/** Conversation references in the `PB Bot conversations` list, one item per key. */
import type { Client } from '@microsoft/microsoft-graph-client';
import type { ConversationStore, StoredConversation, Unreachability } from '../../ports/conversations.js';
import type { UnreachableReason } from '../../ports/reachability.js';
import type { BatchOptions } from './graph-batch.js';
import { GraphLists, type Fields } from './graph-lists.js';
import { conversationsList } from './list-schema.js';
import { ListRepository, type ListMapper } from './list-repository.js';
import type { SiteLists } from './site.js';
import { FieldReader, type StoredItem } from './stored-item.js';

export const conversationMapper: ListMapper<StoredConversation> = {
  list: conversationsList,
  changedBy: { by: 'BotId', at: 'UpdatedAt' },
  fields(c: StoredConversation): Fields {
    return {
      // SharePoint requires a Title; a chat without a name is titled by its key, which reads back as none.
      Title: (c.title ?? c.key).slice(0, 255),
      ConversationKey: c.key,
      Kind: c.kind,
      ConversationId: c.conversationId,
      ServiceUrl: c.serviceUrl,
      TenantId: c.tenantId,
      BotId: c.botId,
      UserId: c.userId,
      UpdatedAt: c.updatedAt,
      Unreachable: c.unreachable?.reason ?? null,
      UnreachableSince: c.unreachable?.since ?? null,
      UnreachableDetail: c.unreachable ? c.unreachable.detail.slice(0, 2000) : null,
    };
  },
  read(item: StoredItem): StoredConversation {
    const f = new FieldReader(conversationsList, item);
    const key = f.text('ConversationKey');
    const title = f.optionalText('Title');
    const reason = f.optionalText('Unreachable') as UnreachableReason | null;
    const since = f.optionalText('UnreachableSince');
    return {
      key,
      kind: f.text('Kind') as StoredConversation['kind'],
      conversationId: f.text('ConversationId'),
      serviceUrl: f.text('ServiceUrl'),
      tenantId: f.text('TenantId'),
      botId: f.text('BotId'),
      userId: f.optionalText('UserId'),
      title: title === key.slice(0, 255) ? null : title,
      updatedAt: f.text('UpdatedAt'),
      ...(reason === null || since === null
        ? {}
        : { unreachable: { reason, since, detail: f.optionalText('UnreachableDetail') ?? '' } }),
    };
  },
};

/** The same reference apart from when it was seen: nothing to write. */
const same = (a: StoredConversation, b: StoredConversation): boolean =>
  JSON.stringify({ ...a, updatedAt: '', unreachable: a.unreachable ?? null }) ===
  JSON.stringify({ ...b, updatedAt: '', unreachable: b.unreachable ?? null });

export class SharePointConversationStore implements ConversationStore {
  private readonly items: ListRepository<StoredConversation>;

  constructor(client: Client, site: SiteLists, batchOptions: BatchOptions = {}) {
    this.items = new ListRepository(new GraphLists(client, site, batchOptions), conversationMapper);
  }

  async save(conversation: StoredConversation): Promise<StoredConversation | null> {
    // Two instances may record the same installation at once; the unique key keeps one item, and the
    // later writer updates it. A conflict on update means someone wrote the same reference: try again.
    for (let attempt = 0; attempt < 5; attempt++) {
      const existing = await this.items.get(conversation.key);
      if (!existing) {
        if (await this.items.add(conversation)) return null;
        continue;
      }
      // Not every activity names the chat; a name we already know is kept. An activity from the chat shows
      // it is there, so a mark that it could not be reached goes.
      const merged: StoredConversation = {
        ...conversation,
        title: conversation.title ?? existing.item.title,
      };
      if (same(existing.item, merged)) return existing.item;
      if (await this.items.replace(existing, merged)) return existing.item;
    }
    throw new Error(`Could not store the conversation ${conversation.key}: it kept changing under us`);
  }

  async markUnreachable(key: string, unreachable: Unreachability): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const existing = await this.items.get(key);
      if (!existing) return;
      const current = existing.item.unreachable;
      if (current && current.reason === unreachable.reason) return;
      if (await this.items.replace(existing, { ...existing.item, unreachable })) return;
    }
  }

  async get(key: string): Promise<StoredConversation | null> {
    return (await this.items.get(key))?.item ?? null;
  }

  async shared(): Promise<readonly StoredConversation[]> {
    const [chats, channels] = await Promise.all([
      this.items.where('Kind', 'groupChat'),
      this.items.where('Kind', 'channel'),
    ]);
    return [...chats, ...channels]
      .map((c) => c.item)
      .filter((c) => !c.unreachable)
      .sort((a, b) => (a.title ?? '').localeCompare(b.title ?? ''));
  }
}
