/**
 * The work queue and re-matching (docs/queue.md): the SQLite queue's jobs table, and the re-match runs with one item
 * per resource, which record progress whichever queue runs the jobs. On PostgreSQL pg-boss keeps its own tables in
 * its own schema, so `queue_jobs` exists on SQLite only.
 */
import { type Kysely, sql } from 'kysely';
import type { StoreDialect } from '../dialect.ts';

// biome-ignore lint/suspicious/noExplicitAny: a migration describes the schema as it was, not as `Database` is now.
type AnyDb = Kysely<any>;

/** Creates the queue and re-match tables. */
export async function up(db: AnyDb, dialect: StoreDialect): Promise<void> {
  if (dialect === 'sqlite') await createJobsTable(db);

  await db.schema
    .createTable('rematch_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // What asked for it: update, api, startup, file-change.
    .addColumn('trigger', 'text', (c) => c.notNull())
    // The advisory database version (fingerprint) the run was planned for.
    .addColumn('db_version', 'text', (c) => c.notNull())
    // planning | running | done
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();

  await db.schema
    .createTable('rematch_items')
    .addColumn('run_id', 'text', (c) => c.notNull().references('rematch_runs.id').onDelete('cascade'))
    .addColumn('resource_id', 'text', (c) => c.notNull())
    // pending | done | skipped | failed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('findings', 'integer')
    // Findings the resource gained and lost.
    .addColumn('added', 'integer')
    .addColumn('removed', 'integer')
    .addColumn('error', 'text')
    .addColumn('finished_at', 'text')
    .addPrimaryKeyConstraint('rematch_items_pk', ['run_id', 'resource_id'])
    .execute();
  await db.schema.createIndex('rematch_items_status_idx').on('rematch_items').columns(['run_id', 'status']).execute();
  await db.schema.createIndex('rematch_runs_started_idx').on('rematch_runs').columns(['started_at']).execute();
}

async function createJobsTable(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('queue_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    // JSON
    .addColumn('payload', 'text', (c) => c.notNull())
    // queued | active | failed (finished jobs are deleted)
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('singleton_key', 'text')
    // Runs started so far (a run that died counts).
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('retry_limit', 'integer', (c) => c.notNull())
    .addColumn('retry_delay_seconds', 'integer', (c) => c.notNull())
    .addColumn('timeout_seconds', 'integer', (c) => c.notNull())
    .addColumn('run_after', 'text', (c) => c.notNull())
    // Until when the worker holding it counts as alive; renewed by its heartbeat.
    .addColumn('lease_until', 'text')
    .addColumn('worker', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('queue_jobs_next_idx').on('queue_jobs').columns(['state', 'run_after']).execute();
  // At most one waiting job per (kind, key): enqueueing another is a no-op (a running one does not count).
  await db.schema
    .createIndex('queue_jobs_singleton_idx')
    .on('queue_jobs')
    .columns(['kind', 'singleton_key'])
    .unique()
    .where(sql<boolean>`state = 'queued' and singleton_key is not null`)
    .execute();
}
