/** `/api/dashboard/*`: counters, fixable vulnerabilities, packages per license and language, top 5, trends. */
import { z } from 'zod';
import { LucentError } from '../../../core/errors.ts';
import { SEVERITY_LEVELS } from '../../../matcher/match.ts';
import {
  dashboardCounters,
  MAX_TREND_POINTS,
  mostVulnerable,
  packagesPerLanguage,
  packagesPerLicense,
  vulnerabilitiesWithFix,
  vulnerabilityTrends,
} from '../../repositories/dashboard.ts';
import { resourceItem } from '../application-resources/schemas.ts';
import { applicationItem } from '../applications/schemas.ts';
import type { RouteModule } from '../context.ts';
import { ERROR_RESPONSES } from '../http-errors.ts';
import { severityCounts } from '../list-route.ts';
import { packageItem } from '../packages/routes.ts';

const tags = ['dashboard'];
const config = { auth: 'viewer' as const };

const trendQuery = z.object({
  startTime: z.iso.datetime({ offset: true }).describe('start of the range (ISO 8601)'),
  endTime: z.iso.datetime({ offset: true }).describe('end of the range (ISO 8601)'),
  points: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_TREND_POINTS)
    .default(30)
    .describe('how many intervals the range is cut into'),
});

/** The dashboard's aggregates. */
export const dashboardRoutes = {
  name: 'dashboard',
  prefix: '/api',
  register(app, context) {
    const { store } = context;

    app.get(
      '/dashboard/counters',
      {
        config,
        schema: {
          tags,
          response: {
            200: z.object({ applications: z.number().int(), resources: z.number().int(), packages: z.number().int() }),
            ...ERROR_RESPONSES,
          },
        },
      },
      () => dashboardCounters(store),
    );

    app.get(
      '/dashboard/vulnerabilitiesWithFix',
      {
        config,
        schema: {
          tags,
          response: {
            200: z.array(
              z.object({
                severity: z.enum(SEVERITY_LEVELS),
                countWithFix: z.number().int(),
                countTotal: z.number().int(),
              }),
            ),
            ...ERROR_RESPONSES,
          },
        },
      },
      () => vulnerabilitiesWithFix(store),
    );

    app.get(
      '/dashboard/packagesPerLicense',
      {
        config,
        schema: {
          tags,
          response: { 200: z.array(z.object({ license: z.string(), count: z.number().int() })), ...ERROR_RESPONSES },
        },
      },
      () => packagesPerLicense(store),
    );

    app.get(
      '/dashboard/packagesPerLanguage',
      {
        config,
        schema: {
          tags,
          response: { 200: z.array(z.object({ language: z.string(), count: z.number().int() })), ...ERROR_RESPONSES },
        },
      },
      () => packagesPerLanguage(store),
    );

    app.get(
      '/dashboard/mostVulnerable',
      {
        config,
        schema: {
          tags,
          response: {
            200: z.object({
              applications: z.array(applicationItem),
              resources: z.array(resourceItem),
              packages: z.array(packageItem),
            }),
            ...ERROR_RESPONSES,
          },
        },
      },
      () => mostVulnerable(store),
    );

    app.get(
      '/dashboard/trends/vulnerabilities',
      {
        config,
        schema: {
          tags,
          querystring: trendQuery,
          response: {
            200: z.array(z.object({ time: z.string(), numOfVuls: severityCounts })),
            ...ERROR_RESPONSES,
          },
        },
      },
      (request) => {
        const start = new Date(request.query.startTime);
        const end = new Date(request.query.endTime);
        if (!(end > start)) throw new LucentError('E_INVALID_REQUEST', 'endTime must be after startTime');
        return vulnerabilityTrends(store, start, end, request.query.points);
      },
    );
  },
} satisfies RouteModule;
