/**
 * Turning report payloads into rows, pure: package identity (purl, else name + version + language), analyzers kept
 * per package and per resource, findings with their own attributes (severity, CVSS, fixes, scanners, evidence).
 */
import { canonicalPurl } from '../../sbom/merge.ts';
import { packageId, vulnerabilityId } from '../store/ids.ts';
import { SEVERITY_ORDINAL } from '../store/severity.ts';
import type { IngestFinding, IngestPackage } from './ingest-schema.ts';

/** The scanner name of Lucent's own matcher (findings that name no scanner). */
export const DEFAULT_SCANNER = 'lucent';

/** KubeClarity's "language" of each purl type; OS packages have none. */
const LANGUAGE_OF_TYPE: Readonly<Record<string, string>> = {
  npm: 'javascript',
  pypi: 'python',
  golang: 'go',
  maven: 'java',
  gem: 'ruby',
  cargo: 'rust',
  composer: 'php',
  nuget: 'dotnet',
  hex: 'erlang',
  pub: 'dart',
  swift: 'swift',
  cocoapods: 'swift',
  conan: 'c++',
};

/** A package row and its place in one resource. */
export interface PackageRows {
  id: string;
  key: string;
  purl: string | null;
  name: string;
  version: string;
  type: string;
  language: string;
  licenses: string[];
  analyzers: string[];
  locations: { path: string; layerDiffId?: string }[];
}

/** The purl type of a purl (`pkg:npm/…` → `npm`), or ''. */
export function purlTypeOf(purl: string | undefined): string {
  return (purl && /^pkg:([A-Za-z0-9.+-]+)\//.exec(purl)?.[1]?.toLowerCase()) || '';
}

/** A package's natural key: its canonical purl, else `language:name@version`. */
export function packageKeyOf(pkg: {
  purl?: string | undefined;
  name: string;
  version: string;
  type?: string | undefined;
  language?: string | undefined;
}): string {
  if (pkg.purl) return canonicalPurlCached(pkg.purl);
  const language = pkg.language || LANGUAGE_OF_TYPE[pkg.type ?? ''] || pkg.type || '';
  return `${language}:${pkg.name}@${pkg.version}`;
}

/** Canonical purls and package ids of recent reports: images share most packages, and parsing is the costly part. */
const canonicalCache = new Map<string, string>();
const idCache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

function canonicalPurlCached(purl: string): string {
  let canonical = canonicalCache.get(purl);
  if (canonical === undefined) {
    if (canonicalCache.size >= CACHE_LIMIT) canonicalCache.clear();
    canonical = canonicalPurl(purl);
    canonicalCache.set(purl, canonical);
  }
  return canonical;
}

/** The package id of a key (UUIDv5, cached). */
export function packageIdOf(key: string): string {
  let id = idCache.get(key);
  if (id === undefined) {
    if (idCache.size >= CACHE_LIMIT) idCache.clear();
    id = packageId(key);
    idCache.set(key, id);
  }
  return id;
}

/** The packages of a report, one per identity (duplicates merge their analyzers, licenses and locations). */
export function packageRowsOf(packages: readonly IngestPackage[]): Map<string, PackageRows> {
  const rows = new Map<string, PackageRows>();
  for (const pkg of packages) {
    const key = packageKeyOf(pkg);
    const id = packageIdOf(key);
    const type = pkg.type || purlTypeOf(pkg.purl);
    const licenses = pkg.licenses ?? (pkg.license ? [pkg.license] : []);
    const existing = rows.get(id);
    if (existing) {
      existing.analyzers = sortedUnique([...existing.analyzers, ...(pkg.foundBy ?? [])]);
      existing.licenses = sortedUnique([...existing.licenses, ...licenses]);
      existing.locations.push(...(pkg.locations ?? []).map(locationOf));
      continue;
    }
    rows.set(id, {
      id,
      key,
      purl: pkg.purl ? key : null,
      name: pkg.name,
      version: pkg.version,
      type,
      language: pkg.language ?? LANGUAGE_OF_TYPE[type] ?? '',
      licenses: sortedUnique(licenses),
      analyzers: sortedUnique(pkg.foundBy ?? []),
      locations: (pkg.locations ?? []).map(locationOf),
    });
  }
  return rows;
}

/** The package a finding is about, for findings whose package the report's package list does not hold. */
export function packageOfFinding(finding: IngestFinding): IngestPackage {
  return {
    ...(finding.packagePurl ? { purl: finding.packagePurl } : {}),
    name: finding.packageName,
    version: finding.installedVersion,
    ...(finding.packageType ? { type: finding.packageType } : {}),
    ...(finding.packageLanguage ? { language: finding.packageLanguage } : {}),
  };
}

/** A finding as stored (without the resource, scan and times, which the service adds). */
export interface FindingRow {
  package_id: string;
  vulnerability_id: string;
  severity: number;
  severity_score: number | null;
  severity_source: string | null;
  cvss_v3_vector: string | null;
  cvss_v3_score: number | null;
  cvss_v4_vector: string | null;
  cvss_v4_score: number | null;
  fixed_versions: string;
  fix_version: string;
  scanners: string;
  evidence: string;
  epss: number | null;
  epss_percentile: number | null;
  kev: number;
  kev_detail: string | null;
  suppressed: number;
}

/** A vulnerability row. */
export interface VulnerabilityRow {
  id: string;
  name: string;
  description: string;
  links: string;
  aliases: string;
}

/** The findings of a report, one per (package, vulnerability); duplicates keep the higher severity, union scanners. */
export function findingRowsOf(
  findings: readonly IngestFinding[],
  reportScanners: readonly string[] | undefined,
): { findings: FindingRow[]; vulnerabilities: VulnerabilityRow[] } {
  const rows = new Map<string, FindingRow>();
  const vulnerabilities = new Map<string, VulnerabilityRow>();
  for (const finding of findings) {
    const row = findingRowOf(finding, reportScanners);
    const key = `${row.package_id} ${row.vulnerability_id}`;
    const existing = rows.get(key);
    if (existing) {
      const scanners = sortedUnique([...JSON.parse(existing.scanners), ...JSON.parse(row.scanners)]);
      const higher = row.severity > existing.severity ? row : existing;
      rows.set(key, { ...higher, scanners: JSON.stringify(scanners) });
    } else {
      rows.set(key, row);
    }
    const vulnerability = vulnerabilityRowOf(finding);
    const known = vulnerabilities.get(vulnerability.id);
    if (!known || (known.description === '' && vulnerability.description !== '')) {
      vulnerabilities.set(vulnerability.id, vulnerability);
    }
  }
  return { findings: [...rows.values()], vulnerabilities: [...vulnerabilities.values()] };
}

function findingRowOf(finding: IngestFinding, reportScanners: readonly string[] | undefined): FindingRow {
  const severity = finding.severity;
  const vector = severity?.vector;
  const v3 = finding.cvss?.v3 ?? (vector?.startsWith('CVSS:3') ? { vector, score: severity?.score } : undefined);
  const v4 = finding.cvss?.v4 ?? (vector?.startsWith('CVSS:4') ? { vector, score: severity?.score } : undefined);
  const fixes = finding.fixedVersions ?? [];
  return {
    package_id: packageIdOf(packageKeyOf(packageOfFinding(finding))),
    vulnerability_id: vulnerabilityId(finding.id),
    severity: SEVERITY_ORDINAL[severity?.level ?? 'UNKNOWN'],
    severity_score: severity?.score ?? null,
    severity_source: severity?.source ?? null,
    cvss_v3_vector: v3?.vector ?? null,
    cvss_v3_score: v3?.score ?? null,
    cvss_v4_vector: v4?.vector ?? null,
    cvss_v4_score: v4?.score ?? null,
    fixed_versions: JSON.stringify(fixes),
    fix_version: fixes[0] ?? '',
    scanners: JSON.stringify(scannersOfFinding(finding, reportScanners)),
    evidence: JSON.stringify(finding.evidence ?? []),
    epss: finding.epss?.epss ?? null,
    epss_percentile: finding.epss?.percentile ?? null,
    kev: finding.kev ? 1 : 0,
    kev_detail: finding.kev ? JSON.stringify(finding.kev) : null,
    suppressed: finding.suppressed ? 1 : 0,
  };
}

/** The finding's own scanners, else the `reportedBy` of its evidence (external scanners), else the report's. */
function scannersOfFinding(finding: IngestFinding, reportScanners: readonly string[] | undefined): string[] {
  if (finding.scanners && finding.scanners.length > 0) return sortedUnique(finding.scanners);
  const reportedBy = (finding.evidence ?? []).flatMap((evidence) => {
    const name = (evidence as { reportedBy?: unknown } | null)?.reportedBy;
    return typeof name === 'string' ? [name] : [];
  });
  if (reportedBy.length > 0) return sortedUnique(reportedBy);
  return reportScanners && reportScanners.length > 0 ? sortedUnique(reportScanners) : [DEFAULT_SCANNER];
}

function vulnerabilityRowOf(finding: IngestFinding): VulnerabilityRow {
  return {
    id: vulnerabilityId(finding.id),
    name: finding.id,
    description: finding.description ?? finding.summary ?? '',
    links: JSON.stringify(finding.links ?? []),
    aliases: JSON.stringify(sortedUnique(finding.aliases ?? [])),
  };
}

function locationOf(location: { path: string; layerDiffId?: string | undefined }): {
  path: string;
  layerDiffId?: string;
} {
  return location.layerDiffId ? { path: location.path, layerDiffId: location.layerDiffId } : { path: location.path };
}

/** Sorted, without duplicates (code-point order, the same on every machine). */
export function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
