/**
 * Re-matching end to end, on SQLite and PostgreSQL, with a real `lucent server`: the Debian 10 nginx image is
 * scanned and exported against the real DSA/DLA lists minus DSA-4808-1; that one advisory is then imported with
 * `lucent db import`, a re-match is asked for, and the new findings appear with their own first-seen time (older
 * findings keep theirs), in the vulnerability list and in the trend, without the image being read again.
 */
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './support/cli.ts';
import { fixtureImage } from './support/fixtures.ts';
import { type ServerProcess, startServerProcess, waitFor } from './support/lucent-process.ts';
import { copyOf, debianAdvisories, freshQueueDatabase } from './support/queue-database.ts';
import { ENGINES } from './support/server-harness.ts';

const NGINX = fixtureImage('snyk-docker-plugin/docker-save_nginx.tar');
const TOKEN = 'lcn_rematch-test-admin-token-0123456789abcdef';

interface RunView {
  id: string;
  trigger: string;
  databaseVersion: string;
  status: string;
  total: number;
  pending: number;
  done: number;
  skipped: number;
  failed: number;
  added: number;
  removed: number;
}

interface Status {
  database: { exists: boolean; version: string; counts: { records: number } };
  rematch: { appliedVersion: string; upToDate: boolean; run: RunView };
  queue: { engine: string; depth: number };
}

interface VulnerabilityRow {
  vulnerabilityName: string;
  packageName: string;
  packageVersion: string;
  fixVersion: string;
  firstSeen: string;
  reportingScanners: string[];
}

let advisories: Awaited<ReturnType<typeof debianAdvisories>>;

beforeAll(async () => {
  advisories = await debianAdvisories();
});

afterAll(async () => {
  if (advisories) await rm(advisories.dir, { recursive: true, force: true });
});

describe.each(ENGINES)('re-matching on %s', (engine) => {
  let server: ServerProcess;
  let drop: () => Promise<void>;
  let advisoryDb: string;

  beforeAll(async () => {
    const database = await freshQueueDatabase(engine);
    drop = database.drop;
    advisoryDb = await copyOf(advisories.base, 'advisories.db');
    server = await startServerProcess({ databaseUrl: database.url, advisoryDb, token: TOKEN });
  });

  afterAll(async () => {
    await server?.process.kill('SIGTERM');
    await drop?.();
  });

  async function status(): Promise<Status> {
    const response = await server.api('GET', '/api/advisories/status');
    expect(response.status).toBe(200);
    return response.json as Status;
  }

  async function vulnerabilities(filter: string): Promise<{ total: number; items: VulnerabilityRow[] }> {
    const response = await server.api('GET', `/api/vulnerabilities?pageSize=100&sortKey=packageName&${filter}`);
    expect(response.status).toBe(200);
    return response.json as { total: number; items: VulnerabilityRow[] };
  }

  async function trend(start: Date, end: Date): Promise<Record<string, number>> {
    const query = `startTime=${start.toISOString()}&endTime=${end.toISOString()}&points=1`;
    const response = await server.api('GET', `/api/dashboard/trends/vulnerabilities?${query}`);
    expect(response.status).toBe(200);
    const [point] = response.json as { numOfVuls: { severity: string; count: number }[] }[];
    return Object.fromEntries((point?.numOfVuls ?? []).map((entry) => [entry.severity, entry.count]));
  }

  /** Waits until the latest run is done for the database's current version. */
  async function settledRun(previousRunId: string | undefined): Promise<Status> {
    return waitFor(
      async () => {
        const current = await status();
        const run = current.rematch.run;
        // A run is done once its last resource is; the queue marks that job completed a moment later.
        return run && run.id !== previousRunId && run.status === 'done' && current.queue.depth === 0
          ? current
          : undefined;
      },
      server.process,
      120_000,
    );
  }

  it('adds the findings of a newly imported advisory, first seen at the re-match, and shows them in the trend', async () => {
    const atStart = await status();
    expect(atStart.database.exists).toBe(true);
    expect(atStart.queue.engine).toBe(engine === 'sqlite' ? 'sqlite' : 'pg-boss');

    const before = new Date();
    const scanned = await runCli([
      '--no-cache',
      'scan',
      NGINX,
      '--db',
      advisoryDb,
      '--export',
      '--server',
      server.url,
      '--token',
      TOKEN,
      '--application',
      'nginx',
      '--create-application',
    ]);
    expect(scanned.stderr).toMatch(/exported to .*, 84 package\(s\), 69 finding\(s\)/);
    expect(scanned.code).toBe(0);
    const all = await vulnerabilities('');
    expect(all.total).toBe(69);
    expect((await vulnerabilities('vulnerabilityName[is]=CVE-2020-27350')).total).toBe(0);
    const older = (await vulnerabilities('vulnerabilityName[is]=CVE-2020-3810')).items;
    expect(older.map((row) => `${row.packageName} ${row.packageVersion} ${row.fixVersion}`)).toEqual([
      'apt 1.8.2 1.8.2.1',
      'libapt-pkg5.0 1.8.2 1.8.2.1',
    ]);

    const imported = await runCli(['db', 'import', advisories.extra, '--db', advisoryDb]);
    expect(imported.code).toBe(0);
    const importedAt = new Date();
    const previousRun = (await status()).rematch.run?.id;
    const requested = await server.api('POST', '/api/advisories/update', { download: false });
    expect(requested.status).toBe(202);
    expect(requested.json).toMatchObject({ rematchRequested: true, update: { state: 'idle' } });

    const after = await settledRun(previousRun);
    expect(after.database.counts.records).toBe(atStart.database.counts.records + 1);
    expect(after.database.version).not.toBe(atStart.database.version);
    expect(after.rematch).toMatchObject({ appliedVersion: after.database.version, upToDate: true });
    expect(after.rematch.run).toMatchObject({
      trigger: 'api',
      databaseVersion: after.database.version,
      status: 'done',
      total: 1,
      pending: 0,
      done: 1,
      skipped: 0,
      failed: 0,
      added: 2,
      removed: 0,
    });
    expect(after.queue.depth).toBe(0);

    const added = await vulnerabilities('vulnerabilityName[is]=CVE-2020-27350');
    expect(added.items.map((row) => `${row.packageName} ${row.packageVersion} ${row.fixVersion}`)).toEqual([
      'apt 1.8.2 1.8.2.2',
      'libapt-pkg5.0 1.8.2 1.8.2.2',
    ]);
    for (const row of added.items) {
      expect(row.reportingScanners).toEqual(['lucent']);
      expect(Date.parse(row.firstSeen)).toBeGreaterThanOrEqual(importedAt.getTime());
    }
    // Findings known before keep the time they were first seen.
    expect((await vulnerabilities('vulnerabilityName[is]=CVE-2020-3810')).items.map((row) => row.firstSeen)).toEqual(
      older.map((row) => row.firstSeen),
    );
    expect((await vulnerabilities('')).total).toBe(71);

    // The trend counts each pair once, in the interval it was first seen: 69 at the scan, 2 at the re-match.
    const now = new Date(Date.now() + 1000);
    expect(await trend(importedAt, now)).toEqual({
      CRITICAL: 0,
      HIGH: 0,
      MEDIUM: 0,
      LOW: 0,
      NEGLIGIBLE: 0,
      UNKNOWN: 2,
    });
    const atScan = await trend(before, importedAt);
    expect(Object.values(atScan).reduce((sum, count) => sum + count, 0)).toBe(69);
  });

  it('does nothing when asked again for the same database, and re-matches everything when forced', async () => {
    const current = await status();
    const again = await server.api('POST', '/api/advisories/update', { download: false });
    expect(again.status).toBe(202);
    // The planning job runs and finds the version already re-matched: no new run.
    await waitFor(async () => (await status()).queue.depth === 0 || undefined, server.process, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await status()).rematch.run.id).toBe(current.rematch.run.id);

    const forced = await server.api('POST', '/api/advisories/update', { download: false, force: true });
    expect(forced.status).toBe(202);
    const after = await settledRun(current.rematch.run.id);
    expect(after.rematch.run).toMatchObject({ trigger: 'api', total: 1, done: 1, added: 0, removed: 0 });
    expect((await vulnerabilities('')).total).toBe(71);
  });

  it('lets viewers read the status and only admins ask for an update', async () => {
    const created = await server.api('POST', '/api/auth/tokens', { name: `viewer-${engine}`, role: 'viewer' });
    expect(created.status).toBe(201);
    const viewer = { authorization: `Bearer ${(created.json as { token: string }).token}` };
    expect((await fetch(`${server.url}/api/advisories/status`, { headers: viewer })).status).toBe(200);
    const refused = await fetch(`${server.url}/api/advisories/update`, {
      method: 'POST',
      headers: { ...viewer, 'content-type': 'application/json' },
      body: JSON.stringify({ download: false }),
    });
    expect(refused.status).toBe(403);
    expect((await fetch(`${server.url}/api/advisories/status`)).status).toBe(401);
    const invalid = await server.api('POST', '/api/advisories/update', { download: 'yes' });
    expect(invalid.status).toBe(400);
    expect(invalid.json).toMatchObject({ code: 'E_INVALID_REQUEST' });
  });
});
