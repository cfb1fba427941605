/**
 * The lead records the meeting's decision. Every problem with what is typed shows at once beside its
 * field (the shared field check); a refusal from the server shows below the form; nothing typed is lost.
 */
import { Button, Field, Input, makeStyles, Select, Spinner, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { PlanViewDto } from '../../../shared/api.js';
import type { RecordPlanDecisionRequest } from '../../../shared/kpi-api.js';
import { useSession } from '../../app/context.js';
import {
  DateInput,
  FormErrors,
  keepFocusOnPress,
  useFieldCheck,
  useSubmit,
} from '../../components/forms/index.js';
import { decisionProblems, type DecisionField } from './decision-problems.js';

type Outcome = RecordPlanDecisionRequest['outcome'];

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
    marginBlock: tokens.spacingVerticalM,
  },
  field: { minWidth: 0, maxWidth: '100%' },
  actions: { flexBasis: '100%' },
});

export function DecisionForm({ plan, onRecorded }: { plan: PlanViewDto; onRecorded: () => void }) {
  const { api } = useSession();
  const styles = useStyles();
  const today = new Date().toISOString().slice(0, 10);
  // The meeting, its body and the outcomes it may resolve are the council's: from its decision stage.
  const decisionStages = plan.stages.filter((s) => s.kind === 'decision');
  const decisionStage = decisionStages.find((s) => s.state === 'open') ?? decisionStages[0];
  const outcomes = decisionStage?.outcomes ?? [];
  const [meetingBody, setMeetingBody] = useState(
    plan.dates.decisionMeeting?.body ?? decisionStage?.decisionBody ?? plan.governance.decisionBody,
  );
  const [meetingDate, setMeetingDate] = useState(plan.dates.decisionMeeting?.date ?? today);
  const [meetingDateBad, setMeetingDateBad] = useState(false);
  const [minute, setMinute] = useState('');
  const [callIn, setCallIn] = useState('');
  const [callInBad, setCallInBad] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(
    (outcomes.find((o) => o.publishable) ?? outcomes[0])?.value ?? 'approved',
  );

  const problems = useMemo(
    () => decisionProblems({ meetingBody, meetingDate, meetingDateBad, minute, callIn, callInBad }),
    [meetingBody, meetingDate, meetingDateBad, minute, callIn, callInBad],
  );
  const check = useFieldCheck<DecisionField>(problems);
  const submit = useSubmit(
    async () => {
      await api.recordPlanDecision(plan.id, {
        meetingBody: meetingBody.trim(),
        meetingDate,
        minuteReference: minute.trim(),
        callInEndsOn: callIn === '' ? null : callIn,
        outcome,
        versionHash: plan.versionHash,
      });
      onRecorded();
    },
    { problems: check },
  );

  return (
    <form
      onSubmit={(event) => void submit.run(event)}
      noValidate
      className={styles.form}
      aria-label="Record the decision"
    >
      <Field label="Meeting" required className={styles.field} {...check.field('meetingBody')}>
        <Input value={meetingBody} onChange={(_e, d) => setMeetingBody(d.value)} />
      </Field>
      <Field label="Meeting date" required className={styles.field} {...check.field('meetingDate')}>
        <DateInput
          value={meetingDate}
          onChange={(value, bad) => {
            setMeetingDate(value);
            setMeetingDateBad(bad);
          }}
        />
      </Field>
      <Field label="Minute reference" required className={styles.field} {...check.field('minute')}>
        <Input value={minute} onChange={(_e, d) => setMinute(d.value)} />
      </Field>
      {plan.governance.callInApplies ? (
        <Field
          label="Call-in period ends"
          hint={`Leave empty to work it out from the council's rule: ${plan.governance.callInRule ?? 'call-in'}.`}
          className={styles.field}
          {...check.field('callIn')}
        >
          <DateInput
            value={callIn}
            onChange={(value, bad) => {
              setCallIn(value);
              setCallInBad(bad);
            }}
          />
        </Field>
      ) : null}
      <Field label="Outcome" className={styles.field}>
        <Select value={outcome} onChange={(_e, d) => setOutcome(d.value as Outcome)}>
          {outcomes.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.actions}>
        <FormErrors error={submit.error} />
        <Button
          type="submit"
          appearance="primary"
          disabled={submit.busy}
          {...keepFocusOnPress}
          icon={submit.busy ? <Spinner size="tiny" /> : undefined}
        >
          {submit.busy ? 'Recording…' : 'Record the decision'}
        </Button>
      </div>
    </form>
  );
}
