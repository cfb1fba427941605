/** Assign a section: its owner and contributors from the directory, and its due date. */
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
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { PeopleDto, PersonDto, SectionSummaryDto } from '../../../shared/api.js';
import { useSession } from '../../app/context.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { nameOf } from '../../components/display-text.js';
import { PersonSearch } from '../../components/PersonSearch.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  chips: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, listStyle: 'none', padding: 0 },
});

export function AssignDialog(props: {
  planId: string;
  section: SectionSummaryDto;
  people: PeopleDto;
  onClose: () => void;
  onAssigned: () => void;
}) {
  const { api } = useSession();
  const styles = useStyles();
  const known = (id: string): PersonDto =>
    props.people[id] ?? { id, displayName: nameOf(props.people, id), mail: null, jobTitle: null };
  const [owner, setOwner] = useState<PersonDto | null>(
    props.section.ownerId ? known(props.section.ownerId) : null,
  );
  const [contributors, setContributors] = useState<PersonDto[]>(props.section.contributorIds.map(known));
  const [due, setDue] = useState(props.section.dueDate ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!owner) return;
    setBusy(true);
    setError(null);
    try {
      await api.assign(props.planId, props.section.key, {
        ownerId: owner.id,
        contributorIds: contributors.map((c) => c.id),
        dueDate: due || null,
      });
      props.onAssigned();
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <Dialog open onOpenChange={(_e, data) => !data.open && !busy && props.onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <form onSubmit={save}>
          <DialogBody>
            <DialogTitle>Assign “{props.section.title}”</DialogTitle>
            <DialogContent className={styles.form}>
              <Text block as="p">
                Owner: <strong data-testid="assign-owner">{owner ? owner.displayName : 'nobody yet'}</strong>
              </Text>
              <PersonSearch label="Choose the owner" onPick={setOwner} />
              <div>
                <Text block as="p">
                  Contributors:{contributors.length === 0 ? ' none' : ''}
                </Text>
                <ul className={styles.chips} aria-label="Contributors">
                  {contributors.map((person) => (
                    <li key={person.id}>
                      <Button
                        size="small"
                        onClick={() => setContributors((list) => list.filter((c) => c.id !== person.id))}
                        aria-label={`Remove ${person.displayName}`}
                      >
                        {person.displayName} ✕
                      </Button>
                    </li>
                  ))}
                </ul>
              </div>
              <PersonSearch
                label="Add a contributor"
                exclude={[...(owner ? [owner.id] : []), ...contributors.map((c) => c.id)]}
                onPick={(person) => setContributors((list) => [...list, person])}
              />
              <Field label="Due date">
                <Input type="date" value={due} onChange={(_e, d) => setDue(d.value)} />
              </Field>
              {error ? <ErrorNotice error={error} /> : null}
            </DialogContent>
            <DialogActions>
              <Button onClick={props.onClose} disabled={busy}>
                Cancel
              </Button>
              <Button
                type="submit"
                appearance="primary"
                disabled={busy || owner === null}
                icon={busy ? <Spinner size="tiny" /> : undefined}
              >
                {busy ? 'Assigning…' : 'Assign'}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
