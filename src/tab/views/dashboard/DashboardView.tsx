/** The plan dashboard: where each section stands, what the plan answers, how long it is, when it is due. */
import {
  Badge,
  Caption1,
  Link,
  makeStyles,
  mergeClasses,
  Subtitle2,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import { useSession } from '../../app/context.js';
import { hrefFor } from '../../app/routes.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Loading } from '../../components/Loading.js';
import { useLoad } from '../../components/use-load.js';
import { DecisionPublication } from '../publication/DecisionPublication.js';
import { ApprovalsSummary } from './ApprovalsSummary.js';
import { AssignDialog } from './AssignDialog.js';
import { CoveragePanel } from './CoveragePanel.js';
import { KpiTile } from './KpiTile.js';
import { NeedsMyAction } from './NeedsMyAction.js';
import { PagesPanel } from './PagesPanel.js';
import { SectionsTable } from './SectionsTable.js';
import { TimelinePanel } from './TimelinePanel.js';
import { UnreachableNotice } from './UnreachableNotice.js';
import { useTouchLink } from '../../components/layout/stacked-table.js';

const useStyles = makeStyles({
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: tokens.spacingHorizontalM },
  grid: {
    display: 'grid',
    // Panels side by side where there is room; one column on a phone (never wider than the screen).
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(320px, 100%), 1fr))',
    gap: tokens.spacingHorizontalXL,
    marginTop: tokens.spacingVerticalL,
  },
  panel: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
  },
  wide: { gridColumn: '1 / -1' },
  title: { display: 'block', marginBottom: tokens.spacingVerticalS },
  heading: { overflowWrap: 'anywhere', minWidth: 0 },
  panelBody: { minWidth: 0, overflowWrap: 'anywhere' },
});

export function Panel({ title, wide, children }: { title: string; wide?: boolean; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section className={mergeClasses(styles.panel, styles.panelBody, wide && styles.wide)} aria-label={title}>
      <Subtitle2 as="h2" className={styles.title}>
        {title}
      </Subtitle2>
      {children}
    </section>
  );
}

export default function DashboardView({ planId }: { planId: string }) {
  const { api } = useSession();
  const styles = useStyles();
  const touch = useTouchLink();
  const plan = useLoad(() => api.plan(planId), [api, planId]);
  const [assigning, setAssigning] = useState<string | null>(null);

  useEffect(() => {
    if (plan.data) performance.mark('pb:dashboard-rendered');
  }, [plan.data]);

  if (plan.error && !plan.data) return <ErrorNotice error={plan.error} onRetry={plan.reload} />;
  if (!plan.data) return <Loading label="Loading the plan…" />;
  const view = plan.data;
  const section = view.sections.find((s) => s.key === assigning) ?? null;
  return (
    <>
      <nav aria-label="Breadcrumb">
        <Link href="#/">Plans</Link>
      </nav>
      <div className={styles.head}>
        <Title2 block as="h1" className={styles.heading}>
          {view.title}
        </Title2>
        <Badge appearance="tint">{view.status}</Badge>
        <Caption1>
          {view.council} ·{' '}
          {view.contentVersion === 0 ? (
            'draft, not yet sent for approval'
          ) : (
            <Link
              href={hrefFor({ name: 'version', planId, version: view.contentVersion })}
              className={touch.link}
            >
              version {view.contentVersion}
            </Link>
          )}
          {' · '}
          <Link href={hrefFor({ name: 'approvals', planId })} className={touch.link}>
            Approvals
          </Link>
          {' · '}
          <Link href={hrefFor({ name: 'kpis', planId })} className={touch.link}>
            KPIs and milestones
          </Link>
          {view.isLead ? (
            <>
              {' · '}
              <Link href={hrefFor({ name: 'settings', planId })} className={touch.link}>
                Plan settings
              </Link>
            </>
          ) : null}
        </Caption1>
      </div>
      {plan.error ? <ErrorNotice error={plan.error} onRetry={plan.reload} /> : null}
      {view.isLead ? <UnreachableNotice planId={planId} /> : null}
      <NeedsMyAction plan={view} />
      <SectionsTable
        plan={view}
        // Once the decision is recorded the content is fixed: nothing is left to assign.
        onAssign={
          view.isLead && view.status !== 'decided' && view.status !== 'published' ? setAssigning : null
        }
        onChanged={plan.reload}
      />
      <div className={styles.grid}>
        <Panel title="Prompt questions by theme">
          <CoveragePanel coverage={view.coverage} themeTitles={view.themeTitles} />
        </Panel>
        <Panel title="Length">
          <PagesPanel pages={view.pages} />
        </Panel>
        <Panel title="Approvals">
          <ApprovalsSummary plan={view} />
        </Panel>
        <Panel title="KPIs and milestones">
          <KpiTile planId={planId} />
        </Panel>
        <Panel title="Timeline" wide>
          <TimelinePanel timeline={view.timeline} callIn={view.callIn} />
        </Panel>
        {view.isLead ? (
          <Panel title="Decision and publication" wide>
            <DecisionPublication plan={view} onChanged={plan.reload} />
          </Panel>
        ) : null}
      </div>
      {section && (
        <AssignDialog
          planId={planId}
          section={section}
          people={view.people}
          onClose={() => setAssigning(null)}
          onAssigned={() => {
            setAssigning(null);
            plan.reload();
          }}
        />
      )}
    </>
  );
}
