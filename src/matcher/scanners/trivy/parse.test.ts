import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTrivyOutput } from './parse.ts';

const read = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), 'utf8');
const LIBSSL = 'pkg:deb/debian/libssl3@3.0.11-1~deb12u2?arch=amd64&distro=debian-12';

describe('parseTrivyOutput', () => {
  it('reads every vulnerability of every result, with the package’s purl and bom-ref', () => {
    expect(parseTrivyOutput(read('trivy-sbom-scan.json'))).toEqual([
      {
        id: 'CVE-2024-0727',
        aliases: [],
        purl: LIBSSL,
        bomRef: LIBSSL,
        packageName: 'libssl3',
        installedVersion: '3.0.11-1~deb12u2',
        fixedVersions: ['3.0.13-1~deb12u1'],
        severity: {
          level: 'MEDIUM',
          score: 5.5,
          vector: 'CVSS:3.1/AV:L/AC:L/PR:N/UI:R/S:U/C:N/I:N/A:H',
          source: 'trivy:nvd',
        },
        summary: 'openssl: denial of service via null dereference',
      },
      {
        // Debian's own rating has no CVSS vector: NVD's is not shown next to it.
        id: 'CVE-2023-5678',
        aliases: [],
        purl: LIBSSL,
        bomRef: LIBSSL,
        packageName: 'libssl3',
        installedVersion: '3.0.11-1~deb12u2',
        fixedVersions: [],
        severity: { level: 'LOW', source: 'trivy:debian' },
        summary:
          'openssl: Generating excessively long X9.42 DH keys or checking excessively long X9.42 DH keys or parameters may be very slow',
      },
      {
        id: 'CVE-2021-23337',
        aliases: [],
        purl: 'pkg:npm/lodash@4.17.20',
        bomRef: 'pkg:npm/lodash@4.17.20',
        packageName: 'lodash',
        installedVersion: '4.17.20',
        fixedVersions: ['4.17.21'],
        severity: {
          level: 'HIGH',
          score: 7.2,
          vector: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H',
          source: 'trivy:ghsa',
        },
        summary: 'nodejs-lodash: command injection via template',
      },
      {
        id: 'CVE-2021-44906',
        aliases: [],
        purl: 'pkg:npm/minimist@1.2.5',
        bomRef: 'pkg:npm/minimist@1.2.5',
        packageName: 'minimist',
        installedVersion: '1.2.5',
        // Two fixed branches, comma-separated in Trivy's FixedVersion.
        fixedVersions: ['1.2.6', '0.2.4'],
        severity: {
          level: 'CRITICAL',
          score: 9.8,
          vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
          source: 'trivy:ghsa',
        },
        summary: 'minimist: prototype pollution',
      },
      {
        id: 'CVE-2023-32681',
        aliases: [],
        purl: 'pkg:pypi/requests@2.25.0',
        bomRef: 'pkg:pypi/requests@2.25.0',
        packageName: 'requests',
        installedVersion: '2.25.0',
        fixedVersions: ['2.31.0'],
        severity: {
          level: 'MEDIUM',
          score: 6.1,
          vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:C/C:H/I:N/A:N',
          source: 'trivy:ghsa',
        },
        summary: 'python-requests: Unintended leak of Proxy-Authorization header',
      },
    ]);
  });

  it('reads the bom-ref from PkgRef in reports of Trivy before 0.49, and results without vulnerabilities', () => {
    expect(parseTrivyOutput(read('trivy-0.4x-pkgref.json'))).toEqual([
      {
        id: 'CVE-2024-2511',
        aliases: [],
        bomRef: 'pkg:apk/alpine/libssl3@3.1.4-r5?arch=x86_64&distro=alpine-3.19',
        packageName: 'libssl3',
        installedVersion: '3.1.4-r5',
        fixedVersions: ['3.1.4-r6'],
        severity: { level: 'UNKNOWN', source: 'trivy:nvd' },
        summary: 'openssl: Unbounded memory growth with session handling in TLSv1.3',
      },
    ]);
  });

  it('keeps vendor advisory ids as aliases, prefers a CVSS v4.0 vector, and drops not_affected entries', () => {
    const report = JSON.parse(read('trivy-sbom-scan.json'));
    const [first, second] = report.Results[0].Vulnerabilities;
    first.VendorIDs = ['DSA-9999-1', 'CVE-2024-0727'];
    first.CVSS.nvd.V40Vector = 'CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:P/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N';
    first.CVSS.nvd.V40Score = 6.8;
    second.Status = 'not_affected';
    report.Results = [report.Results[0]];
    expect(parseTrivyOutput(JSON.stringify(report))).toEqual([
      expect.objectContaining({
        id: 'CVE-2024-0727',
        aliases: ['DSA-9999-1'],
        severity: {
          level: 'MEDIUM',
          score: 6.8,
          vector: 'CVSS:4.0/AV:L/AC:L/AT:N/PR:N/UI:P/VC:N/VI:N/VA:H/SC:N/SI:N/SA:N',
          source: 'trivy:nvd',
        },
      }),
    ]);
  });

  it('reads a report without results (nothing found in an empty SBOM)', () => {
    expect(parseTrivyOutput('{"SchemaVersion":2,"ArtifactName":"sbom.cdx.json","ArtifactType":"cyclonedx"}')).toEqual(
      [],
    );
  });

  it.each([
    ['no JSON', 'The first run cannot skip downloading DB'],
    ['a Grype document', '{"matches":[]}'],
    ['a vulnerability without a package', '{"SchemaVersion":2,"Results":[{"Target":"x","Vulnerabilities":[{}]}]}'],
  ])('rejects %s', (_name, text) => {
    expect(() => parseTrivyOutput(text)).toThrow();
  });
});
