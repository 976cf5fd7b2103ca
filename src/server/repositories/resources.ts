/**
 * Application resources (images, directories, files): the list (GET /applicationResources), details, deletion with
 * clean-up, the stored SBOM, layers and CIS results.
 */
import { gunzipSync } from 'node:zlib';
import { sql } from 'kysely';
import type { ListQuery } from '../list-query/list-query.ts';
import type { Store } from '../store/open-store.ts';
import { refreshCounters } from './counters.ts';
import { jsonList, type Page, runList, type SeverityCount, severityCounts } from './list-page.ts';
import { type RESOURCE_TYPES, RESOURCES_LIST, type ResourcesSortKey } from './list-specs.ts';
import { isIn, RUNTIME_SCAN_RESOURCES, resourcesOfApplication, resourcesWithPackage } from './scopes.ts';

/** A resource type. */
export type ResourceType = (typeof RESOURCE_TYPES)[number];

/** A resource as the API shows it (KubeClarity's `ApplicationResource`). */
export interface ResourceItem {
  id: string;
  resourceName: string;
  resourceHash: string;
  resourceType: ResourceType;
  vulnerabilities: SeverityCount[];
  applications: number;
  packages: number;
  reportingSBOMAnalyzers: string[];
}

/** Details beyond the list row. */
export interface ResourceDetail {
  applicationResource: ResourceItem;
  licenses: string[];
  /** Scanners of the last vulnerability scan. */
  reportingScanners: string[];
  os: Record<string, unknown> | null;
  firstSeen: string;
  lastAnalysisAt: string | null;
  lastScanAt: string | null;
}

/** GET /applicationResources */
export async function listResources(store: Store, query: ListQuery<ResourcesSortKey>): Promise<Page<ResourceItem>> {
  const base = store.db.selectFrom('resources').selectAll('resources');
  const { total, rows } = await runList(store, base, query, RESOURCES_LIST, scopeConditions(query));
  return { total, items: rows.map(resourceItem) };
}

function scopeConditions(query: ListQuery) {
  const scope = query.scope;
  if (!scope) return [];
  switch (scope.kind) {
    case 'applicationID':
      return [isIn('resources.id', resourcesOfApplication(scope.id))];
    case 'packageID':
      return [isIn('resources.id', resourcesWithPackage(scope.id))];
    case 'currentRuntimeScan':
      return [isIn('resources.id', RUNTIME_SCAN_RESOURCES)];
    default:
      return [sql<boolean>`1 = 0`];
  }
}

/** GET /applicationResources/{id} */
export async function getResource(store: Store, id: string): Promise<ResourceDetail | undefined> {
  const row = await store.db.selectFrom('resources').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const licenses = await store.db
    .selectFrom('packages')
    .innerJoin('resource_packages', 'resource_packages.package_id', 'packages.id')
    .select('packages.licenses')
    .distinct()
    .where('resource_packages.resource_id', '=', id)
    .where('packages.license', '<>', '')
    .execute();
  return {
    applicationResource: resourceItem(row),
    licenses: [...new Set(licenses.flatMap((license) => jsonList(license.licenses)))].sort(),
    reportingScanners: jsonList(row.scanners),
    os: row.os ? (JSON.parse(row.os) as Record<string, unknown>) : null,
    firstSeen: row.created_at,
    lastAnalysisAt: row.last_analysis_at,
    lastScanAt: row.last_scan_at,
  };
}

/**
 * DELETE /applicationResources/{id}: removes the resource, its packages' links, findings, SBOM, layers and CIS
 * results; packages and vulnerabilities no other resource has are removed too, and every counter is recomputed.
 */
export async function deleteResource(store: Store, id: string): Promise<boolean> {
  return store.db.transaction().execute(async (db) => {
    const packages = await db
      .selectFrom('resource_packages')
      .select('package_id')
      .where('resource_id', '=', id)
      .execute();
    const pairs = await db
      .selectFrom('findings')
      .select(['package_id', 'vulnerability_id'])
      .where('resource_id', '=', id)
      .execute();
    const applications = await db
      .selectFrom('application_resources')
      .select('application_id')
      .where('resource_id', '=', id)
      .execute();
    const result = await db.deleteFrom('resources').where('id', '=', id).executeTakeFirst();
    if (Number(result.numDeletedRows) === 0) return false;
    await refreshCounters(db, {
      pairs: pairs.map((row) => ({ packageId: row.package_id, vulnerabilityId: row.vulnerability_id })),
      packages: packages.map((row) => row.package_id),
      resources: [],
      applications: applications.map((row) => row.application_id),
    });
    return true;
  });
}

/** The stored SBOM of a resource (CycloneDX JSON text), or undefined. */
export async function getResourceSbom(
  store: Store,
  id: string,
): Promise<{ format: string; document: string; updatedAt: string } | undefined> {
  const row = await store.db.selectFrom('resource_sboms').selectAll().where('resource_id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const bytes = Buffer.from(row.content);
  const text = row.encoding === 'gzip' ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8');
  return { format: row.format, document: text, updatedAt: row.updated_at };
}

/** A layer of an image resource, with how many of the resource's packages it added. */
export interface ResourceLayer {
  index: number;
  diffId: string;
  createdBy: string;
  packages: number;
}

/** The layers of a resource, in order. */
export async function listResourceLayers(store: Store, id: string): Promise<ResourceLayer[]> {
  const layers = await store.db
    .selectFrom('resource_layers')
    .selectAll()
    .where('resource_id', '=', id)
    .orderBy('layer_index')
    .execute();
  const added = await store.db
    .selectFrom('resource_packages')
    .select(['layer_diff_id', sql<number>`count(*)`.as('n')])
    .where('resource_id', '=', id)
    .where('layer_diff_id', 'is not', null)
    .groupBy('layer_diff_id')
    .execute();
  const counts = new Map(added.map((row) => [row.layer_diff_id, Number(row.n)]));
  const claimed = new Set<string>();
  return layers.map((layer) => {
    // A diffID can repeat (an identical layer twice); its packages belong to the first.
    const packages = claimed.has(layer.diff_id) ? 0 : (counts.get(layer.diff_id) ?? 0);
    claimed.add(layer.diff_id);
    return { index: layer.layer_index, diffId: layer.diff_id, createdBy: layer.created_by, packages };
  });
}

/** CIS levels by ordinal. */
const CIS_LEVELS = ['', 'INFO', 'WARN', 'FATAL'] as const;

/** A CIS Docker Benchmark result (KubeClarity's `CISDockerBenchmarkResultsEX`). */
export interface CisCheckItem {
  code: string;
  title: string;
  level: 'INFO' | 'WARN' | 'FATAL';
  desc: string;
}

/** GET /cisdockerbenchmarkresults/{id}: not paged, sorted by code or level. */
export async function listCisChecks(
  store: Store,
  resourceId: string,
  sortKey: 'code' | 'level',
  sortDir: 'ASC' | 'DESC',
): Promise<Page<CisCheckItem>> {
  const direction = sortDir === 'DESC' ? 'desc' : 'asc';
  const rows = await store.db
    .selectFrom('cis_checks')
    .selectAll()
    .where('resource_id', '=', resourceId)
    .orderBy(sortKey, direction)
    .orderBy('code', direction)
    .execute();
  return {
    total: rows.length,
    items: rows.map((row) => ({
      code: row.code,
      title: row.title,
      level: (CIS_LEVELS[row.level] || 'INFO') as CisCheckItem['level'],
      desc: jsonList(row.descriptions).join(', '),
    })),
  };
}

/** The API shape of a row. */
export function resourceItem(row: Record<string, unknown>): ResourceItem {
  return {
    id: String(row.id),
    resourceName: String(row.name),
    resourceHash: String(row.hash),
    resourceType: String(row.type) as ResourceType,
    vulnerabilities: severityCounts(row),
    applications: Number(row.applications_count),
    packages: Number(row.packages_count),
    reportingSBOMAnalyzers: jsonList(row.analyzers as string),
  };
}
