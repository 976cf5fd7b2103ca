/**
 * `lucent db update` against a loopback server that serves real feed data in each upstream's layout: exact imports,
 * conditional requests and 304s, replacing only what changed, failures of one feed or of all, a truncated archive,
 * and a process stopped or killed mid-download.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.ts';
import { type FeedServer, startFeedServer } from './support/feed-server.ts';

const FIXTURES = fileURLToPath(new URL('fixtures/db-update/', import.meta.url));
const KEV_GZ = fileURLToPath(
  new URL('../src/advisories/importers/kev/__fixtures__/known_exploited_vulnerabilities.json.gz', import.meta.url),
);
const BIN = fileURLToPath(new URL('../bin/lucent.js', import.meta.url));
const fixture = (path: string) => readFileSync(join(FIXTURES, path));
const LAST_MODIFIED = 'Mon, 08 Jun 2020 10:12:00 GMT';

/** An OSV all.zip of the fixture records of `ecosystem`, as the bucket serves it. */
function osvZip(ecosystem: string, ids: string[]): Uint8Array {
  return zipSync(Object.fromEntries(ids.map((id) => [`${id}.json`, fixture(`osv/${ecosystem}/${id}.json`)])));
}

const GO_FIRST = ['GO-2020-0001', 'GO-2020-0003', 'GO-2020-0004'];
const GO_CHANGED = ['GO-2020-0003', 'GO-2020-0004', 'GO-2020-0005'];

/** Every feed of a first update, as its upstream lays it out. */
function serveFeeds(server: FeedServer): void {
  const { routes } = server;
  routes.set('/osv/Go/all.zip', { body: osvZip('Go', GO_FIRST), etag: '"go-1"' });
  routes.set('/osv/PyPI/all.zip', { body: osvZip('PyPI', ['PYSEC-2005-1', 'PYSEC-2006-1']), etag: '"pypi-1"' });
  routes.set('/alpine/', { body: fixture('alpine/index.html') });
  for (const branch of ['v3.3', 'v3.4']) {
    for (const repository of ['main', 'community']) {
      const body = fixture(`alpine/${branch}/${repository}.json`);
      routes.set(`/alpine/${branch}/${repository}.json`, { body, lastModified: LAST_MODIFIED });
    }
  }
  routes.set('/tracker/data/json', { body: fixture('debian/tracker.json'), etag: 'W/"tracker-1"', gzip: true });
  routes.set('/kev.json', { body: gunzipSync(readFileSync(KEV_GZ)), etag: '"kev-1"' });
  // Like epss.empiricalsecurity.com: the current file redirects to the dated one.
  routes.set('/epss/epss_scores-current.csv.gz', { redirect: `${server.url}/epss/epss_scores-2025-02-20.csv.gz` });
  const epss = gzipSync(fixture('epss/epss_scores-2025-02-20.csv'));
  routes.set('/epss/epss_scores-2025-02-20.csv.gz', { body: epss, etag: '"epss-2025-02-20"' });
}

function feedFlags(server: FeedServer): string[] {
  return [
    ['--osv-ecosystems', 'Go,PyPI'],
    ['--osv-url', `${server.url}/osv`],
    ['--alpine-url', `${server.url}/alpine`],
    ['--debian-url', `${server.url}/tracker/data/json`],
    ['--kev-url', `${server.url}/kev.json`],
    ['--epss-url', `${server.url}/epss/epss_scores-current.csv.gz`],
  ].flat();
}

/** Rows that show whether data was rewritten: each record's rowid, and each feed's dates and validators. */
function snapshot(dbPath: string) {
  const db = new DatabaseSync(dbPath, { readOnly: true });
  try {
    const records = db.prepare('SELECT id, rowid AS row FROM records ORDER BY id').all() as {
      id: string;
      row: number;
    }[];
    const feeds = db
      .prepare(
        'SELECT feed, source, imported_at, checked_at, etag, last_modified, record_count FROM feeds ORDER BY source',
      )
      .all() as Record<string, string | number | null>[];
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      records: new Map(records.map((row) => [row.id, row.row])),
      feeds: new Map(feeds.map((row) => [String(row.source).replace(/^http:\/\/[^/]+/, ''), row])),
      kev: count('SELECT count(*) AS n FROM kev'),
      epss: count('SELECT count(*) AS n FROM epss'),
    };
  } finally {
    db.close();
  }
}

const idsOf = (snap: ReturnType<typeof snapshot>, prefix: string) =>
  [...snap.records.keys()].filter((id) => id.startsWith(prefix));

describe('lucent db update', () => {
  let server: FeedServer;
  let dir: string;
  let dbPath: string;
  const update = (...extra: string[]) => runCli(['db', 'update', '--db', dbPath, ...feedFlags(server), ...extra]);

  beforeEach(async () => {
    server = await startFeedServer();
    serveFeeds(server);
    dir = await mkdtemp(join(tmpdir(), 'lucent-db-update-'));
    dbPath = join(dir, 'advisories.db');
  });
  afterEach(async () => {
    await server.close();
  });

  it('first update: every feed imported with exact counts, requests without conditions', async () => {
    const result = await update();
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(
        [
          'updated osv Go: 3 records \\(.+\\)',
          'updated osv PyPI: 2 records \\(.+\\)',
          'updated alpine-secdb v3.3/main: 458 records \\(28 kB\\)',
          'updated alpine-secdb v3.3/community: 0 records \\(285 B\\)',
          'updated alpine-secdb v3.4/main: 666 records \\(41 kB\\)',
          'updated alpine-secdb v3.4/community: 14 records \\(957 B\\)',
          // 6.1 kB unpacked: the server sent it gzip-encoded.
          'updated debian-security-tracker: 5 records \\(6.1 kB\\)',
          'updated kev: 1404 records \\(1.3 MB\\)',
          'updated epss: 5 records \\(.+\\)',
          `${dbPath}: 9 updated, 0 not modified`,
          '',
        ].join('\n'),
      ),
    );
    // The excerpt's `"releases": []` entry (chromium-browser CVE-2022-0358) is valid: no warning.
    expect(result.stderr).toBe('');
    expect(
      server.requests.filter((request) => request.headers['if-none-match'] || request.headers['if-modified-since']),
    ).toEqual([]);
    // edge/ is listed but not fetched; last-update and license.txt are not branches.
    expect(
      server.requests
        .map((request) => request.path)
        .filter((path) => path.startsWith('/alpine/'))
        .sort(),
    ).toEqual([
      '/alpine/',
      '/alpine/v3.3/community.json',
      '/alpine/v3.3/main.json',
      '/alpine/v3.4/community.json',
      '/alpine/v3.4/main.json',
    ]);

    const status = await runCli(['db', 'status', '--json', '--db', dbPath]);
    expect(status.code).toBe(0);
    expect(status.stderr).toBe('');
    const report = JSON.parse(status.stdout);
    expect(report.counts).toEqual({ records: 1148, withdrawn: 0, aliases: 1151, kev: 1404, epss: 5 });
    expect(report.ecosystems).toEqual([
      { ecosystem: 'Alpine:v3.3', records: 458 },
      { ecosystem: 'Alpine:v3.4', records: 680 },
      { ecosystem: 'Debian:10', records: 4 },
      { ecosystem: 'Debian:11', records: 1 },
      { ecosystem: 'Debian:12', records: 1 },
      { ecosystem: 'Debian:8', records: 3 },
      { ecosystem: 'Debian:9', records: 4 },
      { ecosystem: 'Go', records: 3 },
      { ecosystem: 'PyPI', records: 2 },
    ]);
    const kev = report.feeds.find((feed: { feed: string }) => feed.feed === 'kev');
    expect(kev).toEqual({
      feed: 'kev',
      source: `${server.url}/kev.json`,
      importedAt: expect.any(String),
      feedTimestamp: '2025-08-25T17:04:19.979Z',
      records: 1404,
      etag: '"kev-1"',
      lastModified: null,
      checkedAt: kev.importedAt,
      ageDays: 0,
    });
    // The redirect's target answered; the data is kept under the URL asked for.
    expect(report.feeds.find((feed: { feed: string }) => feed.feed === 'epss')).toMatchObject({
      source: `${server.url}/epss/epss_scores-current.csv.gz`,
      feedTimestamp: '2025-02-20T00:00:00.000Z',
      etag: '"epss-2025-02-20"',
    });

    // The same files imported offline give the same records: the update adds no record and loses none.
    const offline = join(dir, 'offline.db');
    const files = join(dir, 'files');
    const { mkdir, writeFile } = await import('node:fs/promises');
    await mkdir(files);
    await writeFile(join(files, 'go-all.zip'), osvZip('Go', GO_FIRST));
    await writeFile(join(files, 'tracker.json'), fixture('debian/tracker.json'));
    const alpine = ['v3.3/main', 'v3.3/community', 'v3.4/main', 'v3.4/community'].map((name) =>
      join(FIXTURES, 'alpine', `${name}.json`),
    );
    const imported = await runCli([
      'db',
      'import',
      join(files, 'go-all.zip'),
      join(files, 'tracker.json'),
      ...alpine,
      join(FIXTURES, 'osv/PyPI'),
      '--db',
      offline,
    ]);
    expect(imported.code).toBe(0);
    expect([...snapshot(offline).records.keys()]).toEqual([...snapshot(dbPath).records.keys()]);
  });

  it('second update: sends If-None-Match / If-Modified-Since, gets 304s and rewrites nothing', async () => {
    expect((await update()).code).toBe(0);
    const before = snapshot(dbPath);
    server.requests.length = 0;

    const result = await update();
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${dbPath}: 0 updated, 9 not modified\n`);
    expect(result.stderr).toBe('');
    const conditions = server.requests.map((request) => [
      request.path,
      request.status,
      request.headers['if-none-match'] ?? request.headers['if-modified-since'] ?? null,
    ]);
    expect(conditions.sort()).toEqual(
      [
        ['/alpine/', 200, null],
        ['/alpine/v3.3/community.json', 304, LAST_MODIFIED],
        ['/alpine/v3.3/main.json', 304, LAST_MODIFIED],
        ['/alpine/v3.4/community.json', 304, LAST_MODIFIED],
        ['/alpine/v3.4/main.json', 304, LAST_MODIFIED],
        ['/epss/epss_scores-2025-02-20.csv.gz', 304, '"epss-2025-02-20"'],
        ['/epss/epss_scores-current.csv.gz', 302, '"epss-2025-02-20"'],
        ['/kev.json', 304, '"kev-1"'],
        ['/osv/Go/all.zip', 304, '"go-1"'],
        ['/osv/PyPI/all.zip', 304, '"pypi-1"'],
        ['/tracker/data/json', 304, 'W/"tracker-1"'],
      ].sort(),
    );

    const after = snapshot(dbPath);
    expect(after.records).toEqual(before.records);
    expect(after.records.size).toBe(1148);
    for (const [source, feed] of after.feeds) {
      const old = before.feeds.get(source);
      expect({ ...feed, checked_at: null }).toEqual({ ...old, checked_at: null });
      expect(Date.parse(String(feed.checked_at))).toBeGreaterThan(Date.parse(String(old?.checked_at)));
    }
  });

  it('a changed feed alone is replaced: its removed records go, the others are not rewritten', async () => {
    expect((await update()).code).toBe(0);
    const before = snapshot(dbPath);
    server.routes.set('/osv/Go/all.zip', { body: osvZip('Go', GO_CHANGED), etag: '"go-2"' });

    const result = await update();
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(`^updated osv Go: 3 records \\(.+\\)\n${dbPath}: 1 updated, 8 not modified\n$`),
    );
    const after = snapshot(dbPath);
    expect(idsOf(after, 'GO-')).toEqual(GO_CHANGED);
    for (const [id, row] of before.records) if (!id.startsWith('GO-')) expect(after.records.get(id)).toBe(row);
    expect(after.feeds.get('/osv/Go/all.zip')).toMatchObject({ etag: '"go-2"', record_count: 3 });
    expect(after.feeds.get('/kev.json')?.imported_at).toBe(before.feeds.get('/kev.json')?.imported_at);
  });

  it('a feed that keeps failing (500) is reported with its host; the others update and it keeps its old data', async () => {
    expect((await update()).code).toBe(0);
    const before = snapshot(dbPath);
    server.routes.set('/osv/Go/all.zip', { body: osvZip('Go', GO_CHANGED), etag: '"go-2"' });
    server.routes.set('/kev.json', { fail: 500 });
    server.requests.length = 0;

    const result = await update();
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\n.*: 1 updated, 7 not modified, 1 failed\n$/);
    expect(result.stderr).toBe(
      `warning: cannot download kev: ${server.host} answered HTTP 500 Internal Server Error after 5 attempts\n`,
    );
    // Retried with Retry-After honoured (0 s here), five attempts in all.
    expect(server.requests.filter((request) => request.path === '/kev.json')).toHaveLength(5);
    const after = snapshot(dbPath);
    expect(after.kev).toBe(1404);
    expect(after.feeds.get('/kev.json')).toEqual(before.feeds.get('/kev.json'));
    expect(idsOf(after, 'GO-')).toEqual(GO_CHANGED);
  });

  it('every feed failing exits 1 with a clear error, leaving the database byte-identical', async () => {
    expect((await update()).code).toBe(0);
    const bytes = await readFile(dbPath);
    for (const route of server.routes.values()) route.fail = 503;

    const result = await update();
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toContain(
      `warning: cannot download kev: ${server.host} answered HTTP 503 Service Unavailable after 5 attempts`,
    );
    expect(lines).toContain(
      `warning: cannot download the Alpine secdb index: ${server.host} answered HTTP 503 Service Unavailable after 5 attempts`,
    );
    expect(lines.filter((line) => line.startsWith('warning: '))).toHaveLength(6);
    expect(result.stderr).toContain(
      `error: no feed could be updated; the database at ${dbPath} is unchanged\n  hint: `,
    );
    expect(Buffer.compare(await readFile(dbPath), bytes)).toBe(0);
    expect((await readdir(dir)).sort()).toEqual(['advisories.db']);
  });

  it('a truncated all.zip is a clear error and keeps the old records; a body cut short is retried, then reported', async () => {
    expect((await update()).code).toBe(0);
    const bytes = await readFile(dbPath);
    const changed = osvZip('Go', GO_CHANGED);
    server.routes.set('/osv/Go/all.zip', { body: changed.subarray(0, changed.length - 200), etag: '"go-cut"' });

    const alone = await update('--feeds', 'osv', '--osv-ecosystems', 'Go');
    expect(alone.code).toBe(1);
    expect(alone.stderr).toBe(
      `warning: cannot use osv Go from ${server.host}: the archive is incomplete: its end-of-central-directory record is missing (a truncated download?)\n` +
        `error: no feed could be updated; the database at ${dbPath} is unchanged\n` +
        '  hint: check the network, a proxy (HTTPS_PROXY) or the feed URLs (--osv-url …, LUCENT_OSV_URL …), then run again\n',
    );
    expect(Buffer.compare(await readFile(dbPath), bytes)).toBe(0);

    server.routes.set('/osv/Go/all.zip', { body: changed, etag: '"go-2"', cut: 1000 });
    server.requests.length = 0;
    const cut = await update();
    expect(cut.code).toBe(0);
    expect(cut.stderr).toMatch(
      new RegExp(`^warning: cannot download osv Go from ${server.host}: .*, after 3 attempts\n$`),
    );
    expect(server.requests.filter((request) => request.path === '/osv/Go/all.zip')).toHaveLength(3);
    expect(idsOf(snapshot(dbPath), 'GO-')).toEqual(GO_FIRST);
  });

  it('killed mid-download (SIGTERM, then SIGKILL): the old database stays intact and no temp file is left for long', async () => {
    expect((await update()).code).toBe(0);
    const bytes = await readFile(dbPath);
    const slow = { body: osvZip('Go', GO_CHANGED), etag: '"go-2"', slow: { chunkBytes: 64, delayMs: 100 } };
    const stopMidDownload = async (signal: NodeJS.Signals) => {
      server.routes.set('/osv/Go/all.zip', slow);
      const started = server.bodyStarted('/osv/Go/all.zip');
      const child = spawn(process.execPath, [BIN, 'db', 'update', '--db', dbPath, ...feedFlags(server)]);
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      const exited = new Promise<[number | null, string | null]>((resolve) =>
        child.on('close', (code, by) => resolve([code, by])),
      );
      await started;
      await new Promise((resolve) => setTimeout(resolve, 300));
      child.kill(signal);
      return { exit: await exited, stderr };
    };

    // A scheduler's SIGTERM: the process removes its own temp files on the way out.
    const stopped = await stopMidDownload('SIGTERM');
    expect(stopped).toEqual({
      exit: [143, null],
      stderr: 'update interrupted (SIGTERM); its temp files were removed\n',
    });
    expect(readdirSync(dir)).toEqual(['advisories.db']);
    expect(Buffer.compare(await readFile(dbPath), bytes)).toBe(0);

    // SIGKILL cannot be caught: the download folder stays until the next run.
    server.requests.length = 0;
    expect((await stopMidDownload('SIGKILL')).exit).toEqual([null, 'SIGKILL']);
    expect(Buffer.compare(await readFile(dbPath), bytes)).toBe(0);
    const litter = readdirSync(dir).filter((name) => name !== 'advisories.db');
    expect(litter).toEqual([expect.stringMatching(/^\.advisories\.db\.\d+\.[0-9a-f]{8}\.download$/)]);

    server.routes.set('/osv/Go/all.zip', { body: osvZip('Go', GO_CHANGED), etag: '"go-2"' });
    const next = await update();
    expect(next.code).toBe(0);
    expect(next.stdout).toMatch(/: 1 updated, 8 not modified\n$/);
    expect(readdirSync(dir)).toEqual(['advisories.db']);
    expect(idsOf(snapshot(dbPath), 'GO-')).toEqual(GO_CHANGED);
  });

  it('db status shows each source, its validator and last check, and warns when a check is over 7 days old', async () => {
    expect((await update('--feeds', 'kev,epss')).code).toBe(0);
    const db = new DatabaseSync(dbPath);
    db.prepare("UPDATE feeds SET checked_at = '2020-01-01T00:00:00.000Z' WHERE feed = 'kev'").run();
    db.close();

    const status = await runCli(['db', 'status', '--db', dbPath]);
    expect(status.code).toBe(0);
    const kevLine = status.stdout.split('\n').find((line) => line.startsWith('kev '));
    expect(kevLine).toMatch(
      new RegExp(
        `^kev +1404 +2025-08-25T17:04:19\\.979Z +\\S+ +2020-01-01T00:00:00\\.000Z +\\d+ d +"kev-1" +${server.url}/kev\\.json$`,
      ),
    );
    expect(status.stdout).toMatch(/\nFEED +RECORDS +FEED DATE +UPDATED +CHECKED +AGE +VALIDATOR +SOURCE\n/);
    expect(status.stderr).toMatch(
      new RegExp(
        `^warning: the kev data from ${server.url}/kev\\.json was last checked \\d+ days ago; run \`lucent db update\`\n$`,
      ),
    );
  });
});
