/** Approvals: each stage in order, who answered what and when, the frozen version it is bound to. */
import {
  Badge,
  Button,
  Caption1,
  Field,
  Link,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle1,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { PlanViewDto, StageDto } from '../../../shared/api.js';
import { useSession } from '../../app/context.js';
import { hrefFor } from '../../app/routes.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { longDate, nameOf, when } from '../../components/display-text.js';
import { Loading } from '../../components/Loading.js';
import { useLoad } from '../../components/use-load.js';
import { useLayout } from '../../app/use-layout.js';
import { toFollowLine } from '../../components/contribution-text.js';
import { ApiError } from '../../api/client.js';
import { GroupDeliveryDialog } from './GroupDeliveryDialog.js';
import { MissingHeaderNotice, missingHeaderIn } from './MissingHeaderNotice.js';
import { StageChanges } from './StageChanges.js';
import { useStackedTable } from '../../components/layout/stacked-table.js';

const useStyles = makeStyles({
  stage: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    marginBlock: tokens.spacingVerticalM,
  },
  earlier: {
    marginBlock: tokens.spacingVerticalS,
    // A disclosure is a control: at least 24 px tall to touch (WCAG 2.5.8).
    '& > summary': { minHeight: '24px', display: 'list-item', paddingBlock: tokens.spacingVerticalXXS },
  },
  hash: { overflowWrap: 'anywhere' },
  // On a phone the two answers sit one above the other, each the full width: easy to hit, hard to mix up.
  compactActions: { flexDirection: 'column', alignItems: 'stretch' },
  actions: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
    marginTop: tokens.spacingVerticalS,
  },
});

/** "Version 2, 3 December 2026": the version by its number and the day it went round. */
function versionWords(version: number, sentOn: string | null): string {
  return sentOn ? `Version ${version}, ${longDate(sentOn.slice(0, 10))}` : `Version ${version}`;
}

const STATE_TEXT: Record<StageDto['state'], string> = {
  waiting: 'Waiting',
  open: 'Open',
  approved: 'Approved',
  'changes-requested': 'Changes requested',
};

export default function ApprovalsView({ planId }: { planId: string }) {
  const { api, host } = useSession();
  const compact = useLayout(host.clientType) === 'compact';
  const plan = useLoad(() => api.plan(planId), [api, planId]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  /** The server's reason when a stage for the whole team needs the plan lead's choice first. */
  const [choosing, setChoosing] = useState<string | null>(null);
  if (plan.error && !plan.data) return <ErrorNotice error={plan.error} onRetry={plan.reload} />;
  if (!plan.data) return <Loading label="Loading approvals…" />;
  const view = plan.data;
  const run = async (action: () => Promise<PlanViewDto>) => {
    setBusy(true);
    setError(null);
    try {
      plan.set(await action());
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'CHOICE_NEEDED') setChoosing(failure.message);
      else setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const canStart =
    view.isLead &&
    !view.stages.some((s) => s.state === 'open') &&
    (view.status === 'drafting' || view.status === 'in-approval');
  const awaited = view.sections.filter((s) => s.contribution.toFollow !== null);
  // On a phone what the member is asked comes first; the other stages follow in their order.
  const stages = compact
    ? [...view.stages.filter((s) => s.myTurn), ...view.stages.filter((s) => !s.myTurn)]
    : view.stages;
  return (
    <>
      <nav aria-label="Breadcrumb">
        <Link href="#/">Plans</Link> › <Link href={hrefFor({ name: 'plan', planId })}>{view.title}</Link>
      </nav>
      <Title2 block as="h1">
        Approvals
      </Title2>
      <Text block as="p">
        {view.contentVersion === 0 ? (
          'The plan has not been sent for approval yet.'
        ) : (
          <>
            The plan is at{' '}
            <Link href={hrefFor({ name: 'version', planId, version: view.contentVersion })}>
              version {view.contentVersion}
            </Link>
            .
          </>
        )}{' '}
        Every approval is bound to one frozen version. What an edit re-opens is each stage’s own rule: any
        change, only the sections it covers, or nothing for the endorsement of a draft.
      </Text>
      {awaited.length > 0 && (
        <MessageBar intent="info" layout="multiline" data-testid="approvals-to-follow">
          <MessageBarBody>
            <MessageBarTitle>To follow</MessageBarTitle>
            <ul aria-label="Sections to follow" style={{ margin: 0, paddingInlineStart: 20 }}>
              {awaited.map((s) => (
                <li key={s.key}>
                  {s.title}: {toFollowLine(s.contribution)?.replace(/^To follow: /, '')}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {canStart && view.missingHeader.length > 0 && !missingHeaderIn(error) ? (
        <MissingHeaderNotice planId={planId} labels={view.missingHeader} />
      ) : null}
      {canStart && (
        <Button
          appearance="primary"
          disabled={busy}
          onClick={() => run(() => api.startApprovals(planId))}
          icon={busy ? <Spinner size="tiny" /> : undefined}
        >
          {busy ? 'Starting…' : 'Start the next approval stage'}
        </Button>
      )}
      {missingHeaderIn(error) ? (
        <MissingHeaderNotice planId={planId} labels={missingHeaderIn(error)!} refused />
      ) : error ? (
        <ErrorNotice error={error} />
      ) : null}
      {choosing !== null ? (
        <GroupDeliveryDialog
          planId={planId}
          reason={choosing}
          onClose={() => setChoosing(null)}
          onStarted={(started) => {
            setChoosing(null);
            plan.set(started);
          }}
        />
      ) : null}
      {stages.map((stage) => (
        <Stage key={stage.key} plan={view} stage={stage} busy={busy} run={run} compact={compact} />
      ))}
    </>
  );
}

function Stage(props: {
  plan: PlanViewDto;
  stage: StageDto;
  busy: boolean;
  run: (action: () => Promise<PlanViewDto>) => Promise<void>;
  compact: boolean;
}) {
  const { api, me } = useSession();
  const styles = useStyles();
  const { plan, stage } = props;
  const forSomeoneElse = stage.myTurn !== null && stage.myTurn.approverId !== me.id;
  const [comment, setComment] = useState('');
  const current = stage.responses.filter((r) => r.round === stage.round);
  const earlier = stage.responses.filter((r) => r.round !== stage.round);
  const respond = (decision: 'approve' | 'request-changes') =>
    props.run(() =>
      api.respond(plan.id, stage.key, {
        decision,
        comment: comment.trim() === '' ? null : comment.trim(),
        versionHash: stage.boundHash ?? plan.versionHash,
        ...(forSomeoneElse && stage.myTurn ? { onBehalfOf: stage.myTurn.approverId } : {}),
      }),
    );
  return (
    <section className={styles.stage} aria-label={stage.title}>
      <Subtitle1 block as="h2">
        {stage.title} <Badge appearance="outline">{STATE_TEXT[stage.state]}</Badge>
      </Subtitle1>
      <Caption1 block as="p">
        {`${stage.rule}.`}
        {stage.round > 0 ? ` Round ${stage.round}.` : ''}
        {stage.boundVersion !== null ? (
          <>
            {' On '}
            <Link href={hrefFor({ name: 'version', planId: plan.id, version: stage.boundVersion })}>
              {versionWords(stage.boundVersion, stage.openedAt)}
            </Link>
            .
          </>
        ) : null}
        {stage.openedAt ? ` · Opened ${when(stage.openedAt)}` : ''}
        {stage.closedAt ? ` · Closed ${when(stage.closedAt)}` : ''}
      </Caption1>
      <Caption1 block as="p" data-testid={`reopens-${stage.key}`}>
        {reopensText(stage)}
        {stage.allowsPending ? '' : ' It cannot go ahead while any section is to follow.'}
      </Caption1>
      <StageChanges planId={plan.id} stage={stage} />
      {stage.tally && (
        <Text block as="p">
          {stage.tally.approved.length} approved, {stage.tally.changesRequested.length} asked for changes,{' '}
          {stage.tally.waiting.length} yet to answer ({stage.tally.needed} approvals needed).
          {stage.tally.waiting.length > 0 && stage.state === 'open'
            ? ` Waiting for: ${stage.tally.waiting.map((id) => nameOf(plan.people, id)).join(', ')}.`
            : ''}
        </Text>
      )}
      {current.length > 0 && (
        <Responses plan={plan} responses={current} label={`Responses, round ${stage.round}`} />
      )}
      {earlier.length > 0 ? (
        <details className={styles.earlier}>
          <summary>Earlier rounds ({[...new Set(earlier.map((r) => r.round))].length})</summary>
          {[...new Set(earlier.map((r) => r.round))]
            .sort((a, b) => b - a)
            .map((round) => (
              <Responses
                key={round}
                plan={plan}
                responses={earlier.filter((r) => r.round === round)}
                label={`Responses, round ${round}`}
              />
            ))}
        </details>
      ) : null}
      {stage.boundHash ? (
        <details className={styles.earlier}>
          <summary>Version details</summary>
          <Text size={200} className={styles.hash}>
            Content hash {stage.boundHash}
          </Text>
        </details>
      ) : null}
      {stage.myTurn && (
        <>
          <MessageBar intent="info">
            <MessageBarBody>
              You are asked to {stage.reopens === 'draft' ? 'endorse the draft, ' : 'approve '}
              {stage.boundVersion === null
                ? 'this version'
                : versionWords(stage.boundVersion, stage.openedAt)}
              {forSomeoneElse ? ` on behalf of ${nameOf(plan.people, stage.myTurn.approverId)}` : ''}.
            </MessageBarBody>
          </MessageBar>
          <Field label="Comment (required when asking for changes)">
            <Textarea value={comment} onChange={(_e, d) => setComment(d.value)} maxLength={2000} />
          </Field>
          <div className={mergeClasses(styles.actions, props.compact && styles.compactActions)}>
            <Button
              appearance="primary"
              disabled={props.busy}
              onClick={() => respond('approve')}
              icon={props.busy ? <Spinner size="tiny" /> : undefined}
            >
              Approve version {stage.boundVersion}
            </Button>
            <Button disabled={props.busy || comment.trim() === ''} onClick={() => respond('request-changes')}>
              Ask for changes
            </Button>
          </div>
        </>
      )}
    </section>
  );
}

function reopensText(stage: StageDto): string {
  switch (stage.reopens) {
    case 'any-change':
      return 'Any change to the plan re-opens it.';
    case 'sections':
      return `Only changes to ${stage.covers.map((c) => `“${c.title}”`).join(', ')} re-open it.`;
    case 'draft':
      return `Endorses a draft${stage.boundVersion !== null ? ` (version ${stage.boundVersion})` : ''}: later changes do not re-open it.`;
  }
}

function Responses({
  plan,
  responses,
  label,
}: {
  plan: PlanViewDto;
  responses: StageDto['responses'];
  label: string;
}) {
  const stack = useStackedTable();
  return (
    <Table size="small" aria-label={label} className={stack.table}>
      <TableHeader className={stack.head}>
        <TableRow>
          <TableHeaderCell>Who</TableHeaderCell>
          <TableHeaderCell>Answer</TableHeaderCell>
          <TableHeaderCell>When</TableHeaderCell>
          <TableHeaderCell>Comment</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody className={stack.body}>
        {responses.map((r) => (
          <TableRow key={`${r.round}:${r.approverId}`} className={stack.row}>
            <TableCell className={stack.lead}>
              {nameOf(plan.people, r.approverId)}
              {r.responderId !== r.approverId ? ` (by ${nameOf(plan.people, r.responderId)}, deputy)` : ''}
            </TableCell>
            <TableCell data-label="Answer" className={stack.cell}>
              {r.decision === 'approve' ? 'Approved' : 'Asked for changes'}
            </TableCell>
            <TableCell data-label="When" className={stack.cell}>
              {when(r.at)}
            </TableCell>
            <TableCell data-label="Comment" className={stack.cell}>
              {r.comment ?? '—'}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
