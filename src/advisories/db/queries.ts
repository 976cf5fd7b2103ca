/**
 * Reading the advisory database: a read-only handle and the lookups the matcher and `lucent db status` use. Records
 * are returned as stored (validated when imported), withdrawn ones included: the matcher decides to skip them. Only
 * `fullRecordById` adds the `details` and `references` the others leave out (matching reads neither).
 */
import { existsSync, statSync } from 'node:fs';
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { LucentError } from '../../core/errors.ts';
import type { CvssType } from '../cvss.ts';
import type { OsvRecord } from '../osv/schema.ts';
import type { EpssScore, FeedName, KevEntry } from '../records.ts';
import { normalisePackageName } from './package-names.ts';
import { readState, SCHEMA_VERSION, schemaVersionOf } from './schema.ts';
import { openSqlite } from './sqlite.ts';

/** An open, read-only advisory database. */
export interface AdvisoryDb {
  readonly path: string;
  readonly handle: DatabaseSync;
  close(): void;
}

const IMPORT_HINT =
  'run `lucent db update` to download the feeds, or `lucent db import PATH…` with OSV records, folders or all.zip archives';

/** Opens the database at `path` read-only; a missing, foreign or other-version file is a catalogue error. */
export async function openAdvisoryDb(path: string): Promise<AdvisoryDb> {
  if (!existsSync(path)) {
    throw new LucentError('E_DB_MISSING', `no advisory database at ${path}`, { hint: IMPORT_HINT });
  }
  const handle = await openSqlite(path, { readOnly: true });
  const state = readState(handle, path);
  if (state !== 'current') {
    const found = schemaVersionOf(handle);
    handle.close();
    throw new LucentError(
      'E_DB_INVALID',
      state === 'other-version'
        ? `${path} has advisory database schema ${found}; this Lucent reads schema ${SCHEMA_VERSION}`
        : `${path} is not Lucent's advisory database`,
      { hint: `${IMPORT_HINT} (either one upgrades or rebuilds a file of another schema)` },
    );
  }
  return { path, handle, close: () => handle.close() };
}

/**
 * Every record affecting `name` in `ecosystem` (exact OSV ecosystem, e.g. `PyPI`, `Debian:12`), sorted by id. Records
 * are parsed once per open database and shared between calls (see `parsedRecord`): callers must not modify them.
 */
export function recordsFor(db: AdvisoryDb, ecosystem: string, name: string): OsvRecord[] {
  const rows = prepared(
    db,
    `SELECT records.id, records.json FROM affected JOIN records ON records.id = affected.record_id
     WHERE affected.ecosystem = ? AND affected.name = ? ORDER BY records.id`,
  ).all(ecosystem, normalisePackageName(ecosystem, name)) as { id: string; json: string }[];
  return rows.map((row) => parsedRecord(db, row.id, row.json));
}

/**
 * The whole record with this id, as imported: `recordById`'s with its `details` and `references` (kept apart, see
 * write.ts). Not cached: it is for showing one advisory, not for matching.
 */
export function fullRecordById(db: AdvisoryDb, id: string): OsvRecord | undefined {
  const row = prepared(db, 'SELECT json, prose FROM records WHERE id = ?').get(id) as
    | { json: string; prose: string | null }
    | undefined;
  if (!row) return undefined;
  const record = JSON.parse(row.json) as OsvRecord;
  const prose = row.prose ? (JSON.parse(row.prose) as Pick<OsvRecord, 'details' | 'references'>) : {};
  if (prose.details != null) record.details = prose.details;
  if (prose.references != null) record.references = prose.references;
  return record;
}

/**
 * The record with this id, if imported (shared, as for `recordsFor`), without its `details` and `references`: what
 * matching and enrichment read (`fullRecordById` has them).
 */
export function recordById(db: AdvisoryDb, id: string): OsvRecord | undefined {
  const cached = parsedRecords.get(db.handle)?.get(id);
  if (cached) return cached;
  const row = prepared(db, 'SELECT json FROM records WHERE id = ?').get(id) as { json: string } | undefined;
  return row ? parsedRecord(db, id, row.json) : undefined;
}

const statements = new WeakMap<DatabaseSync, Map<string, StatementSync>>();

/** A statement prepared once per handle: a scan makes thousands of lookups, and preparing costs as much as one. */
function prepared(db: AdvisoryDb, sql: string): StatementSync {
  const byText = statements.get(db.handle) ?? new Map<string, StatementSync>();
  statements.set(db.handle, byText);
  const statement = byText.get(sql) ?? db.handle.prepare(sql);
  byText.set(sql, statement);
  return statement;
}

const parsedRecords = new WeakMap<DatabaseSync, Map<string, OsvRecord>>();

/** Parsed records kept per handle; past this many the cache starts over, so a long-lived server stays bounded. */
const MAX_PARSED_RECORDS = 20_000;

/**
 * A record parsed once per handle: matching parses a package's records, and enrichment reads the same records again
 * by id (the evidence) with their aliases' records. The file is read-only while open, so a parsed record stays true.
 */
function parsedRecord(db: AdvisoryDb, id: string, json: string): OsvRecord {
  const byId = parsedRecords.get(db.handle) ?? new Map<string, OsvRecord>();
  parsedRecords.set(db.handle, byId);
  const cached = byId.get(id);
  if (cached) return cached;
  if (byId.size >= MAX_PARSED_RECORDS) byId.clear();
  const record = JSON.parse(json) as OsvRecord;
  byId.set(id, record);
  return record;
}

/** The most ids one alias group may hold; real groups have a handful, this only stops a runaway walk. */
const MAX_ALIAS_GROUP = 500;

/**
 * Every id that names the same vulnerability as `id`, sorted, without `id` itself: the aliases a record lists, the
 * records that list it, and so on transitively (a GHSA aliasing a CVE that a PYSEC record also aliases).
 */
export function aliasesOf(db: AdvisoryDb, id: string): string[] {
  // One recursive query instead of one query per id of the group: UNION keeps each id once, so the walk ends.
  const rows = prepared(
    db,
    `WITH RECURSIVE alias_group(id) AS (
       VALUES (?)
       UNION SELECT aliases.alias FROM aliases JOIN alias_group ON aliases.record_id = alias_group.id
       UNION SELECT aliases.record_id FROM aliases JOIN alias_group ON aliases.alias = alias_group.id
       LIMIT ${MAX_ALIAS_GROUP}
     )
     SELECT id FROM alias_group`,
  ).all(id) as { id: string }[];
  return rows
    .map((row) => row.id)
    .filter((other) => other !== id)
    .sort();
}

/** The ids of the records that list `id` among their aliases, sorted (one step of `aliasesOf`, one way). */
export function recordsAliasing(db: AdvisoryDb, id: string): string[] {
  const rows = prepared(db, 'SELECT record_id FROM aliases WHERE alias = ? ORDER BY record_id').all(id) as {
    record_id: string;
  }[];
  return rows.map((row) => row.record_id);
}

/** The KEV entry for a CVE. */
export function kevFor(db: AdvisoryDb, cveId: string): KevEntry | undefined {
  const row = prepared(db, 'SELECT json FROM kev WHERE cve_id = ?').get(cveId) as { json: string } | undefined;
  return row ? (JSON.parse(row.json) as KevEntry) : undefined;
}

/** The EPSS score for a CVE. */
export function epssFor(db: AdvisoryDb, cveId: string): EpssScore | undefined {
  const row = prepared(db, 'SELECT cve_id, epss, percentile FROM epss WHERE cve_id = ?').get(cveId) as
    | { cve_id: string; epss: number; percentile: number }
    | undefined;
  return row ? { cveId: row.cve_id, epss: row.epss, percentile: row.percentile } : undefined;
}

/**
 * The batch forms of `recordById`, `recordsAliasing`, `kevFor` and `epssFor`, for enrichment: one query each for all
 * of a scan's findings instead of one per finding and id (a 1,000-package scan asked some 6,000 small questions).
 * Every id asked for gets an entry, `undefined` or empty when the database has nothing for it.
 */
export function recordsByIds(db: AdvisoryDb, ids: Iterable<string>): Map<string, OsvRecord | undefined> {
  const found = new Map<string, OsvRecord | undefined>();
  const cached = parsedRecords.get(db.handle);
  const wanted: string[] = [];
  for (const id of new Set(ids)) {
    const record = cached?.get(id);
    found.set(id, record);
    if (!record) wanted.push(id);
  }
  if (wanted.length === 0) return found;
  const rows = prepared(
    db,
    'SELECT records.id, records.json FROM json_each(?) AS wanted JOIN records ON records.id = wanted.value',
  ).all(JSON.stringify(wanted)) as { id: string; json: string }[];
  for (const row of rows) found.set(row.id, parsedRecord(db, row.id, row.json));
  return found;
}

/** `recordsAliasing` for many ids at once. */
export function recordsAliasingMany(db: AdvisoryDb, ids: Iterable<string>): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const id of ids) found.set(id, []);
  if (found.size === 0) return found;
  const rows = prepared(
    db,
    `SELECT aliases.alias, aliases.record_id FROM json_each(?) AS wanted JOIN aliases ON aliases.alias = wanted.value
     ORDER BY aliases.record_id`,
  ).all(JSON.stringify([...found.keys()])) as { alias: string; record_id: string }[];
  for (const row of rows) found.get(row.alias)?.push(row.record_id);
  return found;
}

/**
 * The stored base scores of these CVSS vectors (scored on import, see cvss.ts); a vector the database has not scored
 * is left out, and `cvssBaseScore` computes it when asked.
 */
export function cvssScores(
  db: AdvisoryDb,
  vectors: Iterable<{ type: CvssType; vector: string }>,
): { type: CvssType; vector: string; score: number | undefined }[] {
  const wanted = [...vectors].map(({ type, vector }) => [type, vector]);
  if (wanted.length === 0) return [];
  const rows = prepared(
    db,
    `SELECT cvss_scores.type, cvss_scores.vector, cvss_scores.score FROM json_each(?) AS wanted
     JOIN cvss_scores ON cvss_scores.type = wanted.value ->> 0 AND cvss_scores.vector = wanted.value ->> 1`,
  ).all(JSON.stringify(wanted)) as { type: CvssType; vector: string; score: number | null }[];
  return rows.map((row) => ({ type: row.type, vector: row.vector, score: row.score ?? undefined }));
}

/** `kevFor` for many CVEs at once. */
export function kevForMany(db: AdvisoryDb, cveIds: Iterable<string>): Map<string, KevEntry | undefined> {
  const found = new Map<string, KevEntry | undefined>();
  for (const id of cveIds) found.set(id, undefined);
  if (found.size === 0) return found;
  const rows = prepared(
    db,
    'SELECT kev.cve_id, kev.json FROM json_each(?) AS wanted JOIN kev ON kev.cve_id = wanted.value',
  ).all(JSON.stringify([...found.keys()])) as { cve_id: string; json: string }[];
  for (const row of rows) found.set(row.cve_id, JSON.parse(row.json) as KevEntry);
  return found;
}

/** `epssFor` for many CVEs at once. */
export function epssForMany(db: AdvisoryDb, cveIds: Iterable<string>): Map<string, EpssScore | undefined> {
  const found = new Map<string, EpssScore | undefined>();
  for (const id of cveIds) found.set(id, undefined);
  if (found.size === 0) return found;
  const rows = prepared(
    db,
    'SELECT epss.cve_id, epss.epss, epss.percentile FROM json_each(?) AS wanted JOIN epss ON epss.cve_id = wanted.value',
  ).all(JSON.stringify([...found.keys()])) as { cve_id: string; epss: number; percentile: number }[];
  for (const row of rows) found.set(row.cve_id, { cveId: row.cve_id, epss: row.epss, percentile: row.percentile });
  return found;
}

/** One row of `feeds`: what one import from one source wrote. */
export interface FeedStatus {
  feed: FeedName;
  source: string;
  importedAt: string;
  feedTimestamp: string | null;
  records: number;
  /** The download's validators (`lucent db update`), null for imported files or when the server sent none. */
  etag: string | null;
  lastModified: string | null;
  /** When `lucent db update` last confirmed this source current (downloaded, or answered 304 Not Modified). */
  checkedAt: string | null;
  /** Days since the last check of a downloaded source, else since the feed's timestamp, else since its import. */
  ageDays: number;
}

/** What the database holds. */
export interface DbStatus {
  path: string;
  schemaVersion: number;
  sizeBytes: number;
  feeds: FeedStatus[];
  counts: { records: number; withdrawn: number; aliases: number; kev: number; epss: number };
  /** Records per OSV ecosystem (a record affecting two ecosystems counts in both). */
  ecosystems: { ecosystem: string; records: number }[];
}

const DAY_MS = 86_400_000;

/** Summarises the database: feeds with their ages at `now`, and counts. */
export function status(db: AdvisoryDb, now: Date = new Date()): DbStatus {
  const count = (sql: string) => Number((db.handle.prepare(sql).get() as { n: number }).n);
  const feeds = db.handle
    .prepare(
      `SELECT feed, source, imported_at, feed_timestamp, record_count, etag, last_modified, checked_at
       FROM feeds ORDER BY feed, source`,
    )
    .all() as {
    feed: FeedName;
    source: string;
    imported_at: string;
    feed_timestamp: string | null;
    record_count: number;
    etag: string | null;
    last_modified: string | null;
    checked_at: string | null;
  }[];
  const ecosystems = db.handle
    .prepare(
      'SELECT ecosystem, count(DISTINCT record_id) AS records FROM affected GROUP BY ecosystem ORDER BY ecosystem',
    )
    .all() as { ecosystem: string; records: number }[];
  return {
    path: db.path,
    schemaVersion: schemaVersionOf(db.handle),
    sizeBytes: statSync(db.path).size,
    feeds: feeds.map((row) => ({
      feed: row.feed,
      source: row.source,
      importedAt: row.imported_at,
      feedTimestamp: row.feed_timestamp,
      records: row.record_count,
      etag: row.etag,
      lastModified: row.last_modified,
      checkedAt: row.checked_at,
      // A downloaded source is as fresh as its last check: an old Alpine branch never changes, yet is up to date.
      ageDays: ageInDays(row.checked_at ?? row.feed_timestamp ?? row.imported_at, now),
    })),
    counts: {
      records: count('SELECT count(*) AS n FROM records'),
      withdrawn: count('SELECT count(*) AS n FROM records WHERE withdrawn IS NOT NULL'),
      aliases: count('SELECT count(*) AS n FROM aliases'),
      kev: count('SELECT count(*) AS n FROM kev'),
      epss: count('SELECT count(*) AS n FROM epss'),
    },
    ecosystems: ecosystems.map((row) => ({ ecosystem: row.ecosystem, records: Number(row.records) })),
  };
}

function ageInDays(timestamp: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(timestamp)) / DAY_MS));
}

/**
 * The database as the matcher's advisory lookup. `prefetch` reads the records of every package in one query (a
 * 1,000-package scan spent more time in a thousand separate queries than in the rows), and `recordsFor` then
 * answers from that; a package it was not told about is still looked up on its own.
 */
export function advisoryLookup(db: AdvisoryDb): {
  recordsFor(ecosystem: string, name: string): OsvRecord[];
  prefetch(packages: readonly { ecosystem: string; name: string }[]): void;
} {
  let prefetched = new Map<string, OsvRecord[]>();
  return {
    prefetch: (packages) => {
      prefetched = recordsForMany(db, packages);
    },
    recordsFor: (ecosystem, name) =>
      prefetched.get(packageKey(ecosystem, normalisePackageName(ecosystem, name))) ?? recordsFor(db, ecosystem, name),
  };
}

/** The records of many packages, by `packageKey`; every package asked for has an entry, empty when none affect it. */
export function recordsForMany(
  db: AdvisoryDb,
  packages: readonly { ecosystem: string; name: string }[],
): Map<string, OsvRecord[]> {
  const byKey = new Map<string, OsvRecord[]>();
  const keys: [string, string][] = [];
  for (const { ecosystem, name } of packages) {
    const normalised = normalisePackageName(ecosystem, name);
    const key = packageKey(ecosystem, normalised);
    if (byKey.has(key)) continue;
    byKey.set(key, []);
    keys.push([ecosystem, normalised]);
  }
  if (keys.length === 0) return byKey;
  // No ORDER BY: SQLite would sort the rows with their JSON in a temporary B-tree, a third of the query's time; each
  // package's few records are sorted by id here instead, as recordsFor returns them.
  const rows = prepared(
    db,
    `SELECT affected.ecosystem, affected.name, records.id, records.json
     FROM json_each(?) AS wanted
     JOIN affected ON affected.ecosystem = wanted.value ->> 0 AND affected.name = wanted.value ->> 1
     JOIN records ON records.id = affected.record_id`,
  ).all(JSON.stringify(keys)) as { ecosystem: string; name: string; id: string; json: string }[];
  for (const row of rows) byKey.get(packageKey(row.ecosystem, row.name))?.push(parsedRecord(db, row.id, row.json));
  for (const records of byKey.values()) if (records.length > 1) records.sort(byId);
  return byKey;
}

function byId(a: OsvRecord, b: OsvRecord): number {
  // Code-point order, as SQLite's ORDER BY on a TEXT column (BINARY collation) gives.
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function packageKey(ecosystem: string, normalisedName: string): string {
  return `${ecosystem}\u0000${normalisedName}`;
}
