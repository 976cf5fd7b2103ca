/**
 * Re-matching in figures for /metrics, read from the run rows (rematch-runs.ts) when scraped, so they are right
 * whichever process (the server or a `lucent worker`) did the work: runs per status, resources per outcome, findings
 * added and removed, and how long finished runs took. A finished run never changes, so its sums are read once per
 * server process and kept; each scrape reads the runs table (one row per advisory database version) and the items of
 * unfinished runs only.
 */
import type { Kysely } from 'kysely';
import { withQueueTables } from '../queue/tables.ts';
import { chunksOf } from '../repositories/chunks.ts';
import type { Database } from '../store/schema.ts';

/** What /metrics shows of re-matching. */
export interface RematchTotals {
  /** Runs per status: planning, running, done. */
  runs: Record<string, number>;
  /** Resources re-matched per outcome (done, skipped, failed), over every run. */
  resources: Record<string, number>;
  /** Findings re-matching added and removed, over every run. */
  added: number;
  removed: number;
  /** Seconds every finished run took, together, and the latest one alone. */
  finishedSeconds: number;
  lastRunSeconds: number | undefined;
}

interface RunSums {
  resources: Record<string, number>;
  added: number;
  removed: number;
}

/** A reader of the totals that keeps finished runs' sums (one per app). */
export function rematchTotalsReader(db: Kysely<Database>): () => Promise<RematchTotals> {
  const finished = new Map<string, RunSums>();
  return async () => {
    const qdb = withQueueTables(db);
    const runs = await qdb.selectFrom('rematch_runs').select(['id', 'status', 'started_at', 'finished_at']).execute();
    const unread = runs.filter((run) => !finished.has(run.id)).map((run) => run.id);
    const sums = new Map<string, RunSums>();
    for (const chunk of chunksOf(unread)) {
      const rows = await qdb
        .selectFrom('rematch_items')
        .select((eb) => [
          'run_id',
          'status',
          eb.fn.countAll<number>().as('n'),
          eb.fn.sum<number>('added').as('added'),
          eb.fn.sum<number>('removed').as('removed'),
        ])
        .where('run_id', 'in', chunk)
        .where('status', '<>', 'pending')
        .groupBy(['run_id', 'status'])
        .execute();
      for (const row of rows) {
        const run = sums.get(row.run_id) ?? { resources: {}, added: 0, removed: 0 };
        run.resources[row.status] = Number(row.n);
        run.added += Number(row.added ?? 0);
        run.removed += Number(row.removed ?? 0);
        sums.set(row.run_id, run);
      }
    }
    const totals: RematchTotals = {
      runs: {},
      resources: {},
      added: 0,
      removed: 0,
      finishedSeconds: 0,
      lastRunSeconds: undefined,
    };
    let lastFinish = '';
    for (const run of runs) {
      const sum = finished.get(run.id) ?? sums.get(run.id) ?? { resources: {}, added: 0, removed: 0 };
      if (run.status === 'done') finished.set(run.id, sum);
      totals.runs[run.status] = (totals.runs[run.status] ?? 0) + 1;
      for (const [outcome, n] of Object.entries(sum.resources)) {
        totals.resources[outcome] = (totals.resources[outcome] ?? 0) + n;
      }
      totals.added += sum.added;
      totals.removed += sum.removed;
      if (run.status !== 'done' || !run.finished_at) continue;
      const seconds = Math.max(0, (Date.parse(run.finished_at) - Date.parse(run.started_at)) / 1000);
      totals.finishedSeconds += seconds;
      if (run.finished_at > lastFinish) {
        lastFinish = run.finished_at;
        totals.lastRunSeconds = seconds;
      }
    }
    return totals;
  };
}
