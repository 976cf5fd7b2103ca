import { readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { osvImporter } from '../importers/osv/index.ts';
import type { FeedBatch } from '../records.ts';
import { rebuildDatabase } from './build.ts';
import { dropSource, readSourceStates, recordCheck, recordDownload } from './feed-sources.ts';
import { aliasesOf, cvssScores, fullRecordById, openAdvisoryDb, recordById, status } from './queries.ts';
import { SCHEMA_VERSION } from './schema.ts';
import { openSqlite } from './sqlite.ts';
import { createBatchWriter } from './write.ts';

const fixtures = fileURLToPath(new URL('../importers/osv/__fixtures__/', import.meta.url));
const NOW = new Date('2024-10-01T00:00:00Z');

function osv(...names: string[]): FeedBatch {
  const records = names.flatMap((name) => osvImporter.parse(name, readFileSync(join(fixtures, name))).records ?? []);
  return { feed: 'osv', records, problems: [] };
}

const KEV: FeedBatch = {
  feed: 'kev',
  kev: [{ cveId: 'CVE-2021-22570', dateAdded: '2024-01-02' }],
  problems: [],
};

async function freshDb(batches: [FeedBatch, string][]): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'lucent-sources-')), 'advisories.db');
  await rebuildDatabase(path, (db) => {
    const writer = createBatchWriter(db);
    for (const [batch, source] of batches) writer.write(batch, source);
    writer.finish(NOW);
  });
  return path;
}

async function ids(path: string): Promise<string[]> {
  const db = await openSqlite(path, { readOnly: true });
  try {
    return (db.prepare('SELECT id FROM records ORDER BY id').all() as { id: string }[]).map((row) => row.id);
  } finally {
    db.close();
  }
}

describe('feed sources', () => {
  it('dropSource removes what only that source holds; a record another source also holds stays', async () => {
    const path = await freshDb([
      [osv('GO-2020-0001.json', 'GO-2024-3078.json'), 'https://a/Go/all.zip'],
      [osv('GO-2024-3078.json', 'PYSEC-2024-72.json'), 'https://a/PyPI/all.zip'],
      [KEV, 'https://a/kev.json'],
    ]);
    await rebuildDatabase(path, (db) => {
      dropSource(db, 'osv', 'https://a/Go/all.zip');
      dropSource(db, 'kev', 'https://a/kev.json');
    });
    expect(await ids(path)).toEqual(['GO-2024-3078', 'PYSEC-2024-72']);
    const db = await openAdvisoryDb(path);
    try {
      const report = status(db, NOW);
      expect(report.feeds.map((feed) => feed.source)).toEqual(['https://a/PyPI/all.zip']);
      expect(report.counts).toMatchObject({ records: 2, kev: 0 });
      // GO-2020-0001's affected rows and aliases went with it.
      const orphans = db.handle
        .prepare(
          `SELECT (SELECT count(*) FROM affected WHERE record_id NOT IN (SELECT id FROM records)) +
                  (SELECT count(*) FROM aliases WHERE record_id NOT IN (SELECT id FROM records)) AS n`,
        )
        .get() as { n: number };
      expect(orphans.n).toBe(0);
    } finally {
      db.close();
    }
  });

  it('stores validators and check times; both report a source the database does not hold', async () => {
    const path = await freshDb([[KEV, 'https://a/kev.json']]);
    const later = new Date('2024-10-05T00:00:00Z');
    let stored: boolean[] = [];
    await rebuildDatabase(path, (db) => {
      const state = {
        feed: 'kev' as const,
        source: 'https://a/kev.json',
        etag: '"1"',
        lastModified: null,
        sha256: 'ab',
      };
      stored = [
        recordDownload(db, state, NOW),
        recordCheck(db, 'https://a/kev.json', later),
        recordCheck(db, 'https://a/other.json', later),
        recordDownload(db, { ...state, source: 'https://a/other.json' }, later),
      ];
    });
    expect(stored).toEqual([true, true, false, false]);
    const db = await openSqlite(path, { readOnly: true });
    try {
      expect([...readSourceStates(db).values()]).toEqual([
        { feed: 'kev', source: 'https://a/kev.json', etag: '"1"', lastModified: null, sha256: 'ab' },
      ]);
    } finally {
      db.close();
    }
    const advisory = await openAdvisoryDb(path);
    try {
      // A downloaded source's age runs from its last check.
      expect(status(advisory, new Date('2024-10-08T00:00:00Z')).feeds[0]).toMatchObject({
        checkedAt: later.toISOString(),
        etag: '"1"',
        ageDays: 3,
      });
    } finally {
      advisory.close();
    }
  });

  it('upgrades a schema 1 file in place, keeping its data', async () => {
    const path = await freshDb([[osv('GO-2020-0001.json'), '/feeds/go']]);
    const old = await openSqlite(path, { readOnly: false });
    old.exec(`DROP TABLE record_sources; ALTER TABLE records DROP COLUMN prose; DROP TABLE cvss_scores;
      ALTER TABLE feeds DROP COLUMN etag; ALTER TABLE feeds DROP COLUMN last_modified;
      ALTER TABLE feeds DROP COLUMN sha256; ALTER TABLE feeds DROP COLUMN checked_at;
      PRAGMA user_version = 1;`);
    old.close();
    await expect(openAdvisoryDb(path)).rejects.toMatchObject({ code: 'E_DB_INVALID' });

    const { start } = await rebuildDatabase(path, (db) => createBatchWriter(db).write(osv('GO-2024-3078.json'), '/b'));
    expect(start).toBe('migrated');
    expect(await ids(path)).toEqual(['GO-2020-0001', 'GO-2024-3078']);
    const db = await openAdvisoryDb(path);
    try {
      expect(status(db).schemaVersion).toBe(SCHEMA_VERSION);
      expect(status(db).feeds).toEqual([
        expect.objectContaining({ source: '/feeds/go', etag: null, checkedAt: null, records: 1 }),
      ]);
    } finally {
      db.close();
    }
  });

  it("upgrades a schema 2 file in place, copying the records' upstream ids into aliases", async () => {
    const ubuntu = fileURLToPath(new URL('../../../test/fixtures/osv-ubuntu/', import.meta.url));
    const records = ['USN-5614-1.json', 'UBUNTU-CVE-2021-3782.json'].flatMap(
      (name) => osvImporter.parse(name, readFileSync(join(ubuntu, name))).records ?? [],
    );
    const path = await freshDb([
      [{ feed: 'osv', records, problems: [] }, '/feeds/ubuntu'],
      [osv('GO-2020-0001.json'), '/feeds/go'],
    ]);
    // Schema 2 stored aliases only, and each whole record in `json`.
    const old = await openSqlite(path, { readOnly: false });
    old.exec(`DELETE FROM aliases WHERE alias IN ('UBUNTU-CVE-2021-3782', 'CVE-2021-3782');
      UPDATE records SET json = json_set(json, '$.details', prose ->> '$.details', '$.references', prose -> '$.references')
        WHERE prose IS NOT NULL;
      ALTER TABLE records DROP COLUMN prose;
      DROP TABLE cvss_scores;
      PRAGMA user_version = 2;`);
    const wholeGo = (old.prepare(`SELECT json FROM records WHERE id = 'GO-2020-0001'`).get() as { json: string }).json;
    old.close();
    expect(JSON.parse(wholeGo).details).toBeTruthy();
    await expect(openAdvisoryDb(path)).rejects.toMatchObject({ code: 'E_DB_INVALID' });

    const { start } = await rebuildDatabase(path, (db) => createBatchWriter(db).write(osv('GO-2024-3078.json'), '/b'));
    expect(start).toBe('migrated');
    const db = await openAdvisoryDb(path);
    try {
      expect(status(db).schemaVersion).toBe(SCHEMA_VERSION);
      expect(aliasesOf(db, 'CVE-2021-3782')).toEqual(['UBUNTU-CVE-2021-3782', 'USN-5614-1']);
      expect(aliasesOf(db, 'GO-2020-0001')).toEqual(['CVE-2020-36567', 'GHSA-6vm3-jj99-7229']);
      // The long text moved out of what matching parses, and the whole record reads as before.
      expect(recordById(db, 'GO-2020-0001')).not.toHaveProperty('details');
      expect(recordById(db, 'GO-2020-0001')).not.toHaveProperty('references');
      expect(fullRecordById(db, 'GO-2020-0001')).toEqual(JSON.parse(wholeGo));
      expect(fullRecordById(db, 'USN-5614-1')?.details).toBe(records[0]?.details);
      // The CVSS vectors of the records are scored: UBUNTU-CVE-2021-3782 carries one v3.1 vector, twice.
      expect(
        cvssScores(db, [
          { type: 'CVSS_V3', vector: 'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:L/I:L/A:H' },
          { type: 'CVSS_V4', vector: 'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:L/I:L/A:H' },
        ]),
      ).toEqual([{ type: 'CVSS_V3', vector: 'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:L/I:L/A:H', score: 6.6 }]);
    } finally {
      db.close();
    }
  });
});
