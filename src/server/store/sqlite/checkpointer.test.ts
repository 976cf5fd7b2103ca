/** The background checkpointer: committed WAL frames reach the database file without a commit or a close doing it. */
import { statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../open-store.ts';

describe('background checkpoints', () => {
  let dir: string | undefined;
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('copies a large commit into the database file in the background, and closes cleanly', async () => {
    dir = await mkdtemp(join(tmpdir(), 'lucent-checkpoint-'));
    const path = join(dir, 'server.db');
    store = await openStore(`sqlite:${path}`, { backgroundCheckpoints: true });
    const threshold = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(store.db);
    expect(threshold.rows[0]?.wal_autocheckpoint).toBe(50_000);
    await new Promise((resolve) => setTimeout(resolve, 700));
    const before = statSync(path).size;
    // About 4 MB in one commit: 1,000 pages, past SQLite's default threshold but far below the raised one.
    const value = 'x'.repeat(4000);
    await store.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 1000; i++) {
        await trx
          .insertInto('settings')
          .values({ key: `k${i}`, value, updated_at: '2025-01-01T00:00:00.000Z' })
          .execute();
      }
    });
    const grown = await waitFor(() => statSync(path).size > before + 3_000_000, 5000);
    expect(grown).toBe(true);
    await store.close();
    store = undefined;
    // The last connection removed the WAL on close.
    expect(() => statSync(`${path}-wal`)).toThrow();
  });
});

async function waitFor(check: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}
