/**
 * Opening the server's store: `sqlite:PATH` (embedded, the default; `sqlite::memory:` for tests) or `postgres://…`
 * (`?schema=NAME` puts every table in that schema, created when missing). Migrations run to the latest on open.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { Kysely, type LogEvent, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { loadSqlite } from '../../advisories/db/sqlite.ts';
import { LucentError } from '../../core/errors.ts';
import type { StoreDialect } from './dialect.ts';
import { migrationProvider } from './migrations/registry.ts';
import type { Database } from './schema.ts';
import { BACKGROUND_AUTOCHECKPOINT_PAGES, startCheckpointer } from './sqlite/checkpointer.ts';
import { NodeSqliteDialect } from './sqlite/node-sqlite-dialect.ts';

export type { StoreDialect } from './dialect.ts';

/** An open store: the query builder, the engine, and how to close it. */
export interface Store {
  db: Kysely<Database>;
  dialect: StoreDialect;
  /** The PostgreSQL schema in use (`public` unless `?schema=` was given); undefined on SQLite. */
  schema?: string;
  close(): Promise<void>;
}

/** Page cache of the embedded database, in KiB. */
const SQLITE_CACHE_KIB = 128 * 1024;

/** How long a writer waits for another process's write lock before SQLite gives up (ms). */
const SQLITE_BUSY_TIMEOUT_MS = 10_000;

/** Options of `openStore`. */
export interface StoreOptions {
  /** Called after every query with its SQL and duration (slow-query logs, metrics). */
  log?: (event: LogEvent) => void;
  /**
   * SQLite files: checkpoint the WAL in a background thread instead of in the commit that fills it (long-running
   * processes, the server and `lucent worker`; see sqlite/checkpointer.ts).
   */
  backgroundCheckpoints?: boolean;
}

/** Opens the store at `databaseUrl` and migrates it to the latest schema. */
export async function openStore(databaseUrl: string, options: StoreOptions = {}): Promise<Store> {
  const store = databaseUrl.startsWith('sqlite:')
    ? await openSqliteStore(databaseUrl.slice('sqlite:'.length), options)
    : /^postgres(?:ql)?:\/\//.test(databaseUrl)
      ? openPostgresStore(databaseUrl, options)
      : undefined;
  if (!store) {
    throw new LucentError('E_USAGE', `unsupported database URL: ${redactUrl(databaseUrl)}`, {
      hint: 'use sqlite:PATH (e.g. sqlite:/var/lib/lucent/lucent.db) or postgres://USER@HOST:PORT/DB',
    });
  }
  try {
    await migrateToLatest(store);
    await optimizeStore(store, { onOpen: true });
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

/**
 * Refreshes the query planner's statistics where they are stale. SQLite keeps none unless asked (`PRAGMA optimize`,
 * https://sqlite.org/lang_analyze.html#periodically_run_pragma_optimize_); without them it can pick a sort index over
 * a selective filter. Runs on open (bounded work) and should run now and then on a long-lived server, e.g. hourly.
 * PostgreSQL's autovacuum keeps its statistics itself.
 */
export async function optimizeStore(store: Store, options: { onOpen?: boolean } = {}): Promise<void> {
  if (store.dialect !== 'sqlite') return;
  await sql.raw(options.onOpen ? 'pragma optimize = 0x10002' : 'pragma optimize').execute(store.db);
}

/** Runs every pending migration; a failed migration is rolled back whole and reported. */
export async function migrateToLatest(store: Store): Promise<void> {
  const migrator = new Migrator({
    db: store.db,
    provider: migrationProvider(store.dialect),
    ...(store.schema ? { migrationTableSchema: store.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    throw new LucentError('E_DATABASE_UNAVAILABLE', `database migration ${failed} failed: ${describe(error)}`, {
      cause: error,
    });
  }
}

async function openSqliteStore(path: string, options: StoreOptions): Promise<Store> {
  const memory = path === ':memory:' || path === '';
  if (!memory) mkdirSync(dirname(path), { recursive: true });
  const { DatabaseSync } = await loadSqlite();
  const handle: DatabaseSync = new DatabaseSync(memory ? ':memory:' : path, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  // WAL lets readers go on while one writer commits; NORMAL sync is durable against process crashes (kill -9) in WAL.
  if (!memory) handle.exec('pragma journal_mode = wal');
  handle.exec(`pragma busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
  handle.exec('pragma synchronous = normal');
  handle.exec('pragma foreign_keys = on');
  // SQLite's default page cache is 2 MiB; lists and ingestion walk indexes of a million-row table.
  handle.exec(`pragma cache_size = -${SQLITE_CACHE_KIB}`);
  handle.exec('pragma temp_store = memory');
  // Statistics from a sample of each index, so `PRAGMA optimize` stays quick on a million-row table.
  handle.exec('pragma analysis_limit = 1000');
  // Should the thread die, commits checkpoint again as SQLite does by default (1,000 pages).
  const checkpointer =
    !memory && options.backgroundCheckpoints
      ? await startCheckpointer(path, () => {
          if (handle.isOpen) handle.exec('pragma wal_autocheckpoint = 1000');
        })
      : undefined;
  if (checkpointer) handle.exec(`pragma wal_autocheckpoint = ${BACKGROUND_AUTOCHECKPOINT_PAGES}`);
  const db = new Kysely<Database>({
    dialect: new NodeSqliteDialect({ database: () => handle }),
    ...(options.log ? { log: options.log } : {}),
  });
  return {
    db,
    dialect: 'sqlite',
    async close() {
      // The thread goes first: the last connection to close checkpoints what is left and removes the WAL.
      await checkpointer?.close();
      await db.destroy();
    },
  };
}

function openPostgresStore(databaseUrl: string, options: StoreOptions): Store {
  const url = new URL(databaseUrl);
  const schema = url.searchParams.get('schema') ?? undefined;
  if (schema !== undefined && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
    throw new LucentError('E_USAGE', `invalid PostgreSQL schema name: ${schema}`, {
      hint: 'a schema name is letters, digits and underscores, not starting with a digit',
    });
  }
  url.searchParams.delete('schema');
  const pool = new pg.Pool({
    connectionString: url.toString(),
    max: 10,
    // Every connection works in the schema; it is created before first use (below), so search_path is safe.
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
    // COUNT(*) and SUM() are int8, which pg returns as strings by default; counts here stay far below 2^53.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID
          ? (value: string) => Number.parseInt(value, 10)
          : pg.types.getTypeParser(oid, format as 'text')) as never,
    },
  });
  let ready: Promise<void> | undefined;
  const dialect = new PostgresDialect({
    pool: async () => {
      ready ??= schema ? createSchema(pool, schema) : Promise.resolve();
      await ready;
      return pool;
    },
  });
  const db = new Kysely<Database>({ dialect, ...(options.log ? { log: options.log } : {}) });
  return { db, dialect: 'postgres', schema: schema ?? 'public', close: () => db.destroy() };
}

/** PostgreSQL's type id of int8 (bigint). */
const INT8_OID = 20;

async function createSchema(pool: pg.Pool, schema: string): Promise<void> {
  // The name was checked against a strict pattern above; identifiers cannot be bound parameters.
  await pool.query(`create schema if not exists "${schema}"`);
}

function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//…@');
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
