/** Packages: the list and its CSV, one package, and the resources that contain it. */
import { useQuery } from '@tanstack/react-query';
import type { ResponseJson } from '../../../shared/api/api-types.ts';
import { apiGet, type DownloadedFile, getFile } from '../../../shared/api/http.ts';
import type { ListPage } from '../../../shared/components/list-view.tsx';

/** A row of `GET /api/packages`. */
export type Package = ResponseJson<'/api/packages', 'get'>['items'][number];

/** A row of `GET /api/packages/{id}/applicationResources`. */
export type PackageResource = ResponseJson<'/api/packages/{id}/applicationResources', 'get'>['items'][number];

/** Query-cache key of everything about packages. */
export const PACKAGES_KEY = '/api/packages';

/** One page of packages. */
export function fetchPackages(query: URLSearchParams, signal: AbortSignal): Promise<ListPage<Package>> {
  return apiGet('/api/packages', { query, signal });
}

/** Every package matching the query, as CSV. */
export function fetchPackagesCsv(query: URLSearchParams): Promise<DownloadedFile> {
  const csv = new URLSearchParams(query);
  csv.set('format', 'csv');
  return getFile('/api/packages', { query: csv }, 'text/csv');
}

/** One package. */
export function usePackage(id: string) {
  return useQuery({
    queryKey: [PACKAGES_KEY, 'detail', id],
    queryFn: () => apiGet('/api/packages/{id}', { path: { id } }),
  });
}

/** A page of the resources that contain a package (the list API's conventions, without scopes). */
export function packageResourcesFetcher(id: string) {
  return (query: URLSearchParams, signal: AbortSignal): Promise<ListPage<PackageResource>> =>
    apiGet('/api/packages/{id}/applicationResources', { path: { id }, query, signal });
}
