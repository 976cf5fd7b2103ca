/** Runtime scanning: namespaces, options, start and stop, live progress, results, and schedules. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getJson, sendJson } from '../../../shared/api/http.ts';
import type { SeverityCount } from '../../../shared/lib/severity.ts';

/** Scan options (`/api/runtime/quickscan/config`). */
export interface ScanOptions {
  cisDockerBenchmarkScanEnabled: boolean;
  maxScanParallelism: number;
}

/** One image of a running or finished scan. */
export interface ImageProgress {
  image: string;
  imageId?: string | null;
  state: 'pending' | 'scanning' | 'done' | 'failed' | 'skipped';
  pods: string[];
  error?: string | null;
}

/** `GET /api/runtime/scan/progress`. */
export interface ScanProgress {
  status: 'NOT_STARTED' | 'IN_PROGRESS' | 'FINALIZING' | 'DONE';
  scanned: number;
  scannedNamespaces: string[];
  scanType?: 'QUICK' | 'SCHEDULE' | null;
  startTime?: string | null;
  endTime?: string | null;
  images?: ImageProgress[];
}

/** `GET /api/runtime/scan/results`. */
export interface ScanResults {
  counters: { applications: number; resources: number; packages: number; vulnerabilities: number };
  vulnerabilityPerSeverity: SeverityCount[];
  cisDockerBenchmarkCountPerLevel?: { level: string; count: number }[];
  failures: { message: string }[];
  endTime?: string | null;
}

/** When a schedule fires (the server's schedule spec). */
export type ScheduleSpec =
  | { kind: 'now' }
  | { kind: 'once'; at: string }
  | { kind: 'hours'; every: number }
  | { kind: 'days'; every: number; at: string }
  | { kind: 'weekly'; day: string; at: string }
  | { kind: 'cron'; expression: string };

/** What a user sets on a schedule. */
export interface ScheduleInput {
  name: string;
  spec: ScheduleSpec;
  timeZone: string;
  namespaces: string[];
  excludeNamespaces: string[];
  enabled: boolean;
  cis: boolean;
}

/** A stored schedule. */
export interface Schedule extends ScheduleInput {
  id: string;
  createdAt: string;
  updatedAt: string;
  lastRunAt?: string;
  nextRunAt?: string;
  lastRunStatus?: 'started' | 'done' | 'failed';
}

const KEY = 'runtime';
const SCHEDULES = [KEY, 'schedules'] as const;

/** The cluster's namespaces. */
export function useNamespaces() {
  return useQuery({
    queryKey: [KEY, 'namespaces'],
    queryFn: async () => (await getJson<{ name: string }[]>('/api/namespaces')).map((namespace) => namespace.name),
  });
}

/** The scan options. */
export function useScanOptions() {
  return useQuery({ queryKey: [KEY, 'options'], queryFn: () => getJson<ScanOptions>('/api/runtime/quickscan/config') });
}

/** Saves the scan options. */
export function useSaveScanOptions() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (options: ScanOptions) => sendJson('put', '/api/runtime/quickscan/config', options),
    onSuccess: () => client.invalidateQueries({ queryKey: [KEY, 'options'] }),
  });
}

/** Progress, polled every 2 s while a scan runs and every 15 s otherwise. */
export function useScanProgress() {
  return useQuery({
    queryKey: [KEY, 'progress'],
    queryFn: () => getJson<ScanProgress>('/api/runtime/scan/progress'),
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === 'IN_PROGRESS' || status === 'FINALIZING' ? 2_000 : 15_000;
    },
  });
}

/** Results of the last scan. */
export function useScanResults(enabled: boolean, endTime: string | null | undefined) {
  return useQuery({
    queryKey: [KEY, 'results', endTime ?? ''],
    queryFn: () => getJson<ScanResults>('/api/runtime/scan/results'),
    enabled,
  });
}

/** Starts a scan of the given namespaces (empty: every namespace). */
export function useStartScan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (namespaces: string[]) => sendJson('put', '/api/runtime/scan/start', { namespaces }),
    onSuccess: () => client.invalidateQueries({ queryKey: [KEY] }),
  });
}

/** Stops the running scan. */
export function useStopScan() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => sendJson('put', '/api/runtime/scan/stop'),
    onSuccess: () => client.invalidateQueries({ queryKey: [KEY] }),
  });
}

/** Every schedule. */
export function useSchedules() {
  return useQuery({ queryKey: SCHEDULES, queryFn: () => getJson<Schedule[]>('/api/runtime/schedules') });
}

/** Creates (no id) or replaces (id) a schedule. */
export function useSaveSchedule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id?: string; input: ScheduleInput }) =>
      id
        ? sendJson<Schedule>('put', '/api/runtime/schedules/{id}', input, { path: { id } })
        : sendJson<Schedule>('post', '/api/runtime/schedules', input),
    onSuccess: () => client.invalidateQueries({ queryKey: SCHEDULES }),
  });
}

/** Enables or disables a schedule. */
export function useToggleSchedule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, enabled }: { id: string; enabled: boolean }) =>
      sendJson<Schedule>('patch', '/api/runtime/schedules/{id}', { enabled }, { path: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: SCHEDULES }),
  });
}

/** Deletes a schedule. */
export function useDeleteSchedule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => sendJson('delete', '/api/runtime/schedules/{id}', undefined, { path: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: SCHEDULES }),
  });
}
