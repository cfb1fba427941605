/** The KPIs page: every KPI with its status and trend, and the milestones, with what may be changed. */
import { Button, Link, makeStyles, Subtitle2, Title2, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { KpiCardDto, MilestoneCardDto } from '../../../shared/kpi-api.js';
import { useSession } from '../../app/context.js';
import { hrefFor } from '../../app/routes.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Loading } from '../../components/Loading.js';
import { useLoad } from '../../components/use-load.js';
import { KpiDialog } from './KpiDialog.js';
import { KpiSummary } from './KpiSummary.js';
import { MilestoneDialog } from './MilestoneDialog.js';
import { MilestonesTable } from './MilestonesTable.js';
import { useTouchLink } from '../../components/layout/stacked-table.js';
import { RecordValueDialog } from './RecordValueDialog.js';

const useStyles = makeStyles({
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    marginBlock: tokens.spacingVerticalM,
  },
  card: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    marginBlock: tokens.spacingVerticalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
});

type Editing =
  | { kind: 'kpi'; card: KpiCardDto | null }
  | { kind: 'value'; card: KpiCardDto }
  | { kind: 'milestone'; card: MilestoneCardDto | null }
  | { kind: 'progress'; card: MilestoneCardDto }
  | null;

export default function KpisView({ planId }: { planId: string }) {
  const { api } = useSession();
  const styles = useStyles();
  const touch = useTouchLink();
  const view = useLoad(() => api.kpis(planId), [api, planId]);
  const [editing, setEditing] = useState<Editing>(null);
  if (view.error && !view.data) return <ErrorNotice error={view.error} onRetry={view.reload} />;
  if (!view.data) return <Loading label="Loading the KPIs…" />;
  const data = view.data;
  const done = () => {
    setEditing(null);
    view.reload();
  };
  return (
    <>
      <nav aria-label="Breadcrumb">
        <Link href="#/">Plans</Link> › <Link href={hrefFor({ name: 'plan', planId })}>{data.planTitle}</Link>
      </nav>
      <Title2 block as="h1">
        KPIs and milestones
      </Title2>
      {view.error ? <ErrorNotice error={view.error} onRetry={view.reload} /> : null}
      <div className={styles.actions}>
        {data.canManage ? (
          <>
            <Button appearance="primary" onClick={() => setEditing({ kind: 'kpi', card: null })}>
              Define a KPI
            </Button>
            <Button onClick={() => setEditing({ kind: 'milestone', card: null })}>Add a milestone</Button>
          </>
        ) : null}
        <Link href={hrefFor({ name: 'progress', planId, periodKey: null })} className={touch.link}>
          Progress updates
        </Link>
      </div>
      <Subtitle2 as="h2" block>
        KPIs
      </Subtitle2>
      {data.kpis.length === 0 ? <p>No KPIs yet.</p> : null}
      {data.kpis.map((card) => (
        <section
          key={card.kpi.id}
          className={styles.card}
          aria-labelledby={`kpi-${card.kpi.id}`}
          data-kpi={card.kpi.id}
        >
          <Subtitle2 as="h3" id={`kpi-${card.kpi.id}`}>
            {card.kpi.name}
          </Subtitle2>
          <KpiSummary planId={planId} card={card} people={data.people} />
          <div className={styles.actions}>
            {card.canRecord ? (
              <Button size="small" onClick={() => setEditing({ kind: 'value', card })}>
                Record a value for {card.kpi.name}
              </Button>
            ) : null}
            {data.canManage ? (
              <Button size="small" onClick={() => setEditing({ kind: 'kpi', card })}>
                Edit {card.kpi.name}
              </Button>
            ) : null}
          </div>
        </section>
      ))}
      <Subtitle2 as="h2" block>
        Milestones
      </Subtitle2>
      <MilestonesTable
        milestones={data.milestones}
        people={data.people}
        canManage={data.canManage}
        onEdit={(card) => setEditing({ kind: 'milestone', card })}
        onProgress={(card) => setEditing({ kind: 'progress', card })}
      />
      {editing?.kind === 'kpi' ? (
        <KpiDialog
          planId={planId}
          themes={data.themes}
          themeTitles={data.themeTitles}
          people={data.people}
          kpi={editing.card?.kpi ?? null}
          onClose={() => setEditing(null)}
          onSaved={done}
        />
      ) : null}
      {editing?.kind === 'value' ? (
        <RecordValueDialog
          planId={planId}
          card={editing.card}
          asOf={data.asOf}
          onClose={() => setEditing(null)}
          onSaved={done}
        />
      ) : null}
      {editing?.kind === 'milestone' || editing?.kind === 'progress' ? (
        <MilestoneDialog
          planId={planId}
          themes={data.themes}
          themeTitles={data.themeTitles}
          people={data.people}
          milestone={editing.card?.milestone ?? null}
          mode={editing.kind === 'progress' ? 'progress' : 'define'}
          onClose={() => setEditing(null)}
          onSaved={done}
        />
      ) : null}
    </>
  );
}
