/** Add or change a milestone, or update its progress (status, completion date, note). */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  Select,
  Spinner,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { PeopleDto } from '../../../shared/api.js';
import type { Milestone } from '../../../shared/kpi-api.js';
import { useSession } from '../../app/context.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { nameOf } from '../../components/display-text.js';
import { PersonSearch } from '../../components/PersonSearch.js';
import { problemsIn } from './kpi-format.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export const MILESTONE_STATUS_WORDS = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  'at-risk': 'At risk',
  complete: 'Complete',
} as const;
type Status = keyof typeof MILESTONE_STATUS_WORDS;

export function MilestoneDialog(props: {
  planId: string;
  themes: readonly number[];
  people: PeopleDto;
  milestone: Milestone | null;
  /** Progress only: the owner (or lead) updating where it stands. */
  mode: 'define' | 'progress';
  onClose: () => void;
  onSaved: () => void;
}) {
  const { api, me } = useSession();
  const styles = useStyles();
  const m = props.milestone;
  const [title, setTitle] = useState(m?.title ?? '');
  const [ownerId, setOwnerId] = useState(m?.ownerId ?? me.id);
  const [ownerName, setOwnerName] = useState(m ? nameOf(props.people, m.ownerId) : me.displayName);
  const [dueDate, setDueDate] = useState(m?.dueDate ?? '');
  const [theme, setTheme] = useState(m?.theme === null || !m ? '' : String(m.theme));
  const [status, setStatus] = useState<Status>(m?.status ?? 'not-started');
  const [completedOn, setCompletedOn] = useState(m?.completedOn ?? '');
  const [note, setNote] = useState(m?.note ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (props.mode === 'progress' && m) {
        await api.milestoneProgress(props.planId, m.id, {
          baseRevision: m.revision,
          change: {
            status,
            completedOn: status === 'complete' && completedOn !== '' ? completedOn : null,
            note: note.trim() === '' ? null : note,
          },
        });
      } else {
        const definition = { title, ownerId, dueDate, theme: theme === '' ? null : Number(theme) };
        if (m) await api.updateMilestone(props.planId, m.id, { baseRevision: m.revision, definition });
        else await api.defineMilestone(props.planId, { definition });
      }
      props.onSaved();
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  const problems = problemsIn(error);
  const heading =
    props.mode === 'progress'
      ? `Progress of “${m?.title ?? ''}”`
      : m
        ? `Change “${m.title}”`
        : 'Add a milestone';
  return (
    <Dialog open onOpenChange={(_e, data) => !data.open && !busy && props.onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <form onSubmit={save} noValidate>
          <DialogBody>
            <DialogTitle>{heading}</DialogTitle>
            <DialogContent className={styles.form}>
              {problems.length > 0 ? (
                <ul role="alert">
                  {problems.map((p) => (
                    <li key={p}>{p}</li>
                  ))}
                </ul>
              ) : error ? (
                <ErrorNotice error={error} />
              ) : null}
              {props.mode === 'define' ? (
                <>
                  <Field label="Title" required>
                    <Input value={title} onChange={(_e, d) => setTitle(d.value)} />
                  </Field>
                  <Text block as="p">
                    Owner: <strong>{ownerName}</strong>
                  </Text>
                  <PersonSearch
                    label="Choose a different owner"
                    onPick={(person) => {
                      setOwnerId(person.id);
                      setOwnerName(person.displayName);
                    }}
                  />
                  <Field label="Due date" required>
                    <Input type="date" value={dueDate} onChange={(_e, d) => setDueDate(d.value)} />
                  </Field>
                  <Field label="Theme">
                    <Select value={theme} onChange={(_e, d) => setTheme(d.value)}>
                      <option value="">The plan as a whole</option>
                      {props.themes.map((t) => (
                        <option key={t} value={String(t)}>
                          Theme {t}
                        </option>
                      ))}
                    </Select>
                  </Field>
                </>
              ) : (
                <>
                  <Field label="Status">
                    <Select value={status} onChange={(_e, d) => setStatus(d.value as Status)}>
                      {Object.entries(MILESTONE_STATUS_WORDS).map(([key, words]) => (
                        <option key={key} value={key}>
                          {words}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  {status === 'complete' ? (
                    <Field label="Completed on" required>
                      <Input type="date" value={completedOn} onChange={(_e, d) => setCompletedOn(d.value)} />
                    </Field>
                  ) : null}
                  <Field label="Note">
                    <Textarea value={note} onChange={(_e, d) => setNote(d.value)} />
                  </Field>
                </>
              )}
            </DialogContent>
            <DialogActions>
              <Button onClick={props.onClose} disabled={busy}>
                Cancel
              </Button>
              <Button
                type="submit"
                appearance="primary"
                disabled={busy}
                icon={busy ? <Spinner size="tiny" /> : undefined}
              >
                {busy ? 'Saving…' : 'Save'}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
