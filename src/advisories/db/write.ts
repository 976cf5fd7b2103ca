/**
 * Writes importer batches into an open advisory database. The caller owns the transaction (see build.ts); this file
 * only knows the tables. Records are upserted by id, keeping the newer `modified` when the same record arrives twice.
 */
import type { DatabaseSync } from 'node:sqlite';
import { cvssBaseScore, isCvssType } from '../cvss.ts';
import type { OsvRecord } from '../osv/schema.ts';
import type { FeedBatch, FeedName } from '../records.ts';
import { normalisePackageName } from './package-names.ts';

/** What one (feed, source) pair contributed to an import. */
export interface FeedImportSummary {
  feed: FeedName;
  /** The path the user named (a file, folder or zip). */
  source: string;
  /** Records, KEV entries and EPSS scores written. */
  count: number;
  /** The feed's own timestamp, else the newest `modified` of its records; undefined when neither is known. */
  feedTimestamp: string | undefined;
}

/** Writes batches, then the `feeds` rows that describe them. */
export interface BatchWriter {
  write(batch: FeedBatch, source: string): void;
  /** Writes one `feeds` row per (feed, source) written to, and returns them. */
  finish(importedAt: Date): FeedImportSummary[];
}

/** A writer over `db`; its statements are prepared once. */
export function createBatchWriter(db: DatabaseSync): BatchWriter {
  const statements = {
    modifiedOf: db.prepare('SELECT modified FROM records WHERE id = ?'),
    putRecord: db.prepare(
      `INSERT OR REPLACE INTO records (id, feed, modified, published, withdrawn, summary, severity, json, prose)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    dropAliases: db.prepare('DELETE FROM aliases WHERE record_id = ?'),
    putAlias: db.prepare('INSERT OR IGNORE INTO aliases (record_id, alias) VALUES (?, ?)'),
    dropAffected: db.prepare('DELETE FROM affected WHERE record_id = ?'),
    hasScore: db.prepare('SELECT 1 FROM cvss_scores WHERE type = ? AND vector = ?'),
    putScore: db.prepare('INSERT OR IGNORE INTO cvss_scores (type, vector, score) VALUES (?, ?, ?)'),
    putAffected: db.prepare('INSERT OR IGNORE INTO affected (ecosystem, name, record_id) VALUES (?, ?, ?)'),
    putSource: db.prepare('INSERT OR IGNORE INTO record_sources (source, record_id) VALUES (?, ?)'),
    putKev: db.prepare('INSERT OR REPLACE INTO kev (cve_id, date_added, json) VALUES (?, ?, ?)'),
    putEpss: db.prepare('INSERT OR REPLACE INTO epss (cve_id, epss, percentile) VALUES (?, ?, ?)'),
    putFeed: db.prepare(
      `INSERT OR REPLACE INTO feeds (feed, source, imported_at, feed_timestamp, record_count) VALUES (?, ?, ?, ?, ?)`,
    ),
  };
  const summaries = new Map<string, FeedImportSummary>();
  const scored = new Set<string>();

  /** Stores the base score of each CVSS vector once, so a scan reads it instead of computing it (cvss.ts). */
  function putScores(severities: readonly { type: string; score: string }[] | null | undefined): void {
    for (const { type, score: vector } of severities ?? []) {
      if (!isCvssType(type) || scored.has(`${type} ${vector}`)) continue;
      scored.add(`${type} ${vector}`);
      if (statements.hasScore.get(type, vector)) continue;
      statements.putScore.run(type, vector, cvssBaseScore(vector, type) ?? null);
    }
  }

  function putRecord(feed: FeedName, record: OsvRecord): void {
    const existing = statements.modifiedOf.get(record.id) as { modified: string } | undefined;
    // An older copy of a record (an earlier snapshot imported after a newer one) never replaces the newer.
    if (existing && timeOf(existing.modified) > timeOf(record.modified)) return;
    // The long text (details, references; half of OSV's bytes) goes apart: matching parses `json` for every record of
    // every package, and reads neither. `fullRecordById` (queries.ts) puts the record back together.
    const { details, references, ...matched } = record;
    const prose = details !== undefined || references !== undefined ? JSON.stringify({ details, references }) : null;
    statements.putRecord.run(
      record.id,
      feed,
      record.modified,
      record.published ?? null,
      record.withdrawn ?? null,
      record.summary ?? null,
      record.severity && record.severity.length > 0 ? JSON.stringify(record.severity) : null,
      JSON.stringify(matched),
      prose,
    );
    statements.dropAliases.run(record.id);
    // `upstream` ids (OSV 1.6) are stored with the aliases: a distro advisory and the CVE it names upstream are one
    // vulnerability, so the alias walk and enrichment's related records reach one from the other.
    for (const alias of [...(record.aliases ?? []), ...(record.upstream ?? [])]) {
      if (alias !== record.id) statements.putAlias.run(record.id, alias);
    }
    statements.dropAffected.run(record.id);
    putScores(record.severity);
    for (const affected of record.affected ?? []) {
      putScores(affected.severity);
      if (!affected.package) continue; // git-only ranges have no package to look up
      const { ecosystem, name } = affected.package;
      statements.putAffected.run(ecosystem, normalisePackageName(ecosystem, name), record.id);
    }
  }

  return {
    write(batch, source) {
      let count = 0;
      let newest = batch.feedTimestamp ? timeOf(batch.feedTimestamp) : Number.NaN;
      for (const record of batch.records ?? []) {
        // Linked even when an older copy is skipped below: the source still holds the record (feed-sources.ts).
        statements.putSource.run(source, record.id);
        putRecord(batch.feed, record);
        count += 1;
        if (!batch.feedTimestamp) newest = Math.max(Number.isNaN(newest) ? 0 : newest, timeOf(record.modified));
      }
      for (const entry of batch.kev ?? []) {
        statements.putKev.run(entry.cveId, entry.dateAdded, JSON.stringify(entry));
        count += 1;
      }
      for (const score of batch.epss ?? []) {
        statements.putEpss.run(score.cveId, score.epss, score.percentile);
        count += 1;
      }
      const key = `${batch.feed}\0${source}`;
      const summary = summaries.get(key) ?? { feed: batch.feed, source, count: 0, feedTimestamp: undefined };
      summary.count += count;
      summary.feedTimestamp = newerTimestamp(summary.feedTimestamp, newest);
      summaries.set(key, summary);
    },
    finish(importedAt) {
      for (const summary of summaries.values()) {
        statements.putFeed.run(
          summary.feed,
          summary.source,
          importedAt.toISOString(),
          summary.feedTimestamp ?? null,
          summary.count,
        );
      }
      return [...summaries.values()];
    },
  };
}

/** Milliseconds since the epoch; timestamps before 1970 (Go's `0001-01-01` placeholder) or unparsable count as 0. */
function timeOf(timestamp: string): number {
  const time = Date.parse(timestamp);
  return Number.isNaN(time) || time < 0 ? 0 : time;
}

function newerTimestamp(current: string | undefined, candidate: number): string | undefined {
  if (Number.isNaN(candidate) || candidate <= 0) return current;
  if (current !== undefined && timeOf(current) >= candidate) return current;
  return new Date(candidate).toISOString();
}
