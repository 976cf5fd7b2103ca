/**
 * The route table. Pages load lazily per feature (the first paint needs only the shell and the dashboard); detail
 * pages that combine several features are composed in app/routes, the only place that may import across features.
 */
import { createBrowserRouter } from 'react-router';
import { AppShell } from './layout/app-shell.tsx';
import { NotFoundPage, PageLoading, RouteError } from './layout/route-error.tsx';

/** Builds the browser router. */
export function createRouter(): ReturnType<typeof createBrowserRouter> {
  return createBrowserRouter([
    {
      path: '/login',
      HydrateFallback: PageLoading,
      lazy: async () => ({ Component: (await import('../features/auth/routes/login-page.tsx')).LoginPage }),
    },
    {
      path: '/',
      Component: AppShell,
      ErrorBoundary: RouteError,
      HydrateFallback: PageLoading,
      children: [
        {
          index: true,
          lazy: async () => ({
            Component: (await import('../features/dashboard/routes/dashboard-page.tsx')).DashboardPage,
          }),
        },
        {
          path: 'applications',
          lazy: async () => ({
            Component: (await import('../features/applications/routes/applications-page.tsx')).ApplicationsPage,
          }),
        },
        {
          path: 'applications/:id',
          lazy: async () => ({
            Component: (await import('./routes/application-detail-route.tsx')).ApplicationDetailRoute,
          }),
        },
        {
          path: 'applicationResources',
          lazy: async () => ({
            Component: (await import('../features/resources/routes/resources-page.tsx')).ResourcesPage,
          }),
        },
        {
          path: 'applicationResources/:id',
          lazy: async () => ({ Component: (await import('./routes/resource-detail-route.tsx')).ResourceDetailRoute }),
        },
        {
          path: 'packages',
          lazy: async () => ({
            Component: (await import('../features/packages/routes/packages-page.tsx')).PackagesPage,
          }),
        },
        {
          path: 'packages/:id',
          lazy: async () => ({ Component: (await import('./routes/package-detail-route.tsx')).PackageDetailRoute }),
        },
        {
          path: 'vulnerabilities',
          lazy: async () => ({
            Component: (await import('../features/vulnerabilities/routes/vulnerabilities-page.tsx'))
              .VulnerabilitiesPage,
          }),
        },
        {
          path: 'vulnerabilities/:vulnerabilityId/:packageId',
          lazy: async () => ({
            Component: (await import('./routes/vulnerability-detail-route.tsx')).VulnerabilityDetailRoute,
          }),
        },
        {
          path: 'runtimeScan',
          lazy: async () => ({
            Component: (await import('../features/runtime-scan/routes/runtime-scan-page.tsx')).RuntimeScanPage,
          }),
        },
        {
          path: 'settings',
          lazy: async () => ({
            Component: (await import('../features/settings/routes/settings-page.tsx')).SettingsPage,
          }),
        },
        { path: '*', Component: NotFoundPage },
      ],
    },
  ]);
}
