import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../open-store.ts';

const stores: Store[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function fileStore(): Promise<{ store: Store; path: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'lucent-store-'));
  dirs.push(dir);
  const path = join(dir, 'server.db');
  const store = await openStore(`sqlite:${path}`);
  stores.push(store);
  return { store, path };
}

function setting(key: string, value: string) {
  return { key, value, updated_at: '2025-01-01T00:00:00.000Z' };
}

describe('node:sqlite dialect', () => {
  it('opens in WAL mode with foreign keys and a busy timeout', async () => {
    const { store } = await fileStore();
    const pragma = async (name: string) =>
      Object.values((await sql<Record<string, unknown>>`pragma ${sql.raw(name)}`.execute(store.db)).rows[0] ?? {})[0];
    expect(await pragma('journal_mode')).toBe('wal');
    expect(await pragma('foreign_keys')).toBe(1);
    expect(await pragma('busy_timeout')).toBe(10000);
  });

  it('serialises concurrent transactions on its one connection', async () => {
    const { store } = await fileStore();
    const order: string[] = [];
    const run = (name: string) =>
      store.db.transaction().execute(async (trx) => {
        order.push(`${name}:begin`);
        await trx.insertInto('settings').values(setting(name, '1')).execute();
        await new Promise((resolve) => setTimeout(resolve, 20));
        order.push(`${name}:end`);
      });
    // A plain query issued meanwhile waits for the transaction holding the connection.
    await Promise.all([run('a'), run('b'), store.db.selectFrom('settings').selectAll().execute(), run('c')]);
    expect(order).toEqual(['a:begin', 'a:end', 'b:begin', 'b:end', 'c:begin', 'c:end']);
    const rows = await store.db.selectFrom('settings').select('key').orderBy('key').execute();
    expect(rows.map((row) => row.key)).toEqual(['a', 'b', 'c']);
  });

  it('rolls a failed transaction back whole', async () => {
    const { store } = await fileStore();
    await expect(
      store.db.transaction().execute(async (trx) => {
        await trx.insertInto('settings').values(setting('x', '1')).execute();
        throw new Error('injected');
      }),
    ).rejects.toThrow('injected');
    expect(await store.db.selectFrom('settings').selectAll().execute()).toEqual([]);
    // The connection is usable afterwards.
    await store.db.insertInto('settings').values(setting('y', '1')).execute();
    expect((await store.db.selectFrom('settings').select('key').execute()).map((row) => row.key)).toEqual(['y']);
  });

  it('waits for another process holding the write lock, then commits', async () => {
    const { store, path } = await fileStore();
    // Another process takes the write lock and holds it for 300 ms (a second handle in this thread would block it).
    const holder = spawn(process.execPath, [
      '-e',
      `const { DatabaseSync } = require('node:sqlite');
       const db = new DatabaseSync(${JSON.stringify(path)});
       db.exec("begin immediate; insert into settings values ('other', '1', 't')");
       console.log('locked');
       Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
       db.exec('commit');`,
    ]);
    await once(holder.stdout, 'data');
    const started = Date.now();
    await store.db.transaction().execute(async (trx) => {
      const seen = await trx.selectFrom('settings').select('key').execute();
      await trx
        .insertInto('settings')
        .values(setting('mine', String(seen.length)))
        .execute();
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
    await once(holder, 'exit');
    const rows = await store.db.selectFrom('settings').select(['key', 'value']).orderBy('key').execute();
    // BEGIN IMMEDIATE waited for the other commit, so this transaction saw its row.
    expect(rows.map((row) => [row.key, row.value])).toEqual([
      ['mine', '1'],
      ['other', '1'],
    ]);
  });

  it('binds booleans as 0/1 and returns insert ids', async () => {
    const store = await openStore('sqlite::memory:');
    stores.push(store);
    const result = await store.db
      .insertInto('audit_log')
      .values({ time: 't', actor: 'a', action: 'x', target: '{}', status: 200, address: '::1' })
      .executeTakeFirst();
    expect(result.insertId).toBe(1n);
    const row = await sql<{ v: number }>`select ${true} as v`.execute(store.db);
    expect(row.rows[0]?.v).toBe(1);
  });

  it('migrates once: reopening an existing file keeps its data', async () => {
    const { store, path } = await fileStore();
    await store.db.insertInto('settings').values(setting('kept', 'yes')).execute();
    const again = await openStore(`sqlite:${path}`);
    stores.push(again);
    expect(await again.db.selectFrom('settings').select('value').where('key', '=', 'kept').executeTakeFirst()).toEqual({
      value: 'yes',
    });
  });
});
