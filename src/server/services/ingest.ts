/**
 * Ingestion: a content-analysis report (a resource's packages) or a vulnerability-scan report (its findings) becomes
 * rows, in one transaction (all of the report or none of it) that also recomputes the counters it touched.
 *
 * Semantics (fixing KubeClarity's, docs/server-api.md "Ingestion"):
 * - a report's package list REPLACES the resource's packages: stale ones disappear, with their findings;
 * - a scan's findings REPLACE the resource's findings; each keeps its own severity, CVSS, fixes and scanners, and the
 *   first time it was seen survives re-ingestion;
 * - analyzers (who found a package) and scanners (who found a vulnerability) are kept apart: a package that only a
 *   scan names is linked with no analyzer;
 * - ids come from natural keys, so sending the same report twice leaves the same rows.
 *
 * Ingestions are serialised: on SQLite by the write lock (BEGIN IMMEDIATE), on PostgreSQL by a transaction-scoped
 * advisory lock, because the counters of shared packages are recomputed from committed rows and two concurrent
 * ingestions would each miss the other's.
 */
import { type Kysely, sql } from 'kysely';
import {
  applyResourceDelta,
  type FindingState,
  readFindingStates,
  readPackageIds,
} from '../repositories/resource-delta.ts';
import { resourceId as resourceIdOf, scanId as scanIdOf } from '../store/ids.ts';
import type { Store } from '../store/open-store.ts';
import type { Database } from '../store/schema.ts';
import { findingRowsOf, packageOfFinding, packageRowsOf, sortedUnique } from './ingest-rows.ts';
import type { ContentAnalysisReport, VulnerabilityScanReport } from './ingest-schema.ts';
import {
  applicationCount,
  compressSbom,
  linkApplication,
  recordScan,
  removePackages,
  replaceCisChecks,
  replaceFindings,
  replaceLayers,
  storeSbom,
  upsertPackages,
  upsertResource,
  upsertResourcePackages,
  upsertVulnerabilities,
} from './ingest-steps.ts';

/** Who sends a report, and where it goes. */
export interface IngestTarget {
  /** The application the resource belongs to (it must exist); the link is added, others are kept. */
  applicationId?: string;
  /** Who sent it, for the scan record: `token:<name>`, `user:<name>`, `runtime-scan:<id>`. */
  actor: string;
  /** The clock, for reports that carry no time. */
  now?: () => Date;
  /** Called after each named step inside the transaction (tests inject failures here). */
  onStep?: (step: string) => void | Promise<void>;
}

/** What an ingestion stored. */
export interface IngestResult {
  resourceId: string;
  scanId: string;
  packages: number;
  findings: number;
  /** Packages the resource no longer has. */
  removedPackages: number;
  /** Findings the resource no longer has (on a vulnerability scan). */
  removedFindings: number;
}

/** PostgreSQL advisory lock key of ingestion ("lucent" in ASCII). */
const INGEST_LOCK = 0x6c7563656e74;

/** Stores a content analysis: the resource's packages (replacing its previous ones), layers, OS and SBOM. */
export async function ingestContentAnalysis(
  store: Store,
  target: IngestTarget,
  report: ContentAnalysisReport,
): Promise<IngestResult> {
  return inIngestTransaction(store, contentAnalysisWrite(target, report));
}

/** A report's writes, to run inside an ingestion transaction. */
export type IngestWrite = (db: Kysely<Database>) => Promise<IngestResult>;

/**
 * The writes of a content analysis, its rows prepared now (CPU work, outside the transaction and its lock).
 */
export function contentAnalysisWrite(target: IngestTarget, report: ContentAnalysisReport): IngestWrite {
  const at = reportTime(report.reportedAt, target);
  const resourceId = resourceIdOf(report.resource.hash);
  const scanId = scanIdOf(resourceId, 'contentAnalysis', at);
  const packages = packageRowsOf(report.packages);
  const analyzers = sortedUnique([...(report.analyzers ?? []), ...[...packages.values()].flatMap((p) => p.analyzers)]);
  const sbom = report.sbom ? compressSbom(report.sbom.document) : undefined;
  return async (db) => {
    const step = stepper(target);
    await upsertResource(db, resourceId, report.resource, at, {
      analyzers,
      ...(report.os ? { os: report.os } : {}),
      last_analysis_at: at,
    });
    const linked = target.applicationId ? await linkApplication(db, target.applicationId, resourceId, at) : false;
    await step('resource');
    const before = await resourceState(db, resourceId);
    const counted = await upsertPackages(db, [...packages.values()], at, await applicationCount(db, resourceId));
    const removedPackages = await removePackages(db, resourceId, before.packages, new Set(packages.keys()));
    await upsertResourcePackages(db, resourceId, [...packages.values()], { onlyNew: false });
    await step('packages');
    if (report.layers) await replaceLayers(db, resourceId, report.layers);
    if (sbom) await storeSbom(db, resourceId, sbom, at);
    await recordScan(db, {
      id: scanId,
      resource_id: resourceId,
      application_id: target.applicationId ?? null,
      kind: 'contentAnalysis',
      source: report.source ?? 'CICD',
      at,
      duration_ms: report.durationMs ?? null,
      actor: target.actor,
      tools: analyzers,
      packages_count: packages.size,
      findings_count: 0,
    });
    await step('scan');
    const removedFindings = await updateCounters(db, resourceId, before, { linked, counted }, target);
    await step('counters');
    return { resourceId, scanId, packages: packages.size, findings: 0, removedPackages, removedFindings };
  };
}

/**
 * Stores a vulnerability scan: the resource's findings (replacing its previous ones), and, when the report carries
 * them, its package set, layers and CIS results. Packages the findings name that the resource lacks are added.
 */
export async function ingestVulnerabilityScan(
  store: Store,
  target: IngestTarget,
  report: VulnerabilityScanReport,
): Promise<IngestResult> {
  return inIngestTransaction(store, vulnerabilityScanWrite(target, report));
}

/** The writes of a vulnerability scan, its rows prepared now (outside the transaction). */
export function vulnerabilityScanWrite(target: IngestTarget, report: VulnerabilityScanReport): IngestWrite {
  const at = reportTime(report.reportedAt, target);
  const resourceId = resourceIdOf(report.resource.hash);
  const scanId = scanIdOf(resourceId, 'vulnerabilityScan', at);
  const source = report.source ?? 'CICD';
  const packages = report.packages ? packageRowsOf(report.packages) : undefined;
  // A package only a scan names has no analyzer: scanners are not SBOM analyzers (KubeClarity oc#440).
  const named = packageRowsOf(report.findings.map(packageOfFinding));
  const { findings, vulnerabilities } = findingRowsOf(report.findings, report.scanners);
  const scanners = sortedUnique([...(report.scanners ?? []), ...findings.flatMap((f) => JSON.parse(f.scanners))]);
  return async (db) => {
    const step = stepper(target);
    await upsertResource(db, resourceId, report.resource, at, {
      scanners,
      ...(report.os ? { os: report.os } : {}),
      ...(packages ? { analyzers: sortedUnique([...packages.values()].flatMap((p) => p.analyzers)) } : {}),
      last_scan_at: at,
      ...(packages ? { last_analysis_at: at } : {}),
    });
    const linked = target.applicationId ? await linkApplication(db, target.applicationId, resourceId, at) : false;
    await step('resource');
    const before = await resourceState(db, resourceId);
    const applications = await applicationCount(db, resourceId);
    let removedPackages = 0;
    let counted = new Set<string>();
    if (packages) {
      counted = await upsertPackages(db, [...packages.values()], at, applications);
      removedPackages = await removePackages(db, resourceId, before.packages, new Set(packages.keys()));
      await upsertResourcePackages(db, resourceId, [...packages.values()], { onlyNew: false });
    }
    const kept = packages ? new Set(packages.keys()) : before.packages;
    const missing = [...named.values()]
      .filter((pkg) => !kept.has(pkg.id))
      .map((pkg) => ({ ...pkg, analyzers: [], locations: [] }));
    for (const id of await upsertPackages(db, missing, at, applications)) counted.add(id);
    await upsertResourcePackages(db, resourceId, missing, { onlyNew: true });
    await step('packages');
    await upsertVulnerabilities(db, vulnerabilities, at);
    await replaceFindings(db, resourceId, findings, { id: scanId, at, source });
    await step('findings');
    if (report.cisChecks) await replaceCisChecks(db, resourceId, report.cisChecks);
    if (report.layers) await replaceLayers(db, resourceId, report.layers);
    await recordScan(db, {
      id: scanId,
      resource_id: resourceId,
      application_id: target.applicationId ?? null,
      kind: 'vulnerabilityScan',
      source,
      at,
      duration_ms: report.durationMs ?? null,
      actor: target.actor,
      tools: scanners,
      packages_count: packages?.size ?? before.packages.size + missing.length,
      findings_count: findings.length,
    });
    await step('scan');
    const removedFindings = await updateCounters(db, resourceId, before, { linked, counted }, target);
    await step('counters');
    return {
      resourceId,
      scanId,
      packages: kept.size + missing.length,
      findings: findings.length,
      removedPackages,
      removedFindings,
    };
  };
}

/** Stores several reports (KubeClarity's bodies carry several resources) in one transaction: all of them or none. */
export async function ingestAll(store: Store, writes: readonly IngestWrite[]): Promise<IngestResult[]> {
  return inIngestTransaction(store, async (db) => {
    const results: IngestResult[] = [];
    for (const write of writes) results.push(await write(db));
    return results;
  });
}

/** What a resource held before a report. */
interface ResourceState {
  packages: Set<string>;
  findings: Map<string, FindingState>;
}

async function resourceState(db: Kysely<Database>, resourceId: string): Promise<ResourceState> {
  return { packages: await readPackageIds(db, resourceId), findings: await readFindingStates(db, resourceId) };
}

/** Updates the counters from the resource's state before and after; returns how many findings it lost. */
async function updateCounters(
  db: Kysely<Database>,
  resourceId: string,
  before: ResourceState,
  change: { linked: boolean; counted: ReadonlySet<string> },
  target: IngestTarget,
): Promise<number> {
  const { linked, counted } = change;
  const after = await resourceState(db, resourceId);
  await applyResourceDelta(db, {
    resourceId,
    packagesBefore: before.packages,
    packagesAfter: after.packages,
    findingsBefore: before.findings,
    findingsAfter: after.findings,
    linkedApplications: linked && target.applicationId ? [target.applicationId] : [],
    countedPackages: counted,
  });
  return [...before.findings.keys()].filter((key) => !after.findings.has(key)).length;
}

/** Runs `work` in one transaction holding the ingestion lock. */
export async function inIngestTransaction<T>(store: Store, work: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  return store.db.transaction().execute(async (trx) => {
    if (store.dialect === 'postgres') await sql`select pg_advisory_xact_lock(${INGEST_LOCK})`.execute(trx);
    return work(trx);
  });
}

/** The report's time as stored (ISO UTC with milliseconds), or now. */
function reportTime(reportedAt: string | undefined, target: IngestTarget): string {
  return (reportedAt ? new Date(reportedAt) : (target.now?.() ?? new Date())).toISOString();
}

function stepper(target: IngestTarget): (step: string) => Promise<void> {
  return async (step) => {
    await target.onStep?.(step);
  };
}
