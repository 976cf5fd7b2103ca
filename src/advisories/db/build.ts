/**
 * Writing the advisory database without ever showing readers a half-written file: the new version is built in a
 * temp file beside the target (same file system, so the rename is atomic), inside one transaction, flushed to disk,
 * then renamed over the target. An import into an existing database starts from a copy of it, so imports add up;
 * a failure anywhere removes the temp file and leaves the target as it was.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { DatabaseSync } from 'node:sqlite';
import { LucentError } from '../../core/errors.ts';
import { createSchema, migrateSchema, readState } from './schema.ts';
import { openSqlite } from './sqlite.ts';

/**
 * How the new version started: from a copy of the current file, from a copy upgraded from schema 1, from nothing, or
 * afresh over a schema it cannot upgrade.
 */
export type BuildStart = 'copy' | 'migrated' | 'new' | 'replaced-old-schema';

/** Builds the next version of the database at `dbPath` with `fill`, and swaps it in. */
export async function rebuildDatabase<T>(
  dbPath: string,
  fill: (db: DatabaseSync) => Promise<T> | T,
): Promise<{ result: T; start: BuildStart }> {
  await mkdir(dirname(dbPath), { recursive: true });
  const tempPath = join(dirname(dbPath), `.${basename(dbPath)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let db: DatabaseSync | undefined;
  try {
    const opened = await openStartingPoint(dbPath, tempPath);
    db = opened.db;
    // The temp file is thrown away on failure, so its journal need not survive a crash; durability comes from the
    // fsync before the rename.
    db.exec('PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF;');
    db.exec('BEGIN');
    const result = await fill(db);
    db.exec('COMMIT');
    db.close();
    db = undefined;
    await flushToDisk(tempPath);
    await rename(tempPath, dbPath);
    return { result, start: opened.start };
  } catch (error) {
    if (db?.isOpen) {
      if (db.isTransaction) db.exec('ROLLBACK');
      db.close();
    }
    await rm(tempPath, { force: true });
    throw error;
  }
}

async function openStartingPoint(dbPath: string, tempPath: string): Promise<{ db: DatabaseSync; start: BuildStart }> {
  if (existsSync(dbPath)) {
    await copyFile(dbPath, tempPath);
    const db = await openSqlite(tempPath, { readOnly: false });
    const state = readState(db, dbPath);
    if (state === 'current') return { db, start: 'copy' };
    if (state === 'other-version' && migrateSchema(db)) return { db, start: 'migrated' };
    db.close();
    await rm(tempPath, { force: true });
    if (state === 'foreign') throw notOurs(dbPath);
    // An older (or newer) Lucent schema: the data is rebuildable from the feeds, so start over.
    const fresh = await openSqlite(tempPath, { readOnly: false });
    createSchema(fresh);
    return { db: fresh, start: 'replaced-old-schema' };
  }
  const db = await openSqlite(tempPath, { readOnly: false });
  createSchema(db);
  return { db, start: 'new' };
}

function notOurs(path: string): LucentError {
  return new LucentError('E_DB_INVALID', `${path} is an SQLite database, but not Lucent's advisory database`, {
    hint: 'choose another file with --db or $LUCENT_DB; Lucent does not overwrite it',
  });
}

async function flushToDisk(path: string): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
