import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { PageLoader } from '../components/ui/page-loader';
import { PATHS } from '../lib/paths';
import { RequireAuth, SIGN_IN_PATH } from './require-auth';
import { RouteErrorElement } from './route-error-element';

/** Each page is its own chunk, loaded on first visit; the entry holds only the router and the providers. */
function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy(async () => ({ default: await load() }));
}

const loadAppShell = () => import('./app-shell');
const loadSignInPage = () => import('./pages/sign-in-page');

const AppShell = lazyPage(() => loadAppShell().then((m) => m.AppShell));
const SignInPage = lazyPage(() => loadSignInPage().then((m) => m.SignInPage));
const UsersPage = lazyPage(() => import('./pages/users-page').then((m) => m.UsersPage));
const AdminUnitsPage = lazyPage(() => import('./pages/admin-units-page').then((m) => m.AdminUnitsPage));
const AuditPage = lazyPage(() => import('./pages/audit-page').then((m) => m.AuditPage));
const CataloguePage = lazyPage(() => import('./pages/catalogue-page').then((m) => m.CataloguePage));
const loadZonesPage = () => import('./pages/zones-page');
const ZonesPage = lazyPage(() => loadZonesPage().then((m) => m.ZonesPage));
const loadZonePage = () => import('./pages/zone-page');
const ZonePage = lazyPage(() => loadZonePage().then((m) => m.ZonePage));
const MapPage = lazyPage(() => import('./pages/map-page').then((m) => m.MapPage));
const ProjectsPage = lazyPage(() => import('./pages/projects-page').then((m) => m.ProjectsPage));
const ProjectPage = lazyPage(() => import('./pages/project-page').then((m) => m.ProjectPage));
const OrganisationsPage = lazyPage(() =>
  import('./pages/organisations-page').then((m) => m.OrganisationsPage),
);
const OrganisationPage = lazyPage(() => import('./pages/organisation-page').then((m) => m.OrganisationPage));
const CapitalPage = lazyPage(() => import('./pages/capital-page').then((m) => m.CapitalPage));
const loadReportsPage = () => import('./pages/reports-page');
const ReportsPage = lazyPage(() => loadReportsPage().then((m) => m.ReportsPage));
const FilingPage = lazyPage(() => import('./pages/filing-page').then((m) => m.FilingPage));
const BulkFilingPage = lazyPage(() => import('./pages/bulk-filing-page').then((m) => m.BulkFilingPage));
const CompiledReportPage = lazyPage(() =>
  import('./pages/compiled-report-page').then((m) => m.CompiledReportPage),
);
const ParksReportPage = lazyPage(() => import('./pages/parks-report-page').then((m) => m.ParksReportPage));
const MonitoringPage = lazyPage(() => import('./pages/monitoring-page').then((m) => m.MonitoringPage));
const PlanPage = lazyPage(() => import('./pages/plan-page').then((m) => m.PlanPage));
const ImportPage = lazyPage(() => import('./pages/import-page').then((m) => m.ImportPage));
const loadDashboardPage = () => import('./pages/dashboard-page');
const DashboardPage = lazyPage(() => loadDashboardPage().then((m) => m.DashboardPage));
const BriefingsPage = lazyPage(() => import('./pages/briefings-page').then((m) => m.BriefingsPage));
const AnalysisPage = lazyPage(() => import('./pages/analysis-page').then((m) => m.AnalysisPage));
const InquiriesPage = lazyPage(() => import('./pages/inquiries-page').then((m) => m.InquiriesPage));
const InquiryPage = lazyPage(() => import('./pages/inquiry-page').then((m) => m.InquiryPage));
const ExchangePage = lazyPage(() =>
  import('../features/exchange/components/exchange-view').then((m) => m.ExchangePage),
);
const NotFound = lazyPage(() => import('./not-found').then((m) => m.NotFound));

function FullPage({ children }: { children: ReactNode }) {
  return <Suspense fallback={<PageLoader fullScreen />}>{children}</Suspense>;
}

export const routes: RouteObject[] = [
  {
    path: SIGN_IN_PATH,
    element: (
      <FullPage>
        <SignInPage />
      </FullPage>
    ),
    errorElement: <RouteErrorElement />,
  },
  {
    path: '/',
    element: (
      <RequireAuth>
        <FullPage>
          <AppShell />
        </FullPage>
      </RequireAuth>
    ),
    errorElement: <RouteErrorElement />,
    children: [
      {
        // A page that fails shows its error inside the shell, so navigation stays usable.
        errorElement: <RouteErrorElement />,
        children: [
          { index: true, element: <DashboardPage /> },
          { path: PATHS.analysis, element: <AnalysisPage /> },
          { path: PATHS.registry, element: <ZonesPage /> },
          { path: `${PATHS.registry}/:code`, element: <ZonePage /> },
          { path: PATHS.projects, element: <ProjectsPage /> },
          { path: `${PATHS.projects}/:code`, element: <ProjectPage /> },
          { path: PATHS.organisations, element: <OrganisationsPage /> },
          { path: `${PATHS.organisations}/:code`, element: <OrganisationPage /> },
          { path: PATHS.capital, element: <CapitalPage /> },
          // The module's planned address, kept working for bookmarks.
          { path: PATHS.enterprises, element: <Navigate to={PATHS.projects} replace /> },
          { path: PATHS.reports, element: <ReportsPage /> },
          { path: `${PATHS.reports}/filings/:id`, element: <FilingPage /> },
          { path: `${PATHS.reports}/bulk`, element: <BulkFilingPage /> },
          { path: `${PATHS.reports}/compiled`, element: <CompiledReportPage /> },
          { path: `${PATHS.reports}/parks`, element: <ParksReportPage /> },
          { path: PATHS.monitoring, element: <MonitoringPage /> },
          { path: PATHS.targets, element: <PlanPage /> },
          { path: PATHS.briefings, element: <BriefingsPage /> },
          { path: `${PATHS.briefings}/:id`, element: <BriefingsPage /> },
          { path: PATHS.map, element: <MapPage /> },
          { path: PATHS.import, element: <ImportPage /> },
          { path: PATHS.exchange, element: <ExchangePage /> },
          { path: PATHS.catalogue, element: <CataloguePage /> },
          { path: PATHS.users, element: <UsersPage /> },
          { path: PATHS.adminUnits, element: <AdminUnitsPage /> },
          { path: PATHS.audit, element: <AuditPage /> },
          { path: PATHS.inquiries, element: <InquiriesPage /> },
          { path: `${PATHS.inquiries}/:id`, element: <InquiryPage /> },
          { path: '*', element: <NotFound /> },
        ],
      },
    ],
  },
];

/**
 * Starts downloading the first screen's code (the shell and the page, or the sign-in page) while the session
 * is still being checked, instead of after.
 */
export function preloadFirstScreen(pathname: string): void {
  const ignore = () => {
    // The route's own lazy load reports the failure when it renders.
  };
  if (pathname === SIGN_IN_PATH) {
    void loadSignInPage().catch(ignore);
    return;
  }
  void loadAppShell().catch(ignore);
  // The most visited pages' own code too, in parallel with the shell's (measured: ~100 ms off a page load).
  const page = firstScreenPages.find(([pattern]) => pattern.test(pathname));
  if (page) void page[1]().catch(ignore);
}

const firstScreenPages: [RegExp, () => Promise<unknown>][] = [
  [/^\/$/, loadDashboardPage],
  [new RegExp(`^${PATHS.registry}/?$`), loadZonesPage],
  [new RegExp(`^${PATHS.registry}/[^/]+/?$`), loadZonePage],
  [new RegExp(`^${PATHS.reports}/?$`), loadReportsPage],
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
