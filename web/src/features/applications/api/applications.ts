/** Applications: the list (and its CSV), one application, and create, edit and delete. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RequestJson, ResponseJson } from '../../../shared/api/api-types.ts';
import { apiGet, apiSend, type DownloadedFile, getFile } from '../../../shared/api/http.ts';
import type { ListPage } from '../../../shared/components/list-view.tsx';

/** Application types the API accepts. */
export const APPLICATION_TYPES = ['POD', 'DIRECTORY', 'LAMBDA', 'IMAGE'] as const satisfies readonly ApplicationType[];

/** A row of `GET /api/applications`. */
export type Application = ResponseJson<'/api/applications', 'get'>['items'][number];

/** One application type. */
export type ApplicationType = Application['applicationType'];

/** `GET /api/applications/{id}`. */
export type ApplicationDetail = ResponseJson<'/api/applications/{id}', 'get'>;

/** The body of create and edit. */
export type ApplicationInput = RequestJson<'/api/applications', 'post'>;

/** Query-cache key of everything about applications. */
export const APPLICATIONS_KEY = '/api/applications';

/** One page of applications. */
export function fetchApplications(query: URLSearchParams, signal: AbortSignal): Promise<ListPage<Application>> {
  return apiGet('/api/applications', { query, signal });
}

/** Every application matching the query, as CSV. */
export function fetchApplicationsCsv(query: URLSearchParams): Promise<DownloadedFile> {
  const csv = new URLSearchParams(query);
  csv.set('format', 'csv');
  return getFile('/api/applications', { query: csv }, 'text/csv');
}

/** One application with its licenses. */
export function useApplication(id: string) {
  return useQuery({
    queryKey: [APPLICATIONS_KEY, 'detail', id],
    queryFn: () => apiGet('/api/applications/{id}', { path: { id } }),
  });
}

/** Creates (no id) or edits (id) an application; refreshes lists and the dashboard. */
export function useSaveApplication() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: ApplicationInput }) =>
      id
        ? apiSend('put', '/api/applications/{id}', input, { path: { id } })
        : apiSend('post', '/api/applications', input),
    onSuccess: () => client.invalidateQueries(),
  });
}

/** Deletes an application (its resources stay). */
export function useDeleteApplication() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiSend('delete', '/api/applications/{id}', undefined, { path: { id } }),
    onSuccess: () => client.invalidateQueries(),
  });
}
