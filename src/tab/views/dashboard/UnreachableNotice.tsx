/**
 * People and chats the bot cannot reach in Teams for this plan, each with why and since when: told to the
 * plan lead here as well as in chat (and only here when the plan lead is the one who cannot be reached).
 */
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useSession } from '../../app/context.js';
import { useLoad } from '../../components/use-load.js';

const when = (instant: string): string =>
  new Date(instant).toLocaleString('en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/London',
  });

export function UnreachableNotice({ planId }: { planId: string }) {
  const { api } = useSession();
  const unreachable = useLoad(() => api.unreachable(planId), [api, planId]);
  const people = unreachable.data?.people ?? [];
  const chats = unreachable.data?.chats ?? [];
  const count = people.length + chats.length;
  if (count === 0) return null;
  const title =
    chats.length === 0
      ? `Plan Builder cannot reach ${people.length === 1 ? 'one person' : `${people.length} people`} in Teams`
      : `Plan Builder cannot reach ${count === 1 ? 'one chat' : `${count} people or chats`} in Teams`;
  return (
    <MessageBar intent="warning" data-testid="unreachable">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <ul>
          {chats.map((c) => (
            <li key={c.conversationKey} data-reason={c.reason}>
              {c.title} (since {when(c.since)}): {c.explanation}
            </li>
          ))}
          {people.map((p) => (
            <li key={p.id} data-reason={p.reason}>
              {p.name} (since {when(p.since)}): {p.explanation}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
