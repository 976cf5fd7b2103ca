/**
 * The writes of an ingestion, each one statement (or one per chunk) inside the caller's transaction. Rows come from
 * `ingest-rows.ts`; nothing here decides policy, the orchestrators in `ingest.ts` do.
 */
import { gzipSync } from 'node:zlib';
import { type Kysely, sql } from 'kysely';
import { LucentError } from '../../core/errors.ts';
import { chunksOf, rowsPerInsert } from '../repositories/chunks.ts';
import type { Database } from '../store/schema.ts';
import type { FindingRow, PackageRows, VulnerabilityRow } from './ingest-rows.ts';
import type { IngestResource } from './ingest-schema.ts';

type Db = Kysely<Database>;

/** Creates or updates the resource; `changes` are the columns this kind of report owns. */
export async function upsertResource(
  db: Db,
  id: string,
  resource: IngestResource,
  at: string,
  changes: {
    analyzers?: string[];
    scanners?: string[];
    os?: unknown;
    last_analysis_at?: string;
    last_scan_at?: string;
  },
): Promise<void> {
  const owned = {
    ...(changes.analyzers ? { analyzers: JSON.stringify(changes.analyzers) } : {}),
    ...(changes.scanners ? { scanners: JSON.stringify(changes.scanners) } : {}),
    ...(changes.os !== undefined ? { os: JSON.stringify(changes.os) } : {}),
    ...(changes.last_analysis_at ? { last_analysis_at: changes.last_analysis_at } : {}),
    ...(changes.last_scan_at ? { last_scan_at: changes.last_scan_at } : {}),
  };
  await db
    .insertInto('resources')
    .values({
      id,
      name: resource.name,
      hash: resource.hash,
      type: resource.type,
      created_at: at,
      updated_at: at,
      ...owned,
    })
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({ name: resource.name, type: resource.type, updated_at: at, ...owned }),
    )
    .execute();
}

/** Links the resource to the application (which must exist); true when the link is new. */
export async function linkApplication(db: Db, applicationId: string, resourceId: string, at: string): Promise<boolean> {
  const application = await db
    .selectFrom('applications')
    .select('id')
    .where('id', '=', applicationId)
    .executeTakeFirst();
  if (!application) {
    throw new LucentError('E_NOT_FOUND', `application ${applicationId} not found`, {
      hint: 'create it first (POST /api/applications) or export with --create-application',
    });
  }
  const result = await db
    .insertInto('application_resources')
    .values({ application_id: applicationId, resource_id: resourceId, created_at: at })
    .onConflict((oc) => oc.columns(['application_id', 'resource_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

/**
 * Inserts new packages; known ones get the reported licenses when the report has some that differ. Known packages are
 * looked up first rather than left to ON CONFLICT: PostgreSQL locks (writes) every conflicting row even when its
 * DO UPDATE ... WHERE is false, and a report's packages are mostly known.
 *
 * A new package is in this resource only, so it is inserted already counted (one resource, the resource's
 * `applications`); the ids returned are those, which the counter upkeep then leaves alone (an UPDATE right after the
 * INSERT rewrote every index entry of the row again: on PostgreSQL, every index of `packages`).
 */
export async function upsertPackages(
  db: Db,
  packages: readonly PackageRows[],
  at: string,
  applications: number,
): Promise<Set<string>> {
  const known = new Map<string, string>();
  for (const chunk of chunksOf(packages.map((pkg) => pkg.id))) {
    for (const row of await db.selectFrom('packages').select(['id', 'license']).where('id', 'in', chunk).execute()) {
      known.set(row.id, row.license);
    }
  }
  const fresh = packages.filter((pkg) => !known.has(pkg.id));
  const inserted = new Set<string>();
  for (const chunk of chunksOf(fresh, rowsPerInsert(12))) {
    const rows = await db
      .insertInto('packages')
      .values(
        chunk.map((pkg) => ({
          id: pkg.id,
          key: pkg.key,
          purl: pkg.purl,
          name: pkg.name,
          version: pkg.version,
          type: pkg.type,
          language: pkg.language,
          licenses: JSON.stringify(pkg.licenses),
          license: pkg.licenses.join(' AND '),
          created_at: at,
        })),
      )
      // Another writer (a repair, a test) may have added one meanwhile; ingestions themselves are serialised.
      .onConflict((oc) => oc.column('id').doNothing())
      .returning('id')
      .execute();
    for (const row of rows) inserted.add(row.id);
  }
  for (const chunk of chunksOf([...inserted], rowsPerInsert(3))) {
    await db
      .insertInto('package_counts')
      .values(chunk.map((id) => ({ package_id: id, resources_count: 1, applications_count: applications })))
      .execute();
  }
  const relicensed = packages.filter((pkg) => {
    const license = pkg.licenses.join(' AND ');
    return license !== '' && known.has(pkg.id) && known.get(pkg.id) !== license;
  });
  for (const pkg of relicensed) {
    await db
      .updateTable('packages')
      .set({ licenses: JSON.stringify(pkg.licenses), license: pkg.licenses.join(' AND ') })
      .where('id', '=', pkg.id)
      .execute();
  }
  return inserted;
}

/** How many applications the resource belongs to. */
export async function applicationCount(db: Db, resourceId: string): Promise<number> {
  const row = await db
    .selectFrom('application_resources')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('resource_id', '=', resourceId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Removes the resource's packages that are not in `keep` (their findings go with them); returns how many. */
export async function removePackages(db: Db, resourceId: string, before: Set<string>, keep: Set<string>) {
  const removed = [...before].filter((id) => !keep.has(id));
  for (const chunk of chunksOf(removed)) {
    await db
      .deleteFrom('resource_packages')
      .where('resource_id', '=', resourceId)
      .where('package_id', 'in', chunk)
      .execute();
  }
  return removed.length;
}

/**
 * Writes the resource's packages with their analyzers and locations; `onlyNew` leaves existing links as they are.
 * Unchanged links are skipped before the write (see `upsertPackages` for why not ON CONFLICT).
 */
export async function upsertResourcePackages(
  db: Db,
  resourceId: string,
  packages: readonly PackageRows[],
  options: { onlyNew: boolean },
): Promise<void> {
  const stored = new Map<string, string>();
  const rows = await db
    .selectFrom('resource_packages')
    .select(['package_id', 'analyzers', 'locations'])
    .where('resource_id', '=', resourceId)
    .execute();
  for (const row of rows) stored.set(row.package_id, `${row.analyzers} ${row.locations}`);
  const links = packages.map((pkg) => ({
    resource_id: resourceId,
    package_id: pkg.id,
    analyzers: JSON.stringify(pkg.analyzers),
    layer_diff_id: pkg.locations.find((location) => location.layerDiffId)?.layerDiffId ?? null,
    path: pkg.locations[0]?.path ?? null,
    locations: JSON.stringify(pkg.locations),
  }));
  const fresh = links.filter((link) => !stored.has(link.package_id));
  for (const chunk of chunksOf(fresh, rowsPerInsert(6))) {
    await db
      .insertInto('resource_packages')
      .values(chunk)
      .onConflict((oc) => oc.columns(['resource_id', 'package_id']).doNothing())
      .execute();
  }
  if (options.onlyNew) return;
  const changed = links.filter((link) => {
    const was = stored.get(link.package_id);
    return was !== undefined && was !== `${link.analyzers} ${link.locations}`;
  });
  for (const link of changed) {
    await db
      .updateTable('resource_packages')
      .set({
        analyzers: link.analyzers,
        layer_diff_id: link.layer_diff_id,
        path: link.path,
        locations: link.locations,
      })
      .where('resource_id', '=', resourceId)
      .where('package_id', '=', link.package_id)
      .execute();
  }
}

/** Inserts vulnerabilities; a known one takes the reported description, links and aliases when they say more. */
export async function upsertVulnerabilities(db: Db, rows: readonly VulnerabilityRow[], at: string): Promise<void> {
  for (const chunk of chunksOf(rows, rowsPerInsert(6))) {
    await db
      .insertInto('vulnerabilities')
      .values(chunk.map((row) => ({ ...row, updated_at: at })))
      .onConflict((oc) =>
        oc
          .column('id')
          .doUpdateSet((eb) => ({
            description: eb.ref('excluded.description'),
            links: eb.ref('excluded.links'),
            aliases: eb.ref('excluded.aliases'),
            updated_at: eb.ref('excluded.updated_at'),
          }))
          .where((eb) => eb('excluded.description', '<>', '')),
      )
      .execute();
  }
}

/**
 * Writes the report's findings for the resource under `scanId` and deletes the ones it no longer reports. A finding
 * seen before keeps its first-seen time (the earlier of the two, so a report re-sent later changes nothing).
 */
export async function replaceFindings(
  db: Db,
  resourceId: string,
  rows: readonly FindingRow[],
  scan: { id: string; at: string; source: string },
): Promise<number> {
  for (const chunk of chunksOf(rows, rowsPerInsert(24))) {
    await db
      .insertInto('findings')
      .values(
        chunk.map((row) => ({
          ...row,
          resource_id: resourceId,
          source: scan.source,
          first_seen: scan.at,
          last_seen: scan.at,
          scan_id: scan.id,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['resource_id', 'package_id', 'vulnerability_id']).doUpdateSet((eb) => ({
          severity: eb.ref('excluded.severity'),
          severity_score: eb.ref('excluded.severity_score'),
          severity_source: eb.ref('excluded.severity_source'),
          cvss_v3_vector: eb.ref('excluded.cvss_v3_vector'),
          cvss_v3_score: eb.ref('excluded.cvss_v3_score'),
          cvss_v4_vector: eb.ref('excluded.cvss_v4_vector'),
          cvss_v4_score: eb.ref('excluded.cvss_v4_score'),
          fixed_versions: eb.ref('excluded.fixed_versions'),
          fix_version: eb.ref('excluded.fix_version'),
          scanners: eb.ref('excluded.scanners'),
          evidence: eb.ref('excluded.evidence'),
          epss: eb.ref('excluded.epss'),
          epss_percentile: eb.ref('excluded.epss_percentile'),
          kev: eb.ref('excluded.kev'),
          kev_detail: eb.ref('excluded.kev_detail'),
          source: eb.ref('excluded.source'),
          suppressed: eb.ref('excluded.suppressed'),
          scan_id: eb.ref('excluded.scan_id'),
          first_seen: sql<string>`case when findings.first_seen < excluded.first_seen
            then findings.first_seen else excluded.first_seen end`,
          last_seen: sql<string>`case when findings.last_seen > excluded.last_seen
            then findings.last_seen else excluded.last_seen end`,
        })),
      )
      .execute();
  }
  const stale = await db
    .deleteFrom('findings')
    .where('resource_id', '=', resourceId)
    .where('scan_id', '<>', scan.id)
    .executeTakeFirst();
  return Number(stale.numDeletedRows);
}

/** Replaces the resource's layers (index order). */
export async function replaceLayers(
  db: Db,
  resourceId: string,
  layers: readonly { diffId: string; createdBy?: string | undefined }[],
): Promise<void> {
  await db.deleteFrom('resource_layers').where('resource_id', '=', resourceId).execute();
  const rows = layers.map((layer, index) => ({
    resource_id: resourceId,
    layer_index: index,
    diff_id: layer.diffId,
    created_by: layer.createdBy ?? '',
  }));
  for (const chunk of chunksOf(rows, rowsPerInsert(4))) await db.insertInto('resource_layers').values(chunk).execute();
}

/** CIS levels as stored. */
const CIS_LEVEL = { INFO: 1, WARN: 2, FATAL: 3 } as const;

/** Replaces the resource's CIS Docker Benchmark results. */
export async function replaceCisChecks(
  db: Db,
  resourceId: string,
  checks: readonly {
    code: string;
    level: keyof typeof CIS_LEVEL;
    title?: string | undefined;
    descriptions?: string[] | undefined;
  }[],
): Promise<void> {
  await db.deleteFrom('cis_checks').where('resource_id', '=', resourceId).execute();
  const byCode = new Map(checks.map((check) => [check.code, check]));
  const rows = [...byCode.values()].map((check) => ({
    resource_id: resourceId,
    code: check.code,
    level: CIS_LEVEL[check.level],
    title: check.title ?? '',
    descriptions: JSON.stringify(check.descriptions ?? []),
  }));
  for (const chunk of chunksOf(rows, rowsPerInsert(5))) await db.insertInto('cis_checks').values(chunk).execute();
}

/** The SBOM document, gzipped (done before the transaction: it is CPU work). */
export function compressSbom(document: unknown): { content: Uint8Array; size: number } {
  const json = Buffer.from(typeof document === 'string' ? document : JSON.stringify(document), 'utf8');
  return { content: gzipSync(json), size: json.length };
}

/** Stores (replaces) the resource's SBOM. */
export async function storeSbom(
  db: Db,
  resourceId: string,
  sbom: { content: Uint8Array; size: number },
  at: string,
): Promise<void> {
  const row = { format: 'cyclonedx-json', encoding: 'gzip', content: sbom.content, size: sbom.size, updated_at: at };
  await db
    .insertInto('resource_sboms')
    .values({ resource_id: resourceId, ...row })
    .onConflict((oc) => oc.column('resource_id').doUpdateSet(row))
    .execute();
}

/** Records the report as a scan (the same report re-sent is the same scan). */
export async function recordScan(
  db: Db,
  scan: {
    id: string;
    resource_id: string;
    application_id: string | null;
    kind: 'contentAnalysis' | 'vulnerabilityScan';
    source: string;
    at: string;
    duration_ms: number | null;
    actor: string;
    tools: string[];
    packages_count: number;
    findings_count: number;
  },
): Promise<void> {
  const started = scan.duration_ms === null ? scan.at : new Date(Date.parse(scan.at) - scan.duration_ms).toISOString();
  const { at: _at, tools, ...rest } = scan;
  const row = { ...rest, tools: JSON.stringify(tools), started_at: started, finished_at: scan.at };
  await db
    .insertInto('scans')
    .values(row)
    .onConflict((oc) =>
      oc.column('id').doUpdateSet({
        actor: row.actor,
        tools: row.tools,
        packages_count: row.packages_count,
        findings_count: row.findings_count,
        duration_ms: row.duration_ms,
        started_at: row.started_at,
      }),
    )
    .execute();
}
