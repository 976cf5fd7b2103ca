/**
 * The report a re-match ingests for one resource: its stored SBOM decoded back into packages, matched against the
 * advisory database by the scan pipeline (the same matcher and enrichment as `lucent scan`), plus what the built-in
 * matcher does not own. Re-matching replaces only the built-in matcher's findings:
 * - a finding only external scanners reported (Grype, Trivy, Dependency-Track at CI time) is kept as stored;
 * - a finding both reported keeps the external scanners, with the built-in matcher's new attributes, or with the
 *   stored ones when the matcher no longer reports it;
 * - a finding a policy suppressed (VEX, ignore rules) stays suppressed.
 */
import { gunzipSync } from 'node:zlib';
import type { Kysely } from 'kysely';
import type { AdvisoryDb } from '../../advisories/db/queries.ts';
import type { OsInfo, Package } from '../../core/package.ts';
import type { Image } from '../../image/image.ts';
import type { AnalysisResult } from '../../pipeline/analyze.ts';
import { scanAnalysis } from '../../pipeline/scan.ts';
import { BUILTIN_SCANNER } from '../../report/report-data.ts';
import { vulnerabilityScanReport } from '../client/reports.ts';
import type { Database } from '../store/schema.ts';
import { severityOfOrdinal } from '../store/severity.ts';
import { packageKeyOf, packageOfFinding, sortedUnique } from './ingest-rows.ts';
import type { IngestFinding, IngestResource, VulnerabilityScanReport } from './ingest-schema.ts';

type Db = Kysely<Database>;

/** A resource as re-matching reads it back. */
export interface StoredResource {
  id: string;
  resource: IngestResource;
  os: OsInfo | undefined;
  /** Where its findings came from last (CICD or RUNTIME); re-matched findings keep it. */
  source: 'CICD' | 'RUNTIME';
  packages: Package[];
}

/** Reads a resource and decodes its stored SBOM; undefined when either is gone. */
export async function loadStoredResource(db: Db, resourceId: string): Promise<StoredResource | undefined> {
  const row = await db
    .selectFrom('resources')
    .innerJoin('resource_sboms', 'resource_sboms.resource_id', 'resources.id')
    .select([
      'resources.name',
      'resources.hash',
      'resources.type',
      'resources.os',
      'resource_sboms.content',
      'resource_sboms.encoding',
    ])
    .where('resources.id', '=', resourceId)
    .executeTakeFirst();
  if (!row) return undefined;
  const scan = await db
    .selectFrom('scans')
    .select('source')
    .where('resource_id', '=', resourceId)
    .where('kind', '=', 'vulnerabilityScan')
    .orderBy('finished_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const bytes = row.encoding === 'gzip' ? gunzipSync(row.content) : Buffer.from(row.content);
  // Loaded on demand: the SBOM decoders are only needed by re-matching.
  const { decodeSbom } = await import('../../sbom/decode.ts');
  const decoded = decodeSbom(bytes.toString('utf8'));
  return {
    id: resourceId,
    resource: { name: row.name, hash: row.hash, type: row.type as IngestResource['type'] },
    os: row.os ? (JSON.parse(row.os) as OsInfo) : undefined,
    source: scan?.source === 'RUNTIME' ? 'RUNTIME' : 'CICD',
    packages: decoded.packages,
  };
}

/** The resource's findings as stored, in the ingestion payload's shape. */
export async function loadStoredFindings(db: Db, resourceId: string): Promise<IngestFinding[]> {
  const rows = await db
    .selectFrom('findings as f')
    .innerJoin('packages as p', 'p.id', 'f.package_id')
    .innerJoin('vulnerabilities as v', 'v.id', 'f.vulnerability_id')
    .select([
      'v.name as vulnerability',
      'v.aliases',
      'v.description',
      'v.links',
      'p.purl',
      'p.name as package_name',
      'p.version',
      'p.type',
      'p.language',
      'f.severity',
      'f.severity_score',
      'f.severity_source',
      'f.cvss_v3_vector',
      'f.cvss_v3_score',
      'f.cvss_v4_vector',
      'f.cvss_v4_score',
      'f.fixed_versions',
      'f.scanners',
      'f.evidence',
      'f.epss',
      'f.epss_percentile',
      'f.kev_detail',
      'f.suppressed',
    ])
    .where('f.resource_id', '=', resourceId)
    .execute();
  return rows.map((row) => ({
    id: row.vulnerability,
    aliases: JSON.parse(row.aliases),
    ...(row.purl ? { packagePurl: row.purl } : {}),
    packageName: row.package_name,
    installedVersion: row.version,
    ...(row.type ? { packageType: row.type } : {}),
    ...(row.language ? { packageLanguage: row.language } : {}),
    fixedVersions: JSON.parse(row.fixed_versions),
    ...(row.description ? { description: row.description } : {}),
    links: JSON.parse(row.links),
    severity: {
      level: severityOfOrdinal(row.severity),
      ...(row.severity_score !== null ? { score: row.severity_score } : {}),
      ...(row.severity_source !== null ? { source: row.severity_source } : {}),
    },
    cvss: {
      ...(row.cvss_v3_vector ? { v3: { vector: row.cvss_v3_vector, score: row.cvss_v3_score ?? undefined } } : {}),
      ...(row.cvss_v4_vector ? { v4: { vector: row.cvss_v4_vector, score: row.cvss_v4_score ?? undefined } } : {}),
    },
    evidence: JSON.parse(row.evidence),
    ...(row.kev_detail ? { kev: JSON.parse(row.kev_detail) } : {}),
    ...(row.epss !== null
      ? { epss: { cveId: row.vulnerability, epss: row.epss, percentile: row.epss_percentile ?? 0 } }
      : {}),
    scanners: JSON.parse(row.scanners),
    ...(row.suppressed ? { suppressed: true } : {}),
  }));
}

/** Matches the resource's packages against the database and builds the report that replaces its findings. */
export function rematchReport(
  stored: StoredResource,
  previous: readonly IngestFinding[],
  db: AdvisoryDb,
  at: Date,
): VulnerabilityScanReport {
  const analysis = analysisOf(stored);
  const matched = scanAnalysis(analysis, db);
  const report = vulnerabilityScanReport(
    analysis,
    { reported: matched, suppressed: [] },
    { reportedAt: at, scanners: [BUILTIN_SCANNER] },
  );
  const findings = mergeWithStored(report.findings, previous);
  const { layers: _layers, ...rest } = report;
  return {
    ...rest,
    resource: stored.resource,
    source: stored.source,
    findings,
    scanners: sortedUnique(findings.flatMap((finding) => finding.scanners ?? [BUILTIN_SCANNER])),
  };
}

/** The built-in matcher's new findings, with the stored findings it does not own (see the file's comment). */
export function mergeWithStored(
  matched: readonly IngestFinding[],
  previous: readonly IngestFinding[],
): IngestFinding[] {
  const before = new Map(previous.map((finding) => [keyOf(finding), finding]));
  const merged = new Map<string, IngestFinding>();
  for (const finding of matched) {
    const key = keyOf(finding);
    const old = before.get(key);
    const scanners = sortedUnique([...(finding.scanners ?? [BUILTIN_SCANNER]), ...(old?.scanners ?? [])]);
    merged.set(key, { ...finding, scanners, ...(old?.suppressed ? { suppressed: true } : {}) });
  }
  for (const [key, finding] of before) {
    if (merged.has(key)) continue;
    const external = (finding.scanners ?? [BUILTIN_SCANNER]).filter((name) => name !== BUILTIN_SCANNER);
    if (external.length > 0) merged.set(key, { ...finding, scanners: external });
  }
  return [...merged.values()];
}

/**
 * Findings are one per (package, vulnerability), as stored. Their row ids are UUIDv5 hashes of the package's key and
 * of the vulnerability's id (store/ids.ts), so the two keys themselves tell the same rows apart, without hashing
 * (a SHA-1 per finding was most of the merge's time); the package key's length keeps the pair unambiguous.
 */
function keyOf(finding: IngestFinding): string {
  const packageKey = packageKeyOf(packageOfFinding(finding));
  return `${packageKey.length}:${packageKey} ${finding.id}`;
}

/** An analysis result for the scan pipeline and the report builder: only the inventory is real. */
function analysisOf(stored: StoredResource): AnalysisResult {
  const image: Image = {
    source: { kind: 'sbom', reference: stored.resource.name },
    name: stored.resource.name,
    config: {},
    history: [],
    layers: [],
    repoTags: [],
    warnings: [],
    close: async () => undefined,
  };
  const inventory = { packages: stored.packages, unknowns: [], layers: [], ...(stored.os ? { os: stored.os } : {}) };
  return { image, inventory, warnings: [] };
}
