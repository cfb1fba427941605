/** One numbered version, as approvers are asked about it. */
import {
  Caption1,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Title2,
  tokens,
} from '@fluentui/react-components';
import type { VersionDto } from '../../../shared/api.js';
import { useSession } from '../../app/context.js';
import { hrefFor } from '../../app/routes.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { nameOf, when } from '../../components/display-text.js';
import { Loading } from '../../components/Loading.js';
import { useLoad } from '../../components/use-load.js';
import { RichTextView } from '../../rich-text/RichTextView.js';
import { useTouchLink } from '../../components/layout/stacked-table.js';

const useStyles = makeStyles({
  title: { overflowWrap: 'anywhere' },
  asked: { marginBlock: tokens.spacingVerticalM },
});

/**
 * What the reader is asked about this version, said before its text: an approver arriving from a card's
 * link (on a phone, often) sees at once that it is theirs to answer, and where to answer it.
 */
function AskedNotice({ planId, version }: { planId: string; version: VersionDto }) {
  const { api, me } = useSession();
  const styles = useStyles();
  const touch = useTouchLink();
  const plan = useLoad(() => api.plan(planId), [api, planId]);
  if (!version.isCurrent || !plan.data) return null;
  const bound = new Set(version.stages.map((s) => s.key));
  const mine = plan.data.stages.filter(
    (s) => s.myTurn !== null && s.state === 'open' && s.boundVersion === version.version && bound.has(s.key),
  );
  if (mine.length === 0) return null;
  return (
    <MessageBar intent="info" layout="multiline" className={styles.asked} data-testid="version-asked">
      <MessageBarBody>
        <MessageBarTitle>Your approval</MessageBarTitle>
        {mine.map((stage) => (
          <span key={stage.key}>
            You are asked to {stage.reopens === 'draft' ? 'endorse' : 'approve'} version {version.version}
            {stage.myTurn && stage.myTurn.approverId !== me.id
              ? ` on behalf of ${nameOf(plan.data!.people, stage.myTurn.approverId)}`
              : ''}{' '}
            ({stage.title}).{' '}
          </span>
        ))}
        <Link href={hrefFor({ name: 'approvals', planId })} className={touch.link}>
          Approve or ask for changes
        </Link>
      </MessageBarBody>
    </MessageBar>
  );
}

export default function VersionView({ planId, version }: { planId: string; version: number }) {
  const { api } = useSession();
  const styles = useStyles();
  const loaded = useLoad(() => api.version(planId, version), [api, planId, version]);
  if (loaded.error && !loaded.data) return <ErrorNotice error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading label="Loading the version…" />;
  const v = loaded.data;
  return (
    <>
      <nav aria-label="Breadcrumb">
        <Link href="#/">Plans</Link> › <Link href={hrefFor({ name: 'plan', planId })}>{v.planTitle}</Link>
      </nav>
      <Title2 block as="h1" className={styles.title}>
        {v.planTitle}, version {v.version}
      </Title2>
      <AskedNotice planId={planId} version={v} />
      <Caption1 block as="p">
        {v.hash ? `Content hash ${v.hash.slice(0, 12)}` : 'Content hash not recorded'}
        {v.stages.length > 0
          ? ` · Approvals on this version: ${v.stages.map((s) => `${s.title} (${s.state})`).join(', ')}`
          : ''}
      </Caption1>
      {!v.isCurrent && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            This is not the current text: the plan has changed since, and is now at{' '}
            <Link href={hrefFor({ name: 'version', planId, version: v.currentVersion })}>
              version {v.currentVersion}
            </Link>
            . Approvals given to version {v.version} do not cover the current text.
          </MessageBarBody>
        </MessageBar>
      )}
      {v.sections?.map((section) => (
        <article key={section.key} aria-labelledby={`v-${section.key}`}>
          <Subtitle2 block as="h2" id={`v-${section.key}`}>
            {section.title}
          </Subtitle2>
          <RichTextView content={section.content} />
        </article>
      ))}
      {v.history.length > 0 && (
        <>
          <Subtitle2 block as="h2">
            What happened in version {v.version}
          </Subtitle2>
          <ul>
            {v.history.map((entry, i) => (
              <li key={i}>
                {when(entry.at)}: {entry.summary} ({nameOf(v.people, entry.actorId)})
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
