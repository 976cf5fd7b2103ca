/** `lucent db import|status` as users run them, on the real Go vulnerability database export. */
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/cli.ts';

const OSV_GO = '/work/shared/data/osv/go';
const FIXTURES = fileURLToPath(new URL('../src/advisories/importers/osv/__fixtures__/', import.meta.url));
const STACK = /\n\s+at /;

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'lucent-db-cli-'));
}

describe('lucent db', () => {
  it('imports all 4,291 Go records and reports them in status --json', async () => {
    const dbPath = join(await tempDir(), 'advisories.db');
    const imported = await runCli(['db', 'import', OSV_GO, '--db', dbPath]);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.stdout).toBe(`imported 4291 records from 4291 files into ${dbPath} (osv 4291)\n`);

    const status = await runCli(['db', 'status', '--json'], { LUCENT_DB: dbPath });
    expect(status.code).toBe(0);
    const report = JSON.parse(status.stdout);
    expect(report).toMatchObject({ exists: true, path: dbPath, schemaVersion: 3, warnings: [] });
    // 17 of them are withdrawn: kept in the database, skipped by the matcher.
    expect(report.counts).toMatchObject({ records: 4291, withdrawn: 17, kev: 0, epss: 0 });
    expect(report.ecosystems).toEqual([{ ecosystem: 'Go', records: 4291 }]);
    // Every Go record's `modified` is the 0001-01-01 placeholder, so the feed has no timestamp of its own.
    expect(report.feeds).toEqual([
      {
        feed: 'osv',
        source: OSV_GO,
        importedAt: expect.any(String),
        feedTimestamp: null,
        records: 4291,
        etag: null,
        lastModified: null,
        checkedAt: null,
        ageDays: 0,
      },
    ]);
    expect(status.stderr).toBe('');
  });

  it('imports a zip of records, and adds to the database on a second import', async () => {
    const dir = await tempDir();
    const read = (name: string) => readFile(join(FIXTURES, name));
    await writeFile(
      join(dir, 'all.zip'),
      zipSync({
        'GO-2020-0001.json': await read('GO-2020-0001.json'),
        'PYSEC-2024-72.json': await read('PYSEC-2024-72.json'),
        'RUSTSEC-2021-0132.json': await read('RUSTSEC-2021-0132.json'),
      }),
    );
    const dbPath = join(dir, 'advisories.db');
    const first = await runCli(['db', 'import', join(dir, 'all.zip'), '--db', dbPath]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^imported 3 records from 3 files /);
    const second = await runCli(['db', 'import', join(FIXTURES, 'GHSA-2268-98wh-qfhf.json'), '--db', dbPath]);
    expect(second.code).toBe(0);

    const status = await runCli(['db', 'status', '--db', dbPath]);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('records: 4 (0 withdrawn)');
    expect(status.stdout).toContain('ecosystems: Go 1, Maven 1, PyPI 1, crates.io 1');
    // The zip's newest record (RUSTSEC-2021-0132, modified 2025-10-28) dates its feed.
    expect(status.stdout).toMatch(/osv +3 +2025-10-28T06:02:18\.000Z .* \d+ d +.*all\.zip\n/);
    expect(status.stderr).toMatch(/^warning: the osv data from .*all\.zip is \d+ days old; import newer data/m);
  });

  it('imports a folder with a corrupt record, reporting it and importing the rest', async () => {
    const dir = await tempDir();
    await cp(FIXTURES, join(dir, 'records'), { recursive: true });
    await writeFile(join(dir, 'records', 'corrupt.json'), '{"schema_version": "1.6.0", "id": "GO-9999-0001", ');
    const result = await runCli(['db', 'import', join(dir, 'records'), '--db', join(dir, 'advisories.db')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^imported 11 records from 12 files .*\nskipped 1 broken records or files\n$/);
    expect(result.stderr).toMatch(/^warning: .*records\/corrupt\.json: not valid JSON: /);
    expect(result.stderr).not.toMatch(STACK);
  });

  it('a path that does not exist stops the import with exit 1, naming it', async () => {
    const dir = await tempDir();
    const missing = join(dir, 'no-such-feed');
    const result = await runCli(['db', 'import', FIXTURES, missing, '--db', join(dir, 'advisories.db')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`error: ${missing} does not exist`);
    expect(result.stderr).not.toMatch(STACK);
  });

  it('status warns about a missing database and says what to run', async () => {
    const dbPath = join(await tempDir(), 'none.db');
    const result = await runCli(['db', 'status', '--json', '--db', dbPath]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ exists: false, path: dbPath });
    expect(result.stderr).toBe(
      `warning: no advisory database at ${dbPath}; run \`lucent db update\` to download the feeds, or \`lucent db import PATH…\` with OSV records, folders or all.zip archives\n`,
    );
  });

  it('status on a file that is not a database fails with exit 1 and a hint', async () => {
    const dbPath = join(await tempDir(), 'broken.db');
    await writeFile(dbPath, 'not a database'.repeat(100));
    const result = await runCli(['db', 'status', '--db', dbPath]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error: .*broken\.db is not a readable SQLite database\n {2}hint: .*lucent db import/,
    );
  });
});
