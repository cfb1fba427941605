/** People the bot could not reach in Teams for this plan: told to the plan lead here as well as in chat. */
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useSession } from '../../app/context.js';
import { useLoad } from '../../components/use-load.js';

export function UnreachableNotice({ planId }: { planId: string }) {
  const { api } = useSession();
  const unreachable = useLoad(() => api.unreachable(planId), [api, planId]);
  const people = unreachable.data?.people ?? [];
  if (people.length === 0) return null;
  return (
    <MessageBar intent="warning" data-testid="unreachable">
      <MessageBarBody>
        <MessageBarTitle>
          Plan Builder cannot reach {people.length === 1 ? 'one person' : `${people.length} people`} in Teams
        </MessageBarTitle>
        {people.map((p) => p.name).join(', ')}: the app is not installed for them and could not be installed.
        Ask them to add Plan Builder in Teams, or ask IT to allow installing it for them.
      </MessageBarBody>
    </MessageBar>
  );
}
