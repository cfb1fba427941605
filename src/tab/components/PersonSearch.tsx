/** Pick a person from the directory by typing the start of their name or email. */
import { Combobox, Field, Option } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { PersonDto } from '../../shared/api.js';
import { useSession } from '../app/context.js';
import { describeError } from '../api/client.js';

export function PersonSearch(props: {
  label: string;
  onPick: (person: PersonDto) => void;
  exclude?: readonly string[];
  hint?: string;
  /** A problem the form found (no one chosen yet), shown like the Field's own. */
  validationMessage?: string;
  validationState?: 'error' | 'none';
  onBlur?: () => void;
}) {
  const { api } = useSession();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<readonly PersonDto[]>([]);
  const [searching, setSearching] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const text = query.trim();
    if (text.length < 2) {
      setFound([]);
      return;
    }
    let live = true;
    setSearching(true);
    const timer = setTimeout(() => {
      api.searchPeople(text).then(
        (answer) => {
          if (!live) return;
          setFound(answer.people);
          setProblem(null);
          setSearching(false);
        },
        (error: unknown) => {
          if (!live) return;
          const { detail, next } = describeError(error);
          setProblem(`${detail} ${next}`);
          setSearching(false);
        },
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, query]);
  const offered = found.filter((p) => !(props.exclude ?? []).includes(p.id));

  const hint = searching
    ? 'Searching the directory…'
    : query.trim().length >= 2 && offered.length === 0
      ? 'Nobody found: check the spelling.'
      : (props.hint ?? 'Type at least two letters of a name or email.');
  return (
    <Field
      label={props.label}
      hint={problem || props.validationMessage ? undefined : hint}
      validationMessage={problem ?? props.validationMessage}
      {...(props.validationState && !problem ? { validationState: props.validationState } : {})}
      {...(props.onBlur ? { onBlur: props.onBlur } : {})}
    >
      <Combobox
        freeform
        value={query}
        placeholder="Search the directory"
        open={open && offered.length > 0}
        onOpenChange={(_event, data) => setOpen(data.open)}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
        }}
        onOptionSelect={(_event, data) => {
          const person = offered.find((p) => p.id === data.optionValue);
          if (person) {
            props.onPick(person);
            setOpen(false);
            setQuery('');
            setFound([]);
          }
        }}
      >
        {offered.map((person) => (
          <Option key={person.id} value={person.id} text={person.displayName}>
            {person.displayName}
            {person.jobTitle ? ` — ${person.jobTitle}` : ''}
          </Option>
        ))}
      </Combobox>
    </Field>
  );
}
