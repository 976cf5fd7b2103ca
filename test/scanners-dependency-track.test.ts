/**
 * `lucent scan sbom:FILE --scanners builtin,dependency-track` against a loopback Dependency-Track that behaves like the
 * real API: the SBOM is uploaded with the API key, the token polled until processing ends, the project's findings
 * read back and merged with the built-in matcher's.
 */
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dependencyTrackScanner } from '../src/matcher/scanners/dependency-track/index.ts';
import {
  SAMPLE_OSV_RECORDS,
  SAMPLE_PURLS,
  scannerSampleAnalysis,
} from '../src/matcher/scanners/testing/scanner-sample.ts';
import { encodeSbom } from '../src/sbom/encode.ts';
import { runCli } from './support/cli.ts';
import {
  type FakeDependencyTrack,
  type FakeDtVulnerability,
  startFakeDependencyTrack,
} from './support/fake-dependency-track.ts';

const API_KEY = 'odt_0123456789abcdefABCDEF0123456789';
const dtFindings = JSON.parse(
  readFileSync(
    new URL('../src/matcher/scanners/dependency-track/__fixtures__/findings-project.json', import.meta.url),
    'utf8',
  ),
) as (FakeDtVulnerability & { component: { purl: string } })[];

/** The fixture's vulnerabilities, by the purl of the component Dependency-Track attributed them to. */
function vulnerabilitiesByPurl(): Record<string, FakeDtVulnerability[]> {
  const out: Record<string, FakeDtVulnerability[]> = {};
  for (const { component, vulnerability, analysis } of dtFindings) {
    const { uuid: _uuid, ...rest } = vulnerability as Record<string, unknown> & { vulnId: string };
    out[component.purl] = [
      ...(out[component.purl] ?? []),
      { vulnerability: rest as FakeDtVulnerability['vulnerability'], ...(analysis ? { analysis } : {}) },
    ];
  }
  return out;
}

let dir: string;
let db: string;
let sbom: string;
let dtrack: FakeDependencyTrack;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lucent-scanners-dt-'));
  const records = join(dir, 'osv');
  await mkdir(records);
  for (const record of SAMPLE_OSV_RECORDS) await writeFile(join(records, `${record.id}.json`), JSON.stringify(record));
  db = join(dir, 'advisories.db');
  expect((await runCli(['db', 'import', records, '--db', db])).code).toBe(0);
  sbom = join(dir, 'app.cdx.json');
  await writeFile(
    sbom,
    await encodeSbom('cyclonedx-json', { result: scannerSampleAnalysis(), tool: { name: 'lucent', version: '0.1.0' } }),
  );
  dtrack = await startFakeDependencyTrack({ apiKey: API_KEY, vulnerabilities: vulnerabilitiesByPurl() });
});

afterAll(async () => {
  await dtrack?.close();
});

/** The parts of a JSON report finding the merge decides. */
function merged(finding: Record<string, unknown>) {
  const { id, aliases, fixedVersions, severity, scanners, variants } = finding;
  return { id, aliases, purl: (finding.package as { purl: string }).purl, fixedVersions, severity, scanners, variants };
}

describe('lucent scan --scanners builtin,dependency-track', () => {
  it('uploads the SBOM, waits for processing, and merges Dependency-Track’s findings with the built-in ones', async () => {
    const result = await runCli(
      [
        '--no-cache',
        'scan',
        `sbom:${sbom}`,
        '--db',
        db,
        '--scanners',
        'builtin,dependency-track',
        '--dtrack-url',
        dtrack.url,
        '-f',
        'json',
      ],
      { LUCENT_DTRACK_API_KEY: API_KEY },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.findings.map(merged)).toEqual([
      {
        id: 'CVE-2021-23337',
        aliases: ['GHSA-35jh-r3h4-6jhm'],
        purl: SAMPLE_PURLS.lodash,
        fixedVersions: ['4.17.21'],
        severity: {
          level: 'HIGH',
          score: 7.2,
          vector: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H',
          source: 'CVSS_V3 vector of GHSA-35jh-r3h4-6jhm',
        },
        scanners: ['lucent', 'dependency-track'],
        variants: [
          {
            scanner: 'lucent',
            id: 'CVE-2021-23337',
            severity: {
              level: 'HIGH',
              score: 7.2,
              vector: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H',
              source: 'CVSS_V3 vector of GHSA-35jh-r3h4-6jhm',
            },
            fixedVersions: ['4.17.21'],
          },
          {
            scanner: 'dependency-track',
            id: 'GHSA-35jh-r3h4-6jhm',
            severity: {
              level: 'HIGH',
              score: 7.2,
              vector: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H',
              source: 'dependency-track:GITHUB',
            },
            fixedVersions: [],
          },
        ],
      },
      {
        // Dependency-Track rates it CRITICAL; the built-in's rating (from the record's vector) is the one shown.
        id: 'CVE-2021-44906',
        aliases: ['GHSA-xvch-5gv4-984h'],
        purl: SAMPLE_PURLS.minimist,
        fixedVersions: ['1.2.6'],
        severity: {
          level: 'MEDIUM',
          score: 5,
          vector: 'CVSS:3.1/AV:N/AC:H/PR:L/UI:N/S:U/C:L/I:L/A:L',
          source: 'CVSS_V3 vector of GHSA-xvch-5gv4-984h',
        },
        scanners: ['lucent', 'dependency-track'],
        variants: [
          {
            scanner: 'lucent',
            id: 'CVE-2021-44906',
            severity: {
              level: 'MEDIUM',
              score: 5,
              vector: 'CVSS:3.1/AV:N/AC:H/PR:L/UI:N/S:U/C:L/I:L/A:L',
              source: 'CVSS_V3 vector of GHSA-xvch-5gv4-984h',
            },
            fixedVersions: ['1.2.6'],
          },
          {
            scanner: 'dependency-track',
            id: 'CVE-2021-44906',
            severity: {
              level: 'CRITICAL',
              score: 9.8,
              vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
              source: 'dependency-track:NVD',
            },
            fixedVersions: [],
          },
        ],
      },
      {
        // Only Dependency-Track knows it: its rating, no fix (its findings carry none), the CVE alias as the id.
        id: 'CVE-2023-32681',
        aliases: ['GHSA-j8r2-6x86-q33q'],
        purl: SAMPLE_PURLS.requests,
        fixedVersions: [],
        severity: {
          level: 'MEDIUM',
          score: 6.1,
          vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:C/C:H/I:N/A:N',
          source: 'dependency-track:GITHUB',
        },
        scanners: ['dependency-track'],
        variants: [],
      },
    ]);
    // The suppressed libssl3 finding stays out; its component was uploaded like every other.
    const upload = dtrack.uploads.at(-1);
    expect(upload?.projectName).toBe('app.cdx.json');
    expect(upload?.projectVersion).toBe('latest');
    expect(upload?.bom.specVersion).toBe('1.4');
    const components = (upload?.bom.components ?? []) as { purl?: string }[];
    expect(components.flatMap((component) => component.purl ?? [])).toEqual(Object.values(SAMPLE_PURLS));
  });

  it('sends the key on every call and polls the token until processing is false', async () => {
    const before = dtrack.requests.length;
    const result = await runCli(
      [
        '--no-cache',
        'scan',
        `sbom:${sbom}`,
        '--scanners',
        'dependency-track',
        '--dtrack-url',
        `${dtrack.url}/api/`,
        '--dtrack-project',
        'shop',
        '--dtrack-project-version',
        '2.1',
        '-f',
        'json',
      ],
      { LUCENT_DTRACK_API_KEY: API_KEY, LUCENT_DB: join(dir, 'no-such.db') },
    );
    expect(result.code).toBe(0);
    const calls = dtrack.requests.slice(before);
    expect(
      calls.map(({ method, path, processing }) => [method, path.replace(/[0-9a-f-]{36}/, 'UUID'), processing]),
    ).toEqual([
      ['PUT', '/api/v1/bom', undefined],
      ['GET', '/api/v1/bom/token/UUID', true],
      ['GET', '/api/v1/bom/token/UUID', true],
      ['GET', '/api/v1/bom/token/UUID', false],
      ['GET', '/api/v1/project/lookup', undefined],
      ['GET', '/api/v1/finding/project/UUID', undefined],
    ]);
    expect(calls.every((call) => call.apiKey === API_KEY)).toBe(true);
    expect(dtrack.uploads.at(-1)).toMatchObject({ projectName: 'shop', projectVersion: '2.1' });
    // Dependency-Track's ratings alone decide the report order: CRITICAL, HIGH, MEDIUM.
    expect(JSON.parse(result.stdout).findings.map((finding: { id: string }) => finding.id)).toEqual([
      'CVE-2021-44906',
      'CVE-2021-23337',
      'CVE-2023-32681',
    ]);
  });

  it('warns and keeps the built-in findings when the API key is wrong (HTTP 401)', async () => {
    const result = await runCli(
      [
        '--no-cache',
        'scan',
        `sbom:${sbom}`,
        '--db',
        db,
        '--scanners',
        'builtin,dependency-track',
        '--dtrack-url',
        dtrack.url,
        '-f',
        'json',
      ],
      { LUCENT_DTRACK_API_KEY: 'odt_wrong' },
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'warning: scanner dependency-track skipped: Dependency-Track rejected the API key (HTTP 401 on PUT /api/v1/bom); check LUCENT_DTRACK_API_KEY\n',
    );
    const report = JSON.parse(result.stdout);
    expect(
      report.findings.map((finding: { id: string; scanners: string[] }) => [finding.id, finding.scanners]),
    ).toEqual([
      ['CVE-2021-23337', ['lucent']],
      ['CVE-2021-44906', ['lucent']],
    ]);
  });

  it('fails with E_SCANNERS_FAILED when Dependency-Track is the only scanner and has no key', async () => {
    const result = await runCli(
      ['--no-cache', 'scan', `sbom:${sbom}`, '--scanners', 'dependency-track', '--dtrack-url', dtrack.url],
      {
        LUCENT_DTRACK_API_KEY: '',
      },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'error: every vulnerability scanner failed: dependency-track: no Dependency-Track API key (set LUCENT_DTRACK_API_KEY)\n' +
        '  hint: install or configure the scanners (docs/scanners.md), or include the built-in one (--scanners builtin,…)\n',
    );
  });
});

describe('the Dependency-Track adapter', () => {
  const input = () => ({ path: sbom, text: readFileSync(sbom, 'utf8'), subject: { name: 'adapter-test' } });

  it('gives up when processing does not end before the scanner timeout', async () => {
    const slow = await startFakeDependencyTrack({ apiKey: API_KEY, vulnerabilities: {}, processingPolls: 1000 });
    try {
      const context = {
        env: { LUCENT_DTRACK_API_KEY: API_KEY },
        timeoutMs: 300,
        options: { dtrackUrl: slow.url },
        pollIntervalMs: 50,
      };
      await expect(dependencyTrackScanner.scan(input(), context)).rejects.toThrow(
        'Dependency-Track did not finish in time (processing the SBOM); raise --scanner-timeout',
      );
      expect(slow.requests.filter((request) => request.processing === true).length).toBeGreaterThan(1);
    } finally {
      await slow.close();
    }
  });

  it('says when Dependency-Track cannot be reached', async () => {
    const gone = await startFakeDependencyTrack({ apiKey: API_KEY, vulnerabilities: {} });
    await gone.close();
    const context = { env: { LUCENT_DTRACK_API_KEY: API_KEY }, timeoutMs: 5000, options: { dtrackUrl: gone.url } };
    await expect(dependencyTrackScanner.scan(input(), context)).rejects.toThrow(
      new RegExp(`^cannot reach Dependency-Track at ${gone.url} \\(PUT /api/v1/bom\\): .*ECONNREFUSED`),
    );
  });
});
