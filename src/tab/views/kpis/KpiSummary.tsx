/** One KPI at a glance: RAG in words and colour, latest value against target, trend, owner, next check-in. */
import { Caption1, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { PeopleDto } from '../../../shared/api.js';
import type { KpiCardDto } from '../../../shared/kpi-api.js';
import { hrefFor } from '../../app/routes.js';
import { longDate, nameOf } from '../../components/display-text.js';
import { formatValue } from './kpi-format.js';
import { RagBadge } from './RagBadge.js';
import { TrendChart } from './TrendChart.js';

const useStyles = makeStyles({
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  trend: { margin: 0, paddingInlineStart: '20px' },
});

export function KpiSummary({
  planId,
  card,
  people,
}: {
  planId: string;
  card: KpiCardDto;
  people: PeopleDto;
}) {
  const styles = useStyles();
  const { kpi } = card;
  const latest = card.trend.at(-1);
  return (
    <>
      <div className={styles.line}>
        <RagBadge status={card.rag.status} />
        <Text data-testid="kpi-latest">
          {latest ? `Latest: ${formatValue(kpi, latest.value)} for ${latest.label}` : 'No value recorded yet'}{' '}
          — target {formatValue(kpi, kpi.target.value)} by {longDate(kpi.target.date)}
        </Text>
      </div>
      <Caption1 block>{card.rag.reason}</Caption1>
      {card.trend.length > 0 ? (
        <div className={styles.line}>
          <TrendChart points={card.trend} />
          <ol className={styles.trend} aria-label={`Trend of ${kpi.name}`} data-testid="kpi-trend">
            {card.trend.map((p) => (
              <li key={p.periodKey}>
                {p.label}: {formatValue(kpi, p.value)} (on the path to target: {formatValue(kpi, p.expected)})
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      <Text block>
        Owner: {nameOf(people, kpi.ownerId)} · Next check-in: {card.nextCheckIn.period.label}, due{' '}
        {longDate(card.nextCheckIn.dueBy)}
        {card.missing
          ? ` · ${card.missing.period.label} ${card.missing.overdue ? 'is overdue' : 'is due'} (by ${longDate(card.missing.dueBy)})`
          : ''}
      </Text>
      <Link href={hrefFor({ name: 'kpi', planId, kpiId: kpi.id })}>Details of {kpi.name}</Link>
    </>
  );
}
