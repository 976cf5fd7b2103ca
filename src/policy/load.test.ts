import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../matcher/match.ts';
import { loadIgnoreRules, loadPolicyFiles, loadVexStatements, parseVexDocument } from './load.ts';
import { applyPolicy } from './policy.ts';
import { subjectIdentifiers } from './subject.ts';

const fixtures = {
  ignore: new URL('./ignore-file/__fixtures__/lucent.yaml', import.meta.url).pathname,
  openvex: new URL('./vex/openvex/__fixtures__/app.openvex.json', import.meta.url).pathname,
  cyclonedx: new URL('./vex/cyclonedx/__fixtures__/app.vex.cdx.json', import.meta.url).pathname,
};

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lucent-policy-'));
  await writeFile(join(dir, '.lucent.yaml'), 'ignore:\n  - id: CVE-2000-0001\n');
});

async function rejection(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (caught: { code?: string; message: string }) => caught,
  );
  return error ? `${error.code} ${error.message}` : 'resolved';
}

describe('loadIgnoreRules', () => {
  it('reads .lucent.yaml from the working directory, and nothing when there is none', async () => {
    expect(await loadIgnoreRules({ cwd: dir })).toEqual([{ id: 'CVE-2000-0001', origin: '.lucent.yaml ignore[0]' }]);
    expect(await loadIgnoreRules({ cwd: join(dir, 'nowhere') })).toEqual([]);
  });

  it('reads a named file instead, which must exist', async () => {
    expect((await loadIgnoreRules({ cwd: dir, path: fixtures.ignore })).map((rule) => rule.id ?? rule.package)).toEqual(
      ['CVE-2023-4911', 'GHSA-35jh-r3h4-6jhm', 'libsystemd*'],
    );
    expect(await rejection(loadIgnoreRules({ cwd: dir, path: join(dir, 'missing.yaml') }))).toBe(
      `E_POLICY_FILE_NOT_FOUND ignore file not found: ${join(dir, 'missing.yaml')}`,
    );
    expect(await rejection(loadIgnoreRules({ cwd: dir, path: dir }))).toBe(
      `E_POLICY_FILE_NOT_FOUND ignore file is a directory: ${dir}`,
    );
  });
});

describe('VEX documents', () => {
  it('reads both formats, in the order given', async () => {
    const { statements } = await loadVexStatements([fixtures.openvex, fixtures.cyclonedx]);
    expect(statements.map((statement) => `${statement.format} ${statement.vulnerabilities[0]}`)).toEqual([
      'openvex CVE-2023-4911',
      'openvex CVE-2021-23337',
      'openvex GHSA-p6mc-m468-83gw',
      'openvex CVE-2023-45133',
      'cyclonedx CVE-2021-23337',
      'cyclonedx CVE-2023-32681',
      'cyclonedx CVE-2023-4911',
      'cyclonedx CVE-2023-5678',
      'cyclonedx CVE-2023-45133',
    ]);
  });

  it.each([
    ['not JSON', '{ "a": ', 'E_POLICY_FILE_INVALID invalid x.json: not JSON'],
    ['another JSON document', '{ "spdxVersion": "SPDX-2.3" }', 'E_POLICY_FILE_INVALID invalid x.json: neither OpenVEX'],
  ])('rejects %s', (_name, text, message) => {
    expect(() => parseVexDocument(text, 'x.json')).toThrow(message.replace(/^E_\S+ /, ''));
  });

  it('says which VEX file is missing', async () => {
    expect(await rejection(loadPolicyFiles({ vexFiles: [fixtures.openvex, 'gone.json'], cwd: dir }))).toBe(
      'E_POLICY_FILE_NOT_FOUND VEX document not found: gone.json',
    );
  });
});

describe('the fixtures applied to findings of the image they describe', () => {
  const LIBC = 'pkg:deb/debian/libc6@2.36-9%2Bdeb12u3?arch=amd64&distro=debian-12';
  const found = (id: string, purl: string, name: string, aliases: string[] = []): Finding => ({
    id,
    aliases,
    packagePurl: purl,
    packageName: name,
    installedVersion: '',
    fixedVersions: ['1'],
    evidence: [],
  });
  const findings = [
    found('CVE-2023-4911', LIBC, 'libc6'),
    found('CVE-2021-23337', 'pkg:npm/lodash@4.17.20', 'lodash', ['GHSA-35jh-r3h4-6jhm']),
    found('CVE-2020-28500', 'pkg:npm/lodash@4.17.20', 'lodash', ['GHSA-p6mc-m468-83gw']),
    found('CVE-2023-45133', 'pkg:npm/%40babel/traverse@7.22.0', '@babel/traverse'),
    found('CVE-2023-32681', 'pkg:pypi/requests@2.25.0', 'requests'),
    found('CVE-2023-5678', 'pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=amd64&distro=debian-12', 'openssl'),
  ];
  const subjects = subjectIdentifiers({
    source: {
      kind: 'registry',
      reference: 'registry:registry.example/team/app:1.0',
      target: 'registry.example/team/app:1.0',
    },
    name: 'registry.example/team/app:1.0',
    manifest: {
      digest: 'sha256:5b0bcabd1ed22e9fb1310cf6c2dec7cdef19f0ad69efa1f392e94a4333501270',
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
    },
    platform: { os: 'linux', architecture: 'amd64' },
    repoTags: [],
  });

  it('suppresses what each statement covers, and keeps the rest', async () => {
    const { vex } = await loadPolicyFiles({ vexFiles: [fixtures.openvex, fixtures.cyclonedx], cwd: join(dir, 'none') });
    const outcome = applyPolicy(findings, { vex }, { now: new Date('2024-06-01T00:00:00Z'), subjects });
    expect(outcome.suppressed.map((item) => `${item.finding.id} ${item.status} ${item.origin}`)).toEqual(
      [
        // The OpenVEX image statement, not the CycloneDX one: it is newer (document last_updated 2024-05-02).
        'CVE-2023-4911 not_affected app.openvex.json statements[0]',
        // The CycloneDX statement, last updated 2024-04-15, is newer than the OpenVEX one of 2024-04-01.
        'CVE-2021-23337 not_affected app.vex.cdx.json vulnerabilities[0]',
        'CVE-2020-28500 fixed app.openvex.json statements[2]',
        'CVE-2023-32681 not_affected app.vex.cdx.json vulnerabilities[1]',
        'CVE-2023-5678 not_affected app.vex.cdx.json vulnerabilities[3]',
      ].map((line) =>
        line.replace(/app\.(openvex|vex\.cdx)\.json/, (file) =>
          file === 'app.openvex.json' ? fixtures.openvex : fixtures.cyclonedx,
        ),
      ),
    );
    expect(outcome.reported.map((item) => item.id)).toEqual(['CVE-2023-45133']);
  });

  it('image statements need the image: scanned as an SBOM, only package statements apply', async () => {
    const { vex } = await loadPolicyFiles({ vexFiles: [fixtures.openvex, fixtures.cyclonedx], cwd: join(dir, 'none') });
    const outcome = applyPolicy(findings, { vex }, { now: new Date('2024-06-01T00:00:00Z'), subjects: [] });
    expect(outcome.reported.map((item) => item.id)).toEqual(['CVE-2023-45133', 'CVE-2023-5678']);
    // libc6 is still suppressed, now by the CycloneDX package statement (resolved → fixed).
    expect(outcome.suppressed[0]?.origin).toBe(`${fixtures.cyclonedx} vulnerabilities[2]`);
  });
});
