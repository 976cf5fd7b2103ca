/**
 * The advisory database's tables. One SQLite file; `PRAGMA user_version` holds the schema version and
 * `PRAGMA application_id` marks the file as Lucent's, so a stray SQLite file is refused rather than misread.
 * Documented in docs/advisories.md; bump SCHEMA_VERSION on any change (older files are then rebuilt on import).
 */
import type { DatabaseSync } from 'node:sqlite';
import { LucentError } from '../../core/errors.ts';
import { cvssBaseScore, isCvssType } from '../cvss.ts';

/**
 * The schema version written into `PRAGMA user_version`. 2 added the download state of feeds and record sources; 3
 * stores each record's OSV `upstream` ids in `aliases` too, and keeps its `details` and `references` apart from the
 * rest (`records.prose`), which matching parses for every record of every package, and the base score of every CVSS
 * vector the records carry (`cvss_scores`).
 */
export const SCHEMA_VERSION = 3;

/** 'LUCA' as a 32-bit integer: https://www.sqlite.org/pragma.html#pragma_application_id */
export const APPLICATION_ID = 0x4c554341;

const TABLES = `
CREATE TABLE feeds (
  feed TEXT NOT NULL,
  source TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  feed_timestamp TEXT,
  record_count INTEGER NOT NULL,
  etag TEXT,
  last_modified TEXT,
  sha256 TEXT,
  checked_at TEXT,
  PRIMARY KEY (feed, source)
);
CREATE TABLE records (
  id TEXT NOT NULL PRIMARY KEY,
  feed TEXT NOT NULL,
  modified TEXT NOT NULL,
  published TEXT,
  withdrawn TEXT,
  summary TEXT,
  severity TEXT,
  json TEXT NOT NULL,
  prose TEXT
);
CREATE TABLE record_sources (
  source TEXT NOT NULL,
  record_id TEXT NOT NULL,
  PRIMARY KEY (source, record_id)
) WITHOUT ROWID;
CREATE INDEX record_sources_by_record ON record_sources (record_id);
CREATE TABLE aliases (
  record_id TEXT NOT NULL,
  alias TEXT NOT NULL,
  PRIMARY KEY (record_id, alias)
) WITHOUT ROWID;
CREATE INDEX aliases_by_alias ON aliases (alias, record_id);
CREATE TABLE affected (
  ecosystem TEXT NOT NULL,
  name TEXT NOT NULL,
  record_id TEXT NOT NULL,
  PRIMARY KEY (ecosystem, name, record_id)
) WITHOUT ROWID;
CREATE INDEX affected_by_record ON affected (record_id);
CREATE TABLE kev (
  cve_id TEXT NOT NULL PRIMARY KEY,
  date_added TEXT NOT NULL,
  json TEXT NOT NULL
);
CREATE TABLE cvss_scores (
  type TEXT NOT NULL,
  vector TEXT NOT NULL,
  score REAL,
  PRIMARY KEY (type, vector)
) WITHOUT ROWID;
CREATE TABLE epss (
  cve_id TEXT NOT NULL PRIMARY KEY,
  epss REAL NOT NULL,
  percentile REAL NOT NULL
);
`;

/** Creates every table in an empty database and stamps it with the schema version. */
export function createSchema(db: DatabaseSync): void {
  db.exec(TABLES);
  db.exec(`PRAGMA application_id = ${APPLICATION_ID}; PRAGMA user_version = ${SCHEMA_VERSION};`);
}

/**
 * Upgrades schema 1 or 2 in place, so data imported offline survives; returns false for versions it cannot upgrade.
 * 1 → 2 only adds columns and a table (records from schema 1 have no source, so `db update` never removes them);
 * 2 → 3 copies the `upstream` ids of the stored records into `aliases`, moves their `details` and `references`
 * into `prose`, and scores their CVSS vectors, as write.ts now does on import.
 */
export function migrateSchema(db: DatabaseSync): boolean {
  const version = schemaVersionOf(db);
  if (version !== 1 && version !== 2) return false;
  if (version === 1) {
    db.exec(`
ALTER TABLE feeds ADD COLUMN etag TEXT;
ALTER TABLE feeds ADD COLUMN last_modified TEXT;
ALTER TABLE feeds ADD COLUMN sha256 TEXT;
ALTER TABLE feeds ADD COLUMN checked_at TEXT;
CREATE TABLE record_sources (source TEXT NOT NULL, record_id TEXT NOT NULL, PRIMARY KEY (source, record_id)) WITHOUT ROWID;
CREATE INDEX record_sources_by_record ON record_sources (record_id);`);
  }
  db.exec(`
ALTER TABLE records ADD COLUMN prose TEXT;
UPDATE records SET
  prose = json_object('details', json -> '$.details', 'references', json -> '$.references'),
  json = json_remove(json, '$.details', '$.references')
  WHERE json_type(json, '$.details') IS NOT NULL OR json_type(json, '$.references') IS NOT NULL;
INSERT OR IGNORE INTO aliases (record_id, alias)
  SELECT records.id, upstream.value FROM records, json_each(records.json, '$.upstream') AS upstream
  WHERE json_type(records.json, '$.upstream') = 'array' AND upstream.type = 'text' AND upstream.value <> records.id;
CREATE TABLE cvss_scores (type TEXT NOT NULL, vector TEXT NOT NULL, score REAL, PRIMARY KEY (type, vector)) WITHOUT ROWID;
PRAGMA user_version = ${SCHEMA_VERSION};`);
  const vectors = db
    .prepare(
      `SELECT DISTINCT severity.value ->> 'type' AS type, severity.value ->> 'score' AS vector
       FROM records, json_each(records.json, '$.severity') AS severity
       UNION SELECT DISTINCT severity.value ->> 'type', severity.value ->> 'score'
       FROM records, json_each(records.json, '$.affected') AS affected, json_each(affected.value, '$.severity') AS severity`,
    )
    .all() as { type: string; vector: string | null }[];
  const put = db.prepare('INSERT OR IGNORE INTO cvss_scores (type, vector, score) VALUES (?, ?, ?)');
  for (const { type, vector } of vectors) {
    if (isCvssType(type) && typeof vector === 'string') put.run(type, vector, cvssBaseScore(vector, type) ?? null);
  }
  return true;
}

/** What a database file holds: Lucent's current schema, an older or newer one, or something else. */
export type SchemaState = 'current' | 'empty' | 'other-version' | 'foreign';

/** Reads the schema stamp; throws SQLite's own error when the file is not a database at all. */
export function schemaState(db: DatabaseSync): SchemaState {
  const applicationId = pragmaNumber(db, 'application_id');
  const version = pragmaNumber(db, 'user_version');
  if (applicationId === 0 && version === 0) {
    const tables = db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number };
    return tables.n === 0 ? 'empty' : 'foreign';
  }
  if (applicationId !== APPLICATION_ID) return 'foreign';
  return version === SCHEMA_VERSION ? 'current' : 'other-version';
}

/** The schema state of an open file, with SQLite's "not a database" turned into a catalogue error. */
export function readState(db: DatabaseSync, path: string): SchemaState {
  try {
    return schemaState(db);
  } catch (error) {
    db.close();
    throw new LucentError('E_DB_INVALID', `${path} is not a readable SQLite database`, {
      hint: 'delete it (it is rebuilt by `lucent db import PATH…`) or choose another file with --db',
      cause: error,
    });
  }
}

/** The schema version stamped in a file. */
export function schemaVersionOf(db: DatabaseSync): number {
  return pragmaNumber(db, 'user_version');
}

function pragmaNumber(db: DatabaseSync, pragma: 'application_id' | 'user_version'): number {
  const row = db.prepare(`PRAGMA ${pragma}`).get() as Record<string, number> | undefined;
  return Number(row?.[pragma] ?? 0);
}
