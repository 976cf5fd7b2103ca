/** Vulnerabilities (one row per vulnerability and package): the list and its CSV, and one finding in depth. */
import { useQuery } from '@tanstack/react-query';
import type { ResponseJson } from '../../../shared/api/api-types.ts';
import { apiGet, type DownloadedFile, getFile } from '../../../shared/api/http.ts';
import type { ListPage } from '../../../shared/components/list-view.tsx';

/** A row of `GET /api/vulnerabilities`. */
export type VulnerabilityRow = ResponseJson<'/api/vulnerabilities', 'get'>['items'][number];

/** `GET /api/vulnerabilities/{vulId}/{pkgId}`. */
export type VulnerabilityDetail = ResponseJson<'/api/vulnerabilities/{vulId}/{pkgId}', 'get'>;

/** One resource's finding of the pair, with its own severity, fix versions and evidence. */
export type ResourceFinding = VulnerabilityDetail['findings'][number];

/** Query-cache key of everything about vulnerabilities. */
export const VULNERABILITIES_KEY = '/api/vulnerabilities';

/** One page of vulnerabilities. */
export function fetchVulnerabilities(query: URLSearchParams, signal: AbortSignal): Promise<ListPage<VulnerabilityRow>> {
  return apiGet('/api/vulnerabilities', { query, signal });
}

/** Every row matching the query, as CSV. */
export function fetchVulnerabilitiesCsv(query: URLSearchParams): Promise<DownloadedFile> {
  const csv = new URLSearchParams(query);
  csv.set('format', 'csv');
  return getFile('/api/vulnerabilities', { query: csv }, 'text/csv');
}

/** One vulnerability in one package. */
export function useVulnerability(vulnerabilityId: string, packageId: string) {
  return useQuery({
    queryKey: [VULNERABILITIES_KEY, 'detail', vulnerabilityId, packageId],
    queryFn: () =>
      apiGet('/api/vulnerabilities/{vulId}/{pkgId}', { path: { vulId: vulnerabilityId, pkgId: packageId } }),
  });
}
