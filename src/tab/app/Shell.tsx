/** The page frame: a heading bar with who is signed in, and the view for the current route. */
import { Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { Loading } from '../components/Loading.js';
import { useSession } from './context.js';
import type { Route } from './routes.js';
import { useRoute } from './use-route.js';

const PlansView = lazy(() => import('../views/plans/PlansView.js'));
const DashboardView = lazy(() => import('../views/dashboard/DashboardView.js'));
const SectionView = lazy(() => import('../views/section/SectionView.js'));
const ApprovalsView = lazy(() => import('../views/approvals/ApprovalsView.js'));
const VersionView = lazy(() => import('../views/version/VersionView.js'));
const KpisView = lazy(() => import('../views/kpis/KpisView.js'));
const KpiDetailView = lazy(() => import('../views/kpis/KpiDetailView.js'));
const ProgressUpdateView = lazy(() => import('../views/progress/ProgressUpdateView.js'));

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  brand: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  main: { padding: tokens.spacingHorizontalL, maxWidth: '1200px' },
});

function View({ route }: { route: Route }) {
  switch (route.name) {
    case 'plans':
      return <PlansView />;
    case 'plan':
      return <DashboardView planId={route.planId} />;
    case 'section':
      return <SectionView planId={route.planId} sectionKey={route.sectionKey} />;
    case 'approvals':
      return <ApprovalsView planId={route.planId} />;
    case 'version':
      return <VersionView planId={route.planId} version={route.version} />;
    case 'kpis':
      return <KpisView planId={route.planId} />;
    case 'kpi':
      return <KpiDetailView planId={route.planId} kpiId={route.kpiId} />;
    case 'progress':
      return <ProgressUpdateView planId={route.planId} periodKey={route.periodKey} />;
    case 'not-found':
      return (
        <Text block as="p">
          There is nothing at this address. <Link href="#/">Go to the list of plans</Link>.
        </Text>
      );
  }
}

export function Shell() {
  const styles = useStyles();
  const route = useRoute();
  const { me, host } = useSession();
  return (
    <>
      <header className={styles.header}>
        <Link href="#/" className={styles.brand} appearance="subtle">
          Plan Builder
        </Link>
        <Text size={200}>
          {host.kind === 'teams' ? 'Signed in as' : 'Acting as'}{' '}
          <strong data-testid="signed-in-as">{me.displayName}</strong>
        </Text>
      </header>
      <main className={styles.main}>
        <Suspense fallback={<Loading label="Opening…" />}>
          <View route={route} />
        </Suspense>
      </main>
    </>
  );
}
