/**
 * `lucent scan --scanners builtin,grype,trivy` with fake `grype` and `trivy` executables on PATH that check the
 * arguments they are given and print fixtures in each tool's documented JSON format. Each fake waits until the other
 * has started, so a run that was not parallel fails; a failing plug-in is a warning; all failing is an error.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  SAMPLE_OSV_RECORDS,
  SAMPLE_PURLS,
  scannerSampleAnalysis,
} from '../src/matcher/scanners/testing/scanner-sample.ts';
import { encodeSbom } from '../src/sbom/encode.ts';
import { runCli } from './support/cli.ts';

const FIXTURES = {
  grype: fileURLToPath(new URL('../src/matcher/scanners/grype/__fixtures__/grype-sbom-scan.json', import.meta.url)),
  trivy: fileURLToPath(new URL('../src/matcher/scanners/trivy/__fixtures__/trivy-sbom-scan.json', import.meta.url)),
};

/**
 * A fake tool: checks its arguments against `expected` (the SBOM path as `SBOM`, Trivy's cache as `CACHE`), fails
 * when `FAKE_<NAME>_FAIL` says so, and with `FAKE_SYNC_DIR` set waits (up to 30 s) for `peer` to have started.
 */
function fakeTool(name: string, peer: string, expected: string[], fixture: string): string {
  return `#!${process.execPath}
const fs = require('node:fs');
const args = process.argv.slice(2);
if (process.env.FAKE_${name.toUpperCase()}_FAIL) {
  process.stderr.write(process.env.FAKE_${name.toUpperCase()}_FAIL + '\\n');
  process.exit(1);
}
const expected = ${JSON.stringify(expected)};
const sbom = args.find((arg) => arg.endsWith('sbom.cdx.json'))?.replace(/^sbom:/, '');
const shape = args.map((arg) => arg.replace(sbom, 'SBOM').replace(process.env.FAKE_TRIVY_CACHE, 'CACHE'));
if (!sbom || JSON.stringify(shape) !== JSON.stringify(expected)) {
  process.stderr.write('unexpected arguments: ' + JSON.stringify(args) + '\\n');
  process.exit(2);
}
const purls = JSON.parse(fs.readFileSync(sbom, 'utf8')).components.flatMap((c) => c.purl ? [c.purl] : []);
if (JSON.stringify(purls) !== process.env.FAKE_EXPECTED_PURLS) {
  process.stderr.write('not the expected SBOM: ' + JSON.stringify(purls) + '\\n');
  process.exit(2);
}
const sync = process.env.FAKE_SYNC_DIR;
if (sync) {
  fs.writeFileSync(sync + '/${name}.started', '');
  const wait = new Int32Array(new SharedArrayBuffer(4));
  for (let waited = 0; !fs.existsSync(sync + '/${peer}.started'); waited += 25) {
    if (waited > 30000) {
      process.stderr.write('${peer} never started while ${name} ran\\n');
      process.exit(3);
    }
    Atomics.wait(wait, 0, 0, 25);
  }
}
process.stdout.write(fs.readFileSync(${JSON.stringify(fixture)}, 'utf8'));
`;
}

let dir: string;
let db: string;
let sbom: string;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lucent-scanners-grype-'));
  const bin = join(dir, 'bin');
  const cache = join(dir, 'trivy-cache');
  await mkdir(bin);
  await mkdir(join(cache, 'db'), { recursive: true });
  // Trivy's DB only has to exist for the adapter to run Trivy; the fake never reads it.
  await writeFile(join(cache, 'db', 'trivy.db'), '');
  await writeFile(join(bin, 'grype'), fakeTool('grype', 'trivy', ['sbom:SBOM', '-o', 'json'], FIXTURES.grype), {
    mode: 0o755,
  });
  const trivyArgs = ['sbom', '--format', 'json', '--offline-scan', '--skip-db-update', '--skip-java-db-update'];
  await writeFile(
    join(bin, 'trivy'),
    fakeTool('trivy', 'grype', [...trivyArgs, '--quiet', '--cache-dir', 'CACHE', 'SBOM'], FIXTURES.trivy),
    { mode: 0o755 },
  );
  const records = join(dir, 'osv');
  await mkdir(records);
  for (const record of SAMPLE_OSV_RECORDS) await writeFile(join(records, `${record.id}.json`), JSON.stringify(record));
  db = join(dir, 'advisories.db');
  expect((await runCli(['db', 'import', records, '--db', db])).code).toBe(0);
  sbom = join(dir, 'app.cdx.json');
  const tool = { name: 'lucent', version: '0.1.0' };
  await writeFile(sbom, await encodeSbom('cyclonedx-json', { result: scannerSampleAnalysis(), tool }));
  env = {
    PATH: bin,
    LUCENT_GRYPE_PATH: '',
    LUCENT_TRIVY_PATH: '',
    LUCENT_DTRACK_URL: '',
    FAKE_TRIVY_CACHE: cache,
    FAKE_EXPECTED_PURLS: JSON.stringify(Object.values(SAMPLE_PURLS)),
  };
});

/** `lucent scan` of the sample SBOM with these scanners and flags. */
function scan(scanners: string, extra: string[] = [], extraEnv: NodeJS.ProcessEnv = {}) {
  const args = [
    '--no-cache',
    'scan',
    `sbom:${sbom}`,
    '--scanners',
    scanners,
    '--trivy-cache-dir',
    String(env.FAKE_TRIVY_CACHE),
  ];
  return runCli([...args, ...extra], { ...env, ...extraEnv });
}

/** The parts of a JSON report finding the merge decides. */
function merged(finding: Record<string, unknown>) {
  const { id, aliases, fixedVersions, severity, scanners, variants } = finding;
  return { id, aliases, purl: (finding.package as { purl: string }).purl, fixedVersions, severity, scanners, variants };
}

const severity = (level: string, source: string, score?: number, vector?: string) => ({
  level,
  score: score ?? null,
  vector: vector ?? null,
  source,
});
const LODASH = 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H';
const MINIMIST = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';
const MINIMIST_RECORD = 'CVSS:3.1/AV:N/AC:H/PR:L/UI:N/S:U/C:L/I:L/A:L';
const OPENSSL = 'CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:N/I:N/A:H';
const REQUESTS = 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:C/C:H/I:N/A:N';

describe('lucent scan with Grype and Trivy plug-ins', () => {
  it('runs the built-in matcher, Grype and Trivy in parallel and merges their findings with variants', async () => {
    const sync = await mkdtemp(join(dir, 'sync-'));
    const result = await scan('builtin,grype,trivy', ['--db', db, '-f', 'json'], { FAKE_SYNC_DIR: sync });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).findings.map(merged)).toEqual([
      {
        id: 'CVE-2021-23337',
        aliases: ['GHSA-35jh-r3h4-6jhm'],
        purl: SAMPLE_PURLS.lodash,
        fixedVersions: ['4.17.21'],
        severity: severity('HIGH', 'CVSS_V3 vector of GHSA-35jh-r3h4-6jhm', 7.2, LODASH),
        scanners: ['lucent', 'grype', 'trivy'],
        variants: [
          {
            scanner: 'lucent',
            id: 'CVE-2021-23337',
            severity: severity('HIGH', 'CVSS_V3 vector of GHSA-35jh-r3h4-6jhm', 7.2, LODASH),
            fixedVersions: ['4.17.21'],
          },
          {
            scanner: 'grype',
            id: 'GHSA-35jh-r3h4-6jhm',
            severity: severity('HIGH', 'grype:github:language:javascript', 7.2, LODASH),
            fixedVersions: ['4.17.21'],
          },
          {
            scanner: 'trivy',
            id: 'CVE-2021-23337',
            severity: severity('HIGH', 'trivy:ghsa', 7.2, LODASH),
            fixedVersions: ['4.17.21'],
          },
        ],
      },
      {
        // Found by Grype and Trivy only: the same level from both, so the one with a CVSS score; Grype's fix.
        id: 'CVE-2024-0727',
        aliases: [],
        purl: SAMPLE_PURLS.libssl3,
        fixedVersions: ['3.0.13-1~deb12u1'],
        severity: severity('MEDIUM', 'trivy:nvd', 5.5, OPENSSL),
        scanners: ['grype', 'trivy'],
        variants: [
          {
            scanner: 'grype',
            id: 'CVE-2024-0727',
            severity: severity('MEDIUM', 'grype:debian:distro:debian:12'),
            fixedVersions: ['3.0.13-1~deb12u1'],
          },
          {
            scanner: 'trivy',
            id: 'CVE-2024-0727',
            severity: severity('MEDIUM', 'trivy:nvd', 5.5, OPENSSL),
            fixedVersions: ['3.0.13-1~deb12u1'],
          },
        ],
      },
      {
        // The plug-ins say CRITICAL and Trivy names a second fixed branch: kept as variants, the built-in's shown.
        id: 'CVE-2021-44906',
        aliases: ['GHSA-xvch-5gv4-984h'],
        purl: SAMPLE_PURLS.minimist,
        fixedVersions: ['1.2.6'],
        severity: severity('MEDIUM', 'CVSS_V3 vector of GHSA-xvch-5gv4-984h', 5, MINIMIST_RECORD),
        scanners: ['lucent', 'grype', 'trivy'],
        variants: [
          {
            scanner: 'lucent',
            id: 'CVE-2021-44906',
            severity: severity('MEDIUM', 'CVSS_V3 vector of GHSA-xvch-5gv4-984h', 5, MINIMIST_RECORD),
            fixedVersions: ['1.2.6'],
          },
          {
            scanner: 'grype',
            id: 'GHSA-xvch-5gv4-984h',
            severity: severity('CRITICAL', 'grype:github:language:javascript', 9.8, MINIMIST),
            fixedVersions: ['1.2.6'],
          },
          {
            scanner: 'trivy',
            id: 'CVE-2021-44906',
            severity: severity('CRITICAL', 'trivy:ghsa', 9.8, MINIMIST),
            fixedVersions: ['1.2.6', '0.2.4'],
          },
        ],
      },
      {
        id: 'CVE-2023-32681',
        aliases: ['GHSA-j8r2-6x86-q33q'],
        purl: SAMPLE_PURLS.requests,
        fixedVersions: ['2.31.0'],
        severity: severity('MEDIUM', 'grype:github:language:python', 6.1, REQUESTS),
        scanners: ['grype', 'trivy'],
        variants: [
          {
            scanner: 'grype',
            id: 'GHSA-j8r2-6x86-q33q',
            severity: severity('MEDIUM', 'grype:github:language:python', 6.1, REQUESTS),
            fixedVersions: ['2.31.0'],
          },
          {
            scanner: 'trivy',
            id: 'CVE-2023-32681',
            severity: severity('MEDIUM', 'trivy:ghsa', 6.1, REQUESTS),
            fixedVersions: ['2.31.0'],
          },
        ],
      },
      {
        id: 'CVE-2023-5678',
        aliases: [],
        purl: SAMPLE_PURLS.libssl3,
        fixedVersions: [],
        severity: severity('LOW', 'trivy:debian'),
        scanners: ['grype', 'trivy'],
        variants: [
          {
            scanner: 'grype',
            id: 'CVE-2023-5678',
            severity: severity('NEGLIGIBLE', 'grype:debian:distro:debian:12'),
            fixedVersions: [],
          },
          { scanner: 'trivy', id: 'CVE-2023-5678', severity: severity('LOW', 'trivy:debian'), fixedVersions: [] },
        ],
      },
    ]);
  });

  it('shows the scanners of each finding in the table, and every affects.ref resolves in CycloneDX', async () => {
    const table = await scan('builtin,grype,trivy', ['--db', db]);
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n').slice(0, 6)).toEqual([
      expect.stringMatching(/^NAME +INSTALLED +FIXED-IN +VULNERABILITY +SEVERITY +SCANNERS +KEV +EPSS$/),
      expect.stringMatching(/^lodash +4\.17\.20 +4\.17\.21 +CVE-2021-23337 +HIGH +lucent, grype, trivy$/),
      expect.stringMatching(/^libssl3 +3\.0\.11-1~deb12u2 +3\.0\.13-1~deb12u1 +CVE-2024-0727 +MEDIUM +grype, trivy$/),
      expect.stringMatching(/^minimist +1\.2\.5 +1\.2\.6 +CVE-2021-44906 +MEDIUM +lucent, grype, trivy$/),
      expect.stringMatching(/^requests +2\.25\.0 +2\.31\.0 +CVE-2023-32681 +MEDIUM +grype, trivy$/),
      expect.stringMatching(/^libssl3 +3\.0\.11-1~deb12u2 +CVE-2023-5678 +LOW +grype, trivy$/),
    ]);
    const cdx = JSON.parse((await scan('builtin,grype,trivy', ['--db', db, '-f', 'cyclonedx-json'])).stdout);
    const refs = new Set(cdx.components.map((component: { 'bom-ref': string }) => component['bom-ref']));
    const affected = cdx.vulnerabilities.map((vuln: { affects: { ref: string }[] }) => vuln.affects[0]?.ref);
    expect(affected).toEqual([
      SAMPLE_PURLS.lodash,
      SAMPLE_PURLS.libssl3,
      SAMPLE_PURLS.minimist,
      SAMPLE_PURLS.requests,
      SAMPLE_PURLS.libssl3,
    ]);
    expect(affected.every((ref: string) => refs.has(ref))).toBe(true);
    // No component was added for a finding: every one maps back to the SBOM's own components.
    expect(cdx.components).toHaveLength(Object.keys(SAMPLE_PURLS).length + 1);
  });

  it('warns about a failing plug-in and a missing one, and reports what the others found', async () => {
    const result = await scan('builtin,grype,trivy,dependency-track', ['--db', db, '-f', 'json'], {
      FAKE_GRYPE_FAIL: 'failed to load vulnerability db: db does not exist',
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'warning: scanner grype skipped: exit code 1: failed to load vulnerability db: db does not exist\n' +
        'warning: scanner dependency-track skipped: no Dependency-Track URL (set --dtrack-url or LUCENT_DTRACK_URL)\n',
    );
    const findings = JSON.parse(result.stdout).findings;
    expect(findings.map((finding: { id: string; scanners: string[] }) => [finding.id, finding.scanners])).toEqual([
      ['CVE-2021-23337', ['lucent', 'trivy']],
      ['CVE-2024-0727', ['trivy']],
      ['CVE-2021-44906', ['lucent', 'trivy']],
      ['CVE-2023-32681', ['trivy']],
      ['CVE-2023-5678', ['trivy']],
    ]);
  });

  it('runs the plug-ins without the built-in matcher, and without an advisory DB', async () => {
    const result = await scan('grype,trivy', ['-f', 'json'], { LUCENT_DB: join(dir, 'no-such.db') });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const findings = JSON.parse(result.stdout).findings;
    expect(
      findings.map((finding: { id: string; severity: { level: string } }) => [finding.id, finding.severity.level]),
    ).toEqual([
      ['CVE-2021-44906', 'CRITICAL'],
      ['CVE-2021-23337', 'HIGH'],
      ['CVE-2024-0727', 'MEDIUM'],
      ['CVE-2023-32681', 'MEDIUM'],
      ['CVE-2023-5678', 'LOW'],
    ]);
  });

  it('fails with E_SCANNERS_FAILED when every chosen scanner fails', async () => {
    const result = await scan('grype,trivy', [], {
      FAKE_GRYPE_FAIL: 'failed to load vulnerability db: db does not exist',
      FAKE_TRIVY_FAIL: 'FATAL	Fatal error	init error: DB error: failed to load the DB',
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'error: every vulnerability scanner failed: ' +
        'grype: exit code 1: failed to load vulnerability db: db does not exist; ' +
        'trivy: exit code 1: FATAL\tFatal error\tinit error: DB error: failed to load the DB\n' +
        '  hint: install or configure the scanners (docs/scanners.md), or include the built-in one (--scanners builtin,…)\n',
    );
  });

  it('rejects an unknown scanner before scanning', async () => {
    const result = await scan('builtin,snyk', ['--db', db]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'error: unknown scanner: snyk\n  hint: --scanners takes a comma-separated list of builtin, grype, trivy, dependency-track\n',
    );
  });
});
