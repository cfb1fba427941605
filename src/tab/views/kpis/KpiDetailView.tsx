/** One KPI: its definition, status, every value with its commentary (and corrections), as a table. */
import { Button, Link, makeStyles, Subtitle2, Text, Title2, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useSession } from '../../app/context.js';
import { hrefFor } from '../../app/routes.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { longDate, nameOf, themeName } from '../../components/display-text.js';
import { Loading } from '../../components/Loading.js';
import { useLoad } from '../../components/use-load.js';
import { DIRECTION_WORDS, FREQUENCY_WORDS, formatValue } from './kpi-format.js';
import { KpiSummary } from './KpiSummary.js';
import { NARROW, useStackedTable } from '../../components/layout/stacked-table.js';
import { RecordValueDialog } from './RecordValueDialog.js';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    overflowWrap: 'anywhere',
    '& dd': { marginInlineStart: 0 },
    [NARROW]: { gridTemplateColumns: 'minmax(0, 1fr)', '& dt': { fontWeight: tokens.fontWeightSemibold } },
  },
  title: { overflowWrap: 'anywhere' },
  values: { marginTop: tokens.spacingVerticalL },
});

export default function KpiDetailView({ planId, kpiId }: { planId: string; kpiId: string }) {
  const { api } = useSession();
  const styles = useStyles();
  const stack = useStackedTable();
  const view = useLoad(() => api.kpis(planId), [api, planId]);
  const [recording, setRecording] = useState<{ correcting?: string } | null>(null);
  if (view.error && !view.data) return <ErrorNotice error={view.error} onRetry={view.reload} />;
  if (!view.data) return <Loading label="Loading the KPI…" />;
  const data = view.data;
  const card = data.kpis.find((k) => k.kpi.id === kpiId);
  const crumbs = (
    <nav aria-label="Breadcrumb">
      <Link href="#/">Plans</Link> › <Link href={hrefFor({ name: 'plan', planId })}>{data.planTitle}</Link> ›{' '}
      <Link href={hrefFor({ name: 'kpis', planId })}>KPIs</Link>
    </nav>
  );
  if (!card) {
    return (
      <>
        {crumbs}
        <Title2 block as="h1">
          KPI not found
        </Title2>
        <Text block as="p">
          This plan has no current KPI with that id; it may have been retired.
        </Text>
      </>
    );
  }
  const { kpi } = card;
  return (
    <>
      {crumbs}
      <Title2 block as="h1" className={styles.title}>
        {kpi.name}
      </Title2>
      <KpiSummary planId={planId} card={card} people={data.people} />
      <dl className={styles.facts}>
        <dt>What it measures</dt>
        <dd>{kpi.definition}</dd>
        <dt>Baseline</dt>
        <dd>
          {formatValue(kpi, kpi.baseline.value)} on {longDate(kpi.baseline.date)}
        </dd>
        <dt>Target</dt>
        <dd>
          {formatValue(kpi, kpi.target.value)} by {longDate(kpi.target.date)}
        </dd>
        <dt>Direction</dt>
        <dd>{DIRECTION_WORDS[kpi.direction]}</dd>
        <dt>Measured</dt>
        <dd>{FREQUENCY_WORDS[kpi.frequency]}</dd>
        <dt>Source</dt>
        <dd>{kpi.source}</dd>
        <dt>Theme</dt>
        <dd>{kpi.theme === null ? 'The plan as a whole' : themeName(kpi.theme, data.themeTitles)}</dd>
      </dl>
      {card.canRecord ? (
        <Button appearance="primary" onClick={() => setRecording({})}>
          Record a value
        </Button>
      ) : null}
      <Subtitle2 as="h2" block className={styles.values}>
        Values recorded
      </Subtitle2>
      {card.values.length === 0 ? (
        <p>None yet.</p>
      ) : (
        <table aria-label={`Values of ${kpi.name}`} className={stack.table}>
          <thead className={stack.head}>
            <tr>
              <th scope="col">Period ending</th>
              <th scope="col">Value</th>
              <th scope="col">Commentary</th>
              <th scope="col">Recorded by</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody className={stack.body}>
            {card.values.map((v) => (
              <tr key={v.periodKey} className={stack.row}>
                <td className={stack.lead}>{longDate(v.asOf)}</td>
                <td data-label="Value" className={stack.cell}>
                  {formatValue(kpi, v.measurement.value)}
                  {v.measurement.part !== null && v.measurement.whole !== null && kpi.share
                    ? ` (${formatValue({ unit: kpi.share.unit === 'currency-gbp' ? 'currency-gbp' : 'number' }, v.measurement.part)} of ${formatValue({ unit: kpi.share.unit === 'currency-gbp' ? 'currency-gbp' : 'number' }, v.measurement.whole)})`
                    : ''}
                </td>
                <td data-label="Commentary" className={stack.cell}>
                  {v.commentary ?? ''}
                </td>
                <td data-label="Recorded by" className={stack.cell}>
                  {nameOf(data.people, v.recordedBy)}
                  {v.correctedAt ? ' (corrected)' : ''}
                </td>
                <td className={stack.controls}>
                  {card.canRecord ? (
                    <Button size="small" onClick={() => setRecording({ correcting: v.periodKey })}>
                      Correct the value ending {longDate(v.asOf)}
                    </Button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {recording ? (
        <RecordValueDialog
          planId={planId}
          card={card}
          asOf={data.asOf}
          {...(recording.correcting ? { correcting: recording.correcting } : {})}
          onClose={() => setRecording(null)}
          onSaved={() => {
            setRecording(null);
            view.reload();
          }}
        />
      ) : null}
    </>
  );
}
