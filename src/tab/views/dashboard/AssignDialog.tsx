/** Assign a section: its owner and contributors from the directory, and its due date. */
import { Button, Checkbox, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { PeopleDto, PersonDto, SectionSummaryDto } from '../../../shared/api.js';
import { useSession } from '../../app/context.js';
import { nameOf } from '../../components/display-text.js';
import {
  DateInput,
  dateProblem,
  FormDialog,
  useDirty,
  useFieldCheck,
  useSubmit,
} from '../../components/forms/index.js';
import { PersonSearch } from '../../components/PersonSearch.js';

const useStyles = makeStyles({
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
  const [due, setDue] = useState({ value: props.section.dueDate ?? '', bad: false });
  const contribution = props.section.contribution;
  const [joint, setJoint] = useState(contribution.jointAuthors !== null);
  const [outside, setOutside] = useState(contribution.outsideParty !== null);
  const [organisation, setOrganisation] = useState(contribution.outsideParty?.organisation ?? '');
  const [contactName, setContactName] = useState(contribution.outsideParty?.contactName ?? '');
  const [email, setEmail] = useState(contribution.outsideParty?.email ?? '');
  const [toFollow, setToFollow] = useState(contribution.toFollow !== null);
  const [awaitedFrom, setAwaitedFrom] = useState(contribution.toFollow?.from ?? '');
  const [awaitedBy, setAwaitedBy] = useState({ value: contribution.toFollow?.by ?? '', bad: false });
  const accepted = props.section.status === 'accepted';
  const dirty = useDirty([
    owner?.id ?? null,
    contributors.map((c) => c.id),
    due.value,
    joint,
    outside,
    organisation,
    contactName,
    email,
    toFollow,
    awaitedFrom,
    awaitedBy.value,
  ]);

  const check = useFieldCheck<
    'owner' | 'due' | 'organisation' | 'contactName' | 'email' | 'awaitedFrom' | 'awaitedBy'
  >({
    owner: owner ? null : 'Choose the owner: type two letters of a name and pick them from the list.',
    due: dateProblem('Due date', due.value, due.bad),
    organisation: outside && organisation.trim() === '' ? 'Name the organisation the text comes from.' : null,
    contactName: outside && contactName.trim() === '' ? 'Name the contact there.' : null,
    email:
      outside && email.trim() !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())
        ? 'That is not an e-mail address (name@example.org).'
        : null,
    awaitedFrom:
      toFollow && awaitedFrom.trim() === '' ? 'Say who it is awaited from, as the report will say.' : null,
    awaitedBy: toFollow ? dateProblem('Expected by', awaitedBy.value, awaitedBy.bad) : null,
  });

  const submit = useSubmit(
    async () => {
      if (!owner) return;
      await api.assign(props.planId, props.section.key, {
        ownerId: owner.id,
        contributorIds: contributors.map((c) => c.id),
        dueDate: due.value || null,
        jointAuthors: joint && contributors.length > 0,
        outsideParty: outside ? { organisation, contactName, email: email.trim() || null } : null,
      });
      const wasAwaited = contribution.toFollow;
      if (
        toFollow &&
        (wasAwaited?.from !== awaitedFrom.trim() || (wasAwaited?.by ?? '') !== awaitedBy.value)
      ) {
        await api.setToFollow(props.planId, props.section.key, {
          from: awaitedFrom,
          by: awaitedBy.value || null,
        });
      } else if (!toFollow && wasAwaited) {
        await api.clearToFollow(props.planId, props.section.key);
      }
      props.onAssigned();
    },
    { problems: check },
  );

  return (
    <FormDialog
      title={`Assign “${props.section.title}”`}
      submit={submit}
      submitLabel="Assign"
      busyLabel="Assigning…"
      onClose={props.onClose}
      dirty={dirty}
    >
      <Text block as="p">
        Owner: <strong data-testid="assign-owner">{owner ? owner.displayName : 'nobody yet'}</strong>
      </Text>
      <PersonSearch label="Choose the owner" onPick={setOwner} {...check.field('owner')} />
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
      <Field label="Due date" {...check.field('due')}>
        <DateInput value={due.value} onChange={(value, bad) => setDue({ value, bad })} />
      </Field>
      <Checkbox
        label="The text comes from outside the council; the owner chases it and enters it"
        checked={outside}
        onChange={(_e, d) => setOutside(d.checked === true)}
      />
      {outside && (
        <fieldset className={styles.fieldset}>
          <legend>Awaited from</legend>
          <Field label="Organisation" required {...check.field('organisation')}>
            <Input value={organisation} onChange={(_e, d) => setOrganisation(d.value)} />
          </Field>
          <Field label="Contact name" required {...check.field('contactName')}>
            <Input value={contactName} onChange={(_e, d) => setContactName(d.value)} />
          </Field>
          <Field label="Contact e-mail" {...check.field('email')}>
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
          <Field
            label="Awaited from"
            required
            hint="Who it is awaited from, as the report will say"
            {...check.field('awaitedFrom')}
          >
            <Input
              value={awaitedFrom}
              onChange={(_e, d) => setAwaitedFrom(d.value)}
              placeholder={outside && organisation ? organisation : 'e.g. the Leader of the Council'}
            />
          </Field>
          <Field label="Expected by" {...check.field('awaitedBy')}>
            <DateInput value={awaitedBy.value} onChange={(value, bad) => setAwaitedBy({ value, bad })} />
          </Field>
        </fieldset>
      )}
    </FormDialog>
  );
}
