/**
 * `lucent scan` with a policy, as users run it: the Debian 10 nginx image against the Debian security tracker's
 * DSA/DLA lists, with a `.lucent.yaml` ignore file (found in the working directory or named), an OpenVEX and a
 * CycloneDX VEX document. Asserts the exact findings left, the suppressed ones with their source, and exit codes.
 */
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, runCli } from './support/cli.ts';
import { fixtureImage } from './support/fixtures.ts';

const NGINX = fixtureImage('snyk-docker-plugin/docker-save_nginx.tar');
const BIN = fileURLToPath(new URL('../bin/lucent.js', import.meta.url));
const tracker = new URL('../src/advisories/importers/debian-tracker/__fixtures__/', import.meta.url).pathname;

const IGNORE_FILE = `# accepted risks of the nginx image
ignore:
  - id: DSA-4808-1
    package: "libapt*"
    reason: apt's HTTP transport is never used at run time
  - package: pkg:deb/debian/tzdata
    reason: time zone data, no code
  - id: CVE-2019-5094
    reason: accepted until the base image moves
    expires: 2020-01-01
`;

const OPENVEX = {
  '@context': 'https://openvex.dev/ns/v0.2.0',
  '@id': 'https://example.com/vex/nginx-1',
  author: 'Example Security <security@example.com>',
  timestamp: '2024-05-01T12:00:00Z',
  version: 1,
  statements: [
    {
      vulnerability: { name: 'CVE-2021-33910' },
      products: [
        {
          '@id': 'pkg:oci/nginx',
          subcomponents: [{ '@id': 'pkg:deb/debian/libsystemd0@241-7~deb10u1?arch=amd64' }],
        },
      ],
      status: 'not_affected',
      justification: 'vulnerable_code_not_in_execute_path',
      impact_statement: 'systemd does not run in the container',
    },
    {
      vulnerability: { name: 'CVE-2022-29458' },
      products: [{ '@id': 'pkg:deb/debian/ncurses-base' }],
      status: 'fixed',
    },
    {
      vulnerability: { name: 'CVE-2022-1664' },
      products: [{ '@id': 'pkg:deb/debian/dpkg@1.19.7' }],
      status: 'affected',
      action_statement: 'rebuild on a newer base image',
    },
  ],
};

const CYCLONEDX_VEX = {
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  version: 1,
  components: [{ type: 'library', 'bom-ref': 'lz4', name: 'liblz4-1', purl: 'pkg:deb/debian/liblz4-1@1.8.3-1' }],
  vulnerabilities: [
    {
      id: 'DSA-4919-1',
      analysis: { state: 'false_positive', detail: 'lz4 is only linked, never called' },
      affects: [{ ref: 'lz4' }],
    },
    {
      id: 'CVE-2018-25032',
      analysis: { state: 'not_affected', justification: 'code_not_reachable' },
      // Trivy writes a Debian epoch as a qualifier; Lucent's purl has it in the version (1:1.2.11.dfsg-1).
      affects: [{ ref: 'pkg:deb/debian/zlib1g@1.2.11.dfsg-1?epoch=1' }],
    },
  ],
};

/** The suppressed findings the three files must give, as `id package source origin`. */
const SUPPRESSED = [
  'CVE-2020-27350 libapt-pkg5.0 ignore-file .lucent.yaml ignore[0]',
  'CVE-2021-3520 liblz4-1 vex cdx.vex.json vulnerabilities[0]',
  'CVE-2021-33910 libsystemd0 vex openvex.json statements[0]',
  'CVE-2022-29458 ncurses-base vex openvex.json statements[1]',
  'DLA-3134-1 tzdata ignore-file .lucent.yaml ignore[1]',
  'DLA-3161-1 tzdata ignore-file .lucent.yaml ignore[1]',
  'DLA-3366-1 tzdata ignore-file .lucent.yaml ignore[1]',
  'CVE-2018-25032 zlib1g vex cdx.vex.json vulnerabilities[1]',
];

interface JsonFinding {
  id: string;
  package: { name: string; purl: string };
  suppression?: { source: string; origin: string | null; reason: string; status: string | null };
}

let dir: string;
let project: string;
let db: string;
let baseline: string[];

/** Runs the CLI in a working directory (the ignore file is looked up there). */
function runIn(cwd: string, args: string[]): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, '--no-cache', ...args], { cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

const key = (finding: JsonFinding) => `${finding.id} ${finding.package.purl}`;
const warningsOf = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('warning: .lucent.yaml'));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lucent-policy-'));
  project = join(dir, 'project');
  await mkdir(project);
  db = join(dir, 'advisories.db');
  const lists = await Promise.all(
    ['DSA-list.txt', 'DLA-list.txt'].map(async (name) => {
      const target = join(dir, name);
      await pipeline(createReadStream(join(tracker, `${name}.gz`)), createGunzip(), createWriteStream(target));
      return target;
    }),
  );
  expect((await runCli(['db', 'import', ...lists, '--db', db])).code).toBe(0);
  await writeFile(join(project, '.lucent.yaml'), IGNORE_FILE);
  await writeFile(join(project, 'openvex.json'), JSON.stringify(OPENVEX, null, 2));
  await writeFile(join(project, 'cdx.vex.json'), JSON.stringify(CYCLONEDX_VEX, null, 2));
  const plain = await runIn(dir, ['scan', NGINX, '--db', db, '-f', 'json']);
  baseline = (JSON.parse(plain.stdout).findings as JsonFinding[]).map(key).sort();
  expect(baseline).toHaveLength(71);
});

describe('lucent scan with a policy', () => {
  const policyArgs = ['--vex', 'openvex.json', '--vex', 'cdx.vex.json'];

  it('drops what the ignore file and the VEX documents cover, and lists it with --show-suppressed', async () => {
    const result = await runIn(project, ['scan', NGINX, '--db', db, '-f', 'json', ...policyArgs, '--show-suppressed']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { findings: JsonFinding[]; suppressed: JsonFinding[]; summary: object };
    const suppressed = report.suppressed.map(
      (finding) =>
        `${finding.id} ${finding.package.name} ${finding.suppression?.source} ${finding.suppression?.origin}`,
    );
    expect(suppressed).toEqual(SUPPRESSED);
    const suppressedKeys = new Set(report.suppressed.map(key));
    expect(report.findings.map(key).sort()).toEqual(baseline.filter((entry) => !suppressedKeys.has(entry)));
    expect(report.findings).toHaveLength(63);
    expect(report.summary).toMatchObject({ total: 63, suppressed: 8 });
    expect(report.suppressed.find((finding) => finding.package.name === 'libsystemd0')?.suppression).toEqual({
      source: 'vex',
      reason: 'systemd does not run in the container',
      justification: 'vulnerable_code_not_in_execute_path',
      status: 'not_affected',
      origin: 'openvex.json statements[0]',
    });
    // The expired entry suppresses nothing and says so.
    expect(report.findings.filter((finding) => finding.id === 'CVE-2019-5094')).toHaveLength(4);
    expect(warningsOf(result.stderr)).toEqual([
      'warning: .lucent.yaml ignore[2] (CVE-2019-5094) expired on 2020-01-01: it no longer suppresses anything',
    ]);
  });

  it('without --show-suppressed, counts them only; the table marks them with it', async () => {
    const hidden = await runIn(project, ['scan', NGINX, '--db', db, ...policyArgs]);
    expect(hidden.stdout).toContain('63 vulnerabilities: ');
    expect(hidden.stdout).toMatch(/; 8 suppressed\n$/);
    expect(hidden.stdout).not.toContain('Suppressed (');
    const shown = await runIn(project, ['scan', NGINX, '--db', db, ...policyArgs, '--show-suppressed']);
    const section = shown.stdout.slice(shown.stdout.indexOf('Suppressed (8):'));
    expect(section.split('\n')[1]).toMatch(/^NAME\s+INSTALLED\s+VULNERABILITY\s+SEVERITY\s+SUPPRESSED-BY\s+REASON$/);
    expect(section).toMatch(
      /^libsystemd0 +241-7~deb10u1 +CVE-2021-33910 +UNKNOWN +vex not_affected \(vulnerable_code_not_in_execute_path\) +systemd does not run in the container \[openvex\.json statements\[0\]\]$/m,
    );
    expect(section).toMatch(/^tzdata +2019b-0\+deb10u1 +DLA-3134-1 +UNKNOWN +ignore-file +time zone data, no code/m);
  });

  it('carries suppressions into SARIF, CycloneDX and CSV', async () => {
    const run = async (format: string) =>
      (await runIn(project, ['scan', NGINX, '--db', db, '-f', format, ...policyArgs, '--show-suppressed'])).stdout;
    const sarif = JSON.parse(await run('sarif'));
    const suppressedResults = sarif.runs[0].results.filter((result: { suppressions?: unknown }) => result.suppressions);
    expect(suppressedResults).toHaveLength(8);
    const cdx = JSON.parse(await run('cyclonedx-json'));
    const zlib = cdx.vulnerabilities.find((vuln: { id: string }) => vuln.id === 'CVE-2018-25032');
    expect(zlib.analysis).toEqual({
      state: 'not_affected',
      justification: 'code_not_reachable',
      detail: 'VEX: not_affected (code_not_reachable)',
    });
    const ncurses = cdx.vulnerabilities.find(
      (vuln: { id: string; analysis?: unknown }) => vuln.id === 'CVE-2022-29458' && vuln.analysis,
    );
    expect(ncurses.analysis.state).toBe('resolved');
    const csv = (await run('csv')).split('\r\n');
    expect(csv.filter((line) => line.includes(',ignore-file,'))).toHaveLength(4);
    expect(csv.filter((line) => line.includes(',vex:not_affected,') || line.includes(',vex:fixed,'))).toHaveLength(4);
  });

  it('exit codes: 2 when a remaining finding fails --fail-on, 0 when every failing finding is suppressed', async () => {
    const failing = await runIn(project, ['scan', NGINX, '--db', db, '-o', join(dir, 'r.txt'), '--fail-on', 'unknown']);
    expect(failing.code).toBe(2);
    // 71 findings, 4 of them suppressed by the project's .lucent.yaml.
    expect(failing.stderr).toContain('policy failed: 67 finding(s) at or above UNKNOWN (--fail-on unknown)');
    await writeFile(join(dir, 'all.yaml'), 'ignore:\n  - package: "*"\n    reason: all accepted\n');
    const passing = await runIn(project, [
      'scan',
      NGINX,
      '--db',
      db,
      '--ignore-file',
      join(dir, 'all.yaml'),
      '--fail-on',
      'unknown',
    ]);
    expect(passing.code).toBe(0);
    expect(passing.stdout).toBe(
      'No vulnerabilities found.\n\n0 vulnerabilities: 0 CRITICAL, 0 HIGH, 0 MEDIUM, 0 LOW, 0 NEGLIGIBLE, 0 UNKNOWN; 0 fixable, 0 KEV; 71 suppressed\n',
    );
  });

  it('--config names the ignore file too; the .lucent.yaml of the working directory is then not read', async () => {
    await writeFile(join(dir, 'tz.yaml'), 'ignore:\n  - package: tzdata\n');
    const result = await runIn(project, ['scan', NGINX, '--db', db, '-f', 'json', '--config', join(dir, 'tz.yaml')]);
    const report = JSON.parse(result.stdout);
    expect(report.summary).toMatchObject({ total: 68, suppressed: 3 });
    expect(warningsOf(result.stderr)).toEqual([]);
  });

  it.each([
    ['a missing ignore file', ['--ignore-file', 'nope.yaml'], 'error: ignore file not found: nope.yaml'],
    ['a missing VEX file', ['--vex', 'nope.json'], 'error: VEX document not found: nope.json'],
    ['an EPSS threshold out of range', ['--fail-on-epss', '1.5'], 'expected a probability from 0 to 1'],
  ])('stops with exit code 1 on %s', async (_name, args, message) => {
    const result = await runIn(project, ['scan', NGINX, '--db', db, ...args]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(message);
  });

  it('names the file and the field of a malformed ignore file', async () => {
    await writeFile(join(dir, 'bad.yaml'), 'ignore:\n  - id: CVE-2022-1664\n    expires: someday\n');
    const result = await runIn(project, ['scan', NGINX, '--db', db, '--ignore-file', join(dir, 'bad.yaml')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `error: invalid ${join(dir, 'bad.yaml')}: ignore[0].expires: expected a date (YYYY-MM-DD) or an RFC 3339 date-time`,
    );
  });
});
