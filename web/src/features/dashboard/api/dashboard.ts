/** Dashboard reads: counters, fixable vulnerabilities, license and language shares, top 5 and trends. */
import { useQuery } from '@tanstack/react-query';
import type { ResponseJson } from '../../../shared/api/api-types.ts';
import { apiGet } from '../../../shared/api/http.ts';
import type { SeverityCount } from '../../../shared/lib/severity.ts';

/** `GET /api/dashboard/vulnerabilitiesWithFix` rows. */
export type WithFix = ResponseJson<'/api/dashboard/vulnerabilitiesWithFix', 'get'>[number];

/** One point of `GET /api/dashboard/trends/vulnerabilities`. */
export type TrendPoint = ResponseJson<'/api/dashboard/trends/vulnerabilities', 'get'>[number];

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

const KEY = 'dashboard';

/** The three counters. */
export function useCounters() {
  return useQuery({ queryKey: [KEY, 'counters'], queryFn: () => apiGet('/api/dashboard/counters') });
}

/** Fixable and total vulnerabilities per severity. */
export function useVulnerabilitiesWithFix() {
  return useQuery({ queryKey: [KEY, 'withFix'], queryFn: () => apiGet('/api/dashboard/vulnerabilitiesWithFix') });
}

/** Packages per license, as `{name, count}`. */
export function usePackagesPerLicense() {
  return useQuery({
    queryKey: [KEY, 'perLicense'],
    queryFn: async () =>
      (await apiGet('/api/dashboard/packagesPerLicense')).map((row) => ({ name: row.license, count: row.count })),
  });
}

/** Packages per language, as `{name, count}`. */
export function usePackagesPerLanguage() {
  return useQuery({
    queryKey: [KEY, 'perLanguage'],
    queryFn: async () =>
      (await apiGet('/api/dashboard/packagesPerLanguage')).map((row) => ({ name: row.language, count: row.count })),
  });
}

/** The five most vulnerable applications, resources and packages. */
export function useMostVulnerable() {
  return useQuery({
    queryKey: [KEY, 'mostVulnerable'],
    queryFn: async (): Promise<MostVulnerable> => {
      const raw = await apiGet('/api/dashboard/mostVulnerable');
      return {
        applications: raw.applications.map((row) => ({
          id: row.id,
          name: row.applicationName,
          detail: row.applicationType,
          vulnerabilities: row.vulnerabilities,
        })),
        resources: raw.resources.map((row) => ({
          id: row.id,
          name: row.resourceName,
          detail: row.resourceType,
          vulnerabilities: row.vulnerabilities,
        })),
        packages: raw.packages.map((row) => ({
          id: row.id,
          name: row.packageName,
          detail: row.version,
          vulnerabilities: row.vulnerabilities,
        })),
      };
    },
  });
}

/** New vulnerabilities per severity between two times (first-seen times), cut into `points` intervals. */
export function useTrends(startTime: string, endTime: string, points = 30) {
  return useQuery({
    queryKey: [KEY, 'trends', startTime, endTime, points],
    queryFn: () =>
      apiGet('/api/dashboard/trends/vulnerabilities', { query: { startTime, endTime, points: String(points) } }),
    enabled: startTime !== '' && startTime < endTime,
  });
}
