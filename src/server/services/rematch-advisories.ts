/**
 * The advisory database re-matching reads: opened per job (read-only, so concurrent jobs and a `lucent db update`
 * replacing the file never disturb each other; a fresh handle also drops the per-handle parsed-record cache, which an
 * in-place `lucent db import` would make stale), and its version: a fingerprint of what each feed import wrote.
 */
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { type AdvisoryDb, type DbStatus, openAdvisoryDb, status } from '../../advisories/db/queries.ts';
import { LucentError } from '../../core/errors.ts';

/** Where re-matching finds advisories. */
export interface AdvisorySource {
  readonly path: string;
  /** Opens the database for one job (the caller closes it); a missing or unreadable one is a catalogue error. */
  open(): Promise<AdvisoryDb>;
  /** The database's version, or undefined when there is no (readable) database. */
  version(): Promise<string | undefined>;
  /** The database's feeds, counts and ages, or undefined when there is none. */
  status(now: Date): Promise<(DbStatus & { version: string }) | undefined>;
  /** Size, modification time and inode: a cheap "did the file change" check. */
  fileStamp(): string | undefined;
}

/** The advisory database at `path`. */
export function advisorySource(path: string): AdvisorySource {
  return {
    path,
    open: () => openAdvisoryDb(path),
    async version() {
      const db = await openIfPresent(path);
      if (!db) return undefined;
      try {
        return versionOf(db);
      } finally {
        db.close();
      }
    },
    async status(now) {
      const db = await openIfPresent(path);
      if (!db) return undefined;
      try {
        return { ...status(db, now), version: versionOf(db) };
      } finally {
        db.close();
      }
    },
    fileStamp() {
      if (!existsSync(path)) return undefined;
      const stat = statSync(path);
      return `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
    },
  };
}

/**
 * The version of the data: a hash of every feed import (feed, source, import time, record count, content hash) and
 * the record count. A `db update` that found nothing new only sets check times, which are left out, so it keeps the
 * version; any import or changed download moves it.
 */
export function versionOf(db: AdvisoryDb): string {
  const feeds = db.handle
    .prepare(`SELECT feed, source, imported_at, feed_timestamp, record_count, sha256 FROM feeds ORDER BY feed, source`)
    .all();
  const records = db.handle.prepare('SELECT count(*) AS n FROM records').get();
  const hash = createHash('sha256').update(JSON.stringify({ feeds, records })).digest('hex');
  return `sha256:${hash.slice(0, 32)}`;
}

async function openIfPresent(path: string): Promise<AdvisoryDb | undefined> {
  try {
    return await openAdvisoryDb(path);
  } catch (error) {
    if (error instanceof LucentError && (error.code === 'E_DB_MISSING' || error.code === 'E_DB_INVALID')) {
      return undefined;
    }
    throw error;
  }
}
