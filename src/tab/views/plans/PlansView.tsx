/** The plans the council is writing, and "new plan from template". */
import {
  Badge,
  Button,
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title2,
  tokens,
  Link,
  Text,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { navigate } from '../../app/use-route.js';
import { useSession } from '../../app/context.js';
import { hrefFor } from '../../app/routes.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Loading } from '../../components/Loading.js';
import { useLoad } from '../../components/use-load.js';
import { useStackedTable, useTouchLink } from '../../components/layout/stacked-table.js';
import { NewPlanDialog } from './NewPlanDialog.js';

const useStyles = makeStyles({
  top: {
    display: 'flex',
    justifyContent: 'space-between',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
  },
  // A plan title can be one long word (or a pasted URL): it wraps rather than widening the page.
  title: { overflowWrap: 'anywhere' },
});

export default function PlansView() {
  const { api } = useSession();
  const styles = useStyles();
  const stack = useStackedTable();
  const touch = useTouchLink();
  const plans = useLoad(() => api.plans(), [api]);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  // Leave only once the dialog has left the page: a Fluent dialog unmounted while it is still closing
  // leaves the rest of the page aria-hidden, invisible to screen readers.
  useEffect(() => {
    if (!created || creating) return;
    const started = Date.now();
    const timer = setInterval(() => {
      if (document.querySelector('[role="dialog"]') === null || Date.now() - started > 3_000) {
        clearInterval(timer);
        navigate(hrefFor({ name: 'plan', planId: created }));
      }
    }, 50);
    return () => clearInterval(timer);
  }, [created, creating]);
  return (
    <>
      <div className={styles.top}>
        <Title2 block as="h1">
          Plans
        </Title2>
        <Button appearance="primary" onClick={() => setCreating(true)}>
          New plan from template
        </Button>
      </div>
      {plans.error ? <ErrorNotice error={plans.error} onRetry={plans.reload} /> : null}
      {plans.loading && !plans.data ? <Loading label="Loading plans…" /> : null}
      {plans.data &&
        (plans.data.plans.length === 0 ? (
          <Text block as="p">
            There are no plans yet. Start one from a template.
          </Text>
        ) : (
          <Table aria-label="Plans" className={stack.table}>
            <TableHeader className={stack.head}>
              <TableRow>
                <TableHeaderCell>Plan</TableHeaderCell>
                <TableHeaderCell>Council</TableHeaderCell>
                <TableHeaderCell>Plan lead</TableHeaderCell>
                <TableHeaderCell>Status</TableHeaderCell>
                <TableHeaderCell>Version</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody className={stack.body}>
              {plans.data.plans.map((plan) => (
                <TableRow key={plan.id} className={stack.row}>
                  <TableCell className={mergeClasses(styles.title, stack.lead)}>
                    <Link href={hrefFor({ name: 'plan', planId: plan.id })} className={touch.link}>
                      {plan.title}
                    </Link>
                  </TableCell>
                  <TableCell data-label="Council" className={stack.cell}>
                    {plan.council}
                  </TableCell>
                  <TableCell data-label="Plan lead" className={stack.cell}>
                    {plan.leadName}
                  </TableCell>
                  <TableCell data-label="Status" className={stack.cell}>
                    <Badge appearance="outline">{plan.status}</Badge>
                  </TableCell>
                  <TableCell data-label="Version" className={stack.cell}>
                    {plan.contentVersion === 0 ? 'Draft' : plan.contentVersion}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ))}
      {creating && (
        <NewPlanDialog
          onClose={() => setCreating(false)}
          onCreated={(planId) => {
            setCreating(false);
            setCreated(planId);
          }}
        />
      )}
    </>
  );
}
