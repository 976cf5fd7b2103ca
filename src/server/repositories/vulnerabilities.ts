/**
 * Vulnerabilities: the list (GET /vulnerabilities, one row per vulnerability and package) and the detail of one pair
 * with its findings, CVSS breakdown, EPSS and KEV.
 */
import { sql } from 'kysely';
import type { SeverityLevel } from '../../matcher/match.ts';
import { levelOfScore } from '../../matcher/severity.ts';
import type { ListQuery } from '../list-query/list-query.ts';
import type { StoreDialect } from '../store/dialect.ts';
import type { Store } from '../store/open-store.ts';
import type { FindingsTable, VulnerabilityPackagesTable } from '../store/schema.ts';
import { severityOfOrdinal } from '../store/severity.ts';
import { type CvssV3Detail, type CvssV4Detail, cvssV3Detail, cvssV4Detail } from './cvss-detail.ts';
import { jsonList, type Page, runList } from './list-page.ts';
import { VULNERABILITIES_LIST, type VulnerabilitiesSortKey } from './list-specs.ts';
import { RUNTIME_SCAN_RESOURCES, resourcesOfApplication } from './scopes.ts';

/** A (vulnerability, package) row as the API shows it (KubeClarity's `Vulnerability`). */
export interface VulnerabilityItem {
  /** `<vulnerabilityID>/<packageID>`: the path of its detail. */
  id: string;
  vulnerabilityID: string;
  vulnerabilityName: string;
  packageID: string;
  packageName: string;
  packageVersion: string;
  /** The highest severity any finding gives it. */
  severity: SeverityLevel;
  /** The level of the CVSS score, when there is one. */
  cvssSeverity?: SeverityLevel;
  cvssBaseScore?: number;
  applications: number;
  applicationResources: number;
  fixVersion: string;
  reportingScanners: string[];
  /** CICD when any CI report has it, else RUNTIME (see `sources`). */
  source: 'CICD' | 'RUNTIME';
  sources: ('CICD' | 'RUNTIME')[];
  firstSeen: string;
  lastSeen: string;
}

/** GET /vulnerabilities */
export async function listVulnerabilities(
  store: Store,
  query: ListQuery<VulnerabilitiesSortKey>,
): Promise<Page<VulnerabilityItem>> {
  const base = store.db.selectFrom('vulnerability_packages').selectAll('vulnerability_packages');
  const { total, rows } = await runList(
    store,
    base,
    query,
    VULNERABILITIES_LIST,
    scopeConditions(query, store.dialect),
  );
  return { total, items: rows.map(vulnerabilityItem) };
}

function scopeConditions(query: ListQuery, dialect: StoreDialect) {
  const scope = query.scope;
  if (!scope) return [];
  // SQLite looks a row-value IN up by its first column only and builds the list twice (13 ms count, 20 ms page for a
  // 6-resource application on the 1,000,000-finding bench); the pairs' rowids, joined on the full key, take 3 ms each.
  // The rowids never leave the statement. PostgreSQL hashes the row-value IN into a semi-join.
  const pairsOf = (resources: unknown) =>
    dialect === 'sqlite'
      ? sql<boolean>`vulnerability_packages.rowid in (
      select svp.rowid from findings f join vulnerability_packages svp
        on svp.vulnerability_id = f.vulnerability_id and svp.package_id = f.package_id
      where f.suppressed = 0 and ${resources})`
      : sql<boolean>`(vulnerability_packages.package_id, vulnerability_packages.vulnerability_id) in (
      select f.package_id, f.vulnerability_id from findings f where f.suppressed = 0 and ${resources})`;
  switch (scope.kind) {
    case 'applicationID':
      return [pairsOf(sql`f.resource_id in ${resourcesOfApplication(scope.id)}`)];
    case 'applicationResourceID':
      return [pairsOf(sql`f.resource_id = ${scope.id}`)];
    case 'packageID':
      return [sql<boolean>`vulnerability_packages.package_id = ${scope.id}`];
    case 'currentRuntimeScan':
      return [pairsOf(sql`f.resource_id in ${RUNTIME_SCAN_RESOURCES}`)];
    default:
      return [sql<boolean>`1 = 0`];
  }
}

/** One finding of a pair, in the detail. */
export interface PairFinding {
  resourceID: string;
  resourceName: string;
  resourceHash: string;
  severity: SeverityLevel;
  severityScore: number | null;
  severitySource: string | null;
  fixedVersions: string[];
  scanners: string[];
  source: string;
  firstSeen: string;
  lastSeen: string;
  evidence: unknown[];
}

/** GET /vulnerabilities/{vulId}/{pkgId} (KubeClarity's `VulnerabilityEx`, plus v4, EPSS, KEV and the findings). */
export interface VulnerabilityDetail {
  vulnerability: VulnerabilityItem;
  scanDate: string;
  description: string;
  links: string[];
  aliases: string[];
  fixedVersions: string[];
  cvss?: CvssV3Detail;
  cvssV4?: CvssV4Detail;
  epss?: { score: number; percentile: number };
  kev?: Record<string, unknown>;
  /** Per resource, most severe first (at most 100). */
  findings: PairFinding[];
}

/** The detail of one pair, or undefined. Attributes come from its most severe finding. */
export async function getVulnerability(
  store: Store,
  vulnerabilityId: string,
  packageId: string,
): Promise<VulnerabilityDetail | undefined> {
  const pair = await store.db
    .selectFrom('vulnerability_packages')
    .selectAll()
    .where('vulnerability_id', '=', vulnerabilityId)
    .where('package_id', '=', packageId)
    .executeTakeFirst();
  if (!pair) return undefined;
  const vulnerability = await store.db
    .selectFrom('vulnerabilities')
    .selectAll()
    .where('id', '=', vulnerabilityId)
    .executeTakeFirstOrThrow();
  const findings = await store.db
    .selectFrom('findings')
    .innerJoin('resources', 'resources.id', 'findings.resource_id')
    .selectAll('findings')
    .select(['resources.name as resource_name', 'resources.hash as resource_hash'])
    .where('findings.vulnerability_id', '=', vulnerabilityId)
    .where('findings.package_id', '=', packageId)
    .where('findings.suppressed', '=', 0)
    .orderBy('findings.severity', 'desc')
    .orderBy(sql`coalesce(findings.severity_score, -1)`, 'desc')
    .orderBy('findings.resource_id')
    .limit(100)
    .execute();
  const top = findings[0];
  const cvss = cvssV3Detail(top?.cvss_v3_vector);
  const cvssV4 = cvssV4Detail(top?.cvss_v4_vector);
  return {
    vulnerability: vulnerabilityItem(pair),
    scanDate: pair.last_seen,
    description: vulnerability.description,
    links: jsonList(vulnerability.links),
    aliases: jsonList(vulnerability.aliases),
    fixedVersions: top ? jsonList(top.fixed_versions) : [],
    ...(cvss ? { cvss } : {}),
    ...(cvssV4 ? { cvssV4 } : {}),
    ...(top && top.epss !== null ? { epss: { score: top.epss, percentile: top.epss_percentile ?? 0 } } : {}),
    ...(top?.kev_detail ? { kev: JSON.parse(top.kev_detail) as Record<string, unknown> } : {}),
    findings: findings.map((row) => pairFinding(row)),
  };
}

function pairFinding(row: FindingsTable & { resource_name: string; resource_hash: string }): PairFinding {
  return {
    resourceID: row.resource_id,
    resourceName: row.resource_name,
    resourceHash: row.resource_hash,
    severity: severityOfOrdinal(row.severity),
    severityScore: row.severity_score,
    severitySource: row.severity_source,
    fixedVersions: jsonList(row.fixed_versions),
    scanners: jsonList(row.scanners),
    source: row.source,
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
    evidence: JSON.parse(row.evidence) as unknown[],
  };
}

/** The API shape of a row. */
export function vulnerabilityItem(row: VulnerabilityPackagesTable): VulnerabilityItem {
  const sources = row.source.split(',').filter(Boolean) as ('CICD' | 'RUNTIME')[];
  const score = row.severity_score >= 0 ? row.severity_score : undefined;
  return {
    id: `${row.vulnerability_id}/${row.package_id}`,
    vulnerabilityID: row.vulnerability_id,
    vulnerabilityName: row.vulnerability_name,
    packageID: row.package_id,
    packageName: row.package_name,
    packageVersion: row.package_version,
    severity: severityOfOrdinal(row.severity),
    ...(score !== undefined ? { cvssSeverity: levelOfScore(score), cvssBaseScore: score } : {}),
    applications: row.applications_count,
    applicationResources: row.resources_count,
    fixVersion: row.fix_version,
    reportingScanners: jsonList(row.scanners),
    source: sources[0] ?? 'CICD',
    sources,
    firstSeen: row.first_seen,
    lastSeen: row.last_seen,
  };
}
