/**
 * The advisory database's status (age, feeds, KEV count), read by the dashboard and the settings page; kept in
 * shared because both features show it.
 */
import { useQuery } from '@tanstack/react-query';
import { getJson } from './http.ts';

/** What the dashboard and settings show about the server's advisory database. */
export interface AdvisoryDbStatus {
  /** When the database was last built or updated (ISO), null when there is none. */
  updatedAt: string | null;
  kevCount: number | null;
  advisories: number | null;
  feeds: { name: string; updatedAt: string | null; records: number | null }[];
}

/** Query key of the status, for invalidation after an update. */
export const ADVISORY_DB_KEY = ['advisory-db', 'status'] as const;

/** `GET /api/db/status`, polled every minute so an update in progress shows up. */
export function useAdvisoryDbStatus() {
  return useQuery({
    queryKey: ADVISORY_DB_KEY,
    queryFn: () => getJson<AdvisoryDbStatus>('/api/db/status'),
    refetchInterval: 60_000,
  });
}
