/** Vulnerabilities (one row per vulnerability and package): the list and its CSV, and one finding in depth. */
import { useQuery } from '@tanstack/react-query';
import { type DownloadedFile, getFile, getJson } from '../../../shared/api/http.ts';
import type { ListPage } from '../../../shared/components/list-view.tsx';

/** A row of `GET /api/vulnerabilities`. */
export interface VulnerabilityRow {
  id: string;
  vulnerabilityID: string;
  vulnerabilityName: string;
  packageID: string;
  packageName: string;
  packageVersion: string;
  severity: string;
  cvssSeverity?: string | null;
  cvssBaseScore?: number | null;
  applications: number;
  applicationResources: number;
  fixVersion: string;
  reportingScanners: string[];
  source: string;
}

/** CVSS scores and the vector of one version. */
export interface CvssScores {
  version: string;
  vector: string;
  baseScore: number | null;
  exploitabilityScore?: number | null;
  impactScore?: number | null;
  severity?: string | null;
}

/** `GET /api/vulnerabilities/{vulId}/{pkgId}`. */
export interface VulnerabilityDetail {
  vulnerability: VulnerabilityRow;
  scanDate?: string | null;
  firstSeen?: string | null;
  description: string;
  links: string[];
  aliases?: string[];
  cvss: CvssScores[];
  epss?: { score: number; percentile: number; date?: string | null } | null;
  kev?: { dateAdded: string; dueDate?: string | null; knownRansomware?: boolean | null; notes?: string | null } | null;
  fixVersions: string[];
  severitySource?: string | null;
  affectedResources: { id: string; name: string; hash: string; layer?: string | null; path?: string | null }[];
  evidence?: { record?: string | null; range?: string | null; matcher?: string | null; source?: string | null }[];
}

/** Query-cache key of everything about vulnerabilities. */
export const VULNERABILITIES_KEY = '/api/vulnerabilities';

/** One page of vulnerabilities. */
export function fetchVulnerabilities(query: URLSearchParams, signal: AbortSignal): Promise<ListPage<VulnerabilityRow>> {
  return getJson('/api/vulnerabilities', { query, signal });
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
      getJson<VulnerabilityDetail>('/api/vulnerabilities/{vulId}/{pkgId}', {
        path: { vulId: vulnerabilityId, pkgId: packageId },
      }),
  });
}
