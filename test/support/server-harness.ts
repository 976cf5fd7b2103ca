/**
 * The server under test: `buildApp` on a fresh store, SQLite (a temp file) or the local PostgreSQL (a schema of its
 * own, dropped afterwards), with one token per role. Route tests run the same cases on both.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../../src/server/app.ts';
import { createApiToken } from '../../src/server/auth/accounts.ts';
import { defaultServerConfig, type ServerConfig } from '../../src/server/config.ts';
import { authRepository } from '../../src/server/repositories/auth.ts';
import { openStore, type Store } from '../../src/server/store/open-store.ts';

/** The engines every route test runs on. */
export const ENGINES = ['sqlite', 'postgres'] as const;

/** An engine. */
export type Engine = (typeof ENGINES)[number];

/** The local PostgreSQL (trust auth), database `test`. */
export const POSTGRES_URL = process.env.LUCENT_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A running app with its store and a token per role. */
export interface Harness {
  app: FastifyInstance;
  store: Store;
  databaseUrl: string;
  tokens: { admin: string; writer: string; viewer: string };
  /** Headers with a role's bearer token. */
  as(role: 'admin' | 'writer' | 'viewer'): { authorization: string };
  close(): Promise<void>;
}

/** A fresh, empty database URL for an engine, and how to remove it. */
export async function freshDatabase(engine: Engine): Promise<{ url: string; drop: () => Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), 'lucent-server-'));
    return { url: `sqlite:${join(dir, 'server.db')}`, drop: () => rm(dir, { recursive: true, force: true }) };
  }
  const schema = `lucent_test_${randomBytes(6).toString('hex')}`;
  return {
    url: `${POSTGRES_URL}?schema=${schema}`,
    async drop() {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      try {
        await client.query(`drop schema if exists "${schema}" cascade`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Starts an app on a fresh database of `engine`. */
export async function startHarness(engine: Engine, overrides: Partial<ServerConfig> = {}): Promise<Harness> {
  const database = await freshDatabase(engine);
  const store = await openStore(database.url);
  const config: ServerConfig = {
    ...defaultServerConfig({}),
    databaseUrl: database.url,
    logLevel: 'silent',
    ...overrides,
  };
  const app = await buildApp(config, { store });
  const auth = authRepository(store);
  // A millisecond apart, so listings (by creation time) have a fixed order: admin, writer, viewer.
  const at = (offset: number) => new Date(Date.now() - 1000 + offset);
  const tokens = {
    admin: (await createApiToken(auth, { name: 'test-admin', role: 'admin' }, at(0))).token,
    writer: (await createApiToken(auth, { name: 'test-writer', role: 'writer' }, at(1))).token,
    viewer: (await createApiToken(auth, { name: 'test-viewer', role: 'viewer' }, at(2))).token,
  };
  return {
    app,
    store,
    databaseUrl: database.url,
    tokens,
    as: (role) => ({ authorization: `Bearer ${tokens[role]}` }),
    async close() {
      await app.close();
      await store.close();
      await database.drop();
    },
  };
}
