/**
 * Who holds each role of the report format. A change is saved as soon as it is made (nothing is typed).
 * Approvers are fixed when a stage's round opens, so a change applies from each stage's next round.
 */
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { PlanSettingsDto, SettingsRoleDto } from '../../../shared/settings-api.js';
import { useSession } from '../../app/context.js';
import { nameOf } from '../../components/display-text.js';
import { ConfirmDialog, FormErrors, useSubmit } from '../../components/forms/index.js';
import { PersonSearch } from '../../components/PersonSearch.js';
import { SettingsPanel } from './SettingsForm.js';

const PLAN_LEAD = 'plan-lead';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, margin: 0, padding: 0 },
  role: { listStyle: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  holders: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

function RoleRow(props: {
  planId: string;
  role: SettingsRoleDto;
  settings: PlanSettingsDto;
  onSaved: () => void;
}) {
  const { api } = useSession();
  const styles = useStyles();
  const { role } = props;
  const [handOver, setHandOver] = useState<{ id: string; name: string } | null>(null);
  const pending = useRef<readonly string[] | null>(null);
  const submit = useSubmit(async () => {
    if (pending.current === null) return;
    await api.bindRole(props.planId, role.key, pending.current);
    pending.current = null;
    props.onSaved();
  });
  const bind = (personIds: readonly string[]) => {
    pending.current = personIds;
    void submit.run();
  };
  const names = props.settings.people;
  return (
    <li className={styles.role} data-testid={`role-${role.key}`}>
      <Text weight="semibold">{role.title}</Text>
      {role.description ? <Text size={200}>{role.description}</Text> : null}
      {role.approvesIn.length > 0 ? <Text size={200}>Approves in: {role.approvesIn.join('; ')}.</Text> : null}
      <div className={styles.holders}>
        {role.personIds.length === 0 ? <Text>Nobody named yet.</Text> : null}
        {role.personIds.map((id) => (
          <Text key={id}>
            {nameOf(names, id)}
            {role.key !== PLAN_LEAD ? (
              <Button
                size="small"
                appearance="subtle"
                disabled={submit.busy}
                onClick={() => bind(role.personIds.filter((p) => p !== id))}
              >
                Remove {nameOf(names, id)}
              </Button>
            ) : null}
          </Text>
        ))}
      </div>
      <PersonSearch
        label={
          role.group
            ? `Add to ${role.title}`
            : role.personIds.length > 0
              ? `Change the ${role.title}`
              : `Name the ${role.title}`
        }
        exclude={role.personIds}
        onPick={(person) => {
          if (role.key === PLAN_LEAD) setHandOver({ id: person.id, name: person.displayName });
          else bind(role.group ? [...role.personIds, person.id] : [person.id]);
        }}
      />
      <FormErrors error={submit.error} />
      {handOver ? (
        <ConfirmDialog
          title="Hand the plan over?"
          cancel={{ label: 'Keep it', onChoose: () => setHandOver(null) }}
          choices={[
            {
              label: `Make ${handOver.name} the plan lead`,
              appearance: 'primary',
              onChoose: () => {
                bind([handOver.id]);
                setHandOver(null);
              },
            },
          ]}
        >
          <Text block as="p">
            {handOver.name} will run the plan from now on: only they can change these settings, accept
            sections and start approvals.
          </Text>
        </ConfirmDialog>
      ) : null}
    </li>
  );
}

export function RolesPanel(props: { settings: PlanSettingsDto; onSaved: () => void }) {
  const styles = useStyles();
  return (
    <SettingsPanel title="Roles" id="settings-roles">
      <Text>
        Each change is saved at once. Approvers are fixed when a stage’s round opens: a round already open
        keeps the people it was sent to, and a change applies from that stage’s next round.
      </Text>
      <ul className={styles.list}>
        {props.settings.roles.map((role) => (
          <RoleRow
            key={role.key}
            planId={props.settings.id}
            role={role}
            settings={props.settings}
            onSaved={props.onSaved}
          />
        ))}
      </ul>
    </SettingsPanel>
  );
}
