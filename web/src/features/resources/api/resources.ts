/** Resources (images, directories, files): the list and its CSV, one resource, its layers, CIS results and SBOM. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type DownloadedFile, getFile, getJson, sendJson } from '../../../shared/api/http.ts';
import type { ListPage } from '../../../shared/components/list-view.tsx';
import type { SeverityCount } from '../../../shared/lib/severity.ts';

/** Resource types the API knows. */
export const RESOURCE_TYPES = ['IMAGE', 'DIRECTORY', 'FILE', 'ROOTFS', 'SBOM'] as const;

/** A row of `GET /api/applicationResources`. */
export interface Resource {
  id: string;
  resourceName: string;
  resourceHash: string;
  resourceType: string;
  vulnerabilities: SeverityCount[];
  applications: number;
  packages: number;
  reportingSBOMAnalyzers: string[];
}

/** `GET /api/applicationResources/{id}`. */
export interface ResourceDetail {
  applicationResource: Resource;
  licenses: string[];
}

/** One image layer with the command that created it and the packages it added. */
export interface Layer {
  index: number;
  diffId: string | null;
  createdBy: string;
  empty: boolean;
  packages: { id: string; name: string; version: string }[];
}

/** One CIS Docker Benchmark result. */
export interface CisResult {
  code: string;
  title: string;
  level: string;
  desc: string;
}

/** SBOM formats the server can produce. */
export const SBOM_FORMATS = [
  { value: 'cyclonedx-json', label: 'CycloneDX JSON', file: 'cdx.json' },
  { value: 'spdx-json', label: 'SPDX JSON', file: 'spdx.json' },
] as const;

/** Query-cache key of everything about resources. */
export const RESOURCES_KEY = '/api/applicationResources';

/** One page of resources. */
export function fetchResources(query: URLSearchParams, signal: AbortSignal): Promise<ListPage<Resource>> {
  return getJson('/api/applicationResources', { query, signal });
}

/** Every resource matching the query, as CSV. */
export function fetchResourcesCsv(query: URLSearchParams): Promise<DownloadedFile> {
  const csv = new URLSearchParams(query);
  csv.set('format', 'csv');
  return getFile('/api/applicationResources', { query: csv }, 'text/csv');
}

/** One resource with its licenses. */
export function useResource(id: string) {
  return useQuery({
    queryKey: [RESOURCES_KEY, 'detail', id],
    queryFn: () => getJson<ResourceDetail>('/api/applicationResources/{id}', { path: { id } }),
  });
}

/** The resource's layers, oldest first. */
export function useLayers(id: string) {
  return useQuery({
    queryKey: [RESOURCES_KEY, 'layers', id],
    queryFn: () => getJson<Layer[]>('/api/applicationResources/{id}/layers', { path: { id } }),
  });
}

/** The resource's CIS Docker Benchmark results. */
export function useCisResults(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [RESOURCES_KEY, 'cis', id],
    queryFn: () =>
      getJson<{ total: number; items: CisResult[] }>('/api/cisdockerbenchmarkresults/{id}', {
        path: { id },
        query: { sortKey: 'level', sortDir: 'DESC' },
      }),
    enabled,
  });
}

/** The resource's SBOM in a format. */
export function fetchSbom(id: string, format: string): Promise<DownloadedFile> {
  return getFile('/api/applicationResources/{id}/sbom', { path: { id }, query: { format } }, 'application/json');
}

/** Deletes a resource (orphaned packages and findings go with it). */
export function useDeleteResource() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => sendJson('delete', '/api/applicationResources/{id}', undefined, { path: { id } }),
    onSuccess: () => client.invalidateQueries(),
  });
}
