/** What GET /api/advisories/status shows: the advisory database, its updates, the latest re-match and the queue. */
import type { BackgroundWork } from '../queue/background.ts';
import type { Store } from '../store/open-store.ts';
import { appliedVersion, latestRun, type RunProgress } from './rematch-runs.ts';
import type { UpdateState } from './rematch-updates.ts';

/** The status document. */
export interface AdvisoriesStatus {
  database: {
    exists: boolean;
    version: string | null;
    schemaVersion: number | null;
    sizeBytes: number | null;
    counts: { records: number; withdrawn: number; aliases: number; kev: number; epss: number } | null;
    feeds: {
      feed: string;
      source: string;
      records: number;
      importedAt: string;
      feedTimestamp: string | null;
      checkedAt: string | null;
      ageDays: number;
    }[];
  };
  update: UpdateState & { intervalSeconds: number | null };
  rematch: { appliedVersion: string | null; upToDate: boolean; run: RunProgress | null };
  queue: { engine: 'sqlite' | 'pg-boss'; depth: number };
}

/** Reads the status; `intervalMs` is the scheduled updates' interval (0: off). */
export async function advisoriesStatus(
  store: Store,
  background: BackgroundWork,
  options: { intervalMs: number; now: Date },
): Promise<AdvisoriesStatus> {
  const [database, run, applied, depth] = await Promise.all([
    background.advisories.status(options.now),
    latestRun(store.db),
    appliedVersion(store.db),
    background.queue.depth(),
  ]);
  const version = database?.version ?? null;
  return {
    database: {
      exists: database !== undefined,
      version,
      schemaVersion: database?.schemaVersion ?? null,
      sizeBytes: database?.sizeBytes ?? null,
      counts: database?.counts ?? null,
      feeds: (database?.feeds ?? []).map((feed) => ({
        feed: feed.feed,
        source: feed.source,
        records: feed.records,
        importedAt: feed.importedAt,
        feedTimestamp: feed.feedTimestamp,
        checkedAt: feed.checkedAt,
        ageDays: feed.ageDays,
      })),
    },
    update: {
      ...background.updates.state(),
      intervalSeconds: options.intervalMs > 0 ? Math.round(options.intervalMs / 1000) : null,
    },
    rematch: {
      appliedVersion: run?.databaseVersion ?? applied ?? null,
      upToDate: version !== null && run?.status === 'done' && run.databaseVersion === version,
      run: run ?? null,
    },
    queue: { engine: background.queue.engine, depth },
  };
}
