/**
 * Archive (everything kept, hidden from the lists, restorable) or delete (only before any approval round).
 * Each asks first; both are recorded in the plan's audit log.
 */
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { PlanSettingsDto } from '../../../shared/settings-api.js';
import { useSession } from '../../app/context.js';
import { navigate } from '../../app/use-route.js';
import { longDate, nameOf } from '../../components/display-text.js';
import { ConfirmDialog, FormErrors, useSubmit } from '../../components/forms/index.js';
import { SettingsPanel } from './SettingsForm.js';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

export function LifecyclePanel(props: { settings: PlanSettingsDto; onSaved: () => void }) {
  const { api } = useSession();
  const styles = useStyles();
  const { settings } = props;
  const [asking, setAsking] = useState<'archive' | 'delete' | null>(null);
  const archive = useSubmit(async () => {
    await api.archivePlan(settings.id, { archived: settings.archived === null });
    setAsking(null);
    props.onSaved();
  });
  const remove = useSubmit(async () => {
    await api.deletePlan(settings.id);
    setAsking(null);
    navigate('#/');
  });
  return (
    <SettingsPanel title="Archive or delete" id="settings-lifecycle">
      {settings.archived ? (
        <Text>
          Archived on {longDate(settings.archived.at.slice(0, 10))} by{' '}
          {nameOf(settings.people, settings.archived.by)}: hidden from the list of plans, with everything
          kept.
        </Text>
      ) : (
        <Text>
          Archiving keeps everything and hides the plan from the list of plans; it can be restored. Deleting
          is possible only before any approval round has started.
        </Text>
      )}
      <div className={styles.actions}>
        <Button onClick={() => setAsking('archive')} data-testid="archive-plan">
          {settings.archived ? 'Restore the plan' : 'Archive the plan'}
        </Button>
        <Button onClick={() => setAsking('delete')} disabled={!settings.canDelete} data-testid="delete-plan">
          Delete the plan
        </Button>
      </div>
      {!settings.canDelete ? (
        <Text size={200}>Approvals have started, so the plan is part of the record: archive it instead.</Text>
      ) : null}
      <FormErrors error={archive.error ?? remove.error} />
      {asking === 'archive' ? (
        <ConfirmDialog
          title={settings.archived ? 'Restore the plan?' : 'Archive the plan?'}
          cancel={{ label: 'Cancel', onChoose: () => setAsking(null) }}
          choices={[
            {
              label: settings.archived ? 'Restore' : 'Archive',
              appearance: 'primary',
              busy: archive.busy,
              onChoose: () => void archive.run(),
              testId: 'confirm-archive',
            },
          ]}
        >
          <Text block as="p">
            {settings.archived
              ? `“${settings.title}” goes back on the list of plans.`
              : `“${settings.title}” leaves the list of plans. Everything in it is kept, and it can be restored here.`}
          </Text>
        </ConfirmDialog>
      ) : null}
      {asking === 'delete' ? (
        <ConfirmDialog
          title="Delete the plan?"
          cancel={{ label: 'Keep the plan', onChoose: () => setAsking(null) }}
          choices={[
            {
              label: 'Delete',
              appearance: 'primary',
              busy: remove.busy,
              onChoose: () => void remove.run(),
              testId: 'confirm-delete',
            },
          ]}
        >
          <Text block as="p">
            “{settings.title}” and everything written in it will no longer be available to anyone. The
            deletion is recorded in the audit log.
          </Text>
        </ConfirmDialog>
      ) : null}
    </SettingsPanel>
  );
}
