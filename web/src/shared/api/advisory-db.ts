/**
 * The advisory database's status (`GET /api/advisories/status`: feeds, counts, KEV, scheduled updates, re-matching),
 * read by the dashboard and the settings page; kept in shared because both features show it.
 */
import { useQuery } from '@tanstack/react-query';
import type { ResponseJson } from './api-types.ts';
import { apiGet } from './http.ts';

/** The status answer. */
export type AdvisoryStatus = ResponseJson<'/api/advisories/status', 'get'>;

/** Query key of the status, for invalidation after an update. */
export const ADVISORY_DB_KEY = ['advisories', 'status'] as const;

/** The status, polled every 3 s while an update or re-match runs and every minute otherwise. */
export function useAdvisoryStatus() {
  return useQuery({
    queryKey: ADVISORY_DB_KEY,
    queryFn: () => apiGet('/api/advisories/status'),
    refetchInterval: (query) => {
      const status = query.state.data;
      const busy = status?.update.state === 'running' || (status?.rematch.run && status.rematch.run.status !== 'done');
      return busy ? 3_000 : 60_000;
    },
  });
}

/** When the database last changed or was checked: the newest import or check time over its feeds. */
export function lastUpdated(status: AdvisoryStatus | undefined): string | null {
  let newest: string | null = null;
  for (const feed of status?.database.feeds ?? []) {
    for (const time of [feed.importedAt, feed.checkedAt]) if (time && (!newest || time > newest)) newest = time;
  }
  return newest;
}

/** The age in days of the stalest feed's data (its own timestamp), or null without feeds. */
export function oldestFeedDays(status: AdvisoryStatus | undefined): number | null {
  const ages = (status?.database.feeds ?? []).map((feed) => feed.ageDays);
  return ages.length > 0 ? Math.max(...ages) : null;
}
