/**
 * The tables of the work queue and of re-matching (migration 002-queue.ts), as Kysely sees them. They are added to
 * the store's `Database` type with `withTables`, so the store's own schema file stays about the API's data.
 */
import type { Generated, Kysely } from 'kysely';
import type { Database } from '../store/schema.ts';

/** A job of the SQLite queue (SQLite only; pg-boss keeps its own tables on PostgreSQL). */
export interface QueueJobsTable {
  id: string;
  kind: string;
  /** JSON */
  payload: string;
  /** queued | active | failed */
  state: string;
  singleton_key: string | null;
  attempts: Generated<number>;
  retry_limit: number;
  retry_delay_seconds: number;
  timeout_seconds: number;
  run_after: string;
  lease_until: string | null;
  /** `host:pid:token` of the worker running it. */
  worker: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

/** One re-matching of every stored SBOM against one version of the advisory database. */
export interface RematchRunsTable {
  id: string;
  /** update | api | startup | file-change */
  trigger: string;
  db_version: string;
  /** planning | running | done */
  status: string;
  total: Generated<number>;
  started_at: string;
  finished_at: string | null;
}

/** One resource of a re-match run. */
export interface RematchItemsTable {
  run_id: string;
  resource_id: string;
  /** pending | done | skipped | failed */
  status: string;
  findings: number | null;
  added: number | null;
  removed: number | null;
  error: string | null;
  finished_at: string | null;
}

/** The queue's and re-matching's tables. */
export type QueueTables = {
  queue_jobs: QueueJobsTable;
  rematch_runs: RematchRunsTable;
  rematch_items: RematchItemsTable;
};

/** The store's query builder with these tables known. */
export type QueueDb = Kysely<Database & QueueTables>;

/** The store's query builder (or a transaction of it) with the queue's tables known. */
export function withQueueTables(db: Kysely<Database>): QueueDb {
  return db.withTables<QueueTables>() as unknown as QueueDb;
}
