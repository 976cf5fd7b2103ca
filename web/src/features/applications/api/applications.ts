/** Applications: the list (and its CSV), one application, and create, edit and delete. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type DownloadedFile, getFile, getJson, sendJson } from '../../../shared/api/http.ts';
import type { ListPage } from '../../../shared/components/list-view.tsx';
import type { SeverityCount } from '../../../shared/lib/severity.ts';

/** Application types the API accepts. */
export const APPLICATION_TYPES = ['POD', 'DIRECTORY', 'LAMBDA', 'IMAGE'] as const;

/** A row of `GET /api/applications`. */
export interface Application {
  id: string;
  applicationName: string;
  applicationType: string;
  labels: string[];
  environments: string[];
  vulnerabilities: SeverityCount[];
  applicationResources: number;
  packages: number;
}

/** `GET /api/applications/{id}`. */
export interface ApplicationDetail {
  application: Application;
  licenses: string[];
}

/** The body of create and edit. */
export interface ApplicationInput {
  name: string;
  type: string;
  labels: string[];
  environments: string[];
}

/** Query-cache key of everything about applications. */
export const APPLICATIONS_KEY = '/api/applications';

/** One page of applications. */
export function fetchApplications(query: URLSearchParams, signal: AbortSignal): Promise<ListPage<Application>> {
  return getJson('/api/applications', { query, signal });
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
    queryFn: () => getJson<ApplicationDetail>('/api/applications/{id}', { path: { id } }),
  });
}

/** Creates (no id) or edits (id) an application; refreshes lists and the dashboard. */
export function useSaveApplication() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: ApplicationInput }) =>
      id
        ? sendJson<unknown>('put', '/api/applications/{id}', input, { path: { id } })
        : sendJson<unknown>('post', '/api/applications', input),
    onSuccess: () => client.invalidateQueries(),
  });
}

/** Deletes an application (its resources stay). */
export function useDeleteApplication() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => sendJson('delete', '/api/applications/{id}', undefined, { path: { id } }),
    onSuccess: () => client.invalidateQueries(),
  });
}
