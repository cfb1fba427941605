/**
 * The lead's "Decision and publication" area: record the meeting's decision, see the submission checks,
 * publish (with progress, then the links), and record the submission to the department.
 */
import {
  Badge,
  Button,
  Field,
  Input,
  Link,
  makeStyles,
  Spinner,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { PlanViewDto } from '../../../shared/api.js';
import type { PublishedDto, RecordPlanDecisionRequest } from '../../../shared/kpi-api.js';
import { useSession } from '../../app/context.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { longDate } from '../../components/display-text.js';
import { Loading } from '../../components/Loading.js';
import { useLoad } from '../../components/use-load.js';
import { DecisionForm } from './DecisionForm.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  block: { marginBlock: tokens.spacingVerticalM },
  // Side by side with room between them: each link is a comfortable target (WCAG 2.5.8).
  links: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXL,
    listStyle: 'none',
    paddingInlineStart: 0,
  },
});

/** Words for a recorded outcome; the choices themselves come from the decision stage. */
const OUTCOME_WORDS: Readonly<Record<RecordPlanDecisionRequest['outcome'], string>> = {
  approved: 'Approved',
  'approved-with-amendments': 'Approved with amendments',
  noted: 'Noted',
  'noted-and-approved-for-publication': 'Noted and approved for publication',
  rejected: 'Rejected',
  deferred: 'Deferred',
};

export function DecisionPublication({ plan, onChanged }: { plan: PlanViewDto; onChanged: () => void }) {
  const { api } = useSession();
  const styles = useStyles();
  const checks = useLoad(
    () => api.submissionChecks(plan.id),
    [api, plan.id, plan.contentVersion, plan.status],
  );
  const today = new Date().toISOString().slice(0, 10);
  const [urgentReason, setUrgentReason] = useState('');
  const [to, setTo] = useState('Ministry of Housing, Communities and Local Government');
  const [submittedOn, setSubmittedOn] = useState(today);
  const [reference, setReference] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [published, setPublished] = useState<PublishedDto['links'] | null>(null);

  const run = async (name: string, action: () => Promise<unknown>) => {
    setBusy(name);
    setError(null);
    try {
      await action();
      onChanged();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  };
  const publish = (callInOverride?: { reason: string }) =>
    run('publish', async () => {
      const answer = await api.publishPlan(plan.id, callInOverride ? { callInOverride } : {});
      setPublished(answer.links);
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run('submission', () =>
      api.recordSubmission(plan.id, {
        to,
        submittedOn,
        reference: reference.trim() === '' ? null : reference,
      }),
    );
  };

  const decisionOpen = plan.stages.some((s) => s.kind === 'decision' && s.state === 'open');
  const links = published ?? plan.publication?.links ?? null;
  const approved = plan.decision !== null && plan.status === 'decided';
  const callInOpen = plan.callIn?.open === true;
  return (
    <>
      {error ? <ErrorNotice error={error} /> : null}
      <Subtitle2 as="h3" block>
        The decision
      </Subtitle2>
      {plan.decision ? (
        <Text block as="p" data-testid="decision-recorded" className={styles.block}>
          {OUTCOME_WORDS[plan.decision.outcome]} by {plan.decision.meetingBody} on{' '}
          {longDate(plan.decision.meetingDate)} (minute {plan.decision.minuteReference})
          {plan.decision.callInEndsOn ? `; call-in ends ${longDate(plan.decision.callInEndsOn)}` : ''}.
        </Text>
      ) : null}
      {decisionOpen ? (
        <DecisionForm plan={plan} onRecorded={onChanged} />
      ) : plan.decision ? null : (
        <Text block as="p" className={styles.block}>
          The decision can be recorded once every sign-off stage has approved and the meeting stage is open.
        </Text>
      )}
      <Subtitle2 as="h3" block>
        Submission checks
      </Subtitle2>
      {checks.error ? <ErrorNotice error={checks.error} onRetry={checks.reload} /> : null}
      {!checks.data ? (
        <Loading label="Checking…" />
      ) : (
        <ul aria-label="Submission checks" data-testid="submission-checks">
          {checks.data.checks.map((c) => (
            <li key={c.key} data-check={c.key} data-passed={String(c.passed)}>
              <Badge appearance="tint" color={c.passed ? 'success' : c.blocking ? 'danger' : 'warning'}>
                {c.passed ? 'Passed' : c.blocking ? 'Must be fixed' : 'Warning'}
              </Badge>{' '}
              {c.message}
            </li>
          ))}
        </ul>
      )}
      <Subtitle2 as="h3" block>
        Publication
      </Subtitle2>
      {links ? (
        <>
          <Text block as="p">
            Published. The plan is at:
          </Text>
          <ul aria-label="Published plan" data-testid="publication-links" className={styles.links}>
            {links.map((link) => (
              <li key={link.url}>
                <Link href={link.url} target="_blank" rel="noreferrer">
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : approved && callInOpen ? (
        <div className={styles.block} data-testid="call-in-open">
          <Text block as="p">
            The decision is open to call-in until the end of {longDate(plan.callIn?.endsOn ?? '')}; the plan
            can be published from the day after.
          </Text>
          {plan.governance.callInUrgency ? (
            <form
              className={styles.form}
              aria-label="Publish now as urgent"
              onSubmit={(event) => {
                event.preventDefault();
                void publish({ reason: urgentReason });
              }}
            >
              <Field
                label="Why the decision cannot wait"
                hint={`Only if ${plan.governance.callInUrgency} has agreed it is urgent; the reason is recorded.`}
              >
                <Input value={urgentReason} onChange={(_e, d) => setUrgentReason(d.value)} maxLength={500} />
              </Field>
              <Button type="submit" disabled={busy !== null || urgentReason.trim() === ''}>
                Publish now as urgent
              </Button>
            </form>
          ) : null}
        </div>
      ) : approved ? (
        <div className={styles.block}>
          <Button
            appearance="primary"
            disabled={busy !== null}
            onClick={() => void publish()}
            icon={busy === 'publish' ? <Spinner size="tiny" /> : undefined}
          >
            {busy === 'publish' ? 'Publishing…' : 'Publish the plan'}
          </Button>
          {busy === 'publish' ? (
            <Text block role="status">
              Assembling the Word and HTML documents, uploading them to the library and making the web page…
            </Text>
          ) : null}
        </div>
      ) : (
        <Text block as="p" className={styles.block}>
          The plan can be published once the meeting has approved it.
        </Text>
      )}
      <Subtitle2 as="h3" block>
        Submission
      </Subtitle2>
      {checks.data?.submission ? (
        <Text block as="p" data-testid="submission-recorded">
          Submitted to {checks.data.submission.to} on {longDate(checks.data.submission.submittedOn)}
          {checks.data.submission.reference ? ` (reference ${checks.data.submission.reference})` : ''}.
        </Text>
      ) : plan.status === 'published' ? (
        <form
          onSubmit={submit}
          className={`${styles.form} ${styles.block}`}
          aria-label="Record the submission"
        >
          <Field label="Submitted to">
            <Input value={to} onChange={(_e, d) => setTo(d.value)} />
          </Field>
          <Field label="Submitted on">
            <Input type="date" value={submittedOn} onChange={(_e, d) => setSubmittedOn(d.value)} />
          </Field>
          <Field label="Reference (if any)">
            <Input value={reference} onChange={(_e, d) => setReference(d.value)} />
          </Field>
          <Button type="submit" disabled={busy !== null}>
            {busy === 'submission' ? 'Recording…' : 'Record the submission'}
          </Button>
        </form>
      ) : (
        <Text block as="p">
          Record the submission after the plan is published.
        </Text>
      )}
    </>
  );
}
