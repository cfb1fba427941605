/** The page frame: a skip link, a heading bar with who is signed in, and the view for the current route. */
import { Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useRef } from 'react';
import { Loading } from '../components/Loading.js';
import { NARROW } from '../components/layout/stacked-table.js';
import { useSession } from './context.js';
import { LeaveGuard } from './LeaveGuard.js';
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
const SettingsView = lazy(() => import('../views/settings/SettingsView.js'));

const useStyles = makeStyles({
  skip: {
    position: 'absolute',
    left: tokens.spacingHorizontalS,
    top: '-200px',
    zIndex: 1000,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForegroundLink,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    borderRadius: tokens.borderRadiusMedium,
    ':focus': { top: tokens.spacingVerticalS },
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  brand: {
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase400,
    display: 'inline-flex',
    alignItems: 'center',
    minHeight: '24px',
  },
  main: {
    padding: tokens.spacingHorizontalL,
    maxWidth: '1200px',
    boxSizing: 'border-box',
    overflowWrap: 'break-word',
    minWidth: 0,
    ':focus': { outline: 'none' },
    '@media (max-width: 480px)': { padding: tokens.spacingHorizontalS },
    // A phone's page title is a size smaller, so a long plan or section title is not a screenful.
    [NARROW]: { '& h1': { fontSize: tokens.fontSizeBase600, lineHeight: tokens.lineHeightBase600 } },
  },
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
    case 'settings':
      return <SettingsView planId={route.planId} />;
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
  const main = useRef<HTMLElement>(null);
  return (
    <>
      {/* The tab routes on the hash, so the skip link moves focus itself instead of following an anchor. */}
      <a
        href="#/"
        data-stay=""
        className={styles.skip}
        onClick={(event) => {
          event.preventDefault();
          main.current?.focus();
        }}
      >
        Skip to main content
      </a>
      <header className={styles.header}>
        <Link href="#/" className={styles.brand} appearance="subtle">
          Plan Builder
        </Link>
        <Text size={200}>
          {host.kind === 'teams' ? 'Signed in as' : 'Acting as'}{' '}
          <strong data-testid="signed-in-as">{me.displayName}</strong>
        </Text>
      </header>
      <main className={styles.main} id="main" ref={main} tabIndex={-1}>
        <Suspense fallback={<Loading label="Opening…" />}>
          <View route={route} />
        </Suspense>
      </main>
      <LeaveGuard />
    </>
  );
}
