/** Conversation references in the `PB Bot conversations` list, one item per key. */
import type { Client } from '@microsoft/microsoft-graph-client';
import type { ConversationStore, StoredConversation } from '../../ports/conversations.js';
import { conversationsList } from './list-schema.js';
import { ListItems } from './list-items.js';
import type { Fields } from './plan-mapper.js';
import type { SiteLists } from './site.js';
import { FieldReader, type StoredItem } from './stored-item.js';

function fieldsOf(c: StoredConversation): Fields {
  return {
    Title: (c.title ?? c.key).slice(0, 255),
    ConversationKey: c.key,
    Kind: c.kind,
    ConversationId: c.conversationId,
    ServiceUrl: c.serviceUrl,
    TenantId: c.tenantId,
    BotId: c.botId,
    UserId: c.userId,
    UpdatedAt: c.updatedAt,
  };
}

function fromItem(item: StoredItem): StoredConversation {
  const f = new FieldReader(conversationsList, item);
  return {
    key: f.text('ConversationKey'),
    kind: f.text('Kind') as StoredConversation['kind'],
    conversationId: f.text('ConversationId'),
    serviceUrl: f.text('ServiceUrl'),
    tenantId: f.text('TenantId'),
    botId: f.text('BotId'),
    userId: f.optionalText('UserId'),
    title: f.optionalText('Title'),
    updatedAt: f.text('UpdatedAt'),
  };
}

export class SharePointConversationStore implements ConversationStore {
  private readonly items: ListItems;

  constructor(client: Client, site: SiteLists) {
    this.items = new ListItems(client, site, conversationsList);
  }

  async save(conversation: StoredConversation): Promise<void> {
    // Two instances may record the same installation at once; the unique key keeps one item, and the
    // later writer updates it. A conflict on update means someone wrote the same reference: try again.
    for (let attempt = 0; attempt < 5; attempt++) {
      const [existing] = await this.items.where('ConversationKey', conversation.key);
      if (!existing) {
        const created = await this.items.create(fieldsOf(conversation));
        if (created.ok) return;
        continue;
      }
      const current = fromItem(existing);
      // Not every activity names the chat; a name we already know is kept.
      const merged = { ...conversation, title: conversation.title ?? current.title };
      if (JSON.stringify({ ...current, updatedAt: '' }) === JSON.stringify({ ...merged, updatedAt: '' }))
        return;
      const updated = await this.items.update(existing.id, existing.eTag, fieldsOf(merged));
      if (updated.ok) return;
    }
    throw new Error(`Could not store the conversation ${conversation.key}: it kept changing under us`);
  }

  async get(key: string): Promise<StoredConversation | null> {
    const [item] = await this.items.where('ConversationKey', key);
    return item ? fromItem(item) : null;
  }

  async shared(): Promise<readonly StoredConversation[]> {
    const [chats, channels] = await Promise.all([
      this.items.where('Kind', 'groupChat'),
      this.items.where('Kind', 'channel'),
    ]);
    return [...chats, ...channels].map(fromItem).sort((a, b) => (a.title ?? '').localeCompare(b.title ?? ''));
  }
}
