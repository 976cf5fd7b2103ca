/**
 * Databases for queue tests: a fresh one per engine (server-harness.ts), whose removal on PostgreSQL also drops the
 * schema pg-boss created beside the store's; and advisory databases built with the real `lucent db import`.
 */
import { randomUUID } from 'node:crypto';
import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import pg from 'pg';
import { runCli } from './cli.ts';
import { DEBIAN_TRACKER_FIXTURES } from './large-resource.ts';
import { type Engine, freshDatabase, POSTGRES_URL } from './server-harness.ts';

/** A fresh database for `engine`, and how to remove it with the queue's schema. */
export async function freshQueueDatabase(engine: Engine): Promise<{ url: string; drop: () => Promise<void> }> {
  const database = await freshDatabase(engine);
  if (engine === 'sqlite') return database;
  const schema = new URL(database.url).searchParams.get('schema') ?? '';
  return {
    url: database.url,
    async drop() {
      await database.drop();
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      try {
        await client.query(`drop schema if exists "${schema}_pgboss" cascade`);
      } finally {
        await client.end();
      }
    },
  };
}

/** The advisory the re-match tests add: DSA-4808-1 (apt, CVE-2020-27350, fixed in buster by 1.8.2.2). */
export const EXTRA_ADVISORY = 'DSA-4808-1';

/**
 * Advisory databases from the real DSA and DLA lists: `base` lacks DSA-4808-1, and `extra` is a file holding only
 * that entry (its three lines, as the list has them), to import later with `lucent db import`.
 */
export async function debianAdvisories(): Promise<{ dir: string; base: string; extra: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'lucent-advisories-'));
  const dsa = gunzipSync(await readFile(join(DEBIAN_TRACKER_FIXTURES, 'DSA-list.txt.gz'))).toString('utf8');
  const dla = gunzipSync(await readFile(join(DEBIAN_TRACKER_FIXTURES, 'DLA-list.txt.gz'))).toString('utf8');
  const kept: string[] = [];
  const extra: string[] = [];
  let inExtra = false;
  for (const line of dsa.split('\n')) {
    if (line.startsWith('[')) inExtra = line.includes(` ${EXTRA_ADVISORY} `);
    (inExtra ? extra : kept).push(line);
  }
  if (extra.length !== 3) throw new Error(`expected the 3 lines of ${EXTRA_ADVISORY}, found ${extra.length}`);
  await writeFile(join(dir, 'DSA-list.txt'), kept.join('\n'));
  await writeFile(join(dir, 'DLA-list.txt'), dla);
  await writeFile(join(dir, `${EXTRA_ADVISORY}.txt`), `${extra.join('\n')}\n`);
  const base = join(dir, 'base.db');
  const imported = await runCli(['db', 'import', join(dir, 'DSA-list.txt'), join(dir, 'DLA-list.txt'), '--db', base]);
  if (imported.code !== 0) throw new Error(`db import failed: ${imported.stderr}`);
  return { dir, base, extra: join(dir, `${EXTRA_ADVISORY}.txt`) };
}

/** A private copy of an advisory database, beside it (so removing its folder removes the copy too). */
export async function copyOf(path: string, name: string): Promise<string> {
  const target = join(dirname(path), `${randomUUID()}-${name}`);
  await copyFile(path, target);
  return target;
}
