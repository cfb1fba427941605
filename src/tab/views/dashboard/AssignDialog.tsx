/** Assign a section: its owner and contributors from the directory, and its due date. */
import {
  Button,
  Checkbox,
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
  fieldset: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
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
  const contribution = props.section.contribution;
  const [joint, setJoint] = useState(contribution.jointAuthors !== null);
  const [outside, setOutside] = useState(contribution.outsideParty !== null);
  const [organisation, setOrganisation] = useState(contribution.outsideParty?.organisation ?? '');
  const [contactName, setContactName] = useState(contribution.outsideParty?.contactName ?? '');
  const [email, setEmail] = useState(contribution.outsideParty?.email ?? '');
  const [toFollow, setToFollow] = useState(contribution.toFollow !== null);
  const [awaitedFrom, setAwaitedFrom] = useState(contribution.toFollow?.from ?? '');
  const [awaitedBy, setAwaitedBy] = useState(contribution.toFollow?.by ?? '');
  const accepted = props.section.status === 'accepted';
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
        jointAuthors: joint && contributors.length > 0,
        outsideParty: outside ? { organisation, contactName, email: email.trim() || null } : null,
      });
      const wasAwaited = contribution.toFollow;
      if (toFollow && (wasAwaited?.from !== awaitedFrom.trim() || (wasAwaited?.by ?? '') !== awaitedBy)) {
        await api.setToFollow(props.planId, props.section.key, { from: awaitedFrom, by: awaitedBy || null });
      } else if (!toFollow && wasAwaited) {
        await api.clearToFollow(props.planId, props.section.key);
      }
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
              <Checkbox
                label="Joint authors: the owner and every contributor must each agree before it counts as submitted"
                checked={joint}
                disabled={contributors.length === 0}
                onChange={(_e, d) => setJoint(d.checked === true)}
              />
              <Field label="Due date">
                <Input type="date" value={due} onChange={(_e, d) => setDue(d.value)} />
              </Field>
              <Checkbox
                label="The text comes from outside the council; the owner chases it and enters it"
                checked={outside}
                onChange={(_e, d) => setOutside(d.checked === true)}
              />
              {outside && (
                <fieldset className={styles.fieldset}>
                  <legend>Awaited from</legend>
                  <Field label="Organisation" required>
                    <Input value={organisation} onChange={(_e, d) => setOrganisation(d.value)} />
                  </Field>
                  <Field label="Contact name" required>
                    <Input value={contactName} onChange={(_e, d) => setContactName(d.value)} />
                  </Field>
                  <Field label="Contact e-mail">
                    <Input type="email" value={email} onChange={(_e, d) => setEmail(d.value)} />
                  </Field>
                </fieldset>
              )}
              <Checkbox
                label="To follow: approvals may start without it where the stage allows"
                checked={toFollow}
                disabled={accepted}
                onChange={(_e, d) => setToFollow(d.checked === true)}
              />
              {toFollow && (
                <fieldset className={styles.fieldset}>
                  <legend>To follow</legend>
                  <Field label="Awaited from" required hint="Who it is awaited from, as the report will say">
                    <Input
                      value={awaitedFrom}
                      onChange={(_e, d) => setAwaitedFrom(d.value)}
                      placeholder={outside && organisation ? organisation : 'e.g. the Leader of the Council'}
                    />
                  </Field>
                  <Field label="Expected by">
                    <Input type="date" value={awaitedBy} onChange={(_e, d) => setAwaitedBy(d.value)} />
                  </Field>
                </fieldset>
              )}
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
