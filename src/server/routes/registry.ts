/**
 * Every route module, in one explicit list (STYLE rule 3): `buildApp` registers exactly these, and
 * `registry.test.ts` fails when a module folder under routes/ is left out. Runtime scanning adds its modules
 * (`/api/runtime/*`, `/api/namespaces`) here.
 */
import { advisoryRoutes } from './advisories/routes.ts';
import { resourceRoutes } from './application-resources/routes.ts';
import { applicationRoutes } from './applications/routes.ts';
import { authRoutes } from './auth/routes.ts';
import type { RouteModule } from './context.ts';
import { dashboardRoutes } from './dashboard/routes.ts';
import { metricsRoutes } from './health/metrics-routes.ts';
import { healthRoutes } from './health/routes.ts';
import { ingestRoutes } from './ingest/routes.ts';
import { openApiRoutes } from './openapi.ts';
import { packageRoutes } from './packages/routes.ts';
import { runtimeRoutes } from './runtime/routes.ts';
import { vulnerabilityRoutes } from './vulnerabilities/routes.ts';

/** The route modules, registered in this order. */
export const ROUTE_MODULES: readonly RouteModule[] = [
  healthRoutes,
  metricsRoutes,
  openApiRoutes,
  authRoutes,
  applicationRoutes,
  resourceRoutes,
  packageRoutes,
  vulnerabilityRoutes,
  dashboardRoutes,
  ingestRoutes,
  advisoryRoutes,
  runtimeRoutes,
];
