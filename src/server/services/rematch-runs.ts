/**
 * Re-match runs as rows (`rematch_runs`, `rematch_items`, migration 002-queue.ts): a run per advisory database
 * version, an item per resource, so progress survives restarts and reads the same whichever worker did the work.
 * Every write is idempotent: jobs run at least once.
 */
import type { Kysely } from 'kysely';
import { withQueueTables } from '../queue/tables.ts';
import { chunksOf, rowsPerInsert } from '../repositories/chunks.ts';
import type { Database } from '../store/schema.ts';

type Db = Kysely<Database>;

/** The settings key holding the advisory database version last re-matched (or being re-matched). */
const APPLIED_VERSION_KEY = 'rematch.databaseVersion';

/** What became of one resource. */
export type ItemOutcome =
  | { status: 'done'; findings: number; added: number; removed: number }
  | { status: 'skipped'; error: string }
  | { status: 'failed'; error: string };

/** A run with its progress. */
export interface RunProgress {
  id: string;
  trigger: string;
  databaseVersion: string;
  status: 'planning' | 'running' | 'done';
  total: number;
  pending: number;
  done: number;
  skipped: number;
  failed: number;
  /** Findings the re-matched resources gained and lost. */
  added: number;
  removed: number;
  startedAt: string;
  finishedAt: string | null;
}

/** Records a run as being planned (a repeated plan keeps the first row). */
export async function createRun(
  db: Db,
  run: { id: string; trigger: string; databaseVersion: string; at: string },
): Promise<void> {
  await withQueueTables(db)
    .insertInto('rematch_runs')
    .values({
      id: run.id,
      trigger: run.trigger,
      db_version: run.databaseVersion,
      status: 'planning',
      started_at: run.at,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/** Adds the run's items, pending; items already there keep their state. */
export async function addItems(db: Db, runId: string, resourceIds: readonly string[]): Promise<void> {
  const rows = resourceIds.map((resourceId) => ({ run_id: runId, resource_id: resourceId, status: 'pending' }));
  for (const chunk of chunksOf(rows, rowsPerInsert(3))) {
    await withQueueTables(db)
      .insertInto('rematch_items')
      .values(chunk)
      .onConflict((oc) => oc.columns(['run_id', 'resource_id']).doNothing())
      .execute();
  }
}

/** Marks a planned run as running with its item count (done at once when it has none). */
export async function startRun(db: Db, runId: string, total: number, at: string): Promise<void> {
  await withQueueTables(db)
    .updateTable('rematch_runs')
    .set(total === 0 ? { status: 'done', total, finished_at: at } : { status: 'running', total })
    .where('id', '=', runId)
    .where('status', '=', 'planning')
    .execute();
}

/** The state of one item, if the run has it. */
export async function itemStatus(db: Db, runId: string, resourceId: string): Promise<string | undefined> {
  const row = await withQueueTables(db)
    .selectFrom('rematch_items')
    .select('status')
    .where('run_id', '=', runId)
    .where('resource_id', '=', resourceId)
    .executeTakeFirst();
  return row?.status;
}

/** Records what became of an item, then closes the run when it was the last one pending. */
export async function finishItem(
  db: Db,
  item: { runId: string; resourceId: string; at: string },
  outcome: ItemOutcome,
): Promise<void> {
  const qdb = withQueueTables(db);
  await qdb
    .updateTable('rematch_items')
    .set({
      status: outcome.status,
      findings: outcome.status === 'done' ? outcome.findings : null,
      added: outcome.status === 'done' ? outcome.added : null,
      removed: outcome.status === 'done' ? outcome.removed : null,
      error: outcome.status === 'done' ? null : outcome.error,
      finished_at: item.at,
    })
    .where('run_id', '=', item.runId)
    .where('resource_id', '=', item.resourceId)
    .execute();
  const pending = await qdb
    .selectFrom('rematch_items')
    .select('resource_id')
    .where('run_id', '=', item.runId)
    .where('status', '=', 'pending')
    .limit(1)
    .executeTakeFirst();
  if (pending) return;
  await qdb
    .updateTable('rematch_runs')
    .set({ status: 'done', finished_at: item.at })
    .where('id', '=', item.runId)
    .where('status', '=', 'running')
    .execute();
}

/** The most recent run with its progress, if any. */
export async function latestRun(db: Db): Promise<RunProgress | undefined> {
  const qdb = withQueueTables(db);
  const run = await qdb
    .selectFrom('rematch_runs')
    .selectAll()
    .orderBy('started_at', 'desc')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  if (!run) return undefined;
  const counts = await qdb
    .selectFrom('rematch_items')
    .select((eb) => [
      'status',
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>('added').as('added'),
      eb.fn.sum<number>('removed').as('removed'),
    ])
    .where('run_id', '=', run.id)
    .groupBy('status')
    .execute();
  const count = (status: string) => Number(counts.find((row) => row.status === status)?.n ?? 0);
  const done = counts.find((row) => row.status === 'done');
  return {
    id: run.id,
    trigger: run.trigger,
    databaseVersion: run.db_version,
    status: run.status as RunProgress['status'],
    total: run.total,
    pending: count('pending'),
    done: count('done'),
    skipped: count('skipped'),
    failed: count('failed'),
    added: Number(done?.added ?? 0),
    removed: Number(done?.removed ?? 0),
    startedAt: run.started_at,
    finishedAt: run.finished_at,
  };
}

/** The advisory database version last planned for re-matching, if any. */
export async function appliedVersion(db: Db): Promise<string | undefined> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', APPLIED_VERSION_KEY).executeTakeFirst();
  return row?.value;
}

/** Records the advisory database version a run was planned for. */
export async function setAppliedVersion(db: Db, version: string, at: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key: APPLIED_VERSION_KEY, value: version, updated_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: version, updated_at: at }))
    .execute();
}
