/** The dashboard's KPI tile: RAG counts in words, milestones at a glance, and the way to the KPIs page. */
import { Badge, Link, Text } from '@fluentui/react-components';
import type { KpiOverviewDto } from '../../../shared/kpi-api.js';
import { useSession } from '../../app/context.js';
import { hrefFor } from '../../app/routes.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Loading } from '../../components/Loading.js';
import { useLoad } from '../../components/use-load.js';
import { RAG_COLOUR } from '../kpis/kpi-format.js';
import { useTouchLink } from '../../components/layout/stacked-table.js';

const RAG_ORDER = ['red', 'amber', 'green', 'none'] as const;
const RAG_NAME = { red: 'red', amber: 'amber', green: 'green', none: 'with no status yet' } as const;

export function kpiCounts(view: KpiOverviewDto): string {
  if (view.kpis.length === 0) return 'No KPIs defined yet.';
  const parts = RAG_ORDER.map((status) => ({
    status,
    count: view.kpis.filter((k) => k.rag.status === status).length,
  }))
    .filter((p) => p.count > 0)
    .map((p) => `${p.count} ${RAG_NAME[p.status]}`);
  return `${view.kpis.length} KPI${view.kpis.length === 1 ? '' : 's'}: ${parts.join(', ')}.`;
}

export function KpiTile({ planId }: { planId: string }) {
  const { api } = useSession();
  const touch = useTouchLink();
  const view = useLoad(() => api.kpis(planId), [api, planId]);
  if (view.error) return <ErrorNotice error={view.error} onRetry={view.reload} />;
  if (!view.data) return <Loading label="Loading the KPIs…" />;
  const data = view.data;
  return (
    <>
      <Text block as="p" data-testid="kpi-tile-counts">
        {kpiCounts(data)}
      </Text>
      {data.kpis.length > 0 ? (
        <ul style={{ paddingInlineStart: 20 }} aria-label="KPIs">
          {data.kpis.map((card) => (
            <li key={card.kpi.id}>
              <Link href={hrefFor({ name: 'kpi', planId, kpiId: card.kpi.id })}>{card.kpi.name}</Link>{' '}
              <Badge appearance="filled" color={RAG_COLOUR[card.rag.status]}>
                {card.rag.status === 'none' ? 'no status' : card.rag.status}
              </Badge>
              {card.trend.length > 1
                ? ` (${card.trend.at(-1)!.value >= card.trend.at(-2)!.value ? 'up' : 'down'} since ${card.trend.at(-2)!.label})`
                : ''}
            </li>
          ))}
        </ul>
      ) : null}
      <Text block as="p" data-testid="milestone-glance">
        Milestones:{' '}
        {data.milestones.length === 0
          ? 'none yet.'
          : `${data.milestones.length} — ${(
              ['Complete', 'Overdue', 'At risk', 'In progress', 'Not started'] as const
            )
              .map((label) => ({
                label,
                n: data.milestones.filter((m) => m.progress.label.startsWith(label)).length,
              }))
              .filter((x) => x.n > 0)
              .map((x) => `${x.n} ${x.label.toLowerCase()}`)
              .join(', ')}.`}
      </Text>
      <Text block as="p">
        <Link href={hrefFor({ name: 'kpis', planId })} className={touch.link}>
          See every KPI and milestone
        </Link>
      </Text>
    </>
  );
}
