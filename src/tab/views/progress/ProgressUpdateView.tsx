/**
 * Progress updates: start one for an ended period, write its summary, preview it, submit it, see and
 * give approvals, and publish it. The preview is our own escaped HTML (renderHtmlBody), shown only in a
 * sandboxed iframe with scripts disallowed: it never enters the tab's own DOM.
 */
import {
  Badge,
  Button,
  Field,
  Link,
  makeStyles,
  Select,
  Spinner,
  Subtitle2,
  Text,
  Textarea,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ProgressUpdateDto, ProgressUpdateListDto } from '../../../shared/kpi-api.js';
import { useSession } from '../../app/context.js';
import { hrefFor } from '../../app/routes.js';
import { useUnsavedWork } from '../../app/leave-guard.js';
import { navigate } from '../../app/use-route.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { nameOf, when } from '../../components/display-text.js';
import { Loading } from '../../components/Loading.js';
import { useLoad } from '../../components/use-load.js';

const useStyles = makeStyles({
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    marginBlock: tokens.spacingVerticalM,
  },
  links: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXL,
    listStyle: 'none',
    paddingInlineStart: 0,
  },
  preview: {
    width: '100%',
    minHeight: '480px',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: '#ffffff',
  },
});

const STATUS_WORDS = {
  draft: 'Draft',
  'in-approval': 'Awaiting approval',
  'changes-requested': 'Changes requested',
  approved: 'Approved, ready to publish',
  published: 'Published',
} as const;

export default function ProgressUpdateView({
  planId,
  periodKey,
}: {
  planId: string;
  periodKey: string | null;
}) {
  return periodKey === null ? (
    <ProgressList planId={planId} />
  ) : (
    <ProgressUpdate planId={planId} periodKey={periodKey} />
  );
}

function ProgressList({ planId }: { planId: string }) {
  const { api } = useSession();
  const list = useLoad(() => api.progressUpdates(planId), [api, planId]);
  return (
    <>
      <nav aria-label="Breadcrumb">
        <Link href="#/">Plans</Link> ›{' '}
        <Link href={hrefFor({ name: 'plan', planId })}>{list.data?.planTitle ?? 'The plan'}</Link> ›{' '}
        <Link href={hrefFor({ name: 'kpis', planId })}>KPIs</Link>
      </nav>
      <Title2 block as="h1">
        Progress updates
      </Title2>
      {list.error ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
      {!list.data ? (
        <Loading label="Loading the updates…" />
      ) : (
        <>
          {list.data.updates.length === 0 ? (
            <p>No progress updates yet.</p>
          ) : (
            <ul>
              {list.data.updates.map((u) => (
                <li key={u.periodKey}>
                  <Link href={hrefFor({ name: 'progress', planId, periodKey: u.periodKey })}>
                    {u.periodLabel}
                  </Link>{' '}
                  — {STATUS_WORDS[u.status]}
                </li>
              ))}
            </ul>
          )}
          <Subtitle2 as="h2" block>
            Start an update
          </Subtitle2>
          {list.data.cannotStart !== null ? (
            <Text block as="p">
              {list.data.cannotStart}
            </Text>
          ) : list.data.periodsToStart.length === 0 ? (
            <Text block as="p">
              Every recent period that has ended has an update; the next can start when the current one ends.
            </Text>
          ) : (
            <StartUpdate planId={planId} periods={list.data.periodsToStart} />
          )}
        </>
      )}
    </>
  );
}

/** The period picker and its button; offers only periods that have ended and have no update yet. */
function StartUpdate({
  planId,
  periods,
}: {
  planId: string;
  periods: ProgressUpdateListDto['periodsToStart'];
}) {
  const { api } = useSession();
  const styles = useStyles();
  const [period, setPeriod] = useState(periods[0]!.key);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      const update = await api.startProgressUpdate(planId, period);
      navigate(hrefFor({ name: 'progress', planId, periodKey: update.periodKey }));
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };
  return (
    <>
      <div className={styles.actions}>
        <Field label="Period">
          <Select value={period} onChange={(_e, d) => setPeriod(d.value)}>
            {periods.map((q) => (
              <option key={q.key} value={q.key}>
                {q.label}
              </option>
            ))}
          </Select>
        </Field>
        <Button appearance="primary" onClick={start} disabled={busy} style={{ alignSelf: 'end' }}>
          {busy ? 'Starting…' : 'Start the update'}
        </Button>
      </div>
      {error ? <ErrorNotice error={error} /> : null}
    </>
  );
}

function previewDocument(update: ProgressUpdateDto): string {
  // The body is the server's own escaped rendering; it is framed, never inserted into this page.
  return `<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Preview</title>
<style>body{font-family:Segoe UI,Arial,sans-serif;margin:16px;color:#1b1b1b;background:#fff}table{border-collapse:collapse}th,td{border:1px solid #888;padding:4px}</style>
</head><body>${update.previewHtml}</body></html>`;
}

function ProgressUpdate({ planId, periodKey }: { planId: string; periodKey: string }) {
  const { api } = useSession();
  const styles = useStyles();
  const loaded = useLoad(() => api.progressUpdate(planId, periodKey), [api, planId, periodKey]);
  const [summary, setSummary] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  // What is typed and not saved yet: submitting saves it first, leaving the view asks.
  const unsaved = summary !== null && summary !== (loaded.data?.summary ?? '');
  const saveSummary = () => api.progressSummary(planId, periodKey, summary?.trim() ? summary : null);
  useUnsavedWork(unsaved, 'The progress summary', async () => {
    loaded.set(await saveSummary());
    setSummary(null);
    return true;
  });
  if (loaded.error && !loaded.data) return <ErrorNotice error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading label="Loading the update…" />;
  const update = loaded.data;
  const act = async (name: string, run: () => Promise<ProgressUpdateDto>) => {
    setBusy(name);
    setError(null);
    try {
      loaded.set(await run());
      setSummary(null);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  };
  const editable = update.isLead && update.status !== 'published';
  return (
    <>
      <nav aria-label="Breadcrumb">
        <Link href="#/">Plans</Link> ›{' '}
        <Link href={hrefFor({ name: 'plan', planId })}>{update.planTitle}</Link> ›{' '}
        <Link href={hrefFor({ name: 'progress', planId, periodKey: null })}>Progress updates</Link>
      </nav>
      <Title2 block as="h1">
        Progress update: {update.periodLabel}
      </Title2>
      <Text block>
        Status:{' '}
        <Badge appearance="tint" data-testid="progress-status">
          {STATUS_WORDS[update.status]}
        </Badge>
        {update.version > 0 ? ` · version ${update.version}` : ''}
      </Text>
      {error ? <ErrorNotice error={error} /> : null}
      <Subtitle2 as="h2" block>
        Summary
      </Subtitle2>
      {editable ? (
        <>
          <Field label="Summary for residents">
            <Textarea
              value={summary ?? update.summary ?? ''}
              onChange={(_e, d) => setSummary(d.value)}
              resize="vertical"
            />
          </Field>
          <div className={styles.actions}>
            <Button disabled={busy !== null || !unsaved} onClick={() => act('summary', saveSummary)}>
              {busy === 'summary' ? 'Saving…' : 'Save the summary'}
            </Button>
            {update.status === 'draft' ||
            update.status === 'changes-requested' ||
            update.hash !== update.submittedHash ? (
              <Button
                appearance="primary"
                disabled={busy !== null}
                onClick={() =>
                  act('submit', async () => {
                    if (unsaved) await saveSummary();
                    return api.submitProgress(planId, periodKey);
                  })
                }
              >
                {busy === 'submit' ? 'Submitting…' : 'Submit for approval'}
              </Button>
            ) : null}
            {update.status === 'approved' ? (
              <Button
                appearance="primary"
                disabled={busy !== null}
                icon={busy === 'publish' ? <Spinner size="tiny" /> : undefined}
                onClick={() => act('publish', () => api.publishProgress(planId, periodKey))}
              >
                {busy === 'publish' ? 'Publishing…' : 'Publish the update'}
              </Button>
            ) : null}
          </div>
        </>
      ) : (
        <Text block as="p">
          {update.summary ?? 'No summary yet.'}
        </Text>
      )}
      <Subtitle2 as="h2" block>
        Approvals
      </Subtitle2>
      {update.stages.length === 0 ? (
        <p>Not yet submitted.</p>
      ) : (
        <ol>
          {update.stages.map((stage) => (
            <li key={stage.key}>
              {stage.title}: <strong>{stage.state}</strong>
              {stage.responses.filter((r) => r.round === stage.round).length > 0 ? (
                <ul>
                  {stage.responses
                    .filter((r) => r.round === stage.round)
                    .map((r) => (
                      <li key={`${r.approverId}-${r.at}`}>
                        {nameOf(update.people, r.approverId)}:{' '}
                        {r.decision === 'approve' ? 'approved' : 'asked for changes'} {when(r.at)}
                        {r.comment ? ` — ${r.comment}` : ''}
                      </li>
                    ))}
                </ul>
              ) : null}
              {stage.myTurn ? (
                <div className={styles.actions}>
                  <Button
                    appearance="primary"
                    disabled={busy !== null}
                    onClick={() =>
                      act('approve', () =>
                        api.respondToProgress(planId, periodKey, {
                          stageKey: stage.key,
                          decision: 'approve',
                          comment: null,
                          hash: update.hash,
                        }),
                      )
                    }
                  >
                    Approve this update
                  </Button>
                </div>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {update.publication ? (
        <>
          <Subtitle2 as="h2" block>
            Published
          </Subtitle2>
          <ul aria-label="Published update" className={styles.links}>
            {update.publication.links.map((link) => (
              <li key={link.url}>
                <Link href={link.url} target="_blank" rel="noreferrer">
                  {link.label}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <Subtitle2 as="h2" block>
        Preview
      </Subtitle2>
      <iframe
        className={styles.preview}
        title={`Preview of the ${update.periodLabel} progress update`}
        sandbox=""
        srcDoc={previewDocument(update)}
        data-testid="progress-preview"
      />
    </>
  );
}
