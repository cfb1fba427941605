/**
 * People the bot could not reach for a plan: the app is not installed for them and could not be installed.
 * The plan lead is told in chat; the tab shows the same list so it is not missed.
 */
import type { PersonId } from '../../domain/plan/plan.js';
import type { Outbox } from '../../ports/outbox.js';

/** The reason the dispatcher records when there is no chat with the person and none could be made. */
export const NO_CONVERSATION = 'No conversation with the recipient';

export async function unreachablePeople(outbox: Outbox, planId: string): Promise<readonly PersonId[]> {
  const failed = await outbox.undeliverable(planId);
  const people = failed.flatMap((entry) =>
    entry.recipient.kind === 'user' && (entry.lastError ?? '').startsWith(NO_CONVERSATION)
      ? [entry.recipient.userId]
      : [],
  );
  return [...new Set(people)].sort();
}
