/** Resources (images, directories, files): the list and its CSV, one resource, its layers, CIS results and SBOM. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ResponseJson } from '../../../shared/api/api-types.ts';
import { apiGet, apiSend, type DownloadedFile, getFile } from '../../../shared/api/http.ts';
import type { ListPage } from '../../../shared/components/list-view.tsx';

/** A row of `GET /api/applicationResources`. */
export type Resource = ResponseJson<'/api/applicationResources', 'get'>['items'][number];

/** Resource types the API knows. */
export const RESOURCE_TYPES = [
  'IMAGE',
  'DIRECTORY',
  'FILE',
  'ROOTFS',
  'SBOM',
] as const satisfies readonly Resource['resourceType'][];

/** `GET /api/applicationResources/{id}`. */
export type ResourceDetail = ResponseJson<'/api/applicationResources/{id}', 'get'>;

/** One image layer with the command that created it and how many packages it added. */
export type Layer = ResponseJson<'/api/applicationResources/{id}/layers', 'get'>[number];

/** One page of the packages a layer added. */
export type LayerPackages = ResponseJson<'/api/applicationResources/{id}/layers/{index}/packages', 'get'>;

/** One CIS Docker Benchmark result. */
export type CisResult = ResponseJson<'/api/cisdockerbenchmarkresults/{id}', 'get'>['items'][number];

/** SBOM formats the server can produce. */
export const SBOM_FORMATS = [
  { value: 'cyclonedx-json', label: 'CycloneDX JSON', file: 'cdx.json' },
  { value: 'spdx-json', label: 'SPDX JSON', file: 'spdx.json' },
] as const;

/** Query-cache key of everything about resources. */
export const RESOURCES_KEY = '/api/applicationResources';

/** One page of resources. */
export function fetchResources(query: URLSearchParams, signal: AbortSignal): Promise<ListPage<Resource>> {
  return apiGet('/api/applicationResources', { query, signal });
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
    queryFn: () => apiGet('/api/applicationResources/{id}', { path: { id } }),
  });
}

/** The resource's layers, oldest first. */
export function useLayers(id: string) {
  return useQuery({
    queryKey: [RESOURCES_KEY, 'layers', id],
    queryFn: () => apiGet('/api/applicationResources/{id}/layers', { path: { id } }),
  });
}

/** One page of the packages the layer at `index` added, by name and version. */
export function useLayerPackages(id: string, index: number, page: number, pageSize: number) {
  return useQuery({
    queryKey: [RESOURCES_KEY, 'layer-packages', id, index, page, pageSize],
    queryFn: ({ signal }) =>
      apiGet('/api/applicationResources/{id}/layers/{index}/packages', {
        path: { id, index: String(index) },
        query: { page, pageSize },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** The resource's CIS Docker Benchmark results. */
export function useCisResults(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [RESOURCES_KEY, 'cis', id],
    queryFn: () =>
      apiGet('/api/cisdockerbenchmarkresults/{id}', { path: { id }, query: { sortKey: 'level', sortDir: 'DESC' } }),
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
    mutationFn: (id: string) => apiSend('delete', '/api/applicationResources/{id}', undefined, { path: { id } }),
    onSuccess: () => client.invalidateQueries(),
  });
}
