/**
 * "New plan from template": template, the council's report format, title and dates. Every problem is
 * shown beside its field at once, and the dates are checked (and the timeline they give shown, with its
 * warnings) before the plan is created.
 */
import { Checkbox, Field, Input, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { CreatePlanRequest } from '../../../shared/api.js';
import { useSession } from '../../app/context.js';
import { longDate } from '../../components/display-text.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import {
  DateInput,
  dateProblem,
  FormDialog,
  useDirty,
  useFieldCheck,
  useSubmit,
} from '../../components/forms/index.js';
import { Loading } from '../../components/Loading.js';
import { useLoad } from '../../components/use-load.js';
import { TimelinePreview } from '../settings/TimelinePreview.js';

const useStyles = makeStyles({
  // A long format name ("Barking and Dagenham — Cabinet report") is cut short inside the dialog, not past it.
  select: { minWidth: 0, maxWidth: '100%', '& select': { textOverflow: 'ellipsis', minWidth: 0 } },
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
  },
});

type Fields = 'title' | 'deadline' | 'meetingDate' | 'mtDate';

export function NewPlanDialog({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (planId: string) => void;
}) {
  const { api } = useSession();
  const styles = useStyles();
  const catalog = useLoad(() => api.catalog(), [api]);
  // One id per dialog: a retried "Create" finds the plan the first attempt made instead of a second one.
  const planId = useMemo(() => crypto.randomUUID(), []);
  const today = useMemo(() => new Date().toISOString().slice(0, 10), []);
  const [templateId, setTemplateId] = useState('');
  const [formatId, setFormatId] = useState('');
  const [title, setTitle] = useState('');
  const [deadline, setDeadline] = useState({ value: '', bad: false });
  const [meetingBody, setMeetingBody] = useState('');
  const [meetingDate, setMeetingDate] = useState({ value: '', bad: false });
  const [mtDate, setMtDate] = useState({ value: '', bad: false });
  // Until the lead ticks or clears it, the key decision is the format's default.
  const [keyDecisionChoice, setKeyDecisionChoice] = useState<boolean | null>(null);
  const dirty = useDirty([title, deadline.value, meetingBody, meetingDate.value, mtDate.value]);

  const template = catalog.data?.templates.find(
    (t) => t.id === (templateId || catalog.data?.templates[0]?.id),
  );
  const format = catalog.data?.reportFormats.find(
    (f) => f.id === (formatId || catalog.data?.reportFormats[0]?.id),
  );
  const perPlanKeyDecision = format?.governance.keyDecision === 'per-plan';
  const keyDecision = keyDecisionChoice ?? format?.governance.keyDecisionDefault ?? true;
  const committee = format?.governance.model === 'committee';
  // The template's deadline stands in when none is typed; one that has passed is no guide to the meeting.
  const templateDeadline = template?.submissionDeadline ?? '';
  const deadlineValue = deadline.value || templateDeadline;
  const deadlineToMeet = deadline.value || (templateDeadline >= today ? templateDeadline : '');

  const check = useFieldCheck<Fields>({
    title: title.trim() === '' ? 'Give the plan a title, for example “Productivity Plan 2024”.' : null,
    deadline: dateProblem('Submission deadline', deadline.value, deadline.bad, {
      notBefore: { date: today, words: 'in the past' },
    }),
    meetingDate:
      dateProblem('Decision meeting date', meetingDate.value, meetingDate.bad, {
        notBefore: { date: today, words: 'in the past' },
      }) ??
      (meetingDate.value !== '' && deadlineToMeet !== '' && meetingDate.value > deadlineToMeet
        ? 'The decision meeting is after the submission deadline: the plan could not be submitted in time.'
        : null),
    mtDate:
      dateProblem('Management team meeting', mtDate.value, mtDate.bad, {
        notBefore: { date: today, words: 'in the past' },
      }) ??
      (mtDate.value !== '' && meetingDate.value !== '' && mtDate.value >= meetingDate.value
        ? 'The management team meets on or after the decision meeting: it must endorse the plan before.'
        : null),
  });

  const dates: NonNullable<CreatePlanRequest['dates']> = {
    submissionDeadline: deadlineValue || null,
    // A fixed key-decision setting (or a committee's, which has none) is the format's to give.
    ...(perPlanKeyDecision ? { keyDecision } : {}),
    ...(meetingDate.value
      ? {
          decisionMeeting: {
            body: meetingBody.trim() || format?.decisionBody || '',
            date: meetingDate.value,
          },
        }
      : {}),
    ...(mtDate.value ? { managementTeamMeeting: mtDate.value } : {}),
  };

  const submit = useSubmit(
    async () => {
      if (!template || !format) return;
      const created = await api.createPlan({
        planId,
        templateId: template.id,
        reportFormatId: format.id,
        title: title.trim(),
        dates,
      });
      onCreated(created.planId);
    },
    { problems: check },
  );

  return (
    <FormDialog
      title="New plan from template"
      submit={submit}
      submitLabel="Create plan"
      busyLabel="Creating the plan…"
      onClose={onClose}
      dirty={dirty}
      notReady={!catalog.data}
    >
      {catalog.error ? <ErrorNotice error={catalog.error} onRetry={catalog.reload} /> : null}
      {!catalog.data && !catalog.error ? <Loading label="Loading templates…" /> : null}
      {catalog.data && (
        <>
          <Field label="Template" required>
            <Select
              className={styles.select}
              value={template?.id ?? ''}
              onChange={(_e, d) => setTemplateId(d.value)}
            >
              {catalog.data.templates.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Report format (your council's cover report)" required>
            <Select
              className={styles.select}
              value={format?.id ?? ''}
              onChange={(_e, d) => {
                setFormatId(d.value);
                setKeyDecisionChoice(null);
              }}
            >
              {catalog.data.reportFormats.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.council} — {f.name}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Title" required hint="For example: Productivity Plan 2024" {...check.field('title')}>
            <Input value={title} onChange={(_e, d) => setTitle(d.value)} maxLength={255} />
          </Field>
          <div className={styles.row}>
            <Field
              label="Submission deadline"
              hint={
                templateDeadline === ''
                  ? undefined
                  : templateDeadline < today
                    ? `The template's (${longDate(templateDeadline)}) has passed: give this plan's own.`
                    : `The template's: ${longDate(templateDeadline)}`
              }
              {...check.field('deadline')}
            >
              <DateInput value={deadline.value} onChange={(value, bad) => setDeadline({ value, bad })} />
            </Field>
            {format?.managementTeamStep ? (
              <Field
                label="Management team meeting"
                hint={format.managementTeamStep}
                {...check.field('mtDate')}
              >
                <DateInput value={mtDate.value} onChange={(value, bad) => setMtDate({ value, bad })} />
              </Field>
            ) : null}
          </div>
          <div className={styles.row}>
            <Field label="Decision meeting">
              <Input
                value={meetingBody}
                placeholder={format?.decisionBody ?? 'Cabinet'}
                onChange={(_e, d) => setMeetingBody(d.value)}
              />
            </Field>
            <Field label="Decision meeting date" {...check.field('meetingDate')}>
              <DateInput
                value={meetingDate.value}
                onChange={(value, bad) => setMeetingDate({ value, bad })}
              />
            </Field>
          </div>
          {perPlanKeyDecision ? (
            <Checkbox
              checked={keyDecision}
              onChange={(_e, d) => setKeyDecisionChoice(d.checked === true)}
              label="This is a key decision (needs 28 clear days' notice on the forward plan)"
            />
          ) : (
            <Text block as="p" data-testid="governance-note">
              {committee
                ? `Decided by the ${format?.decisionBody ?? 'committee'} (committee system): there is no forward plan of key decisions, no portfolio holder and no call-in.`
                : format?.governance.keyDecision === 'always'
                  ? "This council always takes the plan as a key decision (28 clear days' notice on the forward plan)."
                  : 'This council does not take the plan as a key decision.'}
            </Text>
          )}
          {template &&
          format &&
          check.count === 0 &&
          (meetingDate.value || mtDate.value || deadline.value) ? (
            <TimelinePreview
              load={() =>
                api.previewNewPlan({ templateId: template.id, reportFormatId: format.id, title, dates })
              }
              deps={[template.id, format.id, JSON.stringify(dates)]}
            />
          ) : null}
        </>
      )}
    </FormDialog>
  );
}
