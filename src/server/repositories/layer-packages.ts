/**
 * The packages one image layer added (GET /applicationResources/{id}/layers/{index}/packages): the resource's
 * packages whose first location is in that layer, by name and version, a page at a time.
 */
import { sql } from 'kysely';
import type { Store } from '../store/open-store.ts';
import { jsonList, type Page } from './list-page.ts';

/** A package a layer added, with where it was found and by which analyzers. */
export interface LayerPackageItem {
  id: string;
  name: string;
  version: string;
  /** purl type: deb, npm, pypi, … ('' when unknown). */
  type: string;
  language: string;
  purl: string | null;
  /** The first path it was found at in the layer, '' when not reported. */
  path: string;
  analyzers: string[];
}

/** The page asked for. */
export interface LayerPackagesQuery {
  page: number;
  pageSize: number;
}

/**
 * One page of the packages the layer at `index` added, sorted by name, version and id; undefined when the resource
 * has no such layer. A diffID can repeat (an identical layer twice); its packages belong to the first, so a later copy
 * lists none, as the layers' counts say.
 */
export async function listLayerPackages(
  store: Store,
  resourceId: string,
  index: number,
  query: LayerPackagesQuery,
): Promise<Page<LayerPackageItem> | undefined> {
  const layer = await store.db
    .selectFrom('resource_layers')
    .select('diff_id')
    .where('resource_id', '=', resourceId)
    .where('layer_index', '=', index)
    .executeTakeFirst();
  if (!layer) return undefined;
  const earlier = await store.db
    .selectFrom('resource_layers')
    .select('layer_index')
    .where('resource_id', '=', resourceId)
    .where('diff_id', '=', layer.diff_id)
    .where('layer_index', '<', index)
    .executeTakeFirst();
  if (earlier) return { total: 0, items: [] };
  const added = store.db
    .selectFrom('resource_packages')
    .where('resource_packages.resource_id', '=', resourceId)
    .where('resource_packages.layer_diff_id', '=', layer.diff_id);
  const [counted, rows] = await Promise.all([
    added.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
    added
      .innerJoin('packages', 'packages.id', 'resource_packages.package_id')
      .select([
        'packages.id',
        'packages.name',
        'packages.version',
        'packages.type',
        'packages.language',
        'packages.purl',
        'resource_packages.path',
        'resource_packages.analyzers',
      ])
      .orderBy('packages.name')
      .orderBy('packages.version')
      .orderBy('packages.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
  ]);
  return {
    total: Number(counted.n),
    items: rows.map((row) => ({
      id: row.id,
      name: row.name,
      version: row.version,
      type: row.type,
      language: row.language,
      purl: row.purl,
      path: row.path ?? '',
      analyzers: jsonList(row.analyzers),
    })),
  };
}
