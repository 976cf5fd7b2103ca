import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { osvImporter } from '../importers/osv/index.ts';
import type { FeedBatch } from '../records.ts';
import { rebuildDatabase } from './build.ts';
import {
  advisoryLookup,
  aliasesOf,
  epssFor,
  epssForMany,
  fullRecordById,
  kevFor,
  kevForMany,
  openAdvisoryDb,
  recordById,
  recordsAliasingMany,
  recordsByIds,
  recordsFor,
  recordsForMany,
  status,
} from './queries.ts';
import { SCHEMA_VERSION } from './schema.ts';
import { isSqliteWarning } from './sqlite.ts';
import { createBatchWriter } from './write.ts';

const fixtures = fileURLToPath(new URL('../importers/osv/__fixtures__/', import.meta.url));
const IMPORTED_AT = new Date('2024-10-01T00:00:00Z');

function fixtureBatch(...names: string[]): FeedBatch {
  const records = names.flatMap((name) => osvImporter.parse(name, readFileSync(join(fixtures, name))).records ?? []);
  return { feed: 'osv', records, problems: [] };
}

const ENRICHMENT: FeedBatch[] = [
  {
    feed: 'kev',
    kev: [{ cveId: 'CVE-2021-22570', dateAdded: '2024-01-02', vendorProject: 'Google', product: 'Protobuf' }],
    feedTimestamp: '2024-09-30T12:00:00Z',
    problems: [],
  },
  { feed: 'epss', epss: [{ cveId: 'CVE-2021-22570', epss: 0.00123, percentile: 0.456 }], problems: [] },
];

async function build(dbPath: string, batches: { batch: FeedBatch; source: string }[], now = IMPORTED_AT) {
  return rebuildDatabase(dbPath, (db) => {
    const writer = createBatchWriter(db);
    for (const { batch, source } of batches) writer.write(batch, source);
    return writer.finish(now);
  });
}

describe('advisory database', () => {
  let dbPath: string;

  beforeAll(async () => {
    dbPath = join(await mkdtemp(join(tmpdir(), 'lucent-db-')), 'nested', 'advisories.db');
    const { result, start } = await build(dbPath, [
      {
        batch: fixtureBatch(
          'GO-2020-0001.json',
          'GO-2024-3078.json',
          'GO-2024-2730.json',
          'PYSEC-2024-72.json',
          'PYSEC-2020-341.json',
          'PYSEC-2022-48.json',
        ),
        source: '/feeds/a',
      },
      { batch: fixtureBatch('GHSA-77rm-9x9h-xj3g.json', 'RUSTSEC-2020-0053.json'), source: '/feeds/b' },
      { batch: ENRICHMENT[0] as FeedBatch, source: '/feeds/kev.json' },
      { batch: ENRICHMENT[1] as FeedBatch, source: '/feeds/epss.csv' },
    ]);
    expect(start).toBe('new');
    expect(result.map((feed) => [feed.feed, feed.source, feed.count, feed.feedTimestamp])).toEqual([
      // Go's records carry the 0001-01-01 placeholder, so PYSEC-2024-72's date is the newest.
      ['osv', '/feeds/a', 6, '2024-09-18T07:04:07.042Z'],
      ['osv', '/feeds/b', 2, '2024-07-15T22:00:20.041Z'],
      ['kev', '/feeds/kev.json', 1, '2024-09-30T12:00:00.000Z'],
      ['epss', '/feeds/epss.csv', 1, undefined],
    ]);
  });

  it('finds records by ecosystem and normalised name', async () => {
    const db = await openAdvisoryDb(dbPath);
    try {
      expect(recordsFor(db, 'Go', 'github.com/gin-gonic/gin').map((record) => record.id)).toEqual(['GO-2020-0001']);
      // PEP 503: the record says `jw.util`, a lock file may say `JW_Util`.
      expect(recordsFor(db, 'PyPI', 'JW_Util').map((record) => record.id)).toEqual(['PYSEC-2020-341']);
      expect(recordsFor(db, 'PyPI', 'protobuf').map((record) => record.id)).toEqual([
        'GHSA-77rm-9x9h-xj3g',
        'PYSEC-2022-48',
      ]);
      expect(recordsFor(db, 'NuGet', 'google.protobuf').map((record) => record.id)).toEqual(['GHSA-77rm-9x9h-xj3g']);
      expect(recordsFor(db, 'Maven', 'com.google.protobuf:protobuf-java')).toHaveLength(1);
      expect(recordsFor(db, 'Go', 'github.com/Gin-Gonic/gin')).toEqual([]);
      expect(recordsFor(db, 'npm', 'github.com/gin-gonic/gin')).toEqual([]);
      // Withdrawn records stay in the database; the matcher skips them.
      expect(recordsFor(db, 'Go', 'github.com/gorilla/sessions').map((record) => record.withdrawn)).toEqual([
        '2024-04-17T18:06:23Z',
      ]);
    } finally {
      db.close();
    }
  });

  it('returns the whole stored record by id, and without its details and references for matching', async () => {
    const db = await openAdvisoryDb(dbPath);
    try {
      const original = JSON.parse(readFileSync(join(fixtures, 'GO-2020-0001.json'), 'utf8'));
      expect(original.details).toBeTruthy();
      expect(original.references.length).toBeGreaterThan(0);
      expect(fullRecordById(db, 'GO-2020-0001')).toEqual(original);
      const { details: _details, references: _references, ...matched } = original;
      expect(recordById(db, 'GO-2020-0001')).toEqual(matched);
      expect(recordById(db, 'GO-1999-0000')).toBeUndefined();
      expect(fullRecordById(db, 'GO-1999-0000')).toBeUndefined();
    } finally {
      db.close();
    }
  });

  it('fetches many packages in one query, as recordsFor does one by one', async () => {
    const db = await openAdvisoryDb(dbPath);
    try {
      const packages = [
        { ecosystem: 'Go', name: 'github.com/gin-gonic/gin' },
        { ecosystem: 'PyPI', name: 'JW_Util' },
        { ecosystem: 'PyPI', name: 'protobuf' },
        { ecosystem: 'npm', name: 'github.com/gin-gonic/gin' },
      ];
      const lookup = advisoryLookup(db);
      lookup.prefetch(packages);
      for (const { ecosystem, name } of packages) {
        expect(lookup.recordsFor(ecosystem, name)).toEqual(recordsFor(db, ecosystem, name));
      }
      expect(lookup.recordsFor('PyPI', 'jw-util').map((record) => record.id)).toEqual(['PYSEC-2020-341']);
      expect([...recordsForMany(db, packages).values()].map((records) => records.length)).toEqual([1, 1, 2, 0]);
      // A package it was not told about is still found.
      expect(lookup.recordsFor('NuGet', 'google.protobuf').map((record) => record.id)).toEqual(['GHSA-77rm-9x9h-xj3g']);
    } finally {
      db.close();
    }
  });

  it('parses a record once per open database: recordsFor and recordById share it, another handle does not', async () => {
    const first = await openAdvisoryDb(dbPath);
    const second = await openAdvisoryDb(dbPath);
    try {
      const [matched] = recordsFor(first, 'Go', 'github.com/gin-gonic/gin');
      expect(recordById(first, 'GO-2020-0001')).toBe(matched);
      expect(recordById(second, 'GO-2020-0001')).not.toBe(matched);
      expect(recordById(second, 'GO-2020-0001')).toEqual(matched);
    } finally {
      first.close();
      second.close();
    }
  });

  it('follows aliases both ways, transitively', async () => {
    const db = await openAdvisoryDb(dbPath);
    try {
      // GO-2024-3078 and PYSEC-2024-72 both alias CVE-2024-43406 and GHSA-r5ph-4jxm-6j9p: one vulnerability.
      const group = ['CVE-2024-43406', 'GHSA-r5ph-4jxm-6j9p', 'GO-2024-3078', 'PYSEC-2024-72'];
      for (const id of group) expect(aliasesOf(db, id)).toEqual(group.filter((other) => other !== id));
      expect(aliasesOf(db, 'CVE-2021-22570')).toEqual(['GHSA-77rm-9x9h-xj3g', 'PYSEC-2022-48']);
      expect(aliasesOf(db, 'RUSTSEC-2020-0053')).toEqual([]);
      expect(aliasesOf(db, 'CVE-0000-0000')).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('looks up KEV and EPSS by CVE', async () => {
    const db = await openAdvisoryDb(dbPath);
    try {
      expect(kevFor(db, 'CVE-2021-22570')).toEqual(ENRICHMENT[0]?.kev?.[0]);
      expect(kevFor(db, 'CVE-2024-43406')).toBeUndefined();
      expect(epssFor(db, 'CVE-2021-22570')).toEqual({ cveId: 'CVE-2021-22570', epss: 0.00123, percentile: 0.456 });
      expect(epssFor(db, 'CVE-2024-43406')).toBeUndefined();
      // The batch forms give every id asked for an entry.
      const cves = ['CVE-2021-22570', 'CVE-2024-43406'];
      expect([...kevForMany(db, cves)]).toEqual(cves.map((cve) => [cve, kevFor(db, cve)]));
      expect([...epssForMany(db, cves)]).toEqual(cves.map((cve) => [cve, epssFor(db, cve)]));
      const ids = ['GO-2020-0001', 'GO-1999-0000', 'PYSEC-2022-48'];
      expect([...recordsByIds(db, ids)]).toEqual(ids.map((id) => [id, recordById(db, id)]));
      expect([...recordsAliasingMany(db, ['CVE-2024-43406', 'CVE-0000-0000'])]).toEqual([
        ['CVE-2024-43406', ['GO-2024-3078', 'PYSEC-2024-72']],
        ['CVE-0000-0000', []],
      ]);
    } finally {
      db.close();
    }
  });

  it('reports feeds with ages, and counts', async () => {
    const db = await openAdvisoryDb(dbPath);
    try {
      const report = status(db, new Date('2024-10-11T00:00:00Z'));
      expect(report.schemaVersion).toBe(SCHEMA_VERSION);
      expect(report.feeds.map((feed) => [feed.feed, feed.source, feed.records, feed.ageDays])).toEqual([
        ['epss', '/feeds/epss.csv', 1, 10],
        ['kev', '/feeds/kev.json', 1, 10],
        ['osv', '/feeds/a', 6, 22],
        ['osv', '/feeds/b', 2, 87],
      ]);
      // Two aliases each for six records; GO-2024-2730 and RUSTSEC-2020-0053 list none.
      expect(report.counts).toEqual({ records: 8, withdrawn: 2, aliases: 12, kev: 1, epss: 1 });
      expect(report.ecosystems).toEqual([
        { ecosystem: 'Go', records: 4 },
        { ecosystem: 'Maven', records: 1 },
        { ecosystem: 'NuGet', records: 1 },
        { ecosystem: 'Packagist', records: 1 },
        { ecosystem: 'PyPI', records: 4 },
        { ecosystem: 'crates.io', records: 1 },
      ]);
    } finally {
      db.close();
    }
  });

  it('adds to a copy on the next import, keeping the newer version of a record', async () => {
    const copyPath = join(await mkdtemp(join(tmpdir(), 'lucent-db-')), 'advisories.db');
    await writeFile(copyPath, await readFile(dbPath));
    const stale = { ...(fixtureBatch('PYSEC-2022-48.json').records?.[0] as object), modified: '2020-01-01T00:00:00Z' };
    const { start } = await build(copyPath, [
      { batch: fixtureBatch('GHSA-2268-98wh-qfhf.json'), source: '/feeds/c' },
      { batch: { feed: 'osv', records: [{ ...stale, summary: 'stale' }] as never, problems: [] }, source: '/feeds/c' },
    ]);
    expect(start).toBe('copy');
    const db = await openAdvisoryDb(copyPath);
    try {
      expect(status(db).counts.records).toBe(9);
      expect(recordById(db, 'PYSEC-2022-48')?.summary).not.toBe('stale');
      expect(recordsFor(db, 'Maven', 'org.jline:jline-parent').map((record) => record.id)).toEqual([
        'GHSA-2268-98wh-qfhf',
      ]);
    } finally {
      db.close();
    }
  });

  it('leaves the old file intact and no temp file behind when a batch fails midway', async () => {
    const before = await readFile(dbPath);
    const broken = { feed: 'osv', records: [{ id: null, modified: 'x' }] as never, problems: [] } as FeedBatch;
    await expect(
      build(dbPath, [
        { batch: fixtureBatch('GHSA-2268-98wh-qfhf.json'), source: '/feeds/c' },
        { batch: broken, source: '/feeds/c' },
      ]),
    ).rejects.toThrow(/NOT NULL/);
    expect(Buffer.compare(await readFile(dbPath), before)).toBe(0);
    expect(await readdir(join(dbPath, '..'))).toEqual(['advisories.db']);
    const db = await openAdvisoryDb(dbPath);
    try {
      expect(recordById(db, 'GHSA-2268-98wh-qfhf')).toBeUndefined();
    } finally {
      db.close();
    }
  });
});

describe('opening a database', () => {
  it.each([
    ['missing', undefined, /^no advisory database at .*missing\.db$/],
    ['not SQLite', 'hello, world, this is not a database file at all'.repeat(20), /is not a readable SQLite database/],
  ])('%s → a catalogue error that says what to run', async (_label, content, message) => {
    const path = join(await mkdtemp(join(tmpdir(), 'lucent-db-')), 'missing.db');
    if (content) await writeFile(path, content);
    const error = await openAdvisoryDb(path).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: content ? 'E_DB_INVALID' : 'E_DB_MISSING',
      message: expect.stringMatching(message),
    });
    expect((error as { hint: string }).hint).toMatch(/lucent db import/);
  });

  it('refuses to import over an SQLite file that is not an advisory database', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'lucent-db-')), 'other.db');
    const { DatabaseSync } = await import('node:sqlite');
    const other = new DatabaseSync(path);
    other.exec('CREATE TABLE mine (x); INSERT INTO mine VALUES (1)');
    other.close();
    const before = await readFile(path);
    await expect(build(path, [])).rejects.toMatchObject({ code: 'E_DB_INVALID' });
    expect(Buffer.compare(await readFile(path), before)).toBe(0);
    await expect(openAdvisoryDb(path)).rejects.toMatchObject({ code: 'E_DB_INVALID' });
  });

  it('rebuilds a Lucent database of another schema version on import', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'lucent-db-')), 'old.db');
    await build(path, [{ batch: fixtureBatch('GO-2020-0001.json'), source: '/a' }]);
    const { DatabaseSync } = await import('node:sqlite');
    const old = new DatabaseSync(path);
    old.exec('PRAGMA user_version = 0');
    old.close();
    await expect(openAdvisoryDb(path)).rejects.toMatchObject({ code: 'E_DB_INVALID' });
    const { start } = await build(path, [{ batch: fixtureBatch('GO-2024-3078.json'), source: '/b' }]);
    expect(start).toBe('replaced-old-schema');
    const db = await openAdvisoryDb(path);
    try {
      expect(status(db).counts.records).toBe(1);
    } finally {
      db.close();
    }
  });
});

describe('isSqliteWarning', () => {
  it.each([
    ['SQLite is an experimental feature and might change at any time', 'ExperimentalWarning', true],
    ['SQLite is an experimental feature and might change at any time', { type: 'ExperimentalWarning' }, true],
    ['WASI is an experimental feature', 'ExperimentalWarning', false],
    ['SQLite something', 'DeprecationWarning', false],
  ])('%s (%j) → %s', (warning, type, expected) => {
    expect(isSqliteWarning(warning, type)).toBe(expected);
  });
});
