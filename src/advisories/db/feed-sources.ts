/**
 * The download state of each feed source (`lucent db update`): the HTTP validators it was last fetched with, and
 * replacing one source's data. A source is what `feeds.source` names: a URL for downloaded feeds, a path for imports.
 * The caller owns the transaction (build.ts).
 */
import type { DatabaseSync } from 'node:sqlite';
import type { FeedName } from '../records.ts';

/** What the last successful download of a source returned: its validators and content hash. */
export interface SourceState {
  feed: FeedName;
  source: string;
  etag: string | null;
  lastModified: string | null;
  sha256: string | null;
}

/** Every source's state, by source. */
export function readSourceStates(db: DatabaseSync): Map<string, SourceState> {
  const rows = db.prepare('SELECT feed, source, etag, last_modified, sha256 FROM feeds').all() as {
    feed: FeedName;
    source: string;
    etag: string | null;
    last_modified: string | null;
    sha256: string | null;
  }[];
  return new Map(
    rows.map((row) => [
      row.source,
      { feed: row.feed, source: row.source, etag: row.etag, lastModified: row.last_modified, sha256: row.sha256 },
    ]),
  );
}

/**
 * Removes what `source` contributed to `feed`: its records that no other source also holds (with their aliases and
 * affected rows), and its `feeds` row. KEV and EPSS are one list each, so their whole table goes.
 */
export function dropSource(db: DatabaseSync, feed: FeedName, source: string): void {
  if (feed === 'kev' || feed === 'epss') db.exec(`DELETE FROM ${feed}`);
  const onlyHere = `SELECT s.record_id FROM record_sources s WHERE s.source = ?
    AND NOT EXISTS (SELECT 1 FROM record_sources o WHERE o.record_id = s.record_id AND o.source <> s.source)`;
  db.prepare(`DELETE FROM aliases WHERE record_id IN (${onlyHere})`).run(source);
  db.prepare(`DELETE FROM affected WHERE record_id IN (${onlyHere})`).run(source);
  db.prepare(`DELETE FROM records WHERE id IN (${onlyHere})`).run(source);
  db.prepare('DELETE FROM record_sources WHERE source = ?').run(source);
  db.prepare('DELETE FROM feeds WHERE feed = ? AND source = ?').run(feed, source);
}

/** Stores the validators of a source just downloaded, and when; false when the database has no such source. */
export function recordDownload(db: DatabaseSync, state: SourceState, checkedAt: Date): boolean {
  const { changes } = db
    .prepare('UPDATE feeds SET etag = ?, last_modified = ?, sha256 = ?, checked_at = ? WHERE feed = ? AND source = ?')
    .run(state.etag, state.lastModified, state.sha256, checkedAt.toISOString(), state.feed, state.source);
  return Number(changes) > 0;
}

/** Notes that a source was checked and had not changed; false when the database has no such source. */
export function recordCheck(db: DatabaseSync, source: string, checkedAt: Date): boolean {
  const { changes } = db
    .prepare('UPDATE feeds SET checked_at = ? WHERE source = ?')
    .run(checkedAt.toISOString(), source);
  return Number(changes) > 0;
}
