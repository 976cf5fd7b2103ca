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
import { type PackageItem, packageItem } from './packages.ts';
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

/** GET /dashboard/vulnerabilitiesWithFix: per severity, (vulnerability, package) pairs with a fix and in total. */
export async function vulnerabilitiesWithFix(
  store: Store,
): Promise<{ severity: SeverityLevel; countWithFix: number; countTotal: number }[]> {
  const rows = await store.db
    .selectFrom('vulnerability_packages')
    .select(['severity', sql<number>`count(*)`.as('total'), sql<number>`sum(has_fix)`.as('fixable')])
    .groupBy('severity')
    .execute();
  const bySeverity = new Map(rows.map((row) => [severityOfOrdinal(row.severity), row]));
  return SEVERITY_LEVELS.map((severity) => ({
    severity,
    countWithFix: Number(bySeverity.get(severity)?.fixable ?? 0),
    countTotal: Number(bySeverity.get(severity)?.total ?? 0),
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
  // The three tables share the counter columns; typing the query on one of them covers all.
  const top = (table: 'applications' | 'resources' | 'packages') =>
    store.db
      .selectFrom(table as 'applications')
      .selectAll()
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
 * point counts, per severity, the pairs whose first-seen time falls in its interval. One query: the interval of a row
 * is a CASE over the bound boundaries.
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
  const bounds = Array.from({ length: count }, (_, i) => new Date(start + ((end - start) * (i + 1)) / count));
  const labels = bounds.map((bound) => bound.toISOString());
  const whens = labels.slice(0, -1).map((label, index) => sql`when first_seen < ${label} then ${index}`);
  const bucket = whens.length > 0 ? sql<number>`case ${sql.join(whens, sql` `)} else ${count - 1} end` : sql<number>`0`;
  const rows = await store.db
    .selectFrom('vulnerability_packages')
    .select([bucket.as('bucket'), 'severity', sql<number>`count(*)`.as('n')])
    .where('first_seen', '>=', new Date(start).toISOString())
    .where('first_seen', '<=', new Date(end).toISOString())
    .groupBy([sql`1`, 'severity'])
    .execute();
  const counts = labels.map(() => new Map<SeverityLevel, number>());
  for (const row of rows) counts[Number(row.bucket)]?.set(severityOfOrdinal(row.severity), Number(row.n));
  return labels.map((time, index) => ({
    time,
    numOfVuls: SEVERITY_LEVELS.map((severity) => ({ severity, count: counts[index]?.get(severity) ?? 0 })),
  }));
}
