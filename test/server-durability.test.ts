/**
 * Durability with real processes killed by SIGKILL (nothing runs on the way out):
 * - a server killed in the middle of storing a 5,000-package report restarts with all of it or none of it;
 * - with two `lucent worker` processes on PostgreSQL, the one running a re-match job is killed and the other finishes
 *   that job;
 * - on SQLite, a server killed in the middle of a re-match job runs it again after a restart.
 * The re-match jobs do real work: a 5,000-package SBOM named after real Debian source packages, matched against the
 * real DSA and DLA lists.
 */
import { rm } from 'node:fs/promises';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advisoryLookup, openAdvisoryDb } from '../src/advisories/db/queries.ts';
import { matchPackages } from '../src/matcher/match.ts';
import { decodeSbom } from '../src/sbom/decode.ts';
import { resourceId } from '../src/server/store/ids.ts';
import { openStore } from '../src/server/store/open-store.ts';
import { cycloneDx, largeContentAnalysis, largePackages, largeVulnerabilityScan } from './support/large-resource.ts';
import { type ServerProcess, startLucent, startServerProcess, waitFor } from './support/lucent-process.ts';
import { copyOf, debianAdvisories, freshQueueDatabase } from './support/queue-database.ts';
import { ENGINES, type Engine, POSTGRES_URL } from './support/server-harness.ts';

const TOKEN = 'lcn_durability-test-admin-token-0123456789';
const PACKAGES = 5000;

let advisories: Awaited<ReturnType<typeof debianAdvisories>>;

beforeAll(async () => {
  advisories = await debianAdvisories();
});

afterAll(async () => {
  if (advisories) await rm(advisories.dir, { recursive: true, force: true });
});

async function createApplication(server: ServerProcess, name: string): Promise<string> {
  const created = await server.api('POST', '/api/applications', { name, type: 'IMAGE' });
  expect(created.status).toBe(201);
  return (created.json as { id: string }).id;
}

/** Rows the report wrote, table by table. */
async function storedCounts(databaseUrl: string, hash: string) {
  const store = await openStore(databaseUrl);
  const resource = resourceId(hash);
  const count = async (query: { executeTakeFirstOrThrow(): Promise<{ n: number | string | bigint }> }) =>
    Number((await query.executeTakeFirstOrThrow()).n);
  try {
    const { db } = store;
    return {
      resources: await count(
        db
          .selectFrom('resources')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('id', '=', resource),
      ),
      resourcePackages: await count(
        db
          .selectFrom('resource_packages')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('resource_id', '=', resource),
      ),
      packages: await count(
        db
          .selectFrom('packages')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('version', 'like', '0.%-1'),
      ),
      findings: await count(
        db
          .selectFrom('findings')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('resource_id', '=', resource),
      ),
      vulnerabilities: await count(
        db
          .selectFrom('vulnerabilities')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('name', 'like', 'CVE-2099-%'),
      ),
      pairs: await count(
        db
          .selectFrom('vulnerability_packages')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('vulnerability_name', 'like', 'CVE-2099-%'),
      ),
      scans: await count(
        db
          .selectFrom('scans')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('resource_id', '=', resource),
      ),
    };
  } finally {
    await store.close();
  }
}

/** Resolves once the report's transaction is open in the server: the write lock or the ingestion lock is held. */
async function ingestionUnderWay(engine: Engine, databaseUrl: string, inFlight: () => boolean): Promise<void> {
  if (engine === 'sqlite') {
    // Another connection asks for the write lock without waiting: SQLITE_BUSY for 25 ms in a row means a writer
    // holds it, and the only writer here is the ingestion (the server runs no jobs: --workers 0).
    const probe = new DatabaseSync(databaseUrl.slice('sqlite:'.length), { timeout: 0 });
    try {
      let busySince: number | undefined;
      for (;;) {
        if (!inFlight()) throw new Error('the request ended before its transaction was seen');
        try {
          probe.exec('begin immediate');
          probe.exec('rollback');
          busySince = undefined;
        } catch {
          busySince ??= Date.now();
          if (Date.now() - busySince >= 25) return;
        }
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    } finally {
      probe.close();
    }
  }
  // PostgreSQL: ingestion holds a transaction-scoped advisory lock ("lucent" = 0x6c7563656e74) until it commits.
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    for (;;) {
      if (!inFlight()) throw new Error('the request ended before its transaction was seen');
      const { rows } = await client.query(
        `select count(*)::int as n from pg_locks
         where locktype = 'advisory' and granted and classid = $1 and objid = $2`,
        [0x6c75, 0x63656e74],
      );
      if (rows[0].n > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    await client.end();
  }
}

describe.each(ENGINES)('a server killed with kill -9 during a 5,000-package ingestion (%s)', (engine) => {
  let drop: () => Promise<void> = async () => undefined;
  afterAll(async () => drop());

  it('restarts with all of the report or none of it, and stores it whole when sent again', async () => {
    const database = await freshQueueDatabase(engine);
    drop = database.drop;
    const advisoryDb = `${advisories.dir}/absent-${engine}.db`;
    const args = ['--workers', '0'];
    const server = await startServerProcess({ databaseUrl: database.url, advisoryDb, token: TOKEN, args });
    const applicationId = await createApplication(server, 'durability');
    const hash = `sha256:${'d'.repeat(64)}`;
    const report = largeVulnerabilityScan(PACKAGES, hash);

    let inFlight = true;
    const request = fetch(`${server.url}/api/applications/vulnerabilityScan/${applicationId}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(report),
    }).then(
      (response) => ({ answered: response.status }),
      (error: unknown) => ({ failed: String(error) }),
    );
    void request.finally(() => {
      inFlight = false;
    });
    await ingestionUnderWay(engine, database.url, () => inFlight);
    expect(await server.process.kill('SIGKILL')).toBe('SIGKILL');
    // The request never got an answer: the server died with its transaction open.
    expect(await request).toMatchObject({ failed: expect.any(String) });

    const restarted = await startServerProcess({ databaseUrl: database.url, advisoryDb, token: TOKEN, args });
    try {
      const counts = await storedCounts(database.url, hash);
      const none = {
        resources: 0,
        resourcePackages: 0,
        packages: 0,
        findings: 0,
        vulnerabilities: 0,
        pairs: 0,
        scans: 0,
      };
      const all = {
        resources: 1,
        resourcePackages: PACKAGES,
        packages: PACKAGES,
        findings: PACKAGES,
        vulnerabilities: PACKAGES,
        pairs: PACKAGES,
        scans: 1,
      };
      expect([none, all]).toContainEqual(counts);
      if (engine === 'sqlite') {
        const file = new DatabaseSync(database.url.slice('sqlite:'.length), { readOnly: true });
        expect(file.prepare('pragma integrity_check').get()).toEqual({ integrity_check: 'ok' });
        file.close();
      }
      const listed = await restarted.api('GET', '/api/vulnerabilities?vulnerabilityName[start]=CVE-2099-&pageSize=1');
      expect((listed.json as { total: number }).total).toBe(counts.pairs);

      const again = await restarted.api('POST', `/api/applications/vulnerabilityScan/${applicationId}`, report);
      expect(again.status).toBe(201);
      expect(again.json).toMatchObject({ packages: PACKAGES, findings: PACKAGES });
      expect(await storedCounts(database.url, hash)).toEqual(all);
    } finally {
      await restarted.process.kill('SIGTERM');
    }
  });
});

/** The findings the matcher gives the large resource's packages against the advisory database at `path`. */
async function expectedFindings(path: string): Promise<number> {
  const packages = decodeSbom(JSON.stringify(cycloneDx(largePackages(PACKAGES)))).packages;
  const db = await openAdvisoryDb(path);
  try {
    const findings = matchPackages(packages, { id: 'debian', versionId: '10' }, advisoryLookup(db));
    return new Set(findings.map((finding) => `${finding.packagePurl} ${finding.id}`)).size;
  } finally {
    db.close();
  }
}

async function findingCount(databaseUrl: string, hash: string): Promise<number> {
  return (await storedCounts(databaseUrl, hash)).findings;
}

function isJobLog(message: string, kind: string, jobId?: string) {
  return (line: Record<string, unknown>) =>
    line.msg === message && line.kind === kind && (jobId === undefined || line.jobId === jobId);
}

describe('two lucent workers on PostgreSQL', () => {
  let drop: () => Promise<void> = async () => undefined;
  afterAll(async () => drop());

  it('finishes the re-match job of a worker killed with SIGKILL in the middle of it', async () => {
    const database = await freshQueueDatabase('postgres');
    drop = database.drop;
    const advisoryDb = await copyOf(advisories.base, 'advisories.db');
    const server = await startServerProcess({
      databaseUrl: database.url,
      advisoryDb,
      token: TOKEN,
      args: ['--workers', '0'],
    });
    const workerArgs = ['worker', '--database-url', database.url, '--advisory-db', advisoryDb];
    const workers = [startLucent(workerArgs), startLucent(workerArgs)];
    try {
      await Promise.all(
        workers.map((worker) =>
          waitFor(() => /Lucent worker running/.test(worker.output()) || undefined, worker, 60_000),
        ),
      );
      const hash = `sha256:${'e'.repeat(64)}`;
      const applicationId = await createApplication(server, 'workers');
      const stored = await server.api(
        'POST',
        `/api/applications/contentAnalysis/${applicationId}`,
        largeContentAnalysis(PACKAGES, hash),
      );
      expect(stored.status).toBe(201);
      expect(await findingCount(database.url, hash)).toBe(0);

      expect((await server.api('POST', '/api/advisories/update', { download: false, force: true })).status).toBe(202);
      const started = await Promise.any(
        workers.map(async (worker) => ({
          worker,
          line: await worker.waitForLog(isJobLog('job started', 'rematch-resource'), 120_000),
        })),
      );
      const jobId = started.line.jobId as string;
      expect(started.line.attempt).toBe(1);
      expect(await started.worker.kill('SIGKILL')).toBe('SIGKILL');
      expect(started.worker.logs().some(isJobLog('job completed', 'rematch-resource', jobId))).toBe(false);

      // The survivor takes the job once its lease has run out (30 s; pg-boss's maintenance looks every 7 s), after the
      // kind's retry delay (30 s), and runs it to the end: on a quiet machine about 90 s after the kill; the wait
      // allows for a loaded CI machine, where the re-match of 5,000 packages alone can take a minute.
      const survivor = workers.find((worker) => worker !== started.worker);
      if (!survivor) throw new Error('no surviving worker');
      await survivor.waitForLog(isJobLog('job completed', 'rematch-resource', jobId), 240_000);
      expect(survivor.logs().find(isJobLog('job started', 'rematch-resource', jobId))).toMatchObject({ attempt: 2 });

      const status = (await server.api('GET', '/api/advisories/status')).json as { rematch: { run: unknown } };
      expect(status.rematch.run).toMatchObject({ status: 'done', total: 1, done: 1, failed: 0, pending: 0 });
      const expected = await expectedFindings(advisoryDb);
      expect(expected).toBeGreaterThan(1000);
      expect(await findingCount(database.url, hash)).toBe(expected);
    } finally {
      await Promise.all(workers.map((worker) => worker.kill('SIGTERM')));
      await server.process.kill('SIGTERM');
    }
  }, 420_000);
});

describe('the SQLite queue', () => {
  let drop: () => Promise<void> = async () => undefined;
  afterAll(async () => drop());

  it('runs a re-match job again after a restart when its server was killed with SIGKILL in the middle of it', async () => {
    const database = await freshQueueDatabase('sqlite');
    drop = database.drop;
    const advisoryDb = await copyOf(advisories.base, 'advisories.db');
    const server = await startServerProcess({ databaseUrl: database.url, advisoryDb, token: TOKEN });
    const hash = `sha256:${'f'.repeat(64)}`;
    const applicationId = await createApplication(server, 'restart');
    const stored = await server.api(
      'POST',
      `/api/applications/contentAnalysis/${applicationId}`,
      largeContentAnalysis(PACKAGES, hash),
    );
    expect(stored.status).toBe(201);
    expect((await server.api('POST', '/api/advisories/update', { download: false, force: true })).status).toBe(202);
    const started = await server.process.waitForLog(isJobLog('job started', 'rematch-resource'), 120_000);
    const jobId = started.jobId as string;
    expect(await server.process.kill('SIGKILL')).toBe('SIGKILL');
    expect(server.process.logs().some(isJobLog('job completed', 'rematch-resource', jobId))).toBe(false);

    const restarted = await startServerProcess({ databaseUrl: database.url, advisoryDb, token: TOKEN });
    try {
      await restarted.process.waitForLog(isJobLog('job completed', 'rematch-resource', jobId), 120_000);
      expect(restarted.process.logs().find(isJobLog('job started', 'rematch-resource', jobId))).toMatchObject({
        attempt: 2,
      });
      const status = (await restarted.api('GET', '/api/advisories/status')).json as { rematch: { run: unknown } };
      expect(status.rematch.run).toMatchObject({ status: 'done', total: 1, done: 1, failed: 0, pending: 0 });
      expect(await findingCount(database.url, hash)).toBe(await expectedFindings(advisoryDb));
    } finally {
      await restarted.process.kill('SIGTERM');
    }
  });
});
