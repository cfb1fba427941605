/**
 * Asked when the server says approvals lead to a stage for the whole management team with no chat chosen
 * (CHOICE_NEEDED): post the stage's card once in a chat Plan Builder is in, or send each member their
 * card 1:1. Members with no 1:1 chat known yet are named before anything is sent.
 */
import { Field, MessageBar, MessageBarBody, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { PlanViewDto, StartApprovalsRequest } from '../../../shared/api.js';
import { useSession } from '../../app/context.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { FormDialog, useSubmit } from '../../components/forms/index.js';
import { useLoad } from '../../components/use-load.js';

const ONE_TO_ONE = 'one-to-one';

export function GroupDeliveryDialog(props: {
  planId: string;
  /** The server's reason, as it gave it. */
  reason: string;
  onClose: () => void;
  onStarted: (plan: PlanViewDto) => void;
}) {
  const { api } = useSession();
  const options = useLoad(() => api.groupDelivery(props.planId), [api, props.planId]);
  const [choice, setChoice] = useState<string>('');
  const submit = useSubmit(async () => {
    const delivery: NonNullable<StartApprovalsRequest['delivery']> =
      choice === ONE_TO_ONE ? { kind: 'one-to-one' } : { kind: 'chat', conversationKey: choice };
    props.onStarted(await api.startApprovals(props.planId, { delivery }));
  });
  const data = options.data;
  const unreachable = data?.members.filter((m) => !m.reachable) ?? [];
  return (
    <FormDialog
      title="How should the management team get this?"
      submit={submit}
      submitLabel="Start approvals"
      busyLabel="Starting…"
      onClose={props.onClose}
      dirty={false}
      notReady={!data || choice === ''}
      testId="group-delivery"
    >
      <Text block>{props.reason}</Text>
      {options.error ? <ErrorNotice error={options.error} onRetry={options.reload} /> : null}
      {data ? (
        <Field label="Send the stage’s card" required>
          <RadioGroup value={choice} onChange={(_event, d) => setChoice(d.value)}>
            {data.chats.map((chat) => (
              <Radio
                key={chat.conversationKey}
                value={chat.conversationKey}
                label={`Post it once in “${chat.title}”, and use that chat for this plan`}
              />
            ))}
            <Radio value={ONE_TO_ONE} label="Send each member their own card 1:1" />
          </RadioGroup>
        </Field>
      ) : null}
      {data && data.chats.length === 0 ? (
        <Text block size={200}>
          Plan Builder is in no group chat yet. Add the app to the management team’s chat in Teams to choose
          it here.
        </Text>
      ) : null}
      {choice === ONE_TO_ONE && unreachable.length > 0 ? (
        <MessageBar intent="warning" layout="multiline" data-testid="group-delivery-unreachable">
          <MessageBarBody>
            Cannot be reached yet: {unreachable.map((m) => m.name).join(', ')}. Ask them to install Plan
            Builder or open a chat with it in Teams; their card is sent when they do.
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </FormDialog>
  );
}
