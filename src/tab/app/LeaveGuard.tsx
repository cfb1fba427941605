/** The question put when someone moves to another view with unsaved work: stay, save and go, or go. */
import { Text } from '@fluentui/react-components';
import { useState } from 'react';
import { ConfirmDialog } from '../components/forms/ConfirmDialog.js';
import { stopAsking, unsavedWork, usePendingLeave } from './leave-guard.js';
import { navigate } from './use-route.js';

export function LeaveGuard() {
  const target = usePendingLeave();
  const [saving, setSaving] = useState(false);
  const [failed, setFailed] = useState(false);
  if (target === null) return null;
  const work = unsavedWork();
  const canSave = work.length > 0 && work.every((w) => w.save !== undefined);
  const leave = () => {
    setFailed(false);
    stopAsking();
    navigate(target);
  };
  const saveAndLeave = async () => {
    setSaving(true);
    setFailed(false);
    const saved = await Promise.all(work.map((w) => w.save!().catch(() => false)));
    setSaving(false);
    if (saved.every(Boolean)) leave();
    else setFailed(true);
  };
  return (
    <ConfirmDialog
      title="Leave without saving?"
      cancel={{
        label: 'Stay here',
        onChoose: () => {
          setFailed(false);
          stopAsking();
        },
        testId: 'stay',
      }}
      choices={[
        ...(canSave
          ? [
              {
                label: saving ? 'Saving…' : 'Save and leave',
                onChoose: () => void saveAndLeave(),
                appearance: 'primary' as const,
                busy: saving,
                testId: 'save-and-leave',
              },
            ]
          : []),
        { label: 'Leave without saving', onChoose: leave, testId: 'leave-without-saving' },
      ]}
    >
      <Text block as="p" data-testid="unsaved-work">
        {work.length === 1
          ? `${work[0]!.label} has changes that are not saved yet.`
          : `These have changes that are not saved yet: ${work.map((w) => w.label).join('; ')}.`}
      </Text>
      {failed ? (
        <Text block as="p" role="alert">
          They could not be saved just now. Stay to see why, or leave without saving.
        </Text>
      ) : null}
    </ConfirmDialog>
  );
}
