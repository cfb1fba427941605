/** The plan's dates, with the timeline they give and its warnings shown before they are saved. */
import { Checkbox, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { SetDatesRequest } from '../../../shared/api.js';
import type { PlanSettingsDto } from '../../../shared/settings-api.js';
import { useSession } from '../../app/context.js';
import { DateInput, differs, useFieldCheck, useSubmit } from '../../components/forms/index.js';
import { datesProblems, type TypedDates } from './date-checks.js';
import { SettingsForm } from './SettingsForm.js';
import { TimelinePreview } from './TimelinePreview.js';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
  },
});

function typedFrom(settings: PlanSettingsDto): TypedDates & { keyDecision: boolean } {
  const { dates } = settings;
  return {
    deadline: { value: dates.submissionDeadline ?? '', bad: false },
    meetingBody: dates.decisionMeeting?.body ?? '',
    meetingDate: { value: dates.decisionMeeting?.date ?? '', bad: false },
    mtDate: { value: dates.managementTeamMeeting ?? '', bad: false },
    keyDecision: dates.keyDecision,
  };
}

export function DatesForm(props: { settings: PlanSettingsDto; onSaved: () => void }) {
  const { api } = useSession();
  const styles = useStyles();
  const [initial] = useState(() => typedFrom(props.settings));
  const [typed, setTyped] = useState(initial);
  const set = (change: Partial<typeof typed>) => setTyped((current) => ({ ...current, ...change }));
  const check = useFieldCheck(datesProblems(typed));
  const request: SetDatesRequest = {
    submissionDeadline: typed.deadline.value || null,
    decisionMeeting: typed.meetingDate.value
      ? { body: typed.meetingBody.trim(), date: typed.meetingDate.value }
      : null,
    keyDecision: typed.keyDecision,
    managementTeamMeeting: typed.mtDate.value || null,
  };
  const dirty = differs(initial, typed);
  const submit = useSubmit(
    async () => {
      await api.setDates(props.settings.id, request);
      props.onSaved();
    },
    { problems: check },
  );
  return (
    <SettingsForm
      title="Dates"
      id="settings-dates"
      unsavedLabel="The plan's dates"
      dirty={dirty}
      submit={submit}
      saveLabel="Save the dates"
    >
      <div className={styles.row}>
        <Field label="Submission deadline" {...check.field('deadline')}>
          <DateInput
            value={typed.deadline.value}
            onChange={(value, bad) => set({ deadline: { value, bad } })}
          />
        </Field>
        <Field label="Management team meeting" {...check.field('mtDate')}>
          <DateInput value={typed.mtDate.value} onChange={(value, bad) => set({ mtDate: { value, bad } })} />
        </Field>
      </div>
      <div className={styles.row}>
        <Field label="Decision meeting" {...check.field('meetingBody')}>
          <Input
            value={typed.meetingBody}
            onChange={(_e, d) => set({ meetingBody: d.value })}
            maxLength={200}
          />
        </Field>
        <Field label="Decision meeting date" {...check.field('meetingDate')}>
          <DateInput
            value={typed.meetingDate.value}
            onChange={(value, bad) => set({ meetingDate: { value, bad } })}
          />
        </Field>
      </div>
      <Checkbox
        checked={typed.keyDecision}
        onChange={(_e, d) => set({ keyDecision: d.checked === true })}
        label="This is a key decision (needs 28 clear days' notice on the forward plan)"
      />
      {check.count === 0 && dirty ? (
        <TimelinePreview
          full
          load={() => api.previewDates(props.settings.id, request)}
          deps={[props.settings.id, JSON.stringify(request)]}
        />
      ) : null}
    </SettingsForm>
  );
}
