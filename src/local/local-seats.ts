/**
 * Local mode has one Agents Playground per person (each Playground acts as one fixed person, as a Teams
 * client does), all showing the same group chat. Teams delivers a message in a group chat to every
 * member's client; here each Playground is its own mock connector, so this sends a group chat's or
 * channel's messages to every Playground that has shown that chat, and edits each copy in place.
 *
 * A Playground shows it has a chat by sending an activity from it (opening the chat installs the app there
 * and sends `conversationUpdate`), which the bot stores as the conversation reference: the wrapped store
 * notes each service URL it sees per chat. Personal chats are one person's, so they are left as they are.
 * Everything is in memory: after a restart, a Playground is a seat again once it opens the chat.
 */
import type { ConversationStore, StoredConversation, Unreachability } from '../ports/conversations.js';
import type { MessageSender, OutgoingActivity } from '../ports/messaging.js';

export class LocalSeats {
  /** Service URLs (one per Playground) that have shown each group chat or channel, by conversation id. */
  private readonly seats = new Map<string, Set<string>>();
  /** Per message sent to several seats: its activity id in each seat, by the id returned for it. */
  private readonly copies = new Map<string, Map<string, string>>();

  constructor(private readonly log: (line: string) => void = () => undefined) {}

  /** The conversation store, noting the seats that show each shared chat. */
  store(inner: ConversationStore): ConversationStore {
    return {
      save: async (conversation: StoredConversation) => {
        if (conversation.kind !== 'personal')
          this.seatFor(conversation.conversationId).add(conversation.serviceUrl);
        return inner.save(conversation);
      },
      markUnreachable: (key: string, unreachable: Unreachability) => inner.markUnreachable(key, unreachable),
      get: (key: string) => inner.get(key),
      shared: () => inner.shared(),
    };
  }

  /** The sender, delivering a shared chat's messages to each of its seats. */
  sender(inner: MessageSender): MessageSender {
    return {
      send: async (conversation: StoredConversation, activity: OutgoingActivity) => {
        const others = this.othersOf(conversation);
        // The stored reference's own seat first: its answer is the sender's answer (a failure included).
        const sent = await inner.send(conversation, activity);
        if (others.length === 0 || sent.activityId === null) return sent;
        const copies = new Map<string, string>([[conversation.serviceUrl, sent.activityId]]);
        for (const serviceUrl of others) {
          try {
            const copy = await inner.send({ ...conversation, serviceUrl }, activity);
            if (copy.activityId !== null) copies.set(serviceUrl, copy.activityId);
          } catch (error) {
            this.log(`The Playground at ${serviceUrl} did not take a copy: ${String(error)}`);
          }
        }
        this.copies.set(sent.activityId, copies);
        return sent;
      },
      update: async (conversation: StoredConversation, activityId: string, activity: OutgoingActivity) => {
        const copies = this.copies.get(activityId);
        if (!copies) return inner.update(conversation, activityId, activity);
        let first: unknown = null;
        for (const [serviceUrl, id] of copies) {
          try {
            await inner.update({ ...conversation, serviceUrl }, id, activity);
          } catch (error) {
            first ??= error;
          }
        }
        if (first !== null && copies.size === 1) throw first;
      },
    };
  }

  private seatFor(conversationId: string): Set<string> {
    let seats = this.seats.get(conversationId);
    if (!seats) this.seats.set(conversationId, (seats = new Set()));
    return seats;
  }

  private othersOf(conversation: StoredConversation): string[] {
    if (conversation.kind === 'personal') return [];
    return [...(this.seats.get(conversation.conversationId) ?? [])].filter(
      (url) => url !== conversation.serviceUrl,
    );
  }
}
