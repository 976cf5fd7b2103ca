/** Dashboard reads: counters, fixable vulnerabilities, license and language shares, top 5, trends, advisory DB. */
import { useQuery } from '@tanstack/react-query';
import { getJson } from '../../../shared/api/http.ts';
import type { SeverityCount } from '../../../shared/lib/severity.ts';

/** `GET /api/dashboard/counters`. */
export interface Counters {
  applications: number;
  resources: number;
  packages: number;
}

/** One row of `GET /api/dashboard/vulnerabilitiesWithFix`. */
export interface WithFix {
  severity: string;
  countWithFix: number;
  countTotal: number;
}

/** A top-5 entry: enough of an application, resource or package to name it and show its severities. */
export interface TopEntry {
  id: string;
  name: string;
  detail?: string;
  vulnerabilities: SeverityCount[];
}

/** `GET /api/dashboard/mostVulnerable`, normalised to names. */
export interface MostVulnerable {
  applications: TopEntry[];
  resources: TopEntry[];
  packages: TopEntry[];
}

/** One point of `GET /api/dashboard/trends/vulnerabilities`. */
export interface TrendPoint {
  time: string;
  numOfVuls: SeverityCount[];
}

const KEY = 'dashboard';

/** The three counters. */
export function useCounters() {
  return useQuery({ queryKey: [KEY, 'counters'], queryFn: () => getJson<Counters>('/api/dashboard/counters') });
}

/** Fixable and total vulnerabilities per severity. */
export function useVulnerabilitiesWithFix() {
  return useQuery({
    queryKey: [KEY, 'withFix'],
    queryFn: () => getJson<WithFix[]>('/api/dashboard/vulnerabilitiesWithFix'),
  });
}

/** Packages per license, as `{name, count}`. */
export function usePackagesPerLicense() {
  return useQuery({
    queryKey: [KEY, 'perLicense'],
    queryFn: async () =>
      (await getJson<{ license: string; count: number }[]>('/api/dashboard/packagesPerLicense')).map((row) => ({
        name: row.license,
        count: row.count,
      })),
  });
}

/** Packages per language, as `{name, count}`. */
export function usePackagesPerLanguage() {
  return useQuery({
    queryKey: [KEY, 'perLanguage'],
    queryFn: async () =>
      (await getJson<{ language: string; count: number }[]>('/api/dashboard/packagesPerLanguage')).map((row) => ({
        name: row.language,
        count: row.count,
      })),
  });
}

interface RawMostVulnerable {
  applications?: { id: string; applicationName: string; applicationType?: string; vulnerabilities?: SeverityCount[] }[];
  resources?: { id: string; resourceName: string; resourceType?: string; vulnerabilities?: SeverityCount[] }[];
  packages?: { id: string; packageName: string; version?: string; vulnerabilities?: SeverityCount[] }[];
}

/** The five most vulnerable applications, resources and packages. */
export function useMostVulnerable() {
  return useQuery({
    queryKey: [KEY, 'mostVulnerable'],
    queryFn: async (): Promise<MostVulnerable> => {
      const raw = await getJson<RawMostVulnerable>('/api/dashboard/mostVulnerable');
      return {
        applications: (raw.applications ?? []).map((row) => ({
          id: row.id,
          name: row.applicationName,
          detail: row.applicationType,
          vulnerabilities: row.vulnerabilities ?? [],
        })),
        resources: (raw.resources ?? []).map((row) => ({
          id: row.id,
          name: row.resourceName,
          detail: row.resourceType,
          vulnerabilities: row.vulnerabilities ?? [],
        })),
        packages: (raw.packages ?? []).map((row) => ({
          id: row.id,
          name: row.packageName,
          detail: row.version,
          vulnerabilities: row.vulnerabilities ?? [],
        })),
      };
    },
  });
}

/** New vulnerabilities per severity between two times (first-seen times), bucketed by the server. */
export function useTrends(startTime: string, endTime: string) {
  return useQuery({
    queryKey: [KEY, 'trends', startTime, endTime],
    queryFn: () => getJson<TrendPoint[]>('/api/dashboard/trends/vulnerabilities', { query: { startTime, endTime } }),
    enabled: startTime < endTime,
  });
}
