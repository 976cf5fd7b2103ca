/** Packages: the list and its CSV, one package, and the resources that contain it. */
import { useQuery } from '@tanstack/react-query';
import { type DownloadedFile, getFile, getJson } from '../../../shared/api/http.ts';
import type { ListPage } from '../../../shared/components/list-view.tsx';
import type { SeverityCount } from '../../../shared/lib/severity.ts';

/** A row of `GET /api/packages`, also `GET /api/packages/{id}`. */
export interface Package {
  id: string;
  packageName: string;
  version: string;
  language: string;
  license: string;
  purl?: string | null;
  vulnerabilities: SeverityCount[];
  applications: number;
  applicationResources: number;
}

/** A row of `GET /api/packages/{id}/applicationResources`. */
export interface PackageResource {
  packageID: string;
  resourceID: string;
  resourceName: string;
  resourceHash: string;
  reportingSBOMAnalyzers: string[];
}

/** Query-cache key of everything about packages. */
export const PACKAGES_KEY = '/api/packages';

/** One page of packages. */
export function fetchPackages(query: URLSearchParams, signal: AbortSignal): Promise<ListPage<Package>> {
  return getJson('/api/packages', { query, signal });
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
    queryFn: () => getJson<Package>('/api/packages/{id}', { path: { id } }),
  });
}

/** A page of the resources that contain a package (the list API's conventions, without scopes). */
export function packageResourcesFetcher(id: string) {
  return (query: URLSearchParams, signal: AbortSignal): Promise<ListPage<PackageResource>> =>
    getJson('/api/packages/{id}/applicationResources', { path: { id }, query, signal });
}
