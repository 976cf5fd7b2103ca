/** Prometheus metrics at /metrics, on SQLite and PostgreSQL: severity counts, ingestion and request timings. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
