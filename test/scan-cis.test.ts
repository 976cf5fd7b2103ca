/**
 * `lucent scan --cis`: the CIS Docker Benchmark checks on the scanned image, in the JSON report (a `cis` section,
 * only when asked for) and the table, refused with a warning for what is not an image, and exported with the scan:
 * the server then serves them at `GET /api/cisdockerbenchmarkresults/{resourceId}`, as it does for runtime scans.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonReportSchema } from '../src/report/formats/json/schema.ts';
import { runCli } from './support/cli.ts';
import { writeDebianAppLayout } from './support/runtime-images.ts';
import { type Harness, startHarness } from './support/server-harness.ts';

const tracker = new URL('../src/advisories/importers/debian-tracker/__fixtures__/DSA-excerpt.txt', import.meta.url)
  .pathname;

let dir: string;
let layout: string;
let db: string;

/** What the checks find in the test image: no USER, no HEALTHCHECK, a setuid binary, port 80 exposed. */
const EXPECTED = [
  {
    code: 'CIS-DI-0001',
    level: 'WARN',
    title: 'Create a user for the container',
    details: ['no USER is set, so the container runs as root'],
  },
  {
    code: 'CIS-DI-0006',
    level: 'INFO',
    title: 'Add HEALTHCHECK instruction to the container image',
    details: ['the image has no HEALTHCHECK'],
  },
  {
    code: 'CIS-DI-0008',
    level: 'INFO',
    title: 'Confirm safety of setuid/setgid files',
    details: ['/usr/bin/passwd (setuid, mode 4755)'],
  },
  {
    code: 'LCT-DI-0001',
    level: 'INFO',
    title: 'Do not expose privileged ports (below 1024)',
    details: ['EXPOSE 80/tcp'],
  },
];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lucent-scan-cis-'));
  layout = join(dir, 'app');
  await mkdir(layout);
  await writeDebianAppLayout(layout);
  db = join(dir, 'advisories.db');
  expect((await runCli(['db', 'import', tracker, '--db', db])).code).toBe(0);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const scan = (...args: string[]) =>
  runCli(['--cache-dir', join(dir, 'cache'), 'scan', '--db', db, ...args], { NO_COLOR: '1' });

describe('lucent scan --cis', () => {
  it('adds the failed checks to the JSON report, with counts per level', async () => {
    const result = await scan(`oci-dir:${layout}`, '--cis', '-f', 'json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = jsonReportSchema.parse(JSON.parse(result.stdout));
    expect(report.cis).toEqual({ countPerLevel: { INFO: 3, WARN: 1, FATAL: 0 }, checks: EXPECTED });
  });

  it('leaves the section out when the checks were not asked for', async () => {
    const result = await scan(`oci-dir:${layout}`, '-f', 'json');
    expect(result.code).toBe(0);
    expect(Object.keys(JSON.parse(result.stdout))).not.toContain('cis');
  });

  it('lists them in the table, each with its details', async () => {
    const result = await scan(`oci-dir:${layout}`, '--cis');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'No vulnerabilities found.',
        '',
        'CIS Docker Benchmark (FATAL 0, WARN 1, INFO 3):',
        'CODE         LEVEL  TITLE',
        'CIS-DI-0001  WARN   Create a user for the container',
        '    - no USER is set, so the container runs as root',
        'CIS-DI-0006  INFO   Add HEALTHCHECK instruction to the container image',
        '    - the image has no HEALTHCHECK',
        'CIS-DI-0008  INFO   Confirm safety of setuid/setgid files',
        '    - /usr/bin/passwd (setuid, mode 4755)',
        'LCT-DI-0001  INFO   Do not expose privileged ports (below 1024)',
        '    - EXPOSE 80/tcp',
        '',
        '0 vulnerabilities: 0 CRITICAL, 0 HIGH, 0 MEDIUM, 0 LOW, 0 NEGLIGIBLE, 0 UNKNOWN; 0 fixable, 0 KEV',
        '',
      ].join('\n'),
    );
  });

  it('names the latest tag of an archive', async () => {
    const archive = new URL('./fixtures/images/snyk-docker-plugin/docker-save_hello-world.tar', import.meta.url)
      .pathname;
    const result = await scan(`docker-archive:${archive}`, '--cis', '-f', 'json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).cis.checks.map((check: { code: string; details: string[] }) => check)).toEqual([
      expect.objectContaining({ code: 'CIS-DI-0001' }),
      expect.objectContaining({ code: 'CIS-DI-0006' }),
      expect.objectContaining({ code: 'DKL-DI-0006', details: ['hello-world:latest uses the latest tag'] }),
    ]);
  });

  it('warns that a directory is not an image, and runs no checks', async () => {
    const result = await scan(`dir:${layout}`, '--cis', '-f', 'json');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`warning: --cis needs an image; dir:${layout} is not one, so no CIS checks ran\n`);
    expect(Object.keys(JSON.parse(result.stdout))).not.toContain('cis');
  });
});

describe('lucent scan --cis --export', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness('sqlite');
    await harness.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('sends the results with the scan, and the server serves them for the resource', async () => {
    const { port } = harness.app.server.address() as { port: number };
    const result = await scan(
      `oci-dir:${layout}`,
      '--cis',
      '-f',
      'json',
      '--export',
      '--server',
      `http://127.0.0.1:${port}`,
      '--token',
      harness.tokens.writer,
      '--application',
      'cis-app',
      '--create-application',
    );
    expect({ code: result.code, stderr: result.stderr.replace(/^exported .*\n/m, '') }).toEqual({
      code: 0,
      stderr: '',
    });
    const digest = JSON.parse(result.stdout).source.manifestDigest;
    const headers = harness.as('viewer');
    const resources = await harness.app.inject({
      url: `/api/applicationResources?resourceHash[is]=${encodeURIComponent(digest)}`,
      headers,
    });
    const id = resources.json().items[0].id;
    const cis = await harness.app.inject({ url: `/api/cisdockerbenchmarkresults/${id}?sortKey=code`, headers });
    expect(cis.statusCode).toBe(200);
    expect(
      cis
        .json()
        .items.map((check: { code: string; level: string; title: string; desc: string }) => [
          check.code,
          check.level,
          check.title,
          check.desc,
        ]),
    ).toEqual(EXPECTED.map((check) => [check.code, check.level, check.title, check.details.join(', ')]));
  });
});
