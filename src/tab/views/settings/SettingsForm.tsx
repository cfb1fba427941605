/**
 * One part of the settings view as a form of its own: its fields, one Save, every problem at once
 * beside its field, the server's refusal shown above the button, and leaving with unsaved changes asks.
 */
import { Button, makeStyles, Spinner, Subtitle2, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useUnsavedWork } from '../../app/leave-guard.js';
import { FormErrors, keepFocusOnPress, type Submit } from '../../components/forms/index.js';

const useStyles = makeStyles({
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
  },
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

export function SettingsPanel(props: { title: string; id: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.panel} aria-labelledby={`${props.id}-title`} data-testid={props.id}>
      <Subtitle2 as="h2" id={`${props.id}-title`}>
        {props.title}
      </Subtitle2>
      {props.children}
    </section>
  );
}

export function SettingsForm(props: {
  title: string;
  id: string;
  /** What the leave question calls it: “the plan’s dates”. */
  unsavedLabel: string;
  dirty: boolean;
  submit: Submit;
  saveLabel?: string;
  saved?: string | null;
  children: ReactNode;
}) {
  const styles = useStyles();
  useUnsavedWork(props.dirty, props.unsavedLabel, () => props.submit.run());
  return (
    <SettingsPanel title={props.title} id={props.id}>
      <form
        noValidate
        className={styles.fields}
        onSubmit={(event) => void props.submit.run(event)}
        aria-labelledby={`${props.id}-title`}
      >
        {props.children}
        <FormErrors error={props.submit.error} />
        <div className={styles.actions}>
          <Button
            type="submit"
            appearance="primary"
            {...keepFocusOnPress}
            disabled={props.submit.busy}
            icon={props.submit.busy ? <Spinner size="tiny" /> : undefined}
            data-testid={`${props.id}-save`}
          >
            {props.saveLabel ?? 'Save'}
          </Button>
          <Text role="status" aria-live="polite">
            {props.dirty ? 'Not saved yet.' : (props.saved ?? '')}
          </Text>
        </div>
      </form>
    </SettingsPanel>
  );
}
