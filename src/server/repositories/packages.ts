/** Packages: the list (GET /packages), one package, and the resources that contain it. */
import { sql } from 'kysely';
import type { FieldSpec, ListQuery } from '../list-query/list-query.ts';
import type { Store } from '../store/open-store.ts';
import { jsonList, type Page, runList, type SeverityCount, severityCounts } from './list-page.ts';
import {
  PACKAGE_RESOURCES_LIST,
  PACKAGES_LIST,
  type PackageResourcesSortKey,
  type PackagesSortKey,
} from './list-specs.ts';
import { isIn, RUNTIME_SCAN_RESOURCES, resourcesOfApplication } from './scopes.ts';

/** A package as the API shows it (KubeClarity's `Package`, plus its purl and licenses). */
export interface PackageItem {
  id: string;
  packageName: string;
  version: string;
  language: string;
  license: string;
  licenses: string[];
  purl: string | null;
  type: string;
  applications: number;
  applicationResources: number;
  vulnerabilities: SeverityCount[];
}

/** Packages with their counts (`package_counts`, migration 006), as lists and details read them. */
export function packagesWithCounts(store: Store) {
  return store.db
    .selectFrom('packages')
    .innerJoin('package_counts', 'package_counts.package_id', 'packages.id')
    .selectAll('packages')
    .select(['package_counts.resources_count', 'package_counts.applications_count']);
}

/**
 * GET /packages. The rows are counted in the tables the filters name, and the page's keys are found in the tables the
 * filters and the sort name: `packages`, `package_counts`, or both joined. Each package has one counts row, so every
 * way counts the same rows; joining both tables for every request made an unfiltered count a 110,000-row join, and a
 * name prefix's count a lookup of every matching row instead of a covering index's entries. The tie-breaker is the key
 * of the table sorted on, so a page sorted by a count walks that count's index in order.
 */
export async function listPackages(store: Store, query: ListQuery<PackagesSortKey>): Promise<Page<PackageItem>> {
  const scope = scopeConditions(query);
  const filterTables = new Set(
    query.filters
      .map((f) => (PACKAGES_LIST.filters as Record<string, FieldSpec>)[f.field]?.column.split('.')[0])
      .concat(scope.length > 0 ? ['packages'] : []),
  );
  const sortTable = PACKAGES_LIST.sortKeys[query.sortKey][0]?.split('.')[0] ?? 'packages';
  const spec =
    sortTable === 'package_counts' ? { ...PACKAGES_LIST, tieBreakers: ['package_counts.package_id'] } : PACKAGES_LIST;
  const { total, rows } = await runList(store, packagesWithCounts(store), query, spec, scope, {
    count: packagesFrom(store, filterTables),
    keys: packagesFrom(store, new Set([...filterTables, sortTable])),
  });
  return { total, items: rows.map(packageItem) };
}

/** `packages`, `package_counts` or both joined: the tables named (`packages` when none is). */
function packagesFrom(store: Store, tables: ReadonlySet<string | undefined>) {
  if (!tables.has('package_counts')) return store.db.selectFrom('packages');
  if (!tables.has('packages')) return store.db.selectFrom('package_counts');
  return store.db.selectFrom('packages').innerJoin('package_counts', 'package_counts.package_id', 'packages.id');
}

function scopeConditions(query: ListQuery) {
  const scope = query.scope;
  if (!scope) return [];
  const inResources = (resources: ReturnType<typeof resourcesOfApplication>) =>
    isIn('packages.id', sql`(select rp.package_id from resource_packages rp where rp.resource_id in ${resources})`);
  switch (scope.kind) {
    case 'applicationID':
      return [inResources(resourcesOfApplication(scope.id))];
    case 'applicationResourceID':
      return [
        isIn('packages.id', sql`(select rp.package_id from resource_packages rp where rp.resource_id = ${scope.id})`),
      ];
    case 'currentRuntimeScan':
      return [inResources(RUNTIME_SCAN_RESOURCES)];
    default:
      return [sql<boolean>`1 = 0`];
  }
}

/** GET /packages/{id} */
export async function getPackage(store: Store, id: string): Promise<PackageItem | undefined> {
  const row = await packagesWithCounts(store).where('packages.id', '=', id).executeTakeFirst();
  return row ? packageItem(row) : undefined;
}

/** A resource that contains a package (KubeClarity's `PackageApplicationResources`), with where it was found. */
export interface PackageResourceItem {
  packageID: string;
  resourceID: string;
  resourceName: string;
  resourceHash: string;
  reportingSBOMAnalyzers: string[];
  path: string | null;
  layerDiffId: string | null;
}

/** GET /packages/{id}/applicationResources */
export async function listPackageResources(
  store: Store,
  packageId: string,
  query: ListQuery<PackageResourcesSortKey>,
): Promise<Page<PackageResourceItem>> {
  const base = store.db
    .selectFrom('resource_packages')
    .innerJoin('resources', 'resources.id', 'resource_packages.resource_id')
    .select([
      'resource_packages.package_id',
      'resource_packages.resource_id',
      'resources.name',
      'resources.hash',
      'resource_packages.analyzers',
      'resource_packages.path',
      'resource_packages.layer_diff_id',
    ])
    .where('resource_packages.package_id', '=', packageId);
  const { total, rows } = await runList(store, base, query, PACKAGE_RESOURCES_LIST);
  return {
    total,
    items: rows.map((row) => ({
      packageID: row.package_id,
      resourceID: row.resource_id,
      resourceName: row.name,
      resourceHash: row.hash,
      reportingSBOMAnalyzers: jsonList(row.analyzers),
      path: row.path,
      layerDiffId: row.layer_diff_id,
    })),
  };
}

/** The API shape of a row. */
export function packageItem(row: Record<string, unknown>): PackageItem {
  return {
    id: String(row.id),
    packageName: String(row.name),
    version: String(row.version),
    language: String(row.language),
    license: String(row.license),
    licenses: jsonList(row.licenses as string),
    purl: (row.purl as string | null) ?? null,
    type: String(row.type),
    applications: Number(row.applications_count),
    applicationResources: Number(row.resources_count),
    vulnerabilities: severityCounts(row),
  };
}
