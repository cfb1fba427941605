/**
 * One approval stage's rule: everyone, any one, or a number of those named, and the roles that must
 * approve whatever the rule says. An open round keeps the rule it was sent under.
 */
import {
  Checkbox,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ApprovalRule } from '../../../domain/templates/report-format.js';
import type { SettingsStageDto } from '../../../shared/settings-api.js';
import { useSession } from '../../app/context.js';
import { differs, useFieldCheck, useSubmit } from '../../components/forms/index.js';
import { SettingsForm } from './SettingsForm.js';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'end' },
  number: { maxWidth: '8em' },
});

export function StageRuleForm(props: { planId: string; stage: SettingsStageDto; onSaved: () => void }) {
  const { api } = useSession();
  const styles = useStyles();
  const { stage } = props;
  const [initial] = useState(() => ({
    kind: stage.rule.kind,
    n: stage.rule.kind === 'quorum' ? String(stage.rule.n) : '',
    mandatory: [...stage.mandatoryRoles],
  }));
  const [typed, setTyped] = useState(initial);
  const n = Number(typed.n);
  const check = useFieldCheck({
    n:
      typed.kind === 'quorum' && (!/^\d{1,3}$/.test(typed.n.trim()) || n < 1 || n > 100)
        ? 'Give how many must approve: a whole number from 1 to 100.'
        : null,
  });
  const rule: ApprovalRule = typed.kind === 'quorum' ? { kind: 'quorum', n } : { kind: typed.kind };
  const submit = useSubmit(
    async () => {
      await api.setStageRule(props.planId, stage.key, { rule, mandatoryRoles: typed.mandatory });
      props.onSaved();
    },
    { problems: check },
  );
  const id = `settings-stage-${stage.key}`;
  return (
    <SettingsForm
      title={stage.title}
      id={id}
      unsavedLabel={`The rule of “${stage.title}”`}
      dirty={differs(initial, typed)}
      submit={submit}
      saveLabel="Save the rule"
      saved={stage.ruleText}
    >
      {!stage.editable ? (
        <Text>This stage is open: its rule holds for this round. Change it once the round has closed.</Text>
      ) : null}
      <div className={styles.row}>
        <Field label="Who must approve">
          <RadioGroup
            value={typed.kind}
            disabled={!stage.editable}
            onChange={(_e, d) => setTyped((t) => ({ ...t, kind: d.value as ApprovalRule['kind'] }))}
          >
            <Radio value="all" label="Everyone named" />
            <Radio value="any" label="Any one of them" />
            <Radio value="quorum" label="A number of them" />
          </RadioGroup>
        </Field>
        {typed.kind === 'quorum' ? (
          <Field label="How many" required {...check.field('n')}>
            <Input
              className={styles.number}
              inputMode="numeric"
              value={typed.n}
              disabled={!stage.editable}
              onChange={(_e, d) => setTyped((t) => ({ ...t, n: d.value }))}
            />
          </Field>
        ) : null}
      </div>
      {stage.approverRoles.length > 1 ? (
        <Field label="Must approve whatever the rule says">
          <div>
            {stage.approverRoles.map((role) => (
              <Checkbox
                key={role.key}
                label={role.title}
                disabled={!stage.editable}
                checked={typed.mandatory.includes(role.key)}
                onChange={(_e, d) =>
                  setTyped((t) => ({
                    ...t,
                    mandatory: d.checked
                      ? [...t.mandatory, role.key]
                      : t.mandatory.filter((m) => m !== role.key),
                  }))
                }
              />
            ))}
          </div>
        </Field>
      ) : null}
    </SettingsForm>
  );
}
