/**
 * The outbox, telling its listener when this instance has put something in it that is due now (new
 * messages, or an entry re-queued), so the worker sends it without polling SharePoint to find it.
 */
import type { Outbox } from '../../ports/outbox.js';

export function signallingOutbox(outbox: Outbox, onDue: () => void): Outbox {
  return {
    async enqueue(messages) {
      const added = await outbox.enqueue(messages);
      if (added > 0) onDue();
      return added;
    },
    async resend(entry, now) {
      const queued = await outbox.resend(entry, now);
      if (queued) onDue();
      return queued;
    },
    due: (now, limit) => outbox.due(now, limit),
    claim: (entry, now) => outbox.claim(entry, now),
    markSent: (entry, where) => outbox.markSent(entry, where),
    markFailed: (entry, error, retryAt, unreachable) => outbox.markFailed(entry, error, retryAt, unreachable),
    get: (key) => outbox.get(key),
    undeliverable: (planId) => outbox.undeliverable(planId),
    missedBy: (userId) => outbox.missedBy(userId),
  };
}
