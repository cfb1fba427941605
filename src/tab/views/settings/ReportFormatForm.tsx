/**
 * The plan's report format, changeable until approvals start. Asked first; the server moves written text
 * to the new format's section of the same key or title, and refuses (UNPLACED_TEXT) if typed text would
 * have nowhere to go — then every such section and header value is listed, each section linked.
 */
import {
  Button,
  Field,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { PlanSettingsDto } from '../../../shared/settings-api.js';
import { ApiError } from '../../api/client.js';
import { useSession } from '../../app/context.js';
import { hrefFor } from '../../app/routes.js';
import { ConfirmDialog, FormErrors, useSubmit } from '../../components/forms/index.js';
import { SettingsPanel } from './SettingsForm.js';

const useStyles = makeStyles({
  select: { minWidth: 0, maxWidth: '100%', '& select': { textOverflow: 'ellipsis', minWidth: 0 } },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

interface UnplacedDetails {
  readonly sections: readonly { readonly key: string; readonly title: string }[];
  readonly headerFields: readonly { readonly key: string; readonly label: string }[];
}

function unplacedIn(error: unknown): UnplacedDetails | null {
  if (!(error instanceof ApiError) || error.code !== 'UNPLACED_TEXT') return null;
  const details = error.details as Partial<UnplacedDetails> | undefined;
  return { sections: details?.sections ?? [], headerFields: details?.headerFields ?? [] };
}

const label = (f: { name: string; council: string }): string => `${f.council}: ${f.name}`;

export function ReportFormatForm(props: { settings: PlanSettingsDto; onSaved: () => void }) {
  const { api } = useSession();
  const styles = useStyles();
  const { settings } = props;
  const [chosen, setChosen] = useState(settings.reportFormat.id);
  const [asking, setAsking] = useState(false);
  const target = settings.reportFormats.find((f) => f.id === chosen);
  const change = useSubmit(async () => {
    setAsking(false);
    await api.changeReportFormat(settings.id, { reportFormatId: chosen });
    props.onSaved();
  });
  const unplaced = unplacedIn(change.error);
  const fixed = settings.formatFixed;
  return (
    <SettingsPanel title="Report format" id="settings-format">
      <Text>
        The cover report’s sections, approval stages, roles and header rows come from the council’s report
        format. {fixed ?? 'It can change until approvals start.'}
      </Text>
      <Field label="Report format" hint={`Now: ${settings.reportFormat.name}`}>
        <Select
          className={styles.select}
          value={chosen}
          disabled={fixed !== null}
          onChange={(_e, d) => setChosen(d.value)}
        >
          {settings.reportFormats.map((f) => (
            <option key={f.id} value={f.id}>
              {label(f)}
            </option>
          ))}
        </Select>
      </Field>
      {unplaced ? (
        <MessageBar intent="error" layout="multiline" role="alert" data-testid="format-unplaced">
          <MessageBarBody>
            <MessageBarTitle>Nothing was changed: some text has no place in {target?.name}</MessageBarTitle>
            Move it elsewhere or clear it, then change the format.
            <ul className={styles.list}>
              {unplaced.sections.map((s) => (
                <li key={s.key}>
                  <Link href={hrefFor({ name: 'section', planId: settings.id, sectionKey: s.key })}>
                    {s.title}
                  </Link>
                </li>
              ))}
              {unplaced.headerFields.map((f) => (
                <li key={f.key}>Header value: {f.label}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : (
        <FormErrors error={change.error} />
      )}
      <div className={styles.actions}>
        <Button
          onClick={() => setAsking(true)}
          disabled={fixed !== null || chosen === settings.reportFormat.id || change.busy}
          data-testid="change-format"
        >
          Change the report format
        </Button>
      </div>
      {asking && target ? (
        <ConfirmDialog
          title={`Change to ${target.name}?`}
          cancel={{ label: 'Keep the current format', onChoose: () => setAsking(false) }}
          choices={[
            {
              label: 'Change the format',
              appearance: 'primary',
              busy: change.busy,
              onChoose: () => void change.run(),
              testId: 'confirm-format',
            },
          ]}
        >
          <Text block as="p">
            The cover report’s sections, approval stages, roles and header rows become those of{' '}
            {label(target)}. Text already written moves to the section with the same name; the new format’s
            other sections start empty; sections it lacks are removed only if nothing was written in them.
          </Text>
          <Text block as="p">
            Each approval stage’s rule (how many must approve, who must be among them) becomes the new
            format’s; a rule you changed here is not carried over. People named in roles the new format also
            has stay named; roles it lacks are cleared.
          </Text>
          <Text block as="p">
            If written text or a header value would have nowhere to go, nothing changes and you are shown
            which.
          </Text>
        </ConfirmDialog>
      ) : null}
    </SettingsPanel>
  );
}
