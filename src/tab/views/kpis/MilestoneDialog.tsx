/** Add or change a milestone, or update its progress (status, completion date, note). */
import { Field, Input, Select, Text, Textarea } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { PeopleDto } from '../../../shared/api.js';
import type { Milestone } from '../../../shared/kpi-api.js';
import { useSession } from '../../app/context.js';
import { nameOf, themeName } from '../../components/display-text.js';
import {
  DateInput,
  dateProblem,
  FormDialog,
  useDirty,
  useFieldCheck,
  useSubmit,
} from '../../components/forms/index.js';
import { PersonSearch } from '../../components/PersonSearch.js';

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
  themeTitles: Readonly<Record<number, string>>;
  people: PeopleDto;
  milestone: Milestone | null;
  /** Progress only: the owner (or lead) updating where it stands. */
  mode: 'define' | 'progress';
  onClose: () => void;
  onSaved: () => void;
}) {
  const { api, me } = useSession();
  const m = props.milestone;
  const today = useMemo(() => new Date().toISOString().slice(0, 10), []);
  const [title, setTitle] = useState(m?.title ?? '');
  const [ownerId, setOwnerId] = useState(m?.ownerId ?? me.id);
  const [ownerName, setOwnerName] = useState(m ? nameOf(props.people, m.ownerId) : me.displayName);
  const [dueDate, setDueDate] = useState({ value: m?.dueDate ?? '', bad: false });
  const [theme, setTheme] = useState(m?.theme === null || !m ? '' : String(m.theme));
  const [status, setStatus] = useState<Status>(m?.status ?? 'not-started');
  const [completedOn, setCompletedOn] = useState({ value: m?.completedOn ?? '', bad: false });
  const [note, setNote] = useState(m?.note ?? '');
  const dirty = useDirty([title, ownerId, dueDate.value, theme, status, completedOn.value, note]);
  const progress = props.mode === 'progress';

  const check = useFieldCheck<'title' | 'dueDate' | 'completedOn'>(
    progress
      ? {
          completedOn:
            status !== 'complete'
              ? null
              : (dateProblem('Completed on', completedOn.value, completedOn.bad, { required: true }) ??
                (completedOn.value > today ? 'The completion date cannot be in the future.' : null)),
        }
      : {
          title: title.trim() === '' ? 'Give the milestone a title.' : null,
          dueDate: dateProblem('Due date', dueDate.value, dueDate.bad, { required: true }),
        },
  );

  const submit = useSubmit(
    async () => {
      if (progress && m) {
        await api.milestoneProgress(props.planId, m.id, {
          baseRevision: m.revision,
          change: {
            status,
            completedOn: status === 'complete' && completedOn.value !== '' ? completedOn.value : null,
            note: note.trim() === '' ? null : note,
          },
        });
      } else {
        const definition = {
          title: title.trim(),
          ownerId,
          dueDate: dueDate.value,
          theme: theme === '' ? null : Number(theme),
        };
        if (m) await api.updateMilestone(props.planId, m.id, { baseRevision: m.revision, definition });
        else await api.defineMilestone(props.planId, { definition });
      }
      props.onSaved();
    },
    { problems: check },
  );

  const heading = progress
    ? `Progress of “${m?.title ?? ''}”`
    : m
      ? `Change “${m.title}”`
      : 'Add a milestone';
  return (
    <FormDialog
      title={heading}
      submit={submit}
      submitLabel="Save"
      busyLabel="Saving…"
      onClose={props.onClose}
      dirty={dirty}
    >
      {!progress ? (
        <>
          <Field label="Title" required {...check.field('title')}>
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
          <Field label="Due date" required {...check.field('dueDate')}>
            <DateInput value={dueDate.value} onChange={(value, bad) => setDueDate({ value, bad })} />
          </Field>
          <Field label="Theme">
            <Select value={theme} onChange={(_e, d) => setTheme(d.value)}>
              <option value="">The plan as a whole</option>
              {props.themes.map((t) => (
                <option key={t} value={String(t)}>
                  {themeName(t, props.themeTitles)}
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
            <Field label="Completed on" required {...check.field('completedOn')}>
              <DateInput
                value={completedOn.value}
                onChange={(value, bad) => setCompletedOn({ value, bad })}
              />
            </Field>
          ) : null}
          <Field label="Note">
            <Textarea value={note} onChange={(_e, d) => setNote(d.value)} />
          </Field>
        </>
      )}
    </FormDialog>
  );
}
