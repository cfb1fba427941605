/** One numbered version, as approvers are asked about it. */
import { Caption1, Link, MessageBar, MessageBarBody, Subtitle2, Title2 } from '@fluentui/react-components';
import { useSession } from '../../app/context.js';
import { hrefFor } from '../../app/routes.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { nameOf, when } from '../../components/display-text.js';
import { Loading } from '../../components/Loading.js';
import { useLoad } from '../../components/use-load.js';
import { RichTextView } from '../../rich-text/RichTextView.js';

export default function VersionView({ planId, version }: { planId: string; version: number }) {
  const { api } = useSession();
  const loaded = useLoad(() => api.version(planId, version), [api, planId, version]);
  if (loaded.error && !loaded.data) return <ErrorNotice error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loading label="Loading the version…" />;
  const v = loaded.data;
  return (
    <>
      <nav aria-label="Breadcrumb">
        <Link href="#/">Plans</Link> › <Link href={hrefFor({ name: 'plan', planId })}>{v.planTitle}</Link>
      </nav>
      <Title2 block as="h1">
        {v.planTitle}, version {v.version}
      </Title2>
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
