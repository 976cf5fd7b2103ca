/** Runtime scanning: namespaces, options, start and stop, live progress, results, and schedules. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ResponseJson } from '../../../shared/api/api-types.ts';
import { apiGet, apiSend } from '../../../shared/api/http.ts';

/** Scan options (`/api/runtime/quickscan/config`). */
export type ScanOptions = ResponseJson<'/api/runtime/quickscan/config', 'get'>;

/** `GET /api/runtime/scan/progress`. */
export type ScanProgress = ResponseJson<'/api/runtime/scan/progress', 'get'>;

/** `GET /api/runtime/scan/results`: counters of the last run (live while it runs), the run and its images. */
export type ScanResults = ResponseJson<'/api/runtime/scan/results', 'get'>;

/** Where one image of a run is. */
export type ImageProgress = ScanResults['images'][number];

/** Whether a run is under way. */
export function isRunning(progress: ScanProgress | undefined): boolean {
  return progress?.status === 'IN_PROGRESS' || progress?.status === 'FINALIZING';
}

/** A stored schedule. */
export type Schedule = ResponseJson<'/api/runtime/schedules', 'get'>[number];

/** When a schedule fires (the server's schedule spec). */
export type ScheduleSpec = Schedule['spec'];

/** What a user sets on a schedule (the server validates it with the same schema it answers with). */
export type ScheduleInput = Pick<
  Schedule,
  'name' | 'spec' | 'timeZone' | 'namespaces' | 'excludeNamespaces' | 'enabled' | 'cis'
>;

const KEY = 'runtime';
const SCHEDULES = [KEY, 'schedules'] as const;

/** The cluster's namespaces. */
export function useNamespaces() {
  return useQuery({
    queryKey: [KEY, 'namespaces'],
    queryFn: async () => (await apiGet('/api/namespaces')).map((namespace) => namespace.name),
  });
}

/** The scan options. */
export function useScanOptions() {
  return useQuery({ queryKey: [KEY, 'options'], queryFn: () => apiGet('/api/runtime/quickscan/config') });
}

/** Saves the scan options. */
export function useSaveScanOptions() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (options: ScanOptions) => apiSend('put', '/api/runtime/quickscan/config', options),
    onSuccess: () => client.invalidateQueries({ queryKey: [KEY, 'options'] }),
  });
}

/** Progress, polled every 2 s while a scan runs and every 15 s otherwise (a schedule may start one). */
export function useScanProgress() {
  return useQuery({
    queryKey: [KEY, 'progress'],
    queryFn: () => apiGet('/api/runtime/scan/progress'),
    refetchInterval: (query) => (isRunning(query.state.data) ? 2_000 : 15_000),
  });
}

/**
 * The last run's results and images, counting findings at or above `minimum`; polled every 2 s while the run goes
 * on, and fetched again whenever the run's status changes (so the final counts follow DONE).
 */
export function useScanResults(minimum: string, progress: ScanProgress | undefined) {
  const running = isRunning(progress);
  return useQuery({
    queryKey: [KEY, 'results', minimum, progress?.status ?? '', progress?.startTime ?? ''],
    queryFn: () =>
      apiGet('/api/runtime/scan/results', { query: { 'vulnerabilitySeverity[gte]': minimum || undefined } }),
    enabled: progress !== undefined,
    placeholderData: keepPreviousData,
    refetchInterval: running ? 2_000 : false,
  });
}

/** Starts a scan of the given namespaces (empty: every namespace). */
export function useStartScan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (namespaces: string[]) => apiSend('put', '/api/runtime/scan/start', { namespaces }),
    onSuccess: () => client.invalidateQueries({ queryKey: [KEY] }),
  });
}

/** Stops the running scan. */
export function useStopScan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend('put', '/api/runtime/scan/stop'),
    onSuccess: () => client.invalidateQueries({ queryKey: [KEY] }),
  });
}

/** Every schedule. */
export function useSchedules() {
  return useQuery({ queryKey: SCHEDULES, queryFn: () => apiGet('/api/runtime/schedules') });
}

/** Creates (no id) or replaces (id) a schedule. */
export function useSaveSchedule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: ScheduleInput }) =>
      id
        ? apiSend('put', '/api/runtime/schedules/{id}', input, { path: { id } })
        : apiSend('post', '/api/runtime/schedules', input),
    onSuccess: () => client.invalidateQueries({ queryKey: SCHEDULES }),
  });
}

/** Enables or disables a schedule; the list shows the change at once and is corrected by the server's answer. */
export function useToggleSchedule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, enabled }: { id: string; enabled: boolean }) =>
      apiSend('patch', '/api/runtime/schedules/{id}', { enabled }, { path: { id } }),
    onMutate: async ({ id, enabled }) => {
      // A refetch still in flight (after a create, say) would otherwise land after this and undo it.
      await client.cancelQueries({ queryKey: SCHEDULES });
      const previous = client.getQueryData<Schedule[]>(SCHEDULES);
      client.setQueryData<Schedule[]>(SCHEDULES, (list) =>
        list?.map((schedule) => (schedule.id === id ? { ...schedule, enabled } : schedule)),
      );
      return { previous };
    },
    onError: (_error, _variables, context) => client.setQueryData(SCHEDULES, context?.previous),
    onSettled: () => client.invalidateQueries({ queryKey: SCHEDULES }),
  });
}

/** Deletes a schedule. */
export function useDeleteSchedule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiSend('delete', '/api/runtime/schedules/{id}', undefined, { path: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: SCHEDULES }),
  });
}
