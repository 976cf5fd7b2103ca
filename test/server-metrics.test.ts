/**
 * Prometheus metrics at /metrics, on SQLite and PostgreSQL: severity counts, ingestion and request timings, and
 * re-matching read from its run rows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addItems, createRun, finishItem, startRun } from '../src/server/services/rematch-runs.ts';
import { ENGINES, type Harness, seedSample, startHarness } from './support/server-harness.ts';

/** The value of one sample line, e.g. `lucent_vulnerabilities{severity="HIGH"}`. */
function sample(text: string, name: string): number | undefined {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}

describe.each(ENGINES)('metrics on %s', (engine) => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness(engine);
    await seedSample(harness);
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('needs a viewer, and counts stored vulnerabilities per severity', async () => {
    expect((await harness.app.inject({ url: '/metrics' })).statusCode).toBe(401);
    const response = await harness.app.inject({ url: '/metrics', headers: harness.as('viewer') });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = response.body;
    expect(sample(text, 'lucent_vulnerabilities{severity="CRITICAL"}')).toBe(1);
    expect(sample(text, 'lucent_vulnerabilities{severity="HIGH"}')).toBe(1);
    expect(sample(text, 'lucent_vulnerabilities{severity="MEDIUM"}')).toBe(0);
    expect(sample(text, 'lucent_queue_depth')).toBe(0);
    expect(sample(text, 'lucent_ingest_duration_seconds_count{kind="contentAnalysis"}')).toBe(2);
    expect(sample(text, 'lucent_ingest_duration_seconds_count{kind="vulnerabilityScan"}')).toBe(2);
    expect(
      sample(
        text,
        'lucent_http_request_duration_seconds_count{method="POST",route="/api/applications/contentAnalysis/:id",status_code="201"}',
      ),
    ).toBe(2);
    expect(text).toContain('# TYPE lucent_scan_duration_seconds histogram');
  });

  it('reads re-matching runs, resources, findings and durations from the run rows', async () => {
    const scrape = async () => (await harness.app.inject({ url: '/metrics', headers: harness.as('viewer') })).body;
    const before = await scrape();
    expect(sample(before, 'lucent_rematch_findings_added_total')).toBe(0);
    expect(before).toContain('# TYPE lucent_rematch_resources_total counter');
    expect(sample(before, 'lucent_rematch_last_run_duration_seconds')).toBe(0);

    // A finished run over two resources (one re-matched, one failed) and a second run still going.
    const db = harness.store.db;
    await createRun(db, { id: 'run-1', trigger: 'test', databaseVersion: 'v1', at: '2025-03-01T10:00:00.000Z' });
    await addItems(db, 'run-1', ['r1', 'r2']);
    await startRun(db, 'run-1', 2, '2025-03-01T10:00:01.000Z');
    const done = { status: 'done', findings: 5, added: 3, removed: 1 } as const;
    await finishItem(db, { runId: 'run-1', resourceId: 'r1', at: '2025-03-01T10:00:05.000Z' }, done);
    const failed = { status: 'failed', error: 'no SBOM' } as const;
    await finishItem(db, { runId: 'run-1', resourceId: 'r2', at: '2025-03-01T10:00:12.500Z' }, failed);
    await createRun(db, { id: 'run-2', trigger: 'test', databaseVersion: 'v2', at: '2025-03-02T10:00:00.000Z' });
    await addItems(db, 'run-2', ['r1', 'r2']);
    await startRun(db, 'run-2', 2, '2025-03-02T10:00:01.000Z');
    await finishItem(db, { runId: 'run-2', resourceId: 'r1', at: '2025-03-02T10:00:02.000Z' }, { ...done, added: 2 });

    for (let scrapeCount = 0; scrapeCount < 2; scrapeCount++) {
      const text = await scrape();
      expect(sample(text, 'lucent_rematch_runs{status="done"}')).toBe(1);
      expect(sample(text, 'lucent_rematch_runs{status="running"}')).toBe(1);
      expect(sample(text, 'lucent_rematch_resources_total{outcome="done"}')).toBe(2);
      expect(sample(text, 'lucent_rematch_resources_total{outcome="failed"}')).toBe(1);
      expect(sample(text, 'lucent_rematch_findings_added_total')).toBe(5);
      expect(sample(text, 'lucent_rematch_findings_removed_total')).toBe(2);
      expect(sample(text, 'lucent_rematch_run_duration_seconds_total')).toBe(12.5);
      expect(sample(text, 'lucent_rematch_last_run_duration_seconds')).toBe(12.5);
    }
  });

  it('keeps one registry per app', async () => {
    const other = await startHarness(engine);
    try {
      const text = (await other.app.inject({ url: '/metrics', headers: other.as('viewer') })).body;
      expect(sample(text, 'lucent_ingest_duration_seconds_count{kind="contentAnalysis"}')).toBeUndefined();
      expect(sample(text, 'lucent_vulnerabilities{severity="CRITICAL"}')).toBe(0);
    } finally {
      await other.close();
    }
  });
});
