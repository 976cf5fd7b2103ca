import { cp, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { openAdvisoryDb, recordsFor, status } from './db/queries.ts';
import { type ImportProgress, importPaths } from './import.ts';
import { osvImporter } from './importers/osv/index.ts';
import type { FeedImporter } from './records.ts';

const fixtures = fileURLToPath(new URL('importers/osv/__fixtures__/', import.meta.url));
const NOW = new Date('2024-10-01T00:00:00Z');

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'lucent-import-'));
}

async function recordCount(dbPath: string): Promise<number> {
  const db = await openAdvisoryDb(dbPath);
  try {
    return status(db).counts.records;
  } finally {
    db.close();
  }
}

describe('importPaths', () => {
  it('imports a folder recursively, reporting corrupt records and unknown files', async () => {
    const dir = await tempDir();
    await cp(fixtures, join(dir, 'osv', 'nested'), { recursive: true });
    await writeFile(join(dir, 'osv', 'broken.json'), '{"schema_version": "1.6.0", "id": "X-1", "modified": ');
    await writeFile(join(dir, 'osv', 'README.txt'), 'not a feed');
    const dbPath = join(dir, 'advisories.db');
    const progress: ImportProgress[] = [];
    const summary = await importPaths([join(dir, 'osv')], dbPath, { now: NOW, onProgress: (p) => progress.push(p) });
    expect(summary).toMatchObject({ dbPath, start: 'new', files: 13, written: 11 });
    expect(summary.unknown).toEqual([join(dir, 'osv', 'README.txt')]);
    expect(summary.problems).toEqual([
      { name: join(dir, 'osv', 'broken.json'), reason: expect.stringMatching(/^not valid JSON: /) },
    ]);
    expect(summary.feeds).toEqual([
      { feed: 'osv', source: join(dir, 'osv'), count: 11, feedTimestamp: '2025-10-28T06:02:18.000Z' },
    ]);
    expect(progress).toHaveLength(13);
    expect(progress.at(-1)).toMatchObject({ files: 13, records: 11 });
    expect(await recordCount(dbPath)).toBe(11);
  });

  it('streams the entries of a zip, skipping folder entries, stored and deflated alike', async () => {
    const dir = await tempDir();
    const read = (name: string) => readFile(join(fixtures, name));
    const zip = zipSync({
      'GO-2020-0001.json': await read('GO-2020-0001.json'),
      'more/': {},
      'more/PYSEC-2020-341.json': [await read('PYSEC-2020-341.json'), { level: 0 }],
      'more/GO-2025-3726.yaml': await read('GO-2025-3726.yaml'),
    });
    await writeFile(join(dir, 'all.zip'), zip);
    const dbPath = join(dir, 'advisories.db');
    const summary = await importPaths([join(dir, 'all.zip')], dbPath, { now: NOW });
    expect(summary).toMatchObject({ files: 3, written: 3, problems: [], unknown: [] });
    const db = await openAdvisoryDb(dbPath);
    try {
      expect(recordsFor(db, 'PyPI', 'jw-util').map((record) => record.id)).toEqual(['PYSEC-2020-341']);
      expect(recordsFor(db, 'Go', 'github.com/google/brotli').map((record) => record.id)).toEqual(['GO-2025-3726']);
    } finally {
      db.close();
    }
  });

  it('reports a damaged zip, keeping the entries before the damage and the other paths', async () => {
    const dir = await tempDir();
    const zip = zipSync({
      'a/GO-2020-0001.json': await readFile(join(fixtures, 'GO-2020-0001.json')),
      'b/GO-2024-3078.json': await readFile(join(fixtures, 'GO-2024-3078.json')),
    });
    // Cut the archive inside the second entry's compressed data.
    await writeFile(join(dir, 'cut.zip'), zip.subarray(0, zip.length - 400));
    await writeFile(join(dir, 'garbage.zip'), 'this is not a zip archive');
    const dbPath = join(dir, 'advisories.db');
    const summary = await importPaths(
      [join(dir, 'cut.zip'), join(dir, 'garbage.zip'), join(fixtures, 'GO-2024-2730.json')],
      dbPath,
    );
    expect(summary.files).toBe(2);
    expect(summary.problems.map((problem) => problem.name)).toEqual([join(dir, 'cut.zip'), join(dir, 'garbage.zip')]);
    expect(summary.problems[1]?.reason).toBe('no files found in the zip archive');
    expect(await recordCount(dbPath)).toBe(2);
  });

  it('stops before writing anything when a path does not exist', async () => {
    const dir = await tempDir();
    const missing = join(dir, 'no-such-folder');
    await expect(importPaths([fixtures, missing], join(dir, 'advisories.db'))).rejects.toMatchObject({
      code: 'E_IMPORT_PATH_NOT_FOUND',
      message: `${missing} does not exist`,
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it('keeps the previous database whole when a batch fails midway', async () => {
    const dir = await tempDir();
    const dbPath = join(dir, 'advisories.db');
    await importPaths([join(fixtures, 'GO-2020-0001.json')], dbPath);
    const before = await readFile(dbPath);
    // A batch the database refuses (a record without an id) after a good one has been written.
    const failing: FeedImporter = {
      feed: 'osv',
      detect: (name) => name.endsWith('GO-2024-3078.json'),
      parse: () => ({ feed: 'osv', records: [{ id: null, modified: 'x' }] as never, problems: [] }),
    };
    await mkdir(join(dir, 'in'));
    await cp(join(fixtures, 'GO-2020-0001.json'), join(dir, 'in', 'a.json'));
    await cp(join(fixtures, 'GO-2024-3078.json'), join(dir, 'in', 'b-GO-2024-3078.json'));
    await expect(importPaths([join(dir, 'in')], dbPath, { importers: [failing, osvImporter] })).rejects.toThrow(
      /NOT NULL/,
    );
    expect(Buffer.compare(await readFile(dbPath), before)).toBe(0);
    expect((await readdir(dir)).sort()).toEqual(['advisories.db', 'in']);
  });

  it('reports an importer that throws as a problem of its file', async () => {
    const dir = await tempDir();
    const throwing: FeedImporter = {
      feed: 'kev',
      detect: (name) => name.endsWith('GO-2020-0001.json'),
      parse: () => {
        throw new Error('boom');
      },
    };
    const summary = await importPaths([fixtures], join(dir, 'advisories.db'), { importers: [throwing, osvImporter] });
    expect(summary.problems).toEqual([
      { name: join(fixtures, 'GO-2020-0001.json'), reason: 'the kev importer failed: boom' },
    ]);
    expect(summary.written).toBe(10);
  });
});
