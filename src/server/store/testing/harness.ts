/**
 * Stores for the shared store test suite: a fresh in-memory SQLite database per test, or one PostgreSQL schema per
 * test file (unique name, dropped at the end) emptied before each test.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { openStore, type Store } from '../open-store.ts';

/** How a suite gets clean stores. */
export interface StoreHarness {
  dialect: Store['dialect'];
  /** A store with the schema and no rows. */
  fresh(): Promise<Store>;
  /** Called after each test with the store `fresh` gave. */
  release(store: Store): Promise<void>;
  /** Called once after the suite. */
  dispose(): Promise<void>;
}

/** In-memory SQLite, one database per test. */
export function sqliteHarness(): StoreHarness {
  return {
    dialect: 'sqlite',
    fresh: () => openStore('sqlite::memory:'),
    release: (store) => store.close(),
    dispose: async () => {},
  };
}

/** The test PostgreSQL (DESIGN: 127.0.0.1:5432, user postgres, database test), or `LUCENT_TEST_POSTGRES_URL`. */
export const TEST_POSTGRES_URL = process.env.LUCENT_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** PostgreSQL in a schema of its own; tables are truncated before each test. */
export function postgresHarness(baseUrl: string = TEST_POSTGRES_URL): StoreHarness {
  const schema = `lucent_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  let store: Store | undefined;
  return {
    dialect: 'postgres',
    async fresh() {
      store ??= await openStore(`${baseUrl}?schema=${schema}`);
      const tables = await sql<{ tablename: string }>`select tablename from pg_tables where schemaname = ${schema}
        and tablename not like 'kysely_%'`.execute(store.db);
      const names = tables.rows.map((row) => `"${schema}"."${row.tablename}"`).join(', ');
      await sql.raw(`truncate ${names} restart identity cascade`).execute(store.db);
      return store;
    },
    release: async () => {},
    async dispose() {
      await store?.close();
      const client = new pg.Client({ connectionString: baseUrl });
      await client.connect();
      try {
        await client.query(`drop schema if exists "${schema}" cascade`);
      } finally {
        await client.end();
      }
    },
  };
}
