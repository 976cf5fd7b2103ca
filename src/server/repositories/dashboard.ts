/**
 * Dashboard aggregates: counters, fixable vulnerabilities per severity, packages per license and language, the most
 * vulnerable applications, resources and packages, and the trend of new vulnerabilities from first-seen times. They
 * read the counters and pair rows that ingestion keeps, never the findings.
 */
import { sql } from 'kysely';
import { SEVERITY_LEVELS, type SeverityLevel } from '../../matcher/match.ts';
import type { Store } from '../store/open-store.ts';
import { severityOfOrdinal } from '../store/severity.ts';
import { type ApplicationItem, applicationItem } from './applications.ts';
import type { SeverityCount } from './list-page.ts';
import { type PackageItem, packageItem, packagesWithCounts } from './packages.ts';
import { type ResourceItem, resourceItem } from './resources.ts';

/** GET /dashboard/counters */
export async function dashboardCounters(
  store: Store,
): Promise<{ applications: number; resources: number; packages: number }> {
  const count = async (table: 'applications' | 'resources' | 'packages') =>
    Number((await store.db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  const [applications, resources, packages] = await Promise.all([
    count('applications'),
    count('resources'),
    count('packages'),
  ]);
  return { applications, resources, packages };
}

/**
 * GET /dashboard/vulnerabilitiesWithFix: per severity, (vulnerability, package) pairs with a fix and in total. Grouped
 * by (has_fix, severity), the leading columns of an index (migration 004), so both engines count from the index alone;
 * `sum(has_fix)` grouped by severity read every row from the table (0.4 to 0.7 s for 140,000 pairs on SQLite).
 */
export async function vulnerabilitiesWithFix(
  store: Store,
): Promise<{ severity: SeverityLevel; countWithFix: number; countTotal: number }[]> {
  const rows = await store.db
    .selectFrom('vulnerability_packages')
    .select(['has_fix', 'severity', sql<number>`count(*)`.as('n')])
    .groupBy(['has_fix', 'severity'])
    .execute();
  const totals = new Map<SeverityLevel, { countWithFix: number; countTotal: number }>();
  for (const row of rows) {
    const severity = severityOfOrdinal(row.severity);
    const total = totals.get(severity) ?? { countWithFix: 0, countTotal: 0 };
    total.countTotal += Number(row.n);
    if (Number(row.has_fix) === 1) total.countWithFix += Number(row.n);
    totals.set(severity, total);
  }
  return SEVERITY_LEVELS.map((severity) => ({
    severity,
    ...(totals.get(severity) ?? { countWithFix: 0, countTotal: 0 }),
  }));
}

/** GET /dashboard/packagesPerLicense: packages per license text, most first; packages without a license left out. */
export async function packagesPerLicense(store: Store): Promise<{ license: string; count: number }[]> {
  const rows = await store.db
    .selectFrom('packages')
    .select(['license', sql<number>`count(*)`.as('n')])
    .where('license', '<>', '')
    .groupBy('license')
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('license')
    .execute();
  return rows.map((row) => ({ license: row.license, count: Number(row.n) }));
}

/** GET /dashboard/packagesPerLanguage: packages per language, most first; OS packages (no language) left out. */
export async function packagesPerLanguage(store: Store): Promise<{ language: string; count: number }[]> {
  const rows = await store.db
    .selectFrom('packages')
    .select(['language', sql<number>`count(*)`.as('n')])
    .where('language', '<>', '')
    .groupBy('language')
    .orderBy(sql`count(*)`, 'desc')
    .orderBy('language')
    .execute();
  return rows.map((row) => ({ language: row.language, count: Number(row.n) }));
}

/** GET /dashboard/mostVulnerable: the top 5 of each, by vulnerability counts from CRITICAL down. */
export async function mostVulnerable(
  store: Store,
): Promise<{ applications: ApplicationItem[]; resources: ResourceItem[]; packages: PackageItem[] }> {
  // The three tables share the counter columns; typing the query on one of them covers all. Packages come with their
  // resource and application counts, kept apart in `package_counts`.
  const rowsOf = (table: 'applications') => store.db.selectFrom(table).selectAll();
  const top = (table: 'applications' | 'resources' | 'packages') =>
    (table === 'packages'
      ? (packagesWithCounts(store) as unknown as ReturnType<typeof rowsOf>)
      : rowsOf(table as 'applications')
    )
      .where('vulns_total', '>', 0)
      .orderBy('vulns_critical', 'desc')
      .orderBy('vulns_high', 'desc')
      .orderBy('vulns_medium', 'desc')
      .orderBy('vulns_low', 'desc')
      .orderBy('vulns_negligible', 'desc')
      .orderBy('id', 'desc')
      .limit(5)
      .execute() as Promise<Record<string, unknown>[]>;
  const [applications, resources, packages] = await Promise.all([
    top('applications'),
    top('resources'),
    top('packages'),
  ]);
  return {
    applications: applications.map(applicationItem),
    resources: resources.map(resourceItem),
    packages: packages.map(packageItem),
  };
}

/** One point of the trend: the (vulnerability, package) pairs first seen in the interval that ends at `time`. */
export interface TrendPoint {
  time: string;
  numOfVuls: SeverityCount[];
}

/** Most points a trend has. */
export const MAX_TREND_POINTS = 200;

/**
 * GET /dashboard/trends/vulnerabilities: `[start, end]` cut into `points` equal intervals (the last one closed); each
 * point counts, per severity, the pairs whose first-seen time falls in its interval. One statement of one range count
 * per interval (UNION ALL), each served by the (first_seen, severity) index alone: a single scan that put every row
 * in its interval with a CASE over the boundaries spent most of its time in the CASE (3 to 6 times slower).
 */
export async function vulnerabilityTrends(
  store: Store,
  startTime: Date,
  endTime: Date,
  points = 30,
): Promise<TrendPoint[]> {
  const start = startTime.getTime();
  const end = endTime.getTime();
  if (!(end > start)) return [];
  const count = Math.max(1, Math.min(MAX_TREND_POINTS, Math.floor(points)));
  const edges = Array.from({ length: count + 1 }, (_, i) =>
    new Date(i === count ? end : start + ((end - start) * i) / count).toISOString(),
  );
  const interval = (index: number) =>
    store.db
      .selectFrom('vulnerability_packages')
      // The interval's number is a literal: a bound parameter has no type for PostgreSQL in a UNION's select list.
      .select([sql.lit(index).as('bucket'), 'severity', sql<number>`count(*)`.as('n')])
      .where('first_seen', '>=', edges[index] ?? '')
      .where('first_seen', index === count - 1 ? '<=' : '<', edges[index + 1] ?? '')
      .groupBy('severity');
  let query = interval(0);
  for (let index = 1; index < count; index++) query = query.unionAll(interval(index));
  const rows = await query.execute();
  const counts = edges.slice(1).map(() => new Map<SeverityLevel, number>());
  for (const row of rows) counts[Number(row.bucket)]?.set(severityOfOrdinal(row.severity), Number(row.n));
  return edges.slice(1).map((time, index) => ({
    time,
    numOfVuls: SEVERITY_LEVELS.map((severity) => ({ severity, count: counts[index]?.get(severity) ?? 0 })),
  }));
}
