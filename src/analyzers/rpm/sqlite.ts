/**
 * rpm's SQLite database, `rpmdb.sqlite` (rpm ≥ 4.16): table `Packages(hnum, blob)` holds the header blobs. Read in
 * memory with Node's built-in `node:sqlite` (no native add-on, nothing written to disk), loaded only when an
 * SQLite database is met: on Node 22 loading it prints an experimental-feature warning.
 */
import type * as NodeSqlite from 'node:sqlite';
import type { RpmBlobs } from './bdb.ts';

const SQLITE_MAGIC = 'SQLite format 3\0';

/** True when the bytes start with the SQLite file header. */
export function isSqlite(bytes: Uint8Array): boolean {
  return (
    Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(16, bytes.byteLength)).toString('latin1') === SQLITE_MAGIC
  );
}

/** The header blob of every row of the Packages table. */
export function readSqliteBlobs(bytes: Uint8Array): RpmBlobs {
  if (!isSqlite(bytes)) throw new Error('not an SQLite database');
  const { DatabaseSync } = process.getBuiltinModule('node:sqlite') as typeof NodeSqlite;
  const db = new DatabaseSync(':memory:');
  if (typeof db.deserialize !== 'function') throw new Error('reading rpm SQLite databases needs Node.js 24 or later');
  // rpm keeps its database in WAL mode (file format versions 2 at bytes 18-19), which an in-memory database cannot
  // open; 1 is the rollback-journal mode with the same page format (https://www.sqlite.org/fileformat.html §1.3.3).
  // A copy is changed, never the caller's bytes. Rows still only in a -wal file are not seen (rpm checkpoints on close).
  const copy = new Uint8Array(bytes);
  if (copy[18] === 2) copy[18] = 1;
  if (copy[19] === 2) copy[19] = 1;
  try {
    db.deserialize(copy);
    const rows = db.prepare('SELECT blob FROM Packages ORDER BY hnum').all() as { blob: unknown }[];
    const blobs: Uint8Array[] = [];
    const problems: string[] = [];
    for (const row of rows) {
      if (row.blob instanceof Uint8Array) blobs.push(row.blob);
      else problems.push(`a Packages row holds ${typeof row.blob}, not a header blob`);
    }
    return { blobs, problems };
  } finally {
    db.close();
  }
}
