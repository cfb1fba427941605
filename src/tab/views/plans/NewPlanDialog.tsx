/** "New plan from template": template, the council's report format, title and dates. */
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
  Select,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState, type FormEvent } from 'react';
import { useSession } from '../../app/context.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Loading } from '../../components/Loading.js';
import { useLoad } from '../../components/use-load.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

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
  const [templateId, setTemplateId] = useState('');
  const [formatId, setFormatId] = useState('');
  const [title, setTitle] = useState('');
  const [deadline, setDeadline] = useState('');
  const [meetingBody, setMeetingBody] = useState('');
  const [meetingDate, setMeetingDate] = useState('');
  const [mtDate, setMtDate] = useState('');
  // Until the lead ticks or clears it, the key decision is the format's default.
  const [keyDecisionChoice, setKeyDecisionChoice] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const template = catalog.data?.templates.find(
    (t) => t.id === (templateId || catalog.data?.templates[0]?.id),
  );
  const format = catalog.data?.reportFormats.find(
    (f) => f.id === (formatId || catalog.data?.reportFormats[0]?.id),
  );
  const perPlanKeyDecision = format?.governance.keyDecision === 'per-plan';
  const keyDecision = keyDecisionChoice ?? format?.governance.keyDecisionDefault ?? true;
  const committee = format?.governance.model === 'committee';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!template || !format) return;
    setBusy(true);
    setError(null);
    try {
      const created = await api.createPlan({
        planId,
        templateId: template.id,
        reportFormatId: format.id,
        title,
        dates: {
          submissionDeadline: deadline || template.submissionDeadline,
          // A fixed key-decision setting (or a committee's, which has none) is the format's to give.
          ...(perPlanKeyDecision ? { keyDecision } : {}),
          ...(meetingDate
            ? { decisionMeeting: { body: meetingBody || format.decisionBody, date: meetingDate } }
            : {}),
          ...(mtDate ? { managementTeamMeeting: mtDate } : {}),
        },
      });
      onCreated(created.planId);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <Dialog open onOpenChange={(_event, data) => !data.open && !busy && onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <form onSubmit={submit}>
          <DialogBody>
            <DialogTitle>New plan from template</DialogTitle>
            <DialogContent className={styles.form}>
              {catalog.error ? <ErrorNotice error={catalog.error} onRetry={catalog.reload} /> : null}
              {!catalog.data && !catalog.error ? <Loading label="Loading templates…" /> : null}
              {catalog.data && (
                <>
                  <Field label="Template" required>
                    <Select value={template?.id ?? ''} onChange={(_e, d) => setTemplateId(d.value)}>
                      {catalog.data.templates.map((t) => (
                        <option key={t.id} value={t.id}>
                          {t.name}
                        </option>
                      ))}
                    </Select>
                  </Field>
                  <Field label="Report format (your council's cover report)" required>
                    <Select
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
                  <Field label="Title" required hint="For example: Productivity Plan 2024">
                    <Input value={title} onChange={(_e, d) => setTitle(d.value)} required maxLength={255} />
                  </Field>
                  <div className={styles.row}>
                    <Field
                      label="Submission deadline"
                      hint={template ? `The template's: ${template.submissionDeadline}` : undefined}
                    >
                      <Input type="date" value={deadline} onChange={(_e, d) => setDeadline(d.value)} />
                    </Field>
                    {format?.managementTeamStep ? (
                      <Field label="Management team meeting" hint={format.managementTeamStep}>
                        <Input type="date" value={mtDate} onChange={(_e, d) => setMtDate(d.value)} />
                      </Field>
                    ) : null}
                  </div>
                  <div className={styles.row}>
                    <Field label="Decision meeting">
                      <Input
                        value={meetingBody}
                        placeholder={format?.decisionBody}
                        onChange={(_e, d) => setMeetingBody(d.value)}
                      />
                    </Field>
                    <Field label="Decision meeting date">
                      <Input type="date" value={meetingDate} onChange={(_e, d) => setMeetingDate(d.value)} />
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
                </>
              )}
              {error ? <ErrorNotice error={error} /> : null}
            </DialogContent>
            <DialogActions>
              <Button onClick={onClose} disabled={busy}>
                Cancel
              </Button>
              <Button
                type="submit"
                appearance="primary"
                disabled={busy || !catalog.data || title.trim() === ''}
                icon={busy ? <Spinner size="tiny" /> : undefined}
              >
                {busy ? 'Creating the plan…' : 'Create plan'}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
