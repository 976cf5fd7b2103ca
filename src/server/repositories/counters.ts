/**
 * The counters behind the lists (`*_count`, `vulns_*`, `max_severity`) and the rows of GET /vulnerabilities
 * (`vulnerability_packages`), recomputed from the facts (resource_packages, findings, application_resources) for what a
 * write touched, inside the write's transaction. Lists then sort and filter on indexed columns; KubeClarity computed
 * them in views per request (6 s pages, oc#226) or refreshed materialised views on a timer (stale counts).
 *
 * Order matters: pairs first (packages count their vulnerabilities from them), then packages, resources, applications.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../store/schema.ts';
import { NO_SEVERITY, SEVERITY_ORDINAL } from '../store/severity.ts';
import { chunksOf, rowsPerInsert } from './chunks.ts';

/** A (package, vulnerability) pair. */
export interface Pair {
  packageId: string;
  vulnerabilityId: string;
}

/** What a write touched. */
export interface Touched {
  pairs: Iterable<Pair>;
  packages: Iterable<string>;
  resources: Iterable<string>;
  applications: Iterable<string>;
}

/** Recomputes everything a write touched, then removes packages and vulnerabilities no resource has any more. */
export async function refreshCounters(db: Kysely<Database>, touched: Touched): Promise<void> {
  const pairs = uniquePairs(touched.pairs);
  const packages = [...new Set([...touched.packages, ...pairs.map((pair) => pair.packageId)])];
  await refreshPairs(db, pairs);
  await refreshPackages(db, packages);
  await refreshResources(db, [...new Set(touched.resources)]);
  await refreshApplications(db, [...new Set(touched.applications)]);
  await collectOrphans(db, packages, [...new Set(pairs.map((pair) => pair.vulnerabilityId))]);
}

/** Recomputes the GET /vulnerabilities rows of these pairs from their findings (suppressed ones do not count). */
export async function refreshPairs(db: Kysely<Database>, pairs: readonly Pair[]): Promise<void> {
  for (const chunk of chunksOf(pairs, 400)) {
    const inChunk = sql`(f.package_id, f.vulnerability_id) in (values ${sql.join(
      chunk.map((pair) => sql`(${pair.packageId}, ${pair.vulnerabilityId})`),
    )})`;
    // Grouped by scanner list and source too: a pair has a handful of such groups, merged below.
    const groups = await sql<PairGroup>`
      select f.package_id, f.vulnerability_id, f.scanners, f.source, count(*) as n,
        max(f.severity) as severity, max(coalesce(f.severity_score, -1)) as score, max(f.fix_version) as fix_version,
        min(f.first_seen) as first_seen, max(f.last_seen) as last_seen
      from findings f
      where f.suppressed = 0 and ${inChunk}
      group by f.package_id, f.vulnerability_id, f.scanners, f.source`.execute(db);
    const apps = await sql<{ package_id: string; vulnerability_id: string; n: number }>`
      select f.package_id, f.vulnerability_id, count(distinct ar.application_id) as n
      from findings f join application_resources ar on ar.resource_id = f.resource_id
      where f.suppressed = 0 and ${inChunk}
      group by f.package_id, f.vulnerability_id`.execute(db);
    const merged = mergeGroups(groups.rows, apps.rows);
    const gone = chunk.filter((pair) => !merged.has(pairKey(pair.packageId, pair.vulnerabilityId)));
    if (gone.length > 0) {
      await sql`delete from vulnerability_packages where (package_id, vulnerability_id) in (values ${sql.join(
        gone.map((pair) => sql`(${pair.packageId}, ${pair.vulnerabilityId})`),
      )})`.execute(db);
    }
    await upsertPairRows(db, [...merged.values()]);
  }
}

interface PairGroup {
  package_id: string;
  vulnerability_id: string;
  scanners: string;
  source: string;
  n: number;
  severity: number;
  score: number;
  fix_version: string;
  first_seen: string;
  last_seen: string;
}

/** A pair row without the names copied from packages and vulnerabilities. */
export interface PairRow {
  vulnerability_id: string;
  package_id: string;
  severity: number;
  severity_score: number;
  fix_version: string;
  has_fix: number;
  scanners: string;
  source: string;
  resources_count: number;
  applications_count: number;
  first_seen: string;
  last_seen: string;
}

function mergeGroups(
  groups: readonly PairGroup[],
  apps: readonly { package_id: string; vulnerability_id: string; n: number }[],
): Map<string, PairRow> {
  const appCounts = new Map(apps.map((row) => [pairKey(row.package_id, row.vulnerability_id), Number(row.n)]));
  const merged = new Map<string, PairRow & { scannerSet: Set<string>; sources: Set<string> }>();
  for (const group of groups) {
    const key = pairKey(group.package_id, group.vulnerability_id);
    let row = merged.get(key);
    if (!row) {
      row = {
        vulnerability_id: group.vulnerability_id,
        package_id: group.package_id,
        severity: Number(group.severity),
        severity_score: Number(group.score),
        fix_version: group.fix_version,
        has_fix: 0,
        scanners: '[]',
        source: '',
        resources_count: 0,
        applications_count: appCounts.get(key) ?? 0,
        first_seen: group.first_seen,
        last_seen: group.last_seen,
        scannerSet: new Set(),
        sources: new Set(),
      };
      merged.set(key, row);
    }
    row.severity = Math.max(row.severity, Number(group.severity));
    row.severity_score = Math.max(row.severity_score, Number(group.score));
    if (group.fix_version > row.fix_version) row.fix_version = group.fix_version;
    if (group.first_seen < row.first_seen) row.first_seen = group.first_seen;
    if (group.last_seen > row.last_seen) row.last_seen = group.last_seen;
    row.resources_count += Number(group.n);
    for (const scanner of JSON.parse(group.scanners) as string[]) row.scannerSet.add(scanner);
    row.sources.add(group.source);
  }
  const rows = new Map<string, PairRow>();
  for (const [key, { scannerSet, sources, ...row }] of merged) {
    rows.set(key, {
      ...row,
      has_fix: row.fix_version === '' ? 0 : 1,
      scanners: JSON.stringify([...scannerSet].sort()),
      source: [...sources].sort().join(','),
    });
  }
  return rows;
}

/** Writes pair rows (names looked up for rows that are new). */
export async function upsertPairRows(db: Kysely<Database>, rows: readonly PairRow[]): Promise<void> {
  if (rows.length === 0) return;
  const names = await pairNames(db, rows);
  for (const chunk of chunksOf(rows, rowsPerInsert(15))) {
    await db
      .insertInto('vulnerability_packages')
      .values(
        chunk.map((row) => {
          const name = names.get(pairKey(row.package_id, row.vulnerability_id));
          return {
            ...row,
            vulnerability_name: name?.vulnerability ?? '',
            package_name: name?.packageName ?? '',
            package_version: name?.packageVersion ?? '',
          };
        }),
      )
      .onConflict((oc) =>
        oc.columns(['vulnerability_id', 'package_id']).doUpdateSet((eb) => ({
          severity: eb.ref('excluded.severity'),
          severity_score: eb.ref('excluded.severity_score'),
          fix_version: eb.ref('excluded.fix_version'),
          has_fix: eb.ref('excluded.has_fix'),
          scanners: eb.ref('excluded.scanners'),
          source: eb.ref('excluded.source'),
          resources_count: eb.ref('excluded.resources_count'),
          applications_count: eb.ref('excluded.applications_count'),
          first_seen: eb.ref('excluded.first_seen'),
          last_seen: eb.ref('excluded.last_seen'),
        })),
      )
      .execute();
  }
}

/** Names are copied onto the pair rows so the list filters and sorts on one table. */
async function pairNames(
  db: Kysely<Database>,
  rows: readonly PairRow[],
): Promise<Map<string, { vulnerability: string; packageName: string; packageVersion: string }>> {
  const packages = new Map<string, { name: string; version: string }>();
  for (const chunk of chunksOf([...new Set(rows.map((row) => row.package_id))])) {
    for (const row of await db
      .selectFrom('packages')
      .select(['id', 'name', 'version'])
      .where('id', 'in', chunk)
      .execute()) {
      packages.set(row.id, row);
    }
  }
  const vulnerabilities = new Map<string, string>();
  for (const chunk of chunksOf([...new Set(rows.map((row) => row.vulnerability_id))])) {
    for (const row of await db
      .selectFrom('vulnerabilities')
      .select(['id', 'name'])
      .where('id', 'in', chunk)
      .execute()) {
      vulnerabilities.set(row.id, row.name);
    }
  }
  const names = new Map<string, { vulnerability: string; packageName: string; packageVersion: string }>();
  for (const row of rows) {
    const pkg = packages.get(row.package_id);
    names.set(pairKey(row.package_id, row.vulnerability_id), {
      vulnerability: vulnerabilities.get(row.vulnerability_id) ?? '',
      packageName: pkg?.name ?? '',
      packageVersion: pkg?.version ?? '',
    });
  }
  return names;
}

/** Severity counters from a set of rows, as correlated subqueries over `source` filtered by `link`. */
function severityCounters(source: string, link: string) {
  const count = (level: keyof typeof SEVERITY_ORDINAL) =>
    sql<number>`(select count(*) from ${sql.raw(source)} where ${sql.raw(link)} and severity = ${SEVERITY_ORDINAL[level]})`;
  return {
    vulns_critical: count('CRITICAL'),
    vulns_high: count('HIGH'),
    vulns_medium: count('MEDIUM'),
    vulns_low: count('LOW'),
    vulns_negligible: count('NEGLIGIBLE'),
    vulns_unknown: count('UNKNOWN'),
    vulns_total: sql<number>`(select count(*) from ${sql.raw(source)} where ${sql.raw(link)})`,
    max_severity: sql<number>`coalesce((select max(severity) from ${sql.raw(source)} where ${sql.raw(link)}), ${NO_SEVERITY})`,
  };
}

/** Recomputes packages' counters: resources, applications, and vulnerabilities from their pair rows. */
export async function refreshPackages(db: Kysely<Database>, ids: readonly string[]): Promise<void> {
  await refreshPackageLinks(db, ids);
  await refreshPackageVulnerabilities(db, ids);
}

/** Recomputes packages' resource and application counts (`package_counts`; a missing row is created). */
export async function refreshPackageLinks(db: Kysely<Database>, ids: readonly string[]): Promise<void> {
  for (const chunk of chunksOf(ids)) {
    await db
      .insertInto('package_counts')
      .columns(['package_id', 'resources_count', 'applications_count'])
      .expression(
        db
          .selectFrom('packages')
          .select([
            'packages.id',
            sql<number>`(select count(*) from resource_packages rp where rp.package_id = packages.id)`.as('r'),
            sql<number>`(select count(distinct ar.application_id) from resource_packages rp
              join application_resources ar on ar.resource_id = rp.resource_id where rp.package_id = packages.id)`.as(
              'a',
            ),
          ])
          .where('packages.id', 'in', chunk),
      )
      .onConflict((oc) =>
        oc.column('package_id').doUpdateSet((eb) => ({
          resources_count: eb.ref('excluded.resources_count'),
          applications_count: eb.ref('excluded.applications_count'),
        })),
      )
      .execute();
  }
}

/** Recomputes packages' vulnerability counters from their pair rows. */
export async function refreshPackageVulnerabilities(db: Kysely<Database>, ids: readonly string[]): Promise<void> {
  for (const chunk of chunksOf(ids)) {
    await db
      .updateTable('packages')
      .set(severityCounters('vulnerability_packages vp', 'vp.package_id = packages.id'))
      .where('id', 'in', chunk)
      .execute();
  }
}

/** Recomputes resources' counters: packages, applications, and vulnerabilities from their findings. */
export async function refreshResources(db: Kysely<Database>, ids: readonly string[]): Promise<void> {
  for (const chunk of chunksOf(ids)) {
    await db
      .updateTable('resources')
      .set({
        packages_count: sql<number>`(select count(*) from resource_packages rp where rp.resource_id = resources.id)`,
        applications_count: sql<number>`(select count(*) from application_resources ar
          where ar.resource_id = resources.id)`,
        ...severityCounters('findings f', 'f.resource_id = resources.id and f.suppressed = 0'),
      })
      .where('id', 'in', chunk)
      .execute();
  }
}

/**
 * Recomputes applications' counters. An application's vulnerabilities are its distinct pairs, each at the highest
 * severity any of its resources reports (one query per application: a write touches few).
 */
export async function refreshApplications(db: Kysely<Database>, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    const bySeverity = await sql<{ severity: number; n: number }>`
      select t.severity, count(*) as n from (
        select max(f.severity) as severity from findings f
        join application_resources ar on ar.resource_id = f.resource_id
        where ar.application_id = ${id} and f.suppressed = 0
        group by f.package_id, f.vulnerability_id
      ) t group by t.severity`.execute(db);
    const counts = new Map(bySeverity.rows.map((row) => [Number(row.severity), Number(row.n)]));
    const of = (level: keyof typeof SEVERITY_ORDINAL) => counts.get(SEVERITY_ORDINAL[level]) ?? 0;
    await db
      .updateTable('applications')
      .set({
        resources_count: sql<number>`(select count(*) from application_resources ar
          where ar.application_id = applications.id)`,
        packages_count: sql<number>`(select count(distinct rp.package_id) from application_resources ar
          join resource_packages rp on rp.resource_id = ar.resource_id where ar.application_id = applications.id)`,
        vulns_critical: of('CRITICAL'),
        vulns_high: of('HIGH'),
        vulns_medium: of('MEDIUM'),
        vulns_low: of('LOW'),
        vulns_negligible: of('NEGLIGIBLE'),
        vulns_unknown: of('UNKNOWN'),
        vulns_total: [...counts.values()].reduce((sum, n) => sum + n, 0),
        max_severity: counts.size === 0 ? NO_SEVERITY : Math.max(...counts.keys()),
      })
      .where('id', '=', id)
      .execute();
  }
}

/** Deletes the given packages that no resource contains and the given vulnerabilities no finding names. */
export async function collectOrphans(
  db: Kysely<Database>,
  packages: readonly string[],
  vulnerabilities: readonly string[],
) {
  for (const chunk of chunksOf(packages)) {
    await db
      .deleteFrom('packages')
      .where('id', 'in', chunk)
      .where(({ not, exists, selectFrom }) =>
        not(exists(selectFrom('resource_packages').select('package_id').whereRef('package_id', '=', 'packages.id'))),
      )
      .execute();
  }
  for (const chunk of chunksOf(vulnerabilities)) {
    await db
      .deleteFrom('vulnerabilities')
      .where('id', 'in', chunk)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('findings').select('vulnerability_id').whereRef('vulnerability_id', '=', 'vulnerabilities.id'),
          ),
        ),
      )
      .execute();
  }
}

function uniquePairs(pairs: Iterable<Pair>): Pair[] {
  const unique = new Map<string, Pair>();
  for (const pair of pairs) unique.set(pairKey(pair.packageId, pair.vulnerabilityId), pair);
  return [...unique.values()];
}

/** The map key of a pair. */
export function pairKey(packageId: string, vulnerabilityId: string): string {
  return `${packageId} ${vulnerabilityId}`;
}

/** Recomputes every counter and pair row from the facts (a repair; the tests compare it with incremental upkeep). */
export async function refreshAllCounters(db: Kysely<Database>): Promise<void> {
  const pairs = await db.selectFrom('findings').select(['package_id', 'vulnerability_id']).distinct().execute();
  const stalePairs = await db.selectFrom('vulnerability_packages').select(['package_id', 'vulnerability_id']).execute();
  await refreshCounters(db, {
    pairs: [...pairs, ...stalePairs].map((row) => ({
      packageId: row.package_id,
      vulnerabilityId: row.vulnerability_id,
    })),
    packages: (await db.selectFrom('packages').select('id').execute()).map((row) => row.id),
    resources: (await db.selectFrom('resources').select('id').execute()).map((row) => row.id),
    applications: (await db.selectFrom('applications').select('id').execute()).map((row) => row.id),
  });
}
