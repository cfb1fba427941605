/**
 * The plan settings (plan lead only; the server refuses anyone else): title, dates with the timeline they
 * give, the report format, every role, every header value the format declares, each stage's rule, archive
 * and delete.
 * Each part saves on its own, so saving one never discards what is typed in another.
 */
import {
  Caption1,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { useSession } from '../../app/context.js';
import { hrefFor } from '../../app/routes.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Loading } from '../../components/Loading.js';
import { useLoad } from '../../components/use-load.js';
import { DatesForm } from './DatesForm.js';
import { HeaderForm } from './HeaderForm.js';
import { LifecyclePanel } from './LifecyclePanel.js';
import { ReportFormatForm } from './ReportFormatForm.js';
import { RolesPanel } from './RolesPanel.js';
import { StageRuleForm } from './StageRuleForm.js';
import { TitleForm } from './TitleForm.js';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 420px), 1fr))',
    gap: tokens.spacingHorizontalXL,
    alignItems: 'start',
  },
  wide: { gridColumn: '1 / -1' },
});

export default function SettingsView({ planId }: { planId: string }) {
  const { api } = useSession();
  const styles = useStyles();
  const settings = useLoad(() => api.planSettings(planId), [api, planId]);
  if (settings.error && !settings.data)
    return <ErrorNotice error={settings.error} onRetry={settings.reload} />;
  if (!settings.data) return <Loading label="Loading the plan settings…" />;
  const view = settings.data;
  const saved = settings.reload;
  return (
    <div className={styles.page}>
      <nav aria-label="Breadcrumb">
        <Link href="#/">Plans</Link> › <Link href={hrefFor({ name: 'plan', planId })}>{view.title}</Link>
      </nav>
      <div>
        <Title2 block as="h1">
          Plan settings
        </Title2>
        <Caption1>
          {view.council} · {view.reportFormat.name}
        </Caption1>
      </div>
      {settings.error ? <ErrorNotice error={settings.error} onRetry={settings.reload} /> : null}
      {view.missingHeader.length > 0 ? (
        <MessageBar intent="warning" layout="multiline" data-testid="settings-missing-header">
          <MessageBarBody>
            Still to fill in for the cover report: {view.missingHeader.join(', ')}.
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.grid}>
        <TitleForm key={view.title} settings={view} onSaved={saved} />
        <DatesForm key={JSON.stringify(view.dates)} settings={view} onSaved={saved} />
        <div className={styles.wide}>
          <ReportFormatForm key={view.reportFormat.id} settings={view} onSaved={saved} />
        </div>
        <div className={styles.wide}>
          <HeaderForm
            key={JSON.stringify([view.reportFormat.id, view.headerFields.map((f) => f.value)])}
            settings={view}
            onSaved={saved}
          />
        </div>
        <div className={styles.wide}>
          <RolesPanel settings={view} onSaved={saved} />
        </div>
        {view.stages.map((stage) => (
          <StageRuleForm
            key={`${stage.key}:${JSON.stringify([stage.rule, stage.mandatoryRoles, stage.editable])}`}
            planId={planId}
            stage={stage}
            onSaved={saved}
          />
        ))}
        <div className={styles.wide}>
          <LifecyclePanel settings={view} onSaved={saved} />
        </div>
      </div>
    </div>
  );
}
