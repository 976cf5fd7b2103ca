/**
 * Keeping the counters up to date after one resource changed (an ingestion), from what it held before and after,
 * instead of recomputing every touched pair from all of its findings. A (vulnerability, package) pair found in
 * thousands of images costs thousands of rows to recompute; adding one finding to it is a merge (counts add up,
 * severities and times take the max or min, scanner and source sets unite). Only pairs that lost a finding, or whose
 * finding changed, are recomputed from their findings. The result equals `refreshCounters` (the tests check it).
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../store/schema.ts';
import { chunksOf } from './chunks.ts';
import {
  collectOrphans,
  type Pair,
  type PairRow,
  pairKey,
  refreshApplications,
  refreshPackageVulnerabilities,
  refreshPairs,
  refreshResources,
  upsertPairRows,
} from './counters.ts';

/** The attributes of a finding that pair rows aggregate. */
export interface FindingState extends Pair {
  severity: number;
  score: number | null;
  fixVersion: string;
  scanners: string;
  source: string;
  firstSeen: string;
  lastSeen: string;
  suppressed: number;
}

/** A resource's packages and findings before and after a change. */
export interface ResourceDelta {
  resourceId: string;
  packagesBefore: ReadonlySet<string>;
  packagesAfter: ReadonlySet<string>;
  findingsBefore: ReadonlyMap<string, FindingState>;
  findingsAfter: ReadonlyMap<string, FindingState>;
  /** Applications linked to the resource by this change. */
  linkedApplications: readonly string[];
  /** Packages the change created already counted (new ones, in this resource only): their counts stay as they are. */
  countedPackages?: ReadonlySet<string>;
}

/** The resource's package ids. */
export async function readPackageIds(db: Kysely<Database>, resourceId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('resource_packages')
    .select('package_id')
    .where('resource_id', '=', resourceId)
    .execute();
  return new Set(rows.map((row) => row.package_id));
}

/** The resource's findings, by pair key. */
export async function readFindingStates(db: Kysely<Database>, resourceId: string): Promise<Map<string, FindingState>> {
  const rows = await db
    .selectFrom('findings')
    .select([
      'package_id',
      'vulnerability_id',
      'severity',
      'severity_score',
      'fix_version',
      'scanners',
      'source',
      'first_seen',
      'last_seen',
      'suppressed',
    ])
    .where('resource_id', '=', resourceId)
    .execute();
  return new Map(
    rows.map((row) => [
      pairKey(row.package_id, row.vulnerability_id),
      {
        packageId: row.package_id,
        vulnerabilityId: row.vulnerability_id,
        severity: Number(row.severity),
        score: row.severity_score === null ? null : Number(row.severity_score),
        fixVersion: row.fix_version,
        scanners: row.scanners,
        source: row.source,
        firstSeen: row.first_seen,
        lastSeen: row.last_seen,
        suppressed: Number(row.suppressed),
      },
    ]),
  );
}

/** Brings every counter the change touched up to date, then removes what no resource has any more. */
export async function applyResourceDelta(db: Kysely<Database>, delta: ResourceDelta): Promise<void> {
  const applications = (
    await db
      .selectFrom('application_resources')
      .select('application_id')
      .where('resource_id', '=', delta.resourceId)
      .execute()
  ).map((row) => row.application_id);
  const relinked = delta.linkedApplications.length > 0;

  const addedPackages = [...delta.packagesAfter].filter(
    (id) => !delta.packagesBefore.has(id) && !delta.countedPackages?.has(id),
  );
  const removedPackages = [...delta.packagesBefore].filter((id) => !delta.packagesAfter.has(id));
  await updatePackageLinks(db, delta, applications, addedPackages, removedPackages);

  const before = counted(delta.findingsBefore);
  const after = counted(delta.findingsAfter);
  const recompute: FindingState[] = [];
  const added: FindingState[] = [];
  const seenAgain: FindingState[] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(key);
    const is = after.get(key);
    if (is && !was) added.push(is);
    else if (was && !is) recompute.push(was);
    else if (was && is) {
      if (relinked || !sameAggregate(was, is)) recompute.push(is);
      else if (is.lastSeen > was.lastSeen) seenAgain.push(is);
    }
  }
  await refreshPairs(db, recompute);
  await addFindings(db, delta.resourceId, applications, added);
  await markSeen(db, seenAgain);
  await refreshPackageVulnerabilities(db, [...new Set([...recompute, ...added].map((pair) => pair.packageId))]);
  await refreshResources(db, [delta.resourceId]);
  await refreshApplications(db, applications);
  await collectOrphans(db, removedPackages, [...new Set(recompute.map((pair) => pair.vulnerabilityId))]);
}

/**
 * Package resource and application counts (`package_counts`) by delta. A package gains an application when the resource brings it to
 * one where no other resource has it, and loses one the same way; a popular package's thousands of resources are
 * never counted again.
 */
async function updatePackageLinks(
  db: Kysely<Database>,
  delta: ResourceDelta,
  applications: readonly string[],
  added: readonly string[],
  removed: readonly string[],
): Promise<void> {
  const linked = new Set(delta.linkedApplications);
  const before = applications.filter((app) => !linked.has(app));
  const kept = linked.size > 0 ? [...delta.packagesAfter].filter((id) => delta.packagesBefore.has(id)) : [];
  const covered = await packagesElsewhere(db, delta.resourceId, applications, [...added, ...removed, ...kept]);
  const gained = (apps: readonly string[], id: string) => apps.filter((app) => !covered.has(`${app} ${id}`)).length;
  const changes = new Map<string, { resources: number; applications: number }>();
  for (const id of added) changes.set(id, { resources: 1, applications: gained(applications, id) });
  for (const id of removed) changes.set(id, { resources: -1, applications: -gained(before, id) });
  for (const id of kept) changes.set(id, { resources: 0, applications: gained([...linked], id) });
  const byChange = new Map<string, string[]>();
  for (const [id, change] of changes) {
    if (change.resources === 0 && change.applications === 0) continue;
    const key = `${change.resources} ${change.applications}`;
    const ids = byChange.get(key);
    if (ids) ids.push(id);
    else byChange.set(key, [id]);
  }
  for (const [key, ids] of byChange) {
    const [resources, apps] = key.split(' ').map(Number) as [number, number];
    // Only the counts that change are assigned: SQLite rewrites the index entries of every column an UPDATE assigns,
    // changed or not, and `applications_count + 0` cost 1,000 index moves per ingestion.
    const set = {
      ...(resources !== 0 ? { resources_count: sql<number>`resources_count + ${resources}` } : {}),
      ...(apps !== 0 ? { applications_count: sql<number>`applications_count + ${apps}` } : {}),
    };
    for (const chunk of chunksOf(ids)) {
      await db.updateTable('package_counts').set(set).where('package_id', 'in', chunk).execute();
    }
  }
}

/** `application package` keys for packages that another resource of these applications also has. */
async function packagesElsewhere(
  db: Kysely<Database>,
  resourceId: string,
  applications: readonly string[],
  packages: readonly string[],
): Promise<Set<string>> {
  const covered = new Set<string>();
  if (applications.length === 0) return covered;
  for (const chunk of chunksOf(packages)) {
    // Walks the applications' other resources and probes their packages by primary key (see coveredElsewhere).
    const rows = await sql<{ application_id: string; package_id: string }>`
      select distinct ar.application_id, rp.package_id
      from application_resources ar cross join resource_packages rp
      where rp.resource_id = ar.resource_id and ar.application_id in (${sql.join(applications)})
        and ar.resource_id <> ${resourceId} and rp.package_id in (${sql.join(chunk)})`.execute(db);
    for (const row of rows.rows) covered.add(`${row.application_id} ${row.package_id}`);
  }
  return covered;
}

/** Only findings that count: suppressed ones are stored but never counted or listed. */
function counted(findings: ReadonlyMap<string, FindingState>): Map<string, FindingState> {
  return new Map([...findings].filter(([, finding]) => finding.suppressed === 0));
}

/** Whether two states of one finding give the same pair aggregate (last-seen aside). */
function sameAggregate(a: FindingState, b: FindingState): boolean {
  return (
    a.severity === b.severity &&
    a.score === b.score &&
    a.fixVersion === b.fixVersion &&
    a.scanners === b.scanners &&
    a.source === b.source &&
    a.firstSeen === b.firstSeen
  );
}

/** Merges findings new to this resource into their pair rows (or starts the rows). */
async function addFindings(
  db: Kysely<Database>,
  resourceId: string,
  applications: readonly string[],
  findings: readonly FindingState[],
): Promise<void> {
  for (const chunk of chunksOf(findings, 400)) {
    const values = sql.join(chunk.map((f) => sql`(${f.vulnerabilityId}, ${f.packageId})`));
    const existing = await sql<PairRow>`select vulnerability_id, package_id, severity, severity_score, fix_version,
        has_fix, scanners, source, resources_count, applications_count, first_seen, last_seen
      from vulnerability_packages where (vulnerability_id, package_id) in (values ${values})`.execute(db);
    const rows = new Map(existing.rows.map((row) => [pairKey(row.package_id, row.vulnerability_id), row]));
    const covered = await coveredElsewhere(db, resourceId, applications, chunk, rows);
    const merged = chunk.map((finding) => {
      const key = pairKey(finding.packageId, finding.vulnerabilityId);
      const newApplications = applications.filter((app) => !covered.has(`${app} ${key}`)).length;
      return foldFinding(rows.get(key), finding, newApplications);
    });
    await upsertPairRows(db, merged);
  }
}

/**
 * `application pair` keys for the resource's applications that another of their resources already reports the pair
 * for (only pairs that have rows need asking: a new pair is nowhere else).
 */
async function coveredElsewhere(
  db: Kysely<Database>,
  resourceId: string,
  applications: readonly string[],
  findings: readonly FindingState[],
  rows: ReadonlyMap<string, PairRow>,
): Promise<Set<string>> {
  const known = findings.filter((f) => rows.has(pairKey(f.packageId, f.vulnerabilityId)));
  if (known.length === 0 || applications.length === 0) return new Set();
  // Walks the applications' other resources and probes their findings by primary key (resource, package, …); the
  // CROSS JOIN keeps SQLite from starting at a popular pair's thousands of findings instead (PostgreSQL plans freely).
  const packages = [...new Set(known.map((f) => f.packageId))];
  const wanted = new Set(known.map((f) => pairKey(f.packageId, f.vulnerabilityId)));
  const result = await sql<{ application_id: string; package_id: string; vulnerability_id: string }>`
    select distinct ar.application_id, f.package_id, f.vulnerability_id
    from application_resources ar cross join findings f
    where f.resource_id = ar.resource_id and ar.application_id in (${sql.join(applications)})
      and ar.resource_id <> ${resourceId} and f.package_id in (${sql.join(packages)}) and f.suppressed = 0`.execute(db);
  return new Set(
    result.rows
      .filter((row) => wanted.has(pairKey(row.package_id, row.vulnerability_id)))
      .map((row) => `${row.application_id} ${pairKey(row.package_id, row.vulnerability_id)}`),
  );
}

/** A pair row with one more resource's finding in it. */
function foldFinding(row: PairRow | undefined, finding: FindingState, newApplications: number): PairRow {
  const score = finding.score ?? -1;
  if (!row) {
    return {
      vulnerability_id: finding.vulnerabilityId,
      package_id: finding.packageId,
      severity: finding.severity,
      severity_score: score,
      fix_version: finding.fixVersion,
      has_fix: finding.fixVersion === '' ? 0 : 1,
      scanners: JSON.stringify([...new Set(JSON.parse(finding.scanners) as string[])].sort()),
      source: finding.source,
      resources_count: 1,
      applications_count: newApplications,
      first_seen: finding.firstSeen,
      last_seen: finding.lastSeen,
    };
  }
  const fixVersion = greaterText(finding.fixVersion, row.fix_version);
  const scanners = new Set([...(JSON.parse(row.scanners) as string[]), ...(JSON.parse(finding.scanners) as string[])]);
  const sources = new Set([...row.source.split(','), finding.source].filter(Boolean));
  return {
    ...row,
    severity: Math.max(Number(row.severity), finding.severity),
    severity_score: Math.max(Number(row.severity_score), score),
    fix_version: fixVersion,
    has_fix: fixVersion === '' ? 0 : 1,
    scanners: JSON.stringify([...scanners].sort()),
    source: [...sources].sort().join(','),
    resources_count: Number(row.resources_count) + 1,
    applications_count: Number(row.applications_count) + newApplications,
    first_seen:
      greaterText(finding.firstSeen, row.first_seen) === finding.firstSeen ? row.first_seen : finding.firstSeen,
    last_seen: greaterText(finding.lastSeen, row.last_seen),
  };
}

/** The greater of two strings in code-point order (what MAX() gives on both databases' C/binary collation). */
function greaterText(a: string, b: string): string {
  return [a, b].sort().at(-1) ?? a;
}

/** Moves pair rows' last-seen time forward for findings seen again unchanged. */
async function markSeen(db: Kysely<Database>, findings: readonly FindingState[]): Promise<void> {
  const byTime = new Map<string, FindingState[]>();
  for (const finding of findings) {
    const group = byTime.get(finding.lastSeen);
    if (group) group.push(finding);
    else byTime.set(finding.lastSeen, [finding]);
  }
  for (const [time, group] of byTime) {
    for (const chunk of chunksOf(group, 400)) {
      await sql`update vulnerability_packages set last_seen = ${time}
        where last_seen < ${time} and (vulnerability_id, package_id) in (values ${sql.join(
          chunk.map((f) => sql`(${f.vulnerabilityId}, ${f.packageId})`),
        )})`.execute(db);
    }
  }
}
